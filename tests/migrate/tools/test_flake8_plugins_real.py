"""flake8-isort, flake8-import-order and Flake8-pyproject run for real against Ruff.

flake8 runs on the legacy tree with every test plugin installed; Ruff runs on the migrated
tree. Each import-order plugin is judged by its own codes only: the other one, installed
next to it, reports on its own and does not change what the one under test reports.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from setsquare.migrate.tools import ruff_rules
from tests.migrate.tools.support import SAMPLE, Run, flake8_findings, ruff_findings, run

if TYPE_CHECKING:
    from pathlib import Path

# flake8_isort.py 7.1 reports I001-I005; flake8_import_order/styles.py 0.19 I100-I666.
ISORT = re.compile(r"I00[1-5]")
IMPORT_ORDER = re.compile(r"I1\d\d|I2\d\d|I300|I666")

UNSORTED = "import sys\nimport os\n\nprint(os, sys)\n"
SORTED = "import os\nimport sys\n\nprint(os, sys)\n"

ALL_IMPORT_ORDER = "I100, I101, I201, I202, I300, I666"
ALL_ISORT = "I001, I002, I003, I004, I005"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _before_and_after(tmp_path: Path, legacy: dict[str, str], tree: dict[str, str]) -> Run:
    legacy_only = {k: v for k, v in legacy.items() if k != "pyproject.toml"}
    migrated = run(legacy_only, legacy.get("pyproject.toml", ""))
    _write(tmp_path / "before", {**tree, **legacy})
    _write(tmp_path / "after", {**tree, **migrated.files_after, "pyproject.toml": migrated.text})
    return migrated


@pytest.mark.parametrize(
    ("plugin", "ignore", "module", "unsorted"),
    [
        pytest.param(
            "flake8-import-order", "I201", UNSORTED, True, id="import-order: I201 ignored"
        ),
        pytest.param("flake8-isort", "I002", UNSORTED, True, id="isort: I002 ignored"),
        pytest.param("flake8-isort", "I003", UNSORTED, True, id="isort: I003 ignored"),
        pytest.param(
            "flake8-import-order", ALL_IMPORT_ORDER, UNSORTED, False, id="import-order: all off"
        ),
        pytest.param("flake8-isort", ALL_ISORT, UNSORTED, False, id="isort: all off"),
        pytest.param(
            "flake8-import-order", "I201", SORTED, False, id="import-order: sorted module"
        ),
        pytest.param("flake8-isort", "I002", SORTED, False, id="isort: sorted module"),
    ],
)
def test_ruff_i001_is_on_exactly_when_the_plugin_still_reports(
    plugin: str, ignore: str, module: str, unsorted: bool, tmp_path: Path
) -> None:
    legacy = {
        ".flake8": f"[flake8]\nextend-ignore = {ignore}\n",
        "requirements-dev.txt": f"flake8\n{plugin}\n",
    }
    tree = {"pkg/__init__.py": "", "pkg/mod.py": module}
    _before_and_after(tmp_path, legacy, tree)
    own = ISORT if plugin == "flake8-isort" else IMPORT_ORDER
    by_flake8 = {code for _, _, code in flake8_findings(tmp_path / "before") if own.fullmatch(code)}
    by_ruff = {code for _, _, code in ruff_findings(tmp_path / "after") if code.startswith("I")}
    # The plugin itself says whether the module is unsorted, and Ruff agrees.
    assert bool(by_flake8) is unsorted, by_flake8
    assert by_ruff == ({"I001"} if unsorted else set())


def test_ruff_keeps_i001_where_only_the_ignored_code_fires(tmp_path: Path) -> None:
    """Ruff cannot ignore I201 alone: the ledger says so, and here is what it costs."""
    legacy = {
        ".flake8": "[flake8]\nextend-ignore = I201\n",
        "requirements-dev.txt": "flake8\nflake8-import-order\n",
    }
    # Sorted, but no blank line between the standard library and the local package.
    module = "import os\nimport sys\nfrom pkg import other\n\nprint(os, sys, other)\n"
    tree = {"pkg/__init__.py": "", "pkg/other.py": "", "pkg/mod.py": module}
    migrated = _before_and_after(tmp_path, legacy, tree)
    assert not {c for _, _, c in flake8_findings(tmp_path / "before") if IMPORT_ORDER.fullmatch(c)}
    assert ("pkg/mod.py", 1, "I001") in ruff_findings(tmp_path / "after")
    assert "Ruff has no rule for I201 alone" in migrated.ledger()


_CONFLICTING = {
    "pyproject.toml": (
        '[project]\nname = "pkg"\nversion = "1"\n\n'
        "[dependency-groups]\n"
        'lint = ["flake8", "Flake8-pyproject", "flake8-bugbear", "flake8-docstrings"]\n\n'
        "[tool.flake8]\nmax-line-length = 120\n"
        'extend-ignore = ["E711", "D"]\n'
        'per-file-ignores = ["pkg/__init__.py:F401"]\n'
    ),
    ".flake8": "[flake8]\nmax-line-length = 79\nextend-ignore = B006\n",
    "setup.cfg": "[flake8]\nselect = E9\n",
}


def test_ruff_reports_what_flake8_read_from_toolflake8_findings(tmp_path: Path) -> None:
    """With Flake8-pyproject, flake8 reads [tool.flake8] and not .flake8 or setup.cfg."""
    tree = {"pkg/__init__.py": "import os\n", "pkg/mod.py": SAMPLE}
    _before_and_after(tmp_path, _CONFLICTING, tree)
    stable = {code for code, preview in ruff_rules.rules().items() if not preview}
    flake8 = {finding for finding in flake8_findings(tmp_path / "before") if finding[2] in stable}
    in_mod = {(row, code) for path, row, code in flake8 if path == "pkg/mod.py"}
    # [tool.flake8]: the 110-character line passes, E711 and F401 in __init__ are off,
    # and B006 (off in .flake8) is on.
    assert {(5, "B006"), (1, "F401"), (20, "E501")} <= in_mod
    assert not {(19, "E501"), (10, "E711")} & in_mod
    assert not {f for f in flake8 if f[0] == "pkg/__init__.py"}
    assert ruff_findings(tmp_path / "after") == flake8
