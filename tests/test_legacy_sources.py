"""The one table of legacy sources: every path migrate reads, as each reader sees it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from setsquare.legacy_sources import (
    BY_PATH,
    READ_WHEN_EMPTY,
    STANDALONE,
    files_pattern,
    is_legacy_source,
    is_requirements_file,
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
