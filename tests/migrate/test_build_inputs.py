"""Which legacy files the build still reads or ships (issue 14: never removed)."""

from __future__ import annotations

import pytest

from setsquare.migrate.build_inputs import read_by_the_build

KOMBU_SETUP_PY = """\
import os
from setuptools import setup

def reqs(*f):
    with open(os.path.join(os.getcwd(), "requirements", *f)) as fh:
        return fh.read().split()

setup(name="k", install_requires=reqs("default.txt"))
"""


@pytest.mark.parametrize(
    ("files", "sources", "path", "why"),
    [
        pytest.param(
            {"setup.py": KOMBU_SETUP_PY},
            None,
            "requirements/default.txt",
            "setup.py may read it at build time (it names 'default.txt')",
            id="named-by-setup-py",
        ),
        pytest.param(
            {"setup.py": KOMBU_SETUP_PY},
            None,
            "requirements/docs.txt",
            "setup.py may read it at build time (it names 'requirements')",
            id="its-folder-named-by-setup-py",
        ),
        pytest.param(
            {"setup.py": 'EXTRAS = {"redis"}\nx = {e: open(e + ".txt") for e in EXTRAS}\n'},
            None,
            "requirements/extras/redis.txt",
            "setup.py may read it at build time (it names 'redis')",
            id="its-stem-named-by-setup-py",
        ),
        pytest.param(
            {"setup.py": "import glob\nfiles = glob.glob('requirements*.txt')\n"},
            None,
            "requirements-dev.txt",
            "setup.py may read it at build time (it names 'requirements*.txt')",
            id="a-glob-in-setup-py",
        ),
        pytest.param(
            {"setup.cfg": "[options.extras_require]\ndev = file: requirements-dev.txt\n"},
            None,
            "requirements-dev.txt",
            "the build reads it (a `file:` in setup.cfg)",
            id="setup-cfg-file-directive",
        ),
        pytest.param(
            {},
            {"MANIFEST.in": "include README.rst\ninclude *.txt\n"},
            "requirements.txt",
            "MANIFEST.in puts it in the sdist",
            id="manifest-include",
        ),
        pytest.param(
            {},
            {"MANIFEST.in": "recursive-include requirements *.txt  # for tox\n"},
            "requirements/test.txt",
            "MANIFEST.in puts it in the sdist",
            id="manifest-recursive-include",
        ),
        pytest.param(
            {},
            {"MANIFEST.in": "graft requirements\n"},
            "requirements/test.txt",
            "MANIFEST.in puts it in the sdist",
            id="manifest-graft",
        ),
    ],
)
def test_files_the_build_needs(
    files: dict[str, str], sources: dict[str, str] | None, path: str, why: str
) -> None:
    assert read_by_the_build([path], files, sources, {}) == {path: why}


@pytest.mark.parametrize(
    ("files", "sources", "path"),
    [
        pytest.param({"setup.py": KOMBU_SETUP_PY}, None, "requirements-dev.txt", id="not-named"),
        pytest.param({"setup.py": "x = '***'\n"}, None, "requirements.txt", id="bare-glob"),
        pytest.param({"setup.py": "setup(\n"}, None, "requirements.txt", id="syntax-error"),
        pytest.param(
            {},
            {"MANIFEST.in": "include README.rst\n# include requirements.txt\n"},
            "requirements.txt",
            id="manifest-comment",
        ),
        pytest.param(
            {},
            {"MANIFEST.in": "recursive-include docs *.txt\n"},
            "requirements.txt",
            id="manifest-other-folder",
        ),
    ],
)
def test_files_the_build_does_not_need(
    files: dict[str, str], sources: dict[str, str] | None, path: str
) -> None:
    assert read_by_the_build([path], files, sources, {}) == {}


def test_a_file_pyproject_toml_reads() -> None:
    data = {"tool": {"setuptools": {"dynamic": {"dependencies": {"file": ["requirements.in"]}}}}}
    assert read_by_the_build(["requirements.in"], {}, None, data) == {
        "requirements.in": "the build reads it ([tool.setuptools.dynamic] dependencies in "
        "pyproject.toml)"
    }
