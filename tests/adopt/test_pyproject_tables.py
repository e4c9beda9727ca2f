from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import tomlkit
from packaging.version import Version

from setsquare.adopt.pyproject_tables import add_tables
from setsquare.adopt.ruff_config import RUFF_SELECT
from setsquare.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE = {"ruff": Version("0.17.6"), "mypy": Version("2.4.1")}

EXISTING = """\
# Project metadata: keep this comment.
[project]
name = "legacy"  # the name
version = "1.0"

[dependency-groups]
dev = [
  "pytest>=7",
  "ruff==0.15.2",  # pinned long ago
]
"""


def _add(text: str, **kwargs: object) -> tuple[str, list[str]]:
    options: dict[str, object] = {"bundle": BUNDLE, "mypy_files": ["src"], "has_tests": True}
    options.update(kwargs)
    change = add_tables(text, "pyproject.toml", **options)  # type: ignore[arg-type]
    return change.text, change.actions


def test_missing_tables_are_added_and_comments_kept() -> None:
    text, actions = _add(EXISTING)
    assert text.startswith("# Project metadata: keep this comment.\n[project]\n")
    assert 'name = "legacy"  # the name' in text
    doc = tomlkit.parse(text).unwrap()
    assert doc["tool"]["ruff"]["lint"]["select"] == list(RUFF_SELECT)
    assert doc["tool"]["mypy"] == {"files": ["src"], "warn_unused_ignores": True}
    assert doc["tool"]["pytest"]["ini_options"] == {
        "minversion": "7",
        "testpaths": ["tests"],
        "addopts": ["-ra"],
    }
    assert doc["dependency-groups"]["dev"] == ["pytest>=7", "ruff==0.17.6"]
    assert actions == [
        "pyproject.toml: set [tool.ruff.lint] select (explicit rule list)",
        "pyproject.toml: added [tool.mypy] (files = ['src'])",
        "pyproject.toml: added [tool.pytest.ini_options]",
        "pyproject.toml: [dependency-groups].dev: `ruff==0.15.2` -> `ruff==0.17.6` (the bundle's)",
    ]


def test_second_run_changes_nothing() -> None:
    once, _ = _add(EXISTING)
    twice, actions = _add(once)
    assert twice == once
    assert actions == []


def test_existing_settings_are_not_touched() -> None:
    text = (
        '[tool.ruff]\nline-length = 79\n\n[tool.ruff.lint]\nselect = ["E"]\n\n'
        '[tool.mypy]\nstrict = true\n\n[tool.pytest.ini_options]\naddopts = "-q"\n'
    )
    assert _add(text) == (text, [])


def test_tools_configured_in_legacy_files_are_left_to_migrate() -> None:
    legacy = {"mypy": "setup.cfg [mypy]", "pytest": "tox.ini [pytest]", "ruff": ".flake8"}
    change = add_tables(
        "", "pyproject.toml", bundle=BUNDLE, mypy_files=["src"], has_tests=True, legacy_tools=legacy
    )
    assert (change.text, change.actions) == ("", [])
    # One line each, naming the file and section, with a hint.
    hint = "hint: run `setsquare migrate`, then `setsquare adopt` again"
    assert change.notes == [
        (
            "pyproject.toml: Ruff's select not added: `setsquare migrate` maps .flake8 to Ruff's "
            f"rules, which a select set now would clash with; {hint}"
        ),
        (
            "pyproject.toml: mypy's table not added: mypy would read it, not setup.cfg [mypy], "
            f"which `setsquare migrate` would then drop as never read; {hint}"
        ),
        (
            "pyproject.toml: pytest's table not added: pytest would read it, not tox.ini [pytest], "
            f"which `setsquare migrate` would then drop as never read; {hint}"
        ),
    ]


def test_a_table_already_there_gets_no_note() -> None:
    text = "[tool.mypy]\nstrict = true\n"
    change = add_tables(
        text,
        "pyproject.toml",
        bundle=BUNDLE,
        mypy_files=["src"],
        has_tests=False,
        legacy_tools={"mypy": "setup.cfg [mypy]"},
    )
    assert change.notes == []
    assert "[tool.mypy]" not in "".join(change.actions)


def test_broken_toml_names_file_and_line() -> None:
    with pytest.raises(InputError) as excinfo:
        _add('[project]\nname = "x\n')
    assert excinfo.value.message.startswith("pyproject.toml:2: invalid TOML")
    assert excinfo.value.hint


def test_adopt_selects_the_rules_the_template_selects(tmp_path: Path, template_repo: Path) -> None:
    from tests.helpers import render

    dst = render(template_repo, tmp_path / "p", {"project_name": "p"})
    rendered = tomlkit.parse((dst / "pyproject.toml").read_text(encoding="utf-8")).unwrap()
    assert rendered["tool"]["ruff"]["lint"]["select"] == list(RUFF_SELECT)


DOTTED_LINT = """\
[tool.ruff]
fix = true
lint.extend-select = [
  "C4",  # flake8-comprehensions
]
lint.ignore = ["E501"]
"""


def test_dotted_lint_keys_get_a_dotted_select_and_keep_their_comments() -> None:
    # humanize 4.17.0 and iniconfig 2.3.1 write Ruff's settings as pyproject-fmt does;
    # adopt crashed on them (exit 3).
    text, actions = _add(DOTTED_LINT)
    assert text.startswith(DOTTED_LINT.split("lint.ignore")[0])
    assert '  "C4",  # flake8-comprehensions\n' in text
    lint = tomlkit.parse(text).unwrap()["tool"]["ruff"]["lint"]
    assert lint["select"] == list(RUFF_SELECT)
    assert lint["extend-select"] == ["C4"]
    assert lint["ignore"] == ["E501"]
    assert actions[0] == "pyproject.toml: set [tool.ruff.lint] select (explicit rule list)"
    assert _add(text)[0] == text
