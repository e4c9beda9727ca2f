"""Which setuptools backend the migrated [build-system] names."""

from __future__ import annotations

import pytest

from setsquare.migrate.build_system import needs_legacy_backend


@pytest.mark.parametrize(
    "setup_py",
    [
        pytest.param("from setuptools import setup\nsetup()\n", id="setuptools-only"),
        pytest.param(
            "import os, re\nfrom setuptools import find_packages, setup\n"
            "here = os.path.dirname(__file__)\nsetup(packages=find_packages())\n",
            id="stdlib",
        ),
        pytest.param(
            "from distutils.core import Extension\nfrom setuptools import setup\nsetup()\n",
            id="distutils",
        ),
        pytest.param("import sys\nif sys.version_info < (3, 8):\n    raise SystemExit\n", id="sys"),
    ],
)
def test_plain_build_meta_suffices(setup_py: str) -> None:
    assert needs_legacy_backend(setup_py) is False


@pytest.mark.parametrize(
    "setup_py",
    [
        pytest.param("import versioneer\n", id="a-module-beside-it"),
        pytest.param("from mypkg import __version__\n", id="its-own-package"),
        pytest.param("from . import helper\n", id="relative"),
        pytest.param("import sys\nsys.path.insert(0, 'src')\n", id="sys-path"),
        pytest.param("import sys\nif 'test' in sys.argv: pass\n", id="sys-argv"),
        pytest.param("from sys import argv\n", id="argv-imported"),
        pytest.param("from Cython.Build import cythonize\n", id="not-a-build-requirement"),
        pytest.param("setup(\n", id="unparsable"),
    ],
)
def test_legacy_backend_kept(setup_py: str) -> None:
    assert needs_legacy_backend(setup_py) is True


def test_a_build_requirement_may_be_imported() -> None:
    setup_py = "from Cython.Build import cythonize\nimport numpy\n"
    assert needs_legacy_backend(setup_py, ["Cython>=3", "numpy; python_version>'3'"]) is False
