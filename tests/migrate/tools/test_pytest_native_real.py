"""Native ``[tool.pytest]`` means to the real pytest what the legacy INI section meant.

The key types come from pytest's own registry (``parser.addini``), and a project is
run before (legacy file) and after (migrated pyproject.toml only): every key pytest
reads, read back with ``config.getini``, must be equal, and in the native table pytest
must read it in TOML mode (its strict, uncoerced type check).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from setsquare.migrate.tools.pytest import native as pytest_native
from tests.helpers import child_env
from tests.migrate.tools.support import run

if TYPE_CHECKING:
    from pathlib import Path

#: a conftest that writes what pytest read: each key's value, its mode, the file it came from
_PROBE = """\
import json
import pathlib


def pytest_configure(config):
    parser = config._parser
    types = {}
    for name, (_help, kind, _default) in parser._inidict.items():
        members = kind if isinstance(kind, tuple) else (kind,)
        types[name] = [m if isinstance(m, str) else "string" for m in members]
    values = {}
    for name in sorted(config._inicfg):
        value = config.getini(name)
        if name == "pythonpath":
            value = [str(p.relative_to(config.rootpath)) for p in value]
        values[name] = [value, config._inicfg[name].mode]
    out = {
        "file": config.inipath.name if config.inipath else None,
        "types": types,
        "aliases": parser._ini_aliases,
        "values": values,
    }
    pathlib.Path("probe.json").write_text(json.dumps(out, default=repr))
"""

_TESTS = """\
import pytest


@pytest.mark.slow
def check_slow():
    pass


def test_plain():
    pass


class CheckGroup:
    def check_method(self):
        pass


@pytest.mark.parametrize("x", [])
def test_empty(x):
    pass
"""

_PYTEST_INI = """\
# the team's pytest settings
[pytest]
minversion = 9.0
addopts = -ra --tb=short
testpaths = tests
python_files = check_*.py test_*.py
python_classes = Check
python_functions = check test
norecursedirs = build .*
markers =
    slow: takes a while
    # the network ones
    net: needs the network
filterwarnings =
    error
    ignore::DeprecationWarning
xfail_strict = yes
strict_markers = t
log_cli = 0
log_cli_level = INFO
log_level = 10
log_auto_indent = on
faulthandler_timeout = 30
tmp_path_retention_count = 2
tmp_path_retention_policy = failed
console_output_style = classic
empty_parameter_set_mark = xfail
verbosity_assertions = auto
verbosity_test_cases = 1
junit_family = xunit1
pythonpath = src
consider_namespace_packages = false
doctest_optionflags = ELLIPSIS NORMALIZE_WHITESPACE
cache_dir = .cache/pytest
"""


def _pytest(project: Path, *args: str) -> tuple[str, dict[str, Any]]:
    (project / "probe.json").unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "pytester", *args],
        cwd=project,
        capture_output=True,
        text=True,
        # Only pytest's own plugins: an installed third-party one could add keys.
        env=child_env(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"),
        check=False,
    )
    assert done.returncode in (0, 5), done.stdout + done.stderr
    probe = json.loads((project / "probe.json").read_text(encoding="utf-8"))
    return done.stdout.replace(str(project), "<root>").split(" in ")[0], probe


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _types_of(spec: str | tuple[str, ...]) -> list[str]:
    return list(spec) if isinstance(spec, tuple) else [spec]


@pytest.mark.slow
def test_native_table_reads_like_the_ini_file(tmp_path: Path) -> None:
    legacy = {"pytest.ini": _PYTEST_INI, "requirements-dev.txt": "pytest>=9.0\n"}
    migrated = run(legacy)
    assert migrated.text.startswith("[tool.pytest]\n# the team's pytest settings\n")
    assert migrated.result.remove_files == {"pytest.ini"}
    tree = {"conftest.py": _PROBE, "tests/check_things.py": _TESTS, "src/.keep": ""}
    # One directory name: pytest prints it.
    before, after = tmp_path / "before" / "project", tmp_path / "after" / "project"
    _write(before, {**tree, **legacy})
    _write(after, {**tree, **migrated.files_after, "pyproject.toml": migrated.text})

    collected_before, read_before = _pytest(before, "--co", "-q")
    collected_after, read_after = _pytest(after, "--co", "-q")
    assert read_before["file"] == "pytest.ini"
    assert read_after["file"] == "pyproject.toml"
    # Every key was read, in TOML mode after, to the same value pytest had before.
    keys = {line.split(" =")[0] for line in _PYTEST_INI.splitlines() if line[:1].isalpha()}
    assert set(read_before["values"]) == keys
    assert {name: value for name, (value, _) in read_after["values"].items()} == {
        name: value for name, (value, _) in read_before["values"].items()
    }
    assert {mode for _, mode in read_after["values"].values()} == {"toml"}
    assert {mode for _, mode in read_before["values"].values()} == {"ini"}
    # The same tests are collected (python_files/classes/functions, testpaths, markers).
    assert collected_after == collected_before
    # (verbosity_test_cases = 1 prints the tree.)
    assert "<Function check_slow>" in collected_before
    assert "<Function check_method>" in collected_before


def test_key_types_are_pytests_own(tmp_path: Path) -> None:
    """`pytest_native.TYPES` is what the installed pytest registers with `parser.addini`."""
    _write(tmp_path, {"conftest.py": _PROBE, "pytest.ini": "[pytest]\n"})
    _, probe = _pytest(tmp_path, "--co", "-q")
    aliases = probe["aliases"]
    registered = dict(probe["types"])
    for alias, target in aliases.items():
        registered[alias] = registered[target]
    ours = {name: _types_of(kind) for name, kind in pytest_native.TYPES.items()}
    assert ours == registered


@pytest.mark.parametrize(
    ("legacy", "expected_file"),
    [
        pytest.param(
            {"tox.ini": "[pytest]\naddopts = -k plain\n[testenv]\ndeps = pytest>=9.1\n"},
            "tox.ini",
            id="tox.ini, floor from tox deps",
        ),
        pytest.param(
            {
                "setup.cfg": "[tool:pytest]\naddopts = -k plain\n\n"
                "[options]\ntests_require = pytest>=9\n"
            },
            "setup.cfg",
            id="setup.cfg, floor from tests_require",
        ),
    ],
)
@pytest.mark.slow
def test_native_table_from_shared_files(
    legacy: dict[str, str], expected_file: str, tmp_path: Path
) -> None:
    migrated = run(legacy)
    assert migrated.text == '[tool.pytest]\naddopts = ["-k", "plain"]\n'
    tree = {"conftest.py": _PROBE, "test_x.py": _TESTS}
    # One directory name: pytest prints it.
    before, after = tmp_path / "before" / "project", tmp_path / "after" / "project"
    _write(before, {**tree, **legacy})
    _write(after, {**tree, **migrated.files_after, "pyproject.toml": migrated.text})
    collected, read = _pytest(before, "--co", "-q")
    assert read["file"] == expected_file
    assert "test_x.py::test_plain" in collected
    assert "test_empty" not in collected.split("deselected")[0]
    collected_after, read_after = _pytest(after, "--co", "-q")
    assert read_after["file"] == "pyproject.toml"
    assert read_after["values"] == {"addopts": [["-k", "plain"], "toml"]}
    assert collected_after == collected
