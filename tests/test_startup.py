"""What each command loads before it runs: heavy libraries only where they are used.

Checked in a fresh interpreter by the modules it imported, not by the clock: a
timing assertion would fail on a busy machine and pass a slow import on a fast one.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.helpers import child_env

if TYPE_CHECKING:
    from pathlib import Path

#: Libraries that each take a noticeable share of a second to import.
HEAVY = (
    "copier",
    "yaml",
    "tomlkit",
    "packaging",
    "validate_pyproject",
    "setsquare._vendor.pyproject_validator",
    "importlib.metadata",
)

_REPORT = """
import sys
from setsquare.main import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\0" + "\\n".join(sorted(sys.modules)))
"""


def _loaded(*argv: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, *argv],
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return set(done.stdout.rpartition("\0")[2].splitlines())


def _imported(module: str) -> set[str]:
    script = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], env=child_env(), capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines())


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--help"], id="help"),
        pytest.param(["migrate", "--help"], id="migrate-help"),
        pytest.param(["adopt", "--help"], id="adopt-help"),
        pytest.param(["no-such-command"], id="usage-error"),
    ],
)
def test_help_and_usage_errors_load_no_heavy_library(argv: list[str]) -> None:
    loaded = _loaded(*argv)
    assert {name for name in HEAVY if name in loaded} == set()


def test_version_reads_the_metadata_only_when_asked() -> None:
    assert "importlib.metadata" in _loaded("--version")


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        # migrate validates with validate-pyproject when it has a result, not on import.
        ("setsquare.commands.migrate", {"copier", "validate_pyproject", "difflib"}),
        (
            "setsquare.pyproject_schema",
            {"validate_pyproject", "fastjsonschema", "setsquare._vendor.pyproject_validator"},
        ),
        ("setsquare.main", {"copier", "yaml", "traceback"}),
    ],
)
def test_a_module_leaves_what_it_needs_later_unloaded(module: str, absent: set[str]) -> None:
    assert absent & _imported(module) == set()


def test_adopt_takes_the_bundle_url_it_no_longer_loads_for_help(tmp_path: Path) -> None:
    from setsquare.adopt.precommit_config import BUNDLE_URL
    from setsquare.main import main

    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    config = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"repo: {BUNDLE_URL}\n" in config
