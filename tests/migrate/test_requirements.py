"""requirements*.txt mapper: pip's grammar in, list items or kept lines out."""

from __future__ import annotations

import pytest

from setsquare.migrate.ledger import Action
from setsquare.migrate.model import Item
from setsquare.migrate.project import migrate_project
from setsquare.migrate.requirements import convert_file
from setsquare.migrate.requirements.lines import logical_lines
from setsquare.migrate.requirements.plan import discover, group_name


def convert(text: str, roles: dict[str, str | None] | None = None) -> tuple[list[Item], list[str]]:
    result = convert_file("requirements.txt", text, target="T", include_targets=roles or {})
    kept = [e.source.key for e in result.entries if e.action == Action.KEPT]
    assert result.kept == len(kept)
    return result.items, kept


FIXES = [
    pytest.param("Django>=4.2,<5.0\n", [Item("Django>=4.2,<5.0")], id="spelling-kept"),
    pytest.param("requests [socks] == 2.31\n", [Item("requests [socks] == 2.31")], id="spaces"),
    pytest.param(
        "# heading\nsix  # inline\n", [Item("six", ("heading",), "inline")], id="comments"
    ),
    pytest.param(
        'numpy<2; python_version < "3.12"\nnumpy>=2; python_version >= "3.12"\n',
        [Item('numpy<2; python_version < "3.12"'), Item('numpy>=2; python_version >= "3.12"')],
        id="same-name-disjoint-markers",
    ),
    pytest.param("six \\\n  >=1.16\n", [Item("six   >=1.16")], id="continuation"),
    pytest.param(
        "x @ https://h.org/x.tar.gz#sha256=ab\n",
        [Item("x @ https://h.org/x.tar.gz#sha256=ab")],
        id="url-fragment-not-a-comment",
    ),
    pytest.param(
        "git+https://g.org/o/black@24.1.0#egg=black\n",
        [Item("black @ git+https://g.org/o/black@24.1.0")],
        id="egg-fragment",
    ),
    pytest.param("\ufeffsix\r\nattrs\r\n", [Item("six"), Item("attrs")], id="bom-crlf"),
    pytest.param("\tsix\n", [Item("six")], id="tab"),
    pytest.param(
        "-r requirements-test.txt\n",
        [Item({"include-group": "test"})],
        id="include-group",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: list[Item]) -> None:
    items, kept = convert(text, {"requirements-test.txt": "test"})
    assert items == expected
    assert kept == []


KEPT = [
    pytest.param("-c constraints.txt\n", id="constraint"),
    pytest.param("--index-url https://i.org/simple\n", id="index-url"),
    pytest.param("--extra-index-url=https://i.org/simple\n", id="extra-index-url"),
    pytest.param("--find-links ./wheels\n", id="find-links"),
    pytest.param("--trusted-host i.org\n", id="trusted-host"),
    pytest.param("--no-index\n", id="no-index"),
    pytest.param("--pre\n", id="pre"),
    pytest.param("--only-binary :all:\n", id="only-binary"),
    pytest.param("-e ./libs/x\n", id="editable-path"),
    pytest.param("-e .[dev]\n", id="editable-self"),
    pytest.param("-e git+https://g.org/x#egg=x\n", id="editable-vcs"),
    pytest.param("six==1.16 \\\n    --hash=sha256:abc\n", id="hash"),
    pytest.param("x --config-settings=a=b\n", id="config-settings"),
    pytest.param("x @ https://${TOKEN}@h.org/x.tar.gz\n", id="env-var"),
    pytest.param("x @ https://user:secret@h.org/x.tar.gz\n", id="credentials"),
    pytest.param("x @ HTTPS://user:secret@h.org/x.tar.gz\n", id="credentials-upper-case-scheme"),
    pytest.param("x @ git+ssh://git:secret@h.org/x.git\n", id="credentials-git+ssh-password"),
    pytest.param("x @ https://user:p@ss@h.org/x.tar.gz\n", id="credentials-at-in-password"),
    pytest.param("x @ https://ghp_secret@h.org/x.tar.gz\n", id="credentials-token-only"),
    pytest.param("x @ https://user:${TOKEN}@h.org/x.tar.gz\n", id="credentials-user-and-variable"),
    pytest.param("git+https://secret@h.org/x#egg=x\n", id="credentials-egg"),
    pytest.param("--index-url=https://user:secret@h.org/simple\n", id="credentials-index-url"),
    pytest.param("-r https://h.org/requirements.txt\n", id="include-of-a-url"),
    pytest.param("./vendor/x-1.0-py3-none-any.whl\n", id="local-wheel"),
    pytest.param("file:.\n", id="file-url-of-the-project"),
    pytest.param("file:../sibling\n", id="file-url-of-a-sibling"),
    pytest.param("-r not-migrated.txt\n", id="include-of-unmigrated-file"),
]


@pytest.mark.parametrize("text", KEPT)
def test_kept_lines_stay_in_the_file(text: str) -> None:
    items, kept = convert(text, {"not-migrated.txt": None})
    assert items == []
    assert len(kept) == 1


def test_secret_values_are_never_copied() -> None:
    items, _ = convert("x @ https://${TOKEN}@h.org/x\ny @ https://u:p@h.org/y\nz\n")
    assert items == [Item("z")]


def test_the_ledger_masks_credentials_but_shows_variable_names() -> None:
    # The ledger is printed, and CI logs keep what is printed.
    result = convert_file(
        "requirements.txt",
        "x @ https://user:secret@h.org/x.tar.gz\n"
        "--extra-index-url https://t0ken@h.org/simple\n"
        "y @ https://${TOKEN}@h.org/y.tar.gz\n",
        target="T",
        include_targets={},
    )
    shown = [entry.source.render() for entry in result.entries]
    assert shown == [
        "requirements.txt:1 x @ https://****@h.org/x.tar.gz",
        "requirements.txt:2 --extra-index-url https://****@h.org/simple",
        "requirements.txt:3 y @ https://${TOKEN}@h.org/y.tar.gz",
    ]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("x @ HTTPS://user:secret@h.org/x.whl", "x @ HTTPS://****@h.org/x.whl"),
        ("x @ git+ssh://git:secret@h.org/x.git", "x @ git+ssh://git:****@h.org/x.git"),
        ("x @ https://user:p@ss@h.org/x.whl", "x @ https://****@h.org/x.whl"),
        ("x @ hg+https://secret@h.org/x", "x @ hg+https://****@h.org/x"),
        ("-i https://user:secret@h.org/simple", "-i https://****@h.org/simple"),
    ],
)
def test_every_credential_form_is_kept_and_masked(line: str, shown: str) -> None:
    # One rule (setsquare.redact) decides both what is masked and what is never copied.
    result = convert_file("r.txt", f"{line}\n", target="T", include_targets={})
    assert result.items == []
    assert [(e.source.render(), e.action) for e in result.entries] == [
        (f"r.txt:1 {shown}", Action.KEPT)
    ]
    assert "secret" not in repr(result.entries)
    assert "p@ss" not in repr(result.entries)


