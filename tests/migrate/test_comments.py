"""No comment is lost without a word: the ledger names each one the migration removes."""

from __future__ import annotations

import pytest

from setsquare.migrate.comments import comments_of, unplaced_comments
from setsquare.migrate.project import migrate_project


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "setup.cfg",
            "# a\n[x]\n; b\nk = v # not a comment to configparser\n",
            [(1, "a"), (3, "b")],
        ),
        ("setup.cfg", "#\n[x]\n#   \n", []),
        ("requirements.txt", "# a\nsix  # b\nurl#egg=x\n", [(1, "a"), (2, "b")]),
        ("setup.py", "setup(  # a\n    name='x#y',  # b\n)\n", [(1, "a"), (2, "b")]),
    ],
)
def test_comments_are_read_the_way_each_tool_reads_them(
    path: str, text: str, expected: list[tuple[int, str]]
) -> None:
    assert comments_of(path, text) == expected


def test_a_comment_found_anywhere_afterwards_is_not_reported() -> None:
    files = {"setup.cfg": "[a]\n# moved\nk = v\n", "tox.ini": "# kept\n[b]\n"}
    changes = {"setup.cfg": None, "pyproject.toml": "# moved\nk = 1\n", "tox.ini": None}
    found = unplaced_comments(files, changes, skip=frozenset())
    assert [e.source.render() for e in found] == ["tox.ini:1"]


def test_a_comment_whose_words_remain_only_as_values_is_reported() -> None:
    # pip-compile's trailing `# via pytest`-style lines: the words stay as a requirement
    # and a project name, the comments do not (field test on pip-compile outputs).
    files = {"requirements-dev.txt": "pytest==6.2.5\n# pytest\n# demo\n# kept too\n"}
    changes = {
        "requirements-dev.txt": None,
        "pyproject.toml": '[project]\nname = "demo"\n[dependency-groups]\n'
        'dev = ["pytest==6.2.5"]  # kept too\n',
    }
    found = unplaced_comments(files, changes, skip=frozenset())
    assert [e.source.render() for e in found] == [
        "requirements-dev.txt:2",
        "requirements-dev.txt:3",
    ]


def test_files_edited_by_a_comment_keeping_writer_are_skipped() -> None:
    files = {"pyproject.toml": "# gone\n"}
    assert (
        unplaced_comments(files, {"pyproject.toml": ""}, skip=frozenset({"pyproject.toml"})) == []
    )
    assert len(unplaced_comments(files, {"pyproject.toml": ""}, skip=frozenset())) == 1


def test_a_comment_at_the_end_of_a_moved_section_is_reported() -> None:
    setup_cfg = (
        "[metadata]\nname = pkg\nversion = 1.0\n\n"
        "[flake8]\nmax-line-length = 100\n# the end of flake8\n\n"
        "[bumpversion]\ncurrent_version = 1.0\n"
    )
    outcome = migrate_project({"setup.cfg": setup_cfg})
    assert "# the end of flake8" not in (outcome.changes["setup.cfg"] or "")
    assert "# the end of flake8" not in (outcome.changes["pyproject.toml"] or "")
    dropped = [e.render() for e in outcome.entries if "the end of flake8" in e.reason]
    assert dropped == [
        (
            "dropped     setup.cfg:7 (comment `# the end of flake8`: what it stood next to was"
            " removed and it had no key to travel with; copy it by hand if it still matters)"
        )
    ]
