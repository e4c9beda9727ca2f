"""The bundle, for real: pre-commit and prek install setsquare from a local clone of this
checkout (GitHub is out of reach) at a commit sha, and with it the pinned tools from the
package index, exactly as they would from `https://github.com/setsquare-dev/setsquare`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.precommit_config import BUNDLE_HOOKS
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

HOOK_IDS = list(BUNDLE_HOOKS)

PYPROJECT = """\
[project]
name = "seeded"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = ["click>=8"]

[dependency-groups]
dev = ["ruff==0.17.6", "mypy==2.4.1"]

[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[tool.ruff.lint]
select = ["E", "F", "I"]

[tool.mypy]
files = ["src"]
strict = true
"""

# A lint error (unused import), a formatting error, and a type error that only a
# checker that sees the real, typed `click` can report. (click is not in the
# hook's own environment, so only the project's environment can provide it.)
BROKEN = """\
import os

import click

LABEL: int = click.style( "x" )
"""

FIXED = """\
import click

LABEL: str = click.style("x")
"""

TYPE_ERROR = 'Incompatible types in assignment (expression has type "str", variable has type "int")'


def _config(bundle: Path, sha: str) -> str:
    hooks = "\n".join(f"      - id: {hook_id}" for hook_id in HOOK_IDS)
    return f"repos:\n  - repo: {bundle}\n    rev: {sha}\n    hooks:\n{hooks}\n"


@pytest.fixture(scope="module")
def seeded(template_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with seeded lint, format, type and legacy-config problems."""
    repo = tmp_path_factory.mktemp("seeded")
    sha = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(_config(template_repo, sha), encoding="utf-8")
    (repo / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (repo / "src" / "seeded").mkdir(parents=True)
    (repo / "src" / "seeded" / "__init__.py").write_text(BROKEN, encoding="utf-8")
    (repo / "src" / "seeded" / "py.typed").write_text("", encoding="utf-8")
    (repo / "setup.cfg").write_text("[flake8]\nmax-line-length = 88\n", encoding="utf-8")
    (repo / "README.md").write_text("# seeded\n", encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], repo)
    # The project's own environment, with the typed dependency installed.
    run([tool("uv"), "sync", "--quiet"], repo)
    (repo / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-q", "-m", "seeded"], repo)
    return repo


@pytest.mark.parametrize("runner", ["pre-commit", "prek"])
def test_seeded_problems_fail_then_fixes_pass(
    seeded: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, runner: str
) -> None:
    repo = tmp_path / "repo"
    run(["git", "clone", "-q", str(seeded), str(repo)], tmp_path)
    # The clone lacks the untracked .venv: give it the same environment.
    run([tool("uv"), "sync", "--quiet"], repo)
    home = str(tmp_path_factory.mktemp(f"{runner}-home"))
    env = {"PRE_COMMIT_HOME": home, "PREK_HOME": home}

    failed = run([tool(runner), "run", "--all-files"], repo, check=False, **env)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "F401" in out  # ruff-check: unused import
    assert TYPE_ERROR in out  # mypy sees the real `click`
    assert (
        "setup.cfg:1: pyproject.toml already sets, differently, 2 items "
        "([flake8] max-line-length, [flake8])"
    ) in out
    assert "hint: settle each conflicting setting in pyproject.toml by hand" in out
    # ruff-format rewrote the file: the spaces inside the call are gone.
    assert 'click.style("x")' in (repo / "src" / "seeded" / "__init__.py").read_text()

    (repo / "src" / "seeded" / "__init__.py").write_text(FIXED, encoding="utf-8")
    (repo / "setup.cfg").unlink()
    run(["git", "add", "-A"], repo)
    passed = run([tool(runner), "run", "--all-files"], repo, check=False, **env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_mypy_hook_without_project_environment_says_so(seeded: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    run(["git", "clone", "-q", str(seeded), str(repo)], tmp_path)
    (repo / "src" / "seeded" / "__init__.py").write_text(FIXED, encoding="utf-8")
    run(["git", "add", "-A"], repo)
    home = str(tmp_path / "home")
    result = run(
        [tool("pre-commit"), "run", "mypy", "--all-files", "--verbose"],
        repo,
        check=False,
        PRE_COMMIT_HOME=home,
    )
    out = result.stdout + result.stderr
    # Without the project's environment a third-party import cannot be checked: one line
    # says so, and the commit is not blocked for it (the seeded type error is fixed here).
    assert result.returncode == 0, out
    assert "1 import of third-party packages (click) is treated as untyped" in out


def test_manifest_and_docs_agree() -> None:
    import yaml

    from tests.helpers import REPO_ROOT

    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # The manifest is the source; adopt's list, the template's config and the docs follow it.
    assert [hook["id"] for hook in manifest] == HOOK_IDS
    reference = REPO_ROOT / "tests/template/reference/default/.pre-commit-config.yaml"
    (repo,) = yaml.safe_load(reference.read_text(encoding="utf-8"))["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == HOOK_IDS
    assert all(hook["language"] == "python" for hook in manifest)
    bundle_page = (REPO_ROOT / "docs" / "hooks" / "index.md").read_text(encoding="utf-8")
    assert textwrap.indent("\n".join(f"- id: {h}" for h in HOOK_IDS), "      ") in bundle_page
