"""The bundle added by hand to an existing repository, as the README shows: one `repo:`
entry with every hook id, `pre-commit install`, and no `[tool.*]` table anywhere (no
pyproject.toml at all, a requirements.txt, no environment). Every hook must pass on clean
code and catch the problem it exists for, with mypy checking the package on its own.

The repository points at a committed copy of this checkout (GitHub is out of reach);
pre-commit pip-installs setsquare and its pinned tools from it once, for the module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
import yaml

from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

STOCK = """\
import requests

from inventory.units import to_grams


def fetch_weight(url: str) -> int:
    response = requests.get(url, timeout=10)
    return to_grams(int(response.text))
"""
UNITS = """\
def to_grams(kilograms: int) -> int:
    return kilograms * 1000
"""
FILES = {
    "README.md": "# inventory\n",
    "requirements.txt": "requests>=2.31\n",
    "inventory/__init__.py": "",
    "inventory/stock.py": STOCK,
    "inventory/units.py": UNITS,
}

# One problem per hook; each leaves the other hooks green.
LINT_ERROR = UNITS.replace("    return", "    unused = 0\n    return")  # F841, no safe fix
FORMAT_ERROR = UNITS.replace("to_grams(kilograms: int)", "to_grams( kilograms: int )")
# units.py changes; the error shows in stock.py, which only a whole-package check sees.
TYPE_ERROR = UNITS.replace("-> int:\n    return kilograms", "-> str:\n    return str(kilograms)")
RETURN_ERROR = (
    'inventory/stock.py:8: error: Incompatible return value type (got "str", expected "int")'
)
NO_ENVIRONMENT = (
    "setsquare-mypy: no project environment found (no active virtualenv, "
    "UV_PROJECT_ENVIRONMENT, .venv or venv); 1 import of third-party packages (requests) "
    "is treated as untyped"
)

_STATUS = re.compile(
    r"^(?P<name>.+?)\.{2,}(?:\(no files to check\))?(?P<status>Passed|Failed|Skipped)$"
)


def _statuses(output: str) -> dict[str, str]:
    return {m["name"]: m["status"] for m in map(_STATUS.match, output.splitlines()) if m}


@pytest.fixture(scope="module")
def by_hand(
    template_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    """A committed repository with the bundle's hooks installed, and the env to run them."""
    repo = tmp_path_factory.mktemp("by-hand")
    for name, text in FILES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    manifest = yaml.safe_load(
        (template_repo / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    sha = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    hooks = "\n".join(f"      - id: {hook['id']}" for hook in manifest)
    config = f"repos:\n  - repo: {template_repo}\n    rev: {sha}\n    hooks:\n{hooks}\n"
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], repo)
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-q", "-m", "inventory"], repo)
    # One hook environment for the whole module; no project environment to be found.
    env = {
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "UV_PROJECT_ENVIRONMENT": "",
    }
    run([tool("pre-commit"), "install-hooks"], repo, check=True, **env)
    return repo, env


def _clone(by_hand: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    run(["git", "clone", "-q", str(by_hand[0]), str(repo)], tmp_path)
    return repo


def test_every_hook_passes_on_clean_code(
    by_hand: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    repo = _clone(by_hand, tmp_path)
    result = run(
        [tool("pre-commit"), "run", "--all-files", "--verbose"], repo, check=False, **by_hand[1]
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    statuses = _statuses(out)
    assert statuses["mypy"] == "Passed", out
    assert set(statuses.values()) <= {"Passed", "Skipped"}, out
    checking = "no `files` in any mypy config, so checking the project's packages: inventory"
    assert f"setsquare-mypy: {checking}" in out
    assert NO_ENVIRONMENT in out
    assert "Success: no issues found in 3 source files" in out


@pytest.mark.parametrize(
    ("units", "hook", "evidence"),
    [
        pytest.param(LINT_ERROR, "ruff check", "F841", id="lint"),
        pytest.param(FORMAT_ERROR, "ruff format", "1 file reformatted", id="format"),
        pytest.param(TYPE_ERROR, "mypy", RETURN_ERROR, id="type"),
    ],
)
def test_a_seeded_problem_fails_its_hook_only(
    by_hand: tuple[Path, dict[str, str]], tmp_path: Path, units: str, hook: str, evidence: str
) -> None:
    repo = _clone(by_hand, tmp_path)
    (repo / "inventory" / "units.py").write_text(units, encoding="utf-8")
    run(["git", "add", "-A"], repo)
    result = run([tool("pre-commit"), "run", "--all-files"], repo, check=False, **by_hand[1])
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert evidence in out
    failed = [name for name, status in _statuses(out).items() if status == "Failed"]
    assert failed == [hook], out


def test_git_commit_runs_mypy_over_the_package(
    by_hand: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    repo = _clone(by_hand, tmp_path)
    run([tool("pre-commit"), "install"], repo, check=True, **by_hand[1])
    (repo / "inventory" / "units.py").write_text(TYPE_ERROR, encoding="utf-8")
    run(["git", "add", "inventory/units.py"], repo)
    refused = run(["git", "commit", "-m", "grams as text"], repo, check=False, **by_hand[1])
    assert refused.returncode != 0
    assert RETURN_ERROR in refused.stdout + refused.stderr

    (repo / "inventory" / "units.py").write_text(
        UNITS + "\n\ndef to_kilograms(grams: int) -> float:\n    return grams / 1000\n",
        encoding="utf-8",
    )
    run(["git", "add", "inventory/units.py"], repo)
    run(["git", "commit", "-q", "-m", "kilograms too"], repo, check=True, **by_hand[1])
