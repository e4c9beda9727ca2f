"""The migrated tables mean to the real tools what the legacy files meant.

Ruff is checked against flake8's semantics (what `ruff check --show-settings` enables);
pytest, mypy and coverage run on the same tree before (legacy file) and after (only the
migrated pyproject.toml), and must say the same.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import coverage
import pytest

from setsquare.migrate.tools import ruff_rules
from tests.helpers import child_env, tool
from tests.migrate.golden import CASES, NAMES
from tests.migrate.tools.support import SAMPLE, flake8_findings, ruff_findings, run

if TYPE_CHECKING:
    from pathlib import Path

ALL_LEGACY = CASES / "tools-configs-from-every-legacy-file-follow-each-tools-precedence"


def _enabled(project: Path) -> tuple[set[str], str]:
    (project / "a.py").write_text("x = 1\n", encoding="utf-8")
    shown = subprocess.run(
        [tool("ruff"), "check", "--show-settings", "a.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    block = shown.split("linter.rules.enabled = [", 1)[1].split("]", 1)[0]
    return set(re.findall(r"\(([A-Z]+[0-9]+)\)", block)), shown


def test_ruff_enables_what_flake8_ran(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        (ALL_LEGACY / "expected" / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    enabled, shown = _enabled(tmp_path)
    # tox.ini's [flake8] is the one flake8 reads: defaults + bugbear + docstrings, E203 off.
    assert {"E501", "E711", "W291", "F401", "B006", "D100"} <= enabled
    assert "E203" not in enabled
    # bugbear's opinionated B9 checks were never on; mccabe had no max-complexity.
    assert not {code for code in enabled if code.startswith(("B9", "C9"))}
    # .flake8 was dead config: its quotes and tidy-imports plugins are not switched on.
    assert not {code for code in enabled if code.startswith(("Q", "TID"))}
    assert "linter.line_length = 100" in shown
    assert "linter.pycodestyle.max_line_length = 120" in shown
    assert "formatter.quote_style = preserve" in shown
    assert "pkg => Known(FirstParty)" in shown


def test_ruff_accepts_every_plugin_selector(tmp_path: Path) -> None:
    case = CASES / "tools-flake8-plugins-in-use-select-their-ruff-rules" / "expected"
    (tmp_path / "pyproject.toml").write_text(
        (case / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    enabled, _ = _enabled(tmp_path)
    # Selected by plugin found (bugbear named in tox deps, fixme, pyi by Y015 ...).
    assert {"B904", "C901", "FIX002", "PYI001", "COM818", "TC002", "PTH100"} <= enabled
    # Ignored under their flake8 names: I252, TCH001, C812, E800, PL123, R504, U100, Y015 ...
    ignored = {"TID252", "TC001", "COM812", "ERA001", "PTH123", "RET504", "ARG001", "PYI015"}
    assert not ignored & enabled
    assert {"FIX001", "ICN001"}.isdisjoint(enabled)


def _legacy_and_migrated(
    tmp_path: Path, legacy: dict[str, str], tree: dict[str, str]
) -> tuple[Path, Path]:
    before, after = tmp_path / "before", tmp_path / "after"
    migrated = run(legacy)
    after_files = {**migrated.files_after, "pyproject.toml": migrated.text}
    for root, files in ((before, legacy), (after, after_files)):
        for name, text in {**tree, **files}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    # Everything moved: the legacy files are gone or left without a section.
    assert not any("[" in text for text in migrated.files_after.values())
    return before, after


def _pytest(project: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    return re.sub(r" in [0-9.]+s", "", done.stdout.replace(str(project), "<root>"))


def test_pytest_takes_tox_ini_over_setup_cfg(tmp_path: Path) -> None:
    legacy = {
        "tox.ini": "[pytest]\naddopts = -k one\n",
        "setup.cfg": "[tool:pytest]\naddopts = -k two\n",
    }
    tree = {"test_x.py": "def test_one():\n    pass\n\n\ndef test_two():\n    pass\n"}
    before, after = tmp_path / "before", tmp_path / "after"
    migrated = run(legacy)
    for root, files in (
        (before, legacy),
        (after, {**migrated.files_after, "pyproject.toml": migrated.text}),
    ):
        root.mkdir()
        for name, text in {**tree, **files}.items():
            (root / name).write_text(text, encoding="utf-8")
    collected = _pytest(before, "--co", "-q")
    assert "test_x.py::test_one" in collected
    assert "test_two" not in collected.split("deselected")[0]
    assert _pytest(after, "--co", "-q") == collected


def test_pytest_sees_the_same_config(tmp_path: Path) -> None:
    legacy = {"pytest.ini": (ALL_LEGACY / "input" / "pytest.ini").read_text(encoding="utf-8")}
    tree = {
        "tests/test_x.py": (
            "import pytest\n\n\n@pytest.mark.slow\ndef test_a():\n    pass\n\n\n"
            "@pytest.mark.network\ndef test_b():\n    pass\n"
        )
    }
    before, after = _legacy_and_migrated(tmp_path, legacy, tree)
    markers_before = _pytest(before, "--markers")
    assert "@pytest.mark.slow: takes more than a second" in markers_before
    assert _pytest(after, "--markers") == markers_before
    # testpaths, addopts (-ra, --strict-markers) and markers select the same tests.
    collected = _pytest(before, "--co", "-q", "-m", "not slow")
    assert "tests/test_x.py::test_b" in collected
    assert "test_a" not in collected.split("deselected")[0]
    assert _pytest(after, "--co", "-q", "-m", "not slow") == collected


def _mypy(project: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(project / ".cache"), "pkg"],
        cwd=project,
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
    )
    return done.stdout


@pytest.mark.parametrize("config", ["mypy.ini", "setup.cfg"])
def test_mypy_reads_the_same_overrides(config: str, tmp_path: Path) -> None:
    legacy = {
        config: (
            "[mypy]\nstrict = True\nwarn_unreachable = true\n\n"
            "# no stubs for these\n[mypy-yaml.*,requests.*]\nignore_missing_imports = True\n\n"
            "[mypy-pkg.legacy]\ndisallow_untyped_defs = False\n"
        )
    }
    tree = {
        "pkg/__init__.py": "",
        "pkg/legacy.py": "import yaml\n\n\ndef old(x):\n    return x\n",
        "pkg/new.py": "import requests\nimport not_installed\n\n\ndef new(x):\n    return x\n",
    }
    before, after = _legacy_and_migrated(tmp_path, legacy, tree)
    out = _mypy(before)
    # The overrides apply (legacy.py passes), the strict defaults still bite new.py.
    assert "pkg/legacy.py" not in out
    assert (
        "pkg/new.py:2: error: Cannot find implementation or library stub for module named"
        ' "not_installed"' in out
    )
    assert "pkg/new.py:5: error: Function is missing a type annotation" in out
    assert _mypy(after) == out


_COVERAGE_OPTIONS = (
    "run:branch",
    "run:source",
    "run:omit",
    "report:show_missing",
    "report:fail_under",
    "report:exclude_lines",
    "html:directory",
)


def _coverage_config(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.chdir(project)
    cov = coverage.Coverage(config_file=True)
    config: dict[str, object] = {name: cov.get_option(name) for name in _COVERAGE_OPTIONS}
    config["paths"] = dict(cov.config.paths)
    return config


@pytest.mark.parametrize(
    "coveragerc",
    [
        pytest.param(
            (ALL_LEGACY / "input" / ".coveragerc").read_text(encoding="utf-8"),
            id="every-legacy-file",
        ),
        pytest.param(
            "[run]\nbranch = false\nsource = a\n\n[coverage:run]\nbranch = true\n",
            id="prefixed section wins",
        ),
    ],
)
def test_coverage_reads_the_same_settings(
    coveragerc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, after = _legacy_and_migrated(tmp_path, {".coveragerc": coveragerc}, {})
    config = _coverage_config(before, monkeypatch)
    assert config["run:branch"] is True
    assert _coverage_config(after, monkeypatch) == config


@pytest.fixture(params=NAMES)
def migrated(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    expected = CASES / str(request.param) / "expected" / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text(expected.read_text(encoding="utf-8"), "utf-8")
    return tmp_path


def test_ruff_accepts_every_golden_output(migrated: Path) -> None:
    # Ruff refuses unknown keys, wrong types and unknown rule selectors outright, and
    # warns about selections without effect or contradicting each other.
    (migrated / "a.py").write_text('"""Doc."""\n', encoding="utf-8")
    done = subprocess.run(
        [tool("ruff"), "check", "--no-cache", "a.py"],
        cwd=migrated,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""


def test_coverage_accepts_every_golden_output(
    migrated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # coverage refuses a string where it wants a list ("not a list").
    monkeypatch.chdir(migrated)
    coverage.Coverage(config_file=True).get_option("run:branch")


def _all_legacy_inputs() -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in (ALL_LEGACY / "input").iterdir()
        if path.is_file()
    }


_PLUGINS_AND_COMPLEXITY = {
    ".flake8": (
        "[flake8]\nmax-complexity = 1\nextend-select = B904\nextend-ignore = D\n"
        "per-file-ignores =\n    pkg/__init__.py: F401\n    pkg/mod.py: W291\n"
    ),
    "requirements-dev.txt": "flake8\nflake8-bugbear\nflake8-docstrings\n",
}


@pytest.mark.parametrize(
    ("files", "in_mod", "in_init"),
    [
        pytest.param(
            _all_legacy_inputs(),
            {(5, "B006"), (10, "E711"), (11, "W291"), (1, "F401"), (1, "D100"), (20, "E501")},
            {(1, "F401"), (1, "D104")},
            id="ALL_LEGACY: tox.ini wins, bugbear and docstrings from tox deps",
        ),
        pytest.param(
            _PLUGINS_AND_COMPLEXITY,
            {(5, "C901"), (28, "B904"), (1, "F401"), (5, "B006")},
            set(),
            id="mccabe, opt-in B904, per-file-ignores",
        ),
        pytest.param(
            {".flake8": "[flake8]\nselect = E,F  # and W291, which flake8 reads as a code\n"},
            {(10, "E711"), (11, "W291"), (1, "F401")},
            {(1, "F401")},
            id="inline comment in select: its code-shaped words count, the rest is a comment",
        ),
    ],
)
def test_ruff_reports_what_flake8_reported(
    files: dict[str, str],
    in_mod: set[tuple[int, str]],
    in_init: set[tuple[int, str]],
    tmp_path: Path,
) -> None:
    """flake8 on the legacy tree and Ruff on the migrated one report the same violations."""
    legacy = {k: v for k, v in files.items() if k != "pyproject.toml"}
    migrated = run(legacy, files.get("pyproject.toml", ""))
    before, after = tmp_path / "before", tmp_path / "after"
    trees = (
        (before, files),
        (after, {**migrated.files_after, "pyproject.toml": migrated.text}),
    )
    for root, tree in trees:
        for name, text in {**tree, "pkg/__init__.py": "import os\n", "pkg/mod.py": SAMPLE}.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    # Compared where Ruff has a stable rule of the same code (E3xx, E203... are preview).
    stable = {code for code, preview in ruff_rules.rules().items() if not preview}
    flake8 = {finding for finding in flake8_findings(before) if finding[2] in stable}
    assert {(row, code) for path, row, code in flake8 if path == "pkg/mod.py"} >= in_mod
    assert {(row, code) for path, row, code in flake8 if path == "pkg/__init__.py"} == in_init
    assert ruff_findings(after) == flake8


# `acme` is not in the tree: only known_first_party makes it first party, for both tools.
UNSORTED = """\
import requests
from acme import mod
import os, sys
from typing import Any
from .sibling import thing
import zlib, attr
x: Any = (os, sys, requests, mod, thing, zlib, attr)
"""


@pytest.mark.parametrize(
    "isort_cfg",
    [
        pytest.param("[settings]\nprofile = black\nknown_first_party = acme\n", id="first party"),
        pytest.param(
            "[settings]\nprofile = black\nknown_first_party = acme\n"
            "force_sort_within_sections = true\nlines_after_imports = 2\n"
            "force_single_line = true\n",
            id="layout options",
        ),
        pytest.param(
            "[settings]\nprofile = black\nno_lines_before = LOCALFOLDER\n"
            "sections = FUTURE,STDLIB,FIRSTPARTY,THIRDPARTY,LOCALFOLDER\n"
            "known_first_party = acme\n",
            id="section order",
        ),
    ],
)
def test_ruff_sorts_imports_as_isort_did(isort_cfg: str, tmp_path: Path) -> None:
    before, after = _legacy_and_migrated(
        tmp_path, {".isort.cfg": isort_cfg}, {"pkg/__init__.py": "", "pkg/mod.py": UNSORTED}
    )
    subprocess.run([tool("isort"), "pkg/mod.py"], cwd=before, check=True, capture_output=True)
    subprocess.run(
        [tool("ruff"), "check", "--no-cache", "--select", "I", "--fix", "pkg/mod.py"],
        cwd=after,
        check=True,
        capture_output=True,
    )
    sorted_by_isort = (before / "pkg" / "mod.py").read_text(encoding="utf-8")
    assert sorted_by_isort != UNSORTED
    assert (after / "pkg" / "mod.py").read_text(encoding="utf-8") == sorted_by_isort
