"""isort with the legacy config and Ruff with the migrated one sort imports the same way.

Custom sections (issue #4): the same unsorted module goes through the real isort
(reading .isort.cfg, setup.cfg or pyproject [tool.isort]) and through
`ruff check --select I --fix` (reading only the migrated [tool.ruff.lint.isort]).
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import isort.settings
import pytest

from setsquare._toml import tomllib
from tests.helpers import child_env, tool
from tests.migrate.tools.support import run

if TYPE_CHECKING:
    from pathlib import Path

# `pkg` is the project's own package; nothing else imported here exists in the tree.
UNSORTED = """\
import requests
from ckanext.files.uploader import Upload
import ckan.plugins as p
import os, sys
from ckanext.other import helper
from . import sibling
from __future__ import annotations
import ckanext
from acme.vendored import six
from acme import core
import django
from rest_framework import serializers
from pkg import util
import zzz_unknown
x = (requests, Upload, p, os, sys, helper, sibling, ckanext, six, core, django)
y = (serializers, util, zzz_unknown)
"""

CKANEXT_FILES = (
    # ckanext-files 0.2.6 as shipped (pyproject.toml [tool.isort]).
    "[tool.isort]\n"
    'known_ckan = "ckan"\nknown_ckanext = "ckanext"\nknown_self = "ckanext.files"\n'
    'sections = "FUTURE,STDLIB,FIRSTPARTY,THIRDPARTY,CKAN,CKANEXT,SELF,LOCALFOLDER"\n'
    'profile = "black"\n'
)


@pytest.mark.parametrize(
    ("legacy", "pyproject"),
    [
        pytest.param({}, CKANEXT_FILES, id="ckanext-files"),
        pytest.param(
            {
                ".isort.cfg": "[settings]\nprofile = black\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,DJANGO,EMPTY,FIRSTPARTY,LOCALFOLDER\n"
                "known_django =\n    django\n    # the REST bits\n    rest_framework\n"
                "no_lines_before = DJANGO\ndefault_section = EMPTY\n"
            },
            "",
            id="no_lines_before, default_section and an empty custom section",
        ),
        pytest.param(
            {
                "setup.cfg": "[isort]\nprofile = black\nknown_first_party = pkg,acme\n"
                "known_vendor = acme,rest_framework\nknown_firstparty = ignored\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,VENDOR,FIRSTPARTY,LOCALFOLDER\n"
            },
            "",
            id="a module in two sections: the later one takes it",
        ),
        pytest.param(
            {
                "tox.ini": "[isort]\nprofile = black\nknown_first_party = acme\n"
                "known_vendor = %(known_first_party)s.vendored, x_100%%\n"
                "known_web = django\nno_lines_before = VENDOR\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,FIRSTPARTY,VENDOR,LOCALFOLDER\n"
            },
            "",
            id="%-interpolation; a known_ list whose section is not in `sections`",
        ),
    ],
)
def test_ruff_sorts_custom_sections_as_isort_did(
    legacy: dict[str, str], pyproject: str, tmp_path: Path
) -> None:
    migrated = run(legacy, pyproject)
    assert "[tool.ruff.lint.isort" in migrated.text
    before, after = tmp_path / "before", tmp_path / "after"
    trees = (
        (before, {**legacy, "pyproject.toml": pyproject}),
        (after, {**migrated.files_after, "pyproject.toml": migrated.text}),
    )
    for root, files in trees:
        for name, text in {**files, "pkg/__init__.py": "", "pkg/mod.py": UNSORTED}.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    isort = subprocess.run(
        [tool("isort"), "pkg/mod.py"], cwd=before, capture_output=True, text=True, env=child_env()
    )
    assert isort.returncode == 0, isort.stderr
    ruff = subprocess.run(
        [tool("ruff"), "check", "--no-cache", "--select", "I", "--fix", "pkg/mod.py"],
        cwd=after,
        capture_output=True,
        text=True,
        env=child_env(),
    )
    # Ruff warns on stderr about sections it cannot use (unknown names, a module twice).
    assert (ruff.returncode, ruff.stderr) == (0, ""), ruff.stdout + ruff.stderr
    sorted_by_isort = (before / "pkg" / "mod.py").read_text(encoding="utf-8")
    assert sorted_by_isort != UNSORTED
    assert (after / "pkg" / "mod.py").read_text(encoding="utf-8") == sorted_by_isort


@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".isort.cfg"])
def test_isort_reads_the_interpolated_values_we_write(config: str, tmp_path: Path) -> None:
    """isort's own settings loader gets `%` where the file says `%%` (configparser)."""
    section = "settings" if config == ".isort.cfg" else "isort"
    text = (
        f"[{section}]\nknown_first_party = acme, a_100%%\n"
        "known_vendor =\n    %(known_first_party)s\n    b%%c\n"
        "sections = FUTURE,STDLIB,THIRDPARTY,FIRSTPARTY,VENDOR,LOCALFOLDER\n"
    )
    (tmp_path / config).write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()  # isort stops looking for config here
    read_by_isort = isort.settings.Config(settings_path=str(tmp_path))
    assert read_by_isort.known_other == {"vendor": frozenset({"acme", "a_100%", "b%c"})}

    migrated = tomllib.loads(run({config: text}).text)["tool"]["ruff"]["lint"]["isort"]
    # isort gives a module two sections list to the later one: VENDOR takes all of them.
    assert read_by_isort.known_first_party == frozenset({"acme", "a_100%"})
    assert "known-first-party" not in migrated
    assert set(migrated["sections"]["vendor"]) == read_by_isort.known_other["vendor"]
