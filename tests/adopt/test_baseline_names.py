"""Findings of Ruff rules without a code are recorded by name, per file, in pyproject.toml."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.baseline_names import COMMENT, TABLE, codeless, record_by_name
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

RULE = "pytest-fixture-autouse"
FOUND = {"tests/conftest.py": {RULE}}
RUFF = '[tool.ruff]\nline-length = 100\nlint.select = ["ALL"]\n'
ADDED = f'\n[{TABLE}]\n{COMMENT}"tests/conftest.py" = ["{RULE}"]\n'

#: name, pyproject.toml, findings, the expected pyproject.toml (None: left as it is)
CASES: list[tuple[str, str, dict[str, set[str]], str | None]] = [
    ("a-new-table-after-dotted-lint-keys", RUFF, FOUND, RUFF + ADDED),
    (
        "a-new-table-after-a-lint-table",
        '[tool.ruff.lint]\nselect = ["ALL"]',
        FOUND,
        '[tool.ruff.lint]\nselect = ["ALL"]\n' + ADDED,
    ),
    (
        "rules-merge-into-the-table-it-wrote",
        RUFF + ADDED,
        {"tests/conftest.py": {"other-rule"}, "src/a.py": {RULE}},
        RUFF
        + f'\n[{TABLE}]\n{COMMENT}"tests/conftest.py" = ["other-rule", "{RULE}"]\n'
        + f'"src/a.py" = ["{RULE}"]\n',
    ),
    ("nothing-found-changes-nothing", RUFF, {}, None),
    ("already-recorded-changes-nothing", RUFF + ADDED, FOUND, None),
    (
        "an-inline-table-of-theirs-is-not-edited",
        '[tool.ruff.lint]\nextend-per-file-ignores = { "a.py" = ["E501"] }\n',
        FOUND,
        None,
    ),
    ("a-file-name-with-glob-characters-is-not-a-pattern", RUFF, {"tests/[x].py": {RULE}}, None),
    ("broken-toml-is-left-alone", "[tool.ruff\n", FOUND, None),
]


@pytest.mark.parametrize(
    ("pyproject", "found", "expected"), [pytest.param(*case[1:], id=case[0]) for case in CASES]
)
def test_record_by_name(pyproject: str, found: dict[str, set[str]], expected: str | None) -> None:
    assert record_by_name(pyproject, found) == expected


def test_codeless_picks_the_findings_without_a_code() -> None:
    diagnostics: list[dict[str, str | None]] = [
        {"code": "F401", "name": "unused-import", "filename": "a.py"},
        {"code": None, "name": RULE, "filename": "tests/conftest.py"},
        {"code": None, "name": RULE, "filename": "tests/conftest.py"},
    ]
    assert codeless(diagnostics) == FOUND


def test_ruff_honours_the_recorded_entry(tmp_path: Path) -> None:
    """Ruff's own verdict: the rule has no code, `--add-noqa` cannot mark it, the entry can."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        f'[tool.ruff]\nlint.preview = true\nlint.select = ["F", "{RULE}"]\n', encoding="utf-8"
    )
    (tmp_path / "tests").mkdir()
    conftest = tmp_path / "tests" / "conftest.py"
    conftest.write_text(
        "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef _clean() -> None:\n    pass\n",
        encoding="utf-8",
    )
    check = [tool("ruff"), "check", "--no-cache", "--output-format=json", "."]
    found = json.loads(run(check, tmp_path, check=False).stdout)
    assert codeless(found) == {str(conftest): {RULE}}
    run([tool("ruff"), "check", "--no-cache", "--add-noqa", "."], tmp_path, check=False)
    assert run(check, tmp_path, check=False).returncode == 1  # still there

    new = record_by_name(pyproject.read_text(encoding="utf-8"), FOUND)
    assert new is not None
    pyproject.write_text(new, encoding="utf-8")
    result = run(check, tmp_path, check=False)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
