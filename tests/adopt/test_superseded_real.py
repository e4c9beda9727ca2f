"""A black/isort/pyupgrade repository on pre-commit.ci, adopted and run for real.

The superseded hooks come from GitHub, which this machine cannot reach: the
config adopt leaves must run offline with nothing but the bundle (from a local
clone of this checkout) and the repository's own local hook. black's line length
has to reach Ruff (or ruff-format would rewrap the code), black's `exclude:` the
bundle's ruff-format (or it would reformat the file the maintainers kept out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import yaml

from setsquare.main import main
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

CONFIG = """\
ci:
  autoupdate_schedule: monthly

repos:
  - repo: https://github.com/psf/black
    rev: 24.10.0
    hooks:
      - id: black
        args: [--line-length=100]
        exclude: ^legacy/

  - repo: https://github.com/PyCQA/isort
    rev: 5.13.2
    hooks:
      - id: isort
        args: [--profile, black]

  - repo: https://github.com/asottile/pyupgrade
    rev: v3.19.0
    hooks:
      - id: pyupgrade
        args: [--py310-plus]

  - repo: local
    hooks:
      - id: no-fixme
        name: no FIXME
        entry: FIXME
        language: pygrep
        types: [python]
"""
PYPROJECT = """\
[project]
name = "acme"
version = "1.0"
requires-python = ">=3.10"
"""
# 96 characters: one line for black at 100, two for Ruff's default of 88.
CODE = (
    "def describe(name: str, size: int) -> str:\n"
    '    return f"{name} holds {size} items" + " and nothing else" + " at all" + " ever, really"\n'
)
# Formatted its own way; black's exclude kept it out, so must the bundle.
LEGACY = "x=1\ny = [1,2]\n"


def _repo(root: Path) -> Path:
    (root / "src" / "acme").mkdir(parents=True)
    (root / "src" / "acme" / "__init__.py").write_text(CODE, encoding="utf-8")
    (root / "legacy").mkdir()
    (root / "legacy" / "old.py").write_text(LEGACY, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", "as the maintainers have it"], root)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


@pytest.mark.slow
def test_superseded_hooks_replaced_and_the_bundle_runs_green_offline(
    template_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path / "acme")
    sha = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    args = ["adopt", str(repo), "--bundle-url", str(template_repo), "--bundle-rev", sha]
    args.append("--no-install")
    assert main(args) == 0
    out = capsys.readouterr().out
    for hook, bundle_hook in (("black", "ruff-format"), ("isort", "ruff-check")):
        assert f"removed `{hook}` (https://" in out
        assert f"the bundle's `{bundle_hook}` does its job" in out
    assert "pyproject.toml: set [tool.ruff] line-length (from black's `line-length`)" in out
    assert ".pre-commit-config.yaml: the bundle's `ruff-format` keeps `exclude: ^legacy/`" in out
    assert "added `ci: skip: [mypy]`" in out
    assert "added the lint workflow (pre-commit.ci skips mypy" in out

    config = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert config.startswith(
        "ci:\n  autoupdate_schedule: monthly\n  skip: [mypy]\n\nrepos:\n  - repo: local\n"
    )
    bundle = yaml.safe_load(config)["repos"][-1]
    assert {"id": "ruff-format", "exclude": "^legacy/"} in bundle["hooks"]
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert pyproject.startswith(PYPROJECT + "\n[tool.ruff]\nline-length = 100\n")

    # A second run changes nothing.
    before = _snapshot(repo)
    assert main(args) == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert _snapshot(repo) == before

    run(["git", "add", "-A"], repo)
    home = str(tmp_path / "pre-commit-home")
    result = run(
        [tool("pre-commit"), "run", "--all-files"], repo, check=False, PRE_COMMIT_HOME=home
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ruff format" in result.stdout
    assert "no FIXME" in result.stdout
    assert (repo / "src" / "acme" / "__init__.py").read_text(encoding="utf-8") == CODE
    assert (repo / "legacy" / "old.py").read_text(encoding="utf-8") == LEGACY

    # The bundle's ruff-format still formats what black formatted.
    (repo / "src" / "acme" / "new.py").write_text("y=2\n", encoding="utf-8")
    run(["git", "add", "-A"], repo)
    result = run(
        [tool("pre-commit"), "run", "--all-files"], repo, check=False, PRE_COMMIT_HOME=home
    )
    assert result.returncode == 1
    assert (repo / "src" / "acme" / "new.py").read_text(encoding="utf-8") == "y = 2\n"
