"""The one table of legacy sources: every path migrate reads, as each reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from setsquare.legacy_sources import (
    BY_PATH,
    READ_WHEN_EMPTY,
    SECTIONS,
    SOURCES,
    STANDALONE,
    TARGETS,
    files_pattern,
    is_legacy_source,
    is_requirements_file,
    sections_of,
)

ROOT = Path(__file__).resolve().parents[1]

#: path -> is it a legacy source (read by migrate, flagged by the hook and check)?
PATHS = [
    ("setup.cfg", True),
    ("setup.py", True),
    ("tox.ini", True),
    (".flake8", True),
    (".isort.cfg", True),
    ("pytest.ini", True),
    (".pytest.ini", True),
    ("mypy.ini", True),
    (".mypy.ini", True),
    (".coveragerc", True),
    ("requirements.txt", True),
    ("requirements.in", True),
    ("requirements-dev.txt", True),
    ("requirements_test.in", True),
    ("Requirements-Dev.txt", True),
    ("dev-requirements.txt", True),
    ("test-requirements.in", True),
    ("test_requirements.txt", True),
    ("requirements/base.txt", True),
    ("requirements/docs.in", True),
    # Not configuration: elsewhere in the tree, other names, other extensions.
    ("docs/setup.py", False),
    ("tests/fixtures/pytest.ini", False),
    ("docs/requirements.txt", False),
    ("requirements/sub/base.txt", False),
    ("requirements.txt.bak", False),
    ("requirements.lock", False),
    ("requirements.cfg", False),
    ("constraints.txt", False),
    ("requirementstxt", False),
    ("myrequirements.txt", False),
    ("pyproject.toml", False),
    ("setup.cfg.orig", False),
    ("pytest.toml", False),
]


@pytest.mark.parametrize(("path", "expected"), PATHS)
def test_every_reader_agrees_on_what_is_a_legacy_source(path: str, expected: bool) -> None:
    assert is_legacy_source(path) is expected
    assert bool(re.search(files_pattern(), path)) is expected


def test_the_hook_manifest_triggers_on_exactly_the_table() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for hook in manifest if hook["id"] == "check-legacy-config"]
    assert hook["files"] == files_pattern()


def test_requirements_files_are_found_by_name_not_listed() -> None:
    assert not any(is_requirements_file(path) for path in BY_PATH)


def test_a_file_read_when_empty_is_a_standalone_file() -> None:
    # An empty pytest.ini still shadows [tool.pytest]: it can only be a tool's own file.
    assert READ_WHEN_EMPTY <= STANDALONE


#: (tool, file, section) -> does the tool read its settings from that section there?
#: As each tool documents its discovery: pytest reads [pytest] in pytest.ini and tox.ini
#: but only [tool:pytest] in setup.cfg; coverage reads unprefixed sections only in its
#: own file; mypy's per-module sections are prefixed.
SECTIONS_READ = [
    ("pytest", "pytest.ini", "pytest", True),
    ("pytest", "tox.ini", "pytest", True),
    ("pytest", "setup.cfg", "tool:pytest", True),
    ("pytest", "setup.cfg", "pytest", False),
    ("pytest", "tox.ini", "tool:pytest", False),
    ("coverage", ".coveragerc", "run", True),
    ("coverage", ".coveragerc", "coverage:report", True),
    ("coverage", "setup.cfg", "coverage:run", True),
    ("coverage", "setup.cfg", "run", False),
    ("coverage", "tox.ini", "paths", False),
    ("coverage", ".coveragerc", "some_plugin", False),
    ("mypy", "mypy.ini", "mypy", True),
    ("mypy", "setup.cfg", "mypy-pkg.sub.*", True),
    ("mypy", "setup.cfg", "mypyc", False),
    ("isort", ".isort.cfg", "settings", True),
    ("isort", "setup.cfg", "tool:isort", True),
    ("isort", "setup.cfg", "settings", False),
    ("flake8", ".flake8", "flake8:local-plugins", True),
    ("flake8", "tox.ini", "flake8", True),
    ("flake8", "tox.ini", "flake8-rst", False),
    ("packaging", "setup.cfg", "options.entry_points", True),
    ("packaging", "setup.cfg", "bdist_wheel", False),
    ("packaging", "setup.py", "metadata", False),
]


@pytest.mark.parametrize(("tool", "path", "section", "expected"), SECTIONS_READ)
def test_the_table_says_which_sections_a_tool_reads(
    tool: str, path: str, section: str, expected: bool
) -> None:
    (row,) = [row for row in sections_of(tool) if row.path == path]
    assert row.holds(section) is expected


#: Each tool's files, in the order the tool looks for them (the first one wins).
ORDER = {
    "flake8": ["setup.cfg", "tox.ini", ".flake8"],
    "isort": [".isort.cfg", "setup.cfg", "tox.ini"],
    "pytest": ["pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg"],
    "mypy": ["mypy.ini", ".mypy.ini", "setup.cfg"],
    "coverage": [".coveragerc", "setup.cfg", "tox.ini"],
    "packaging": ["setup.cfg", "setup.py"],
}


def test_each_tool_looks_through_its_files_in_its_own_order() -> None:
    assert {tool: [row.path for row in sections_of(tool)] for tool in ORDER} == ORDER
    assert {row.tool for row in SECTIONS} == set(ORDER) == set(TARGETS)


def test_a_files_tools_are_the_tools_whose_sections_it_holds() -> None:
    assert {source.path: source.tools for source in SOURCES} == {
        "setup.cfg": ("packaging", "flake8", "isort", "pytest", "mypy", "coverage"),
        "setup.py": ("packaging",),
        "tox.ini": ("flake8", "isort", "pytest", "coverage"),
        ".flake8": ("flake8",),
        ".isort.cfg": ("isort",),
        "pytest.ini": ("pytest",),
        ".pytest.ini": ("pytest",),
        "mypy.ini": ("mypy",),
        ".mypy.ini": ("mypy",),
        ".coveragerc": ("coverage",),
    }
    assert all(len(BY_PATH[path].tools) == 1 for path in STANDALONE)
