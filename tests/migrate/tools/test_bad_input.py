"""Malformed legacy config: one message naming file and line, a hint, and nothing written."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.errors import InputError
from setsquare.migrate.tools import migrate_tools


@pytest.mark.parametrize(
    ("files", "message"),
    [
        pytest.param(
            {"mypy.ini": "[mypy]\nstrict = True\nstrict = False\n"},
            "mypy.ini:3: option `strict` appears twice in section [mypy]",
            id="duplicate key",
        ),
        pytest.param(
            {".flake8": "max-line-length = 100\n"},
            ".flake8:1: text before the first [section] header: 'max-line-length = 100'",
            id="no section",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\nxfail_strict = maybe\n"},
            "pytest.ini:2: `xfail_strict` must be a boolean (true/false), not 'maybe'",
            id="bad boolean",
        ),
        pytest.param(
            {".coveragerc": "[report]\nfail_under = high\n"},
            ".coveragerc:2: `fail_under` must be a number, not 'high'",
            id="bad number",
        ),
        pytest.param(
            {"tox.ini": "[flake8]\nper-file-ignores =\n    a.py: E1\n    : E2\n"},
            "tox.ini:4: cannot parse `per-file-ignores`: expected `file-pattern: CODE, CODE`",
            id="per-file-ignores without a pattern",
        ),
        pytest.param(
            {".flake8": "[flake8]\ninline-quotes = `\n"},
            ".flake8:2: `inline-quotes` must be ' or \" (or single/double), not '`'",
            id="bad quote style",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nsections = FUTURE,STDLIB,VENDORED\n"},
            "setup.cfg:2: `sections` leaves out THIRDPARTY, isort's default_section: isort"
            " refuses any file with an import it places there",
            id="isort sections without the default section",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\naddopts =\n    -k 'not slow\n"},
            "pytest.ini:2: cannot split `addopts` into words: No closing quotation",
            id="unbalanced quote in addopts",
        ),
        pytest.param(
            {".isort.cfg": "[settings]\ndefault_section = STDLIB, FIRSTPARTY\n"},
            ".isort.cfg:2: `default_section` must name one section, not 2",
            id="two default sections",
        ),
        pytest.param(
            {".flake8": "[flake8]\nmax-complexity = ten\n"},
            ".flake8:2: `max-complexity` must be a number, not 'ten'",
            id="bad max-complexity",
        ),
    ],
)
def test_bad_input_names_file_and_line(files: dict[str, str], message: str) -> None:
    original = '# keep me\n[project]\nname = "x"\n'
    doc = tomlkit.parse(original)
    with pytest.raises(InputError) as excinfo:
        migrate_tools(files, doc)
    assert excinfo.value.message == message
    assert excinfo.value.hint
    assert doc.as_string() == original


def test_a_tool_key_that_is_not_a_table() -> None:
    doc = tomlkit.parse('tool = "oops"\n')
    with pytest.raises(InputError) as excinfo:
        migrate_tools({"mypy.ini": "[mypy]\nstrict = true\n"}, doc)
    assert excinfo.value.message == "pyproject.toml: `tool` is not a table"


def test_an_owned_tool_key_that_is_not_a_table() -> None:
    doc = tomlkit.parse('[tool]\nblack = "oops"\n')
    with pytest.raises(InputError) as excinfo:
        migrate_tools({}, doc)
    assert excinfo.value.message == "pyproject.toml: `tool.black` is not a table"


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        pytest.param(
            "[tool.black]\nline-length = 'wide'\n",
            "pyproject.toml: [tool.black] `line-length` must be an integer, not 'wide'",
            id="black line-length",
        ),
        pytest.param(
            "[tool.black]\ntarget-version = 'py38'\n",
            "pyproject.toml: [tool.black] `target-version` must be an array, not 'py38'",
            id="black target-version",
        ),
        pytest.param(
            "[tool.isort]\nline_length = 'x'\n",
            "pyproject.toml: [tool.isort] `line_length` must be an integer, not 'x'",
            id="isort line_length",
        ),
        pytest.param(
            "[tool.isort]\nknown_first_party = 3\n",
            "pyproject.toml: [tool.isort] `known_first_party` must be an array, not 3",
            id="isort list",
        ),
    ],
)
def test_bad_tool_tables_in_pyproject(pyproject: str, message: str) -> None:
    doc = tomlkit.parse(pyproject)
    with pytest.raises(InputError) as excinfo:
        migrate_tools({}, doc)
    assert excinfo.value.message == message
    assert doc.as_string() == pyproject
