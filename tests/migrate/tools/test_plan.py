"""Merging into an existing document: comments, order and user tables stay as they are."""

from __future__ import annotations

from tests.migrate.tools.support import run

COMMENTED = """\
# My project.
[project]
name = "demo"  # the name
version = "1"

# Linting, by hand.
[tool.ruff.lint]
select = ["E"]

[tool.other]
x = 1
"""


def test_existing_content_is_untouched_and_new_tables_are_appended() -> None:
    done = run({"mypy.ini": "# strict from day one\n[mypy]\nstrict = true\n"}, COMMENTED)
    assert done.text == COMMENTED + "\n[tool.mypy]\n# strict from day one\nstrict = true\n"


def test_a_user_table_is_never_written_into() -> None:
    done = run({".flake8": "[flake8]\nselect = E\nextend-ignore = E501\n"}, COMMENTED)
    assert done.text == COMMENTED
    assert done.ledger() == (
        "kept        .flake8:2 [flake8] select -> [tool.ruff.lint] select (left in place:"
        " Ruff's config moves only as a whole, and it has a conflict)\n"
        "kept        .flake8:3 [flake8] extend-ignore -> [tool.ruff.lint] ignore (conflict:"
        " pyproject.toml already has [tool.ruff.lint] without ignore; left unchanged, the"
        " legacy setting stays where it is)\n"
    )
    assert done.result.consumed == {}


def test_a_conflict_holds_back_the_whole_tool_and_only_that_tool() -> None:
    # Moving [mypy] but not the conflicting override would leave mypy.ini in charge.
    files = {
        "mypy.ini": "[mypy]\nstrict = true\n\n[mypy-a]\nignore_errors = true\n",
        "pytest.ini": "[pytest]\naddopts = -q\n",
    }
    existing = '[[tool.mypy.overrides]]\nmodule = ["b"]\nignore_errors = true\n'
    done = run(files, existing)
    assert done.text == existing + '\n[tool.pytest.ini_options]\naddopts = ["-q"]\n'
    assert done.result.consumed == {"pytest.ini": {"pytest"}}
    assert done.result.remove_files == {"pytest.ini"}
    assert "already has [tool.mypy], ignored while mypy.ini [mypy-a] exists" in done.ledger()
    assert run(done.files_after, done.text).text == done.text


def test_equal_tables_count_as_migrated() -> None:
    done = run({".flake8": "[flake8]\nselect = E\n"}, COMMENTED)
    assert done.text == COMMENTED
    assert done.result.remove_files == {".flake8"}


def test_out_of_order_tool_tables() -> None:
    text = (
        '[tool.black]\nline-length = 90\n\n[project]\nname = "x"\n\n'
        '[tool.isort]\nprofile = "black"\n'
    )
    done = run({"mypy.ini": "[mypy]\n[mypy-a]\nstrict = true\n"}, text)
    # tomlkit files the new tables after the first piece of the split [tool] table.
    assert done.text == (
        "[tool.black]\nline-length = 90\n\n[tool.ruff]\nline-length = 90\n\n"
        '[[tool.mypy.overrides]]\nmodule = ["a"]\nstrict = true\n\n'
        '[project]\nname = "x"\n\n[tool.isort]\nprofile = "black"\n'
    )
    assert run({}, done.text).text == done.text
