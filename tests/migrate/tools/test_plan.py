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
    ledger = done.ledger()
    assert "already in pyproject.toml with this value" in ledger  # select = ["E"]
    assert "[tool.ruff.lint] without ignore" in ledger
    assert done.result.consumed == {}


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
