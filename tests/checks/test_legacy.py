"""check-legacy-config, SQ300 and `setsquare migrate` tell one story: a finding is exactly
something migrate would move, and after migrate there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from setsquare.checks.legacy import find_legacy, legacy_candidates
from setsquare.commands.migrate import read_inputs, read_sources
from setsquare.errors import InputError

SETUP_PY_COMPUTED = """\
from setuptools import setup, find_packages
setup(
    version=read_version(),
    long_description=open("README.md").read(),
    packages=find_packages(),
    py_modules=["a"],
)
"""
PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "demo"
dynamic = ["version", "readme"]
dependencies = ["requests>=2"]

[tool.setuptools]
include-package-data = false
"""


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"setup.cfg": "[metadata]\nname = demo\nversion = 1\n\n[options]\npackages = find:\n"},
            [
                (
                    "setup.cfg:2: `setsquare migrate` moves 4 items ([metadata] name, "
                    "[metadata] version, [options] packages, "
                    "[options] include_package_data (absent))"
                )
            ],
            id="setup.cfg-metadata",
        ),
        pytest.param(
            {
                "tox.ini": "[tox]\nenv_list = py311\n[pytest]\naddopts = -ra\n[coverage:run]\n"
                "branch = true\n"
            },
            [
                (
                    "tox.ini:4: `setsquare migrate` moves 2 items "
                    "([pytest] addopts, [coverage:run] branch)"
                )
            ],
            id="tox.ini-keeps-tox",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\naddopts = -ra\n"},
            ["pytest.ini:2: `setsquare migrate` moves 1 item ([pytest] addopts)"],
            id="standalone-file",
        ),
        pytest.param(
            {"setup.py": "from setuptools import setup\nsetup(name='demo', version='1.0')\n"},
            ["setup.py:2: `setsquare migrate` moves 2 items (name=, version=)"],
            id="setup.py-literal",
        ),
        pytest.param(
            {
                "setup.py": SETUP_PY_COMPUTED,
                "pyproject.toml": PYPROJECT.split("\n[tool.setuptools]")[0],
            },
            ["pyproject.toml: `setsquare migrate` changes it (`--diff` shows how)"],
            id="a-default-written-out-is-a-change-too",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\n"},
            [
                "pyproject.toml: `setsquare migrate` changes it (`--diff` shows how)",
                "pytest.ini: `setsquare migrate` changes it (`--diff` shows how)",
            ],
            id="an-empty-pytest-ini-becomes-an-empty-table",
        ),
        pytest.param(
            {"requirements-docs.txt": "sphinx\n"},
            ["requirements-docs.txt:1: `setsquare migrate` moves 1 item (sphinx)"],
            id="requirements-become-a-group",
        ),
    ],
)
def test_a_finding_is_what_migrate_moves(files: dict[str, str], expected: list[str]) -> None:
    assert [f.render() for f in find_legacy(files)] == expected


@pytest.mark.parametrize(
    "files",
    [
        # The circle of the adopt corpus: the hook flagged these and migrate had nothing to do.
        pytest.param(
            {"setup.py": SETUP_PY_COMPUTED, "pyproject.toml": PYPROJECT},
            id="computed-and-build-only-setup-arguments-stay",
        ),
        pytest.param({"setup.py": "from setuptools import setup\nsetup()\n"}, id="shim"),
        pytest.param({"setup.cfg": "[bdist_wheel]\nuniversal = 1\n"}, id="setup.cfg-other"),
        pytest.param({"tox.ini": "[tox]\nenv_list = py311\n"}, id="tox-only"),
        pytest.param(
            {"requirements.txt": "requests>=2\n", "pyproject.toml": PYPROJECT},
            id="requirements-repeating-the-dependencies-stay",
        ),
    ],
)
def test_nothing_for_migrate_is_no_finding(files: dict[str, str]) -> None:
    assert find_legacy(files) == []


def test_what_migrate_refuses_is_its_own_error() -> None:
    with pytest.raises(InputError, match=r"setup\.py:1: is not valid Python") as caught:
        find_legacy({"setup.py": "setup(\n"})
    assert caught.value.hint


CASES = Path(__file__).parents[1] / "migrate" / "cases"


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if (p / "input").is_dir()))
def test_every_golden_case_is_flagged_before_migrate_and_clean_after(name: str) -> None:
    """The hook flags what migrate moves; after it, only what migrate refused to settle."""
    before, after = CASES / name / "input", CASES / name / "expected"
    ledger = (CASES / name / "ledger.txt").read_text(encoding="utf-8")
    files = read_inputs(before)
    flagged = find_legacy(files, read_sources(before, files))
    assert bool(flagged) is not ledger.endswith("Nothing to migrate.\n")
    files = read_inputs(after)
    left = find_legacy(files, read_sources(after, files))
    # A conflict stays flagged, and migrate's ledger said so: the user settles it by hand.
    assert [finding for finding in left if not finding.conflict] == []
    for finding in left:
        assert f"kept        {finding.path}:{finding.line} " in ledger
        assert "(conflict: " in ledger


def test_candidates_are_filtered_by_name_at_the_root_only() -> None:
    paths = [
        "setup.cfg",
        "src/x.py",
        "requirements-dev.txt",
        "docs/requirements.in",
        "tox.ini",
        # migrate reads these too, so the hook must not skip them (the one table of sources)
        "dev-requirements.txt",
        "requirements/test.in",
        ".mypy.ini",
        # pluggy's and pip-tools' fixtures: data, not the project's configuration
        "docs/examples/eggsample/setup.py",
        "tests/test_data/packages/small_fake_a/setup.py",
        "testing/example_scripts/pytest.ini",
    ]
    assert legacy_candidates(paths) == [
        ".mypy.ini",
        "dev-requirements.txt",
        "requirements-dev.txt",
        "requirements/test.in",
        "setup.cfg",
        "tox.ini",
    ]