def test_the_conventional_ssh_user_is_not_a_secret() -> None:
    items, kept = convert("x @ git+ssh://git@h.org/o/x.git\n")
    assert items == [Item("x @ git+ssh://git@h.org/o/x.git")]
    assert kept == []


def test_an_include_of_a_url_stays_and_is_masked() -> None:
    # pip fetches -r URLs; normpath would fold "https://" to "https:/", hiding it from redact.
    files = {
        "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n',
        "requirements-dev.txt": "-r https://h.org/base.txt\n-r https://u:secret@h.org/x.txt\npytest\n",
    }
    outcome = migrate_project(files)
    rendered = "\n".join(entry.render() for entry in outcome.entries)
    assert "secret" not in rendered
    assert "https:/h" not in rendered
    assert "requirements-dev.txt:1 -r https://h.org/base.txt" in rendered
    assert "requirements-dev.txt:2 -r https://****@h.org/x.txt" in rendered
    assert "secret" not in (outcome.changes.get("pyproject.toml") or "")


def test_a_malformed_line_with_credentials_is_kept_not_echoed_in_an_error() -> None:
    # The credential check comes first: an error message would quote the line.
    result = convert_file(
        "r.txt", "x ==== https://u:secret@h.org\n", target="T", include_targets={}
    )
    assert result.kept == 1
    assert "secret" not in repr(result.entries)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("six==1.16 --hash=sha256:abc", "per-requirement option --hash (hashes belong in a lock"),
        ("x --config-settings=a=b", "option --config-settings (build options for one requirement"),
        ("x --global-option=--no-ext", "option --global-option (build options for one requirement"),
    ],
)
def test_per_requirement_options_say_why_they_stay(line: str, reason: str) -> None:
    result = convert_file("r.txt", f"{line}\n", target="T", include_targets={})
    reasons = [entry.reason for entry in result.entries]
    assert any(reason in text for text in reasons), reasons


