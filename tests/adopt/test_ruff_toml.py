"""adopt writes Ruff's settings to the file Ruff reads: `.ruff.toml`, `ruff.toml`, then
pyproject.toml's `[tool.ruff]`, which Ruff ignores when one of the first two is there.

Each case is checked with real Ruff (`ruff check --show-settings`), not by reading the
TOML back: the promise is about what Ruff does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.ruff_config import ruff_select_in
from setsquare.adopt.tables_place import ruff_select_step
from setsquare.commands.adopt import adopt
from tests.helpers import run, tool, work_tree

if TYPE_CHECKING:
    from pathlib import Path

PYPROJECT = """\
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "demo"
version = "0"
"""
BLACK_AND_ISORT = """\
repos:
  - repo: https://github.com/psf/black
    rev: 24.1.0
    hooks:
      - id: black
        args: [--skip-string-normalization]
  - repo: https://github.com/PyCQA/isort
    rev: 5.13.2
    hooks:
      - id: isort
"""


def _repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "today"], root)
    return root


def _settings(root: Path) -> str:
    """What Ruff reads for mod.py: the settings file and every resolved setting."""
    return run([tool("ruff"), "check", "--no-cache", "--show-settings", "mod.py"], root).stdout


@pytest.mark.parametrize("name", ["ruff.toml", ".ruff.toml"])
def test_select_and_moved_settings_go_to_the_ruff_toml_ruff_reads(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _repo(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": BLACK_AND_ISORT,
            "pyproject.toml": PYPROJECT,
            name: "line-length = 99\n",
            "mod.py": "print('x')\n",
        },
    )
    adopt(path=str(root), install=False)
    out = capsys.readouterr().out
    assert "[tool.ruff" not in (root / "pyproject.toml").read_text()
    assert f"{name}: set [lint] select (explicit rule list)" in out
    assert f"{name}: set [format] quote-style (from black's `skip-string-normalization`)" in out
    settings = _settings(root)
    assert f'Settings path: "{root / name}"' in settings
    # T201 is in adopt's select and not in Ruff's default set; black's setting holds.
    assert "print (T201)" in settings
    assert "formatter.quote_style = preserve" in settings
    assert "linter.line_length = 99" in settings

    before = work_tree(root)
    adopt(path=str(root), install=False)
    assert work_tree(root) == before
    assert "Nothing to do" in capsys.readouterr().out


def test_isort_s_rules_join_a_ruff_toml_select_without_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """isort goes and ruff.toml's own select has no I: I joins it, so imports stay sorted."""
    root = _repo(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": BLACK_AND_ISORT,
            "pyproject.toml": PYPROJECT,
            "ruff.toml": '[lint]\nselect = ["E", "F"]\n',
            "mod.py": "import sys\nimport os\n\nprint(os, sys)\n",
        },
    )
    assert "(I001)" not in _settings(root)
    adopt(path=str(root), install=False)
    out = capsys.readouterr().out
    assert "nothing does" not in out
    assert "ruff.toml: [lint] select also has I: the rules that do the jobs of isort" in out
    assert (root / "ruff.toml").read_text().startswith('[lint]\nselect = ["E", "F", "I"]\n')
    assert "(I001)" in _settings(root)
    check = run([tool("ruff"), "check", "--no-cache", "mod.py"], root, check=False)
    assert "I001" in check.stdout


def test_a_ruff_toml_that_extends_another_gets_no_select(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A select here would replace the one the extended file gives: adopt says so instead."""
    root = _repo(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": "repos: []\n",
            "pyproject.toml": PYPROJECT,
            "base.toml": '[lint]\nselect = ["E"]\n',
            "ruff.toml": 'extend = "base.toml"\n',
            "mod.py": "x = 1\n",
        },
    )
    adopt(path=str(root), install=False)
    out = capsys.readouterr().out
    assert (root / "ruff.toml").read_text() == 'extend = "base.toml"\n'
    assert (
        "ruff.toml: Ruff's settings extend base.toml, so adopt set no [lint] select (one here "
        "would replace the one inherited); hint: make sure base.toml selects its rules "
        "explicitly"
    ) in out


def test_the_select_lands_in_lint_before_its_sub_tables() -> None:
    """zipp 4.1.2's ruff.toml: `[lint]` then `[lint.flake8-comprehensions]`. tomlkit files a
    comment after the sub-tables, so the select's reason goes on its own line's end."""
    text = '[lint]\nignore = ["B008"]\n\n[lint.flake8-comprehensions]\nx = true\n\n[format]\n'
    change = ruff_select_in(text, "ruff.toml")
    assert change.text.startswith('[lint]\nignore = ["B008"]\nselect = [\n    "F",\n')
    assert change.text.endswith(
        '    "T20",\n]  # Explicit rules: Ruff\'s default set moved in 0.16 and 0.17.\n'
        "\n[lint.flake8-comprehensions]\nx = true\n\n[format]\n"
    )


def test_sq310_says_what_adopt_says_about_an_extending_ruff_toml(tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    why = (
        "Ruff's settings extend base.toml, so adopt set no [lint] select (one here would "
        "replace the one inherited)"
    )
    hint = "make sure base.toml selects its rules explicitly"
    assert ruff_select_step(tmp_path, migrate_moves=False) == (why, hint)
    (tmp_path / "ruff.toml").write_text("line-length = 99\n", encoding="utf-8")
    assert ruff_select_step(tmp_path, migrate_moves=False) is None  # adopt sets it there