@pytest.mark.parametrize("target", ["requirements.txt", "requirements-dev.txt"])
def test_a_file_whose_every_line_stays_writes_no_empty_list(target: str) -> None:
    # pip-compile --generate-hashes output: nothing moves, so nothing may change.
    files = {
        "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n',
        target: "six==1.16.0 \\\n    --hash=sha256:abc\n",
    }
    outcome = migrate_project(files)
    assert outcome.changes == {}
    assert [entry.render() for entry in outcome.entries][-1] == (
        f"kept        {target} (1 line(s) stay in it (see above); no group is written for it)"
    )


def test_blank_lines_between_groups_are_kept() -> None:
    files = {
        "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n',
        "requirements.txt": "\nflask\nrequests\n\n# data\nnumpy\n\n-e .\npandas\n",
    }
    text = migrate_project(files).changes["pyproject.toml"] or ""
    # The leading blank line starts no group; a kept line (-e) passes its gap on.
    assert text.endswith(
        'requirements = [\n    "flask",\n    "requests",\n\n    # data\n    "numpy",\n'
        '\n    "pandas",\n]\n'
    )


def test_include_of_the_projects_own_dependencies_is_implied() -> None:
    result = convert_file(
        "requirements-dev.txt",
        "# tools\n-r requirements.txt\npytest\n",
        target="T",
        include_targets={"requirements.txt": ""},
    )
    assert result.items == [Item("pytest", ("tools",))]
    assert result.kept == 0


def test_logical_lines() -> None:
    lines = logical_lines("# a\n\nx \\\n  y  # c\n  # d\n")
    assert [(line.text, line.line, line.comments, line.inline) for line in lines] == [
        ("x   y", 3, ("a",), "c")
    ]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("requirements-dev.txt", "dev"),
        ("requirements_test.in", "test"),
        ("dev-requirements.txt", "dev"),
        ("requirements/docs.txt", "docs"),
        ("requirements/Lint_Tools.in", "lint-tools"),
    ],
)
def test_group_name(path: str, name: str) -> None:
    assert group_name(path) == name


def test_discover_prefers_in_over_compiled_txt() -> None:
    runtime, groups, entries = discover(
        ["requirements.in", "requirements.txt", "requirements-dev.in", "requirements-dev.txt"]
    )
    assert runtime == "requirements.in"
    assert groups == ["requirements-dev.in"]
    assert [e.source.path for e in entries] == ["requirements-dev.txt", "requirements.txt"]


def test_credentials_in_comments_are_masked_where_comments_are_copied() -> None:
    items, _ = convert(
        "# mirror: https://user:secret@h.org/simple\n"
        "-i https://u:secret@h.org/simple  # was https://u:secret@old.org/\n"
        "six  # see git+ssh://git:secret@h.org/x.git\n"
    )
    assert items == [
        Item(
            "six",
            ("mirror: https://****@h.org/simple", "was https://****@old.org/"),
            "see git+ssh://git:****@h.org/x.git",
        )
    ]
