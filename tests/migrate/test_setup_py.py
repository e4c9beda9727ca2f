"""setup.py mapper: literal setup() arguments move, computed ones stay dynamic, the rest stay."""

from __future__ import annotations

import pytest

from setsquare.migrate.fragment import render
from setsquare.migrate.setup_py import inspect_setup_py

NOOP = [
    pytest.param("print('no setup here')\n", id="no-setup-call"),
    pytest.param("from setuptools import setup\nsetup()\n", id="stub"),
    pytest.param(
        "from setuptools import setup\nsetup(use_scm_version=True, zip_safe=False)\n",
        id="only-setuptools-options",
    ),
]


@pytest.mark.parametrize("text", NOOP)
def test_noop(text: str) -> None:
    result = inspect_setup_py(text)
    assert render(result.tables) == ""
    assert result.dynamic == []
    assert result.text is None


FIXES = [
    pytest.param(
        "from setuptools import setup\nsetup(name='a', version='1.0')\n",
        '[project]\nname = "a"\nversion = "1.0"\n',
        "from setuptools import setup\nsetup()\n",
        [],
        id="all-literal",
    ),
    pytest.param(
        "import setuptools\nREQS = ['six']\n"
        "setuptools.setup(\n    name='a',\n    version=get(),\n    install_requires=REQS,\n)\n",
        '[project]\nname = "a"\ndependencies = ["six"]\n',
        "import setuptools\nREQS = ['six']\nsetuptools.setup(\n    version=get(),\n)\n",
        ["version"],
        id="module-literal-name-and-computed-version",
    ),
    pytest.param(
        "from setuptools import setup\n"
        "setup(name='a', extras_require={':sys_platform==\"win32\"': ['colorama'],"
        " 'x:python_version<\"3.9\"': ['y; os_name == \"nt\"']})\n",
        '[project]\nname = "a"\ndependencies = [\'colorama; sys_platform=="win32"\']\n\n'
        "[project.optional-dependencies]\n"
        'x = [\'y; (os_name == "nt") and (python_version<"3.9")\']\n',
        "from setuptools import setup\nsetup()\n",
        [],
        id="extras-marker-keys-folded",
    ),
    pytest.param(
        "from setuptools import setup\n"
        "setup(name='a', license='mit', classifiers=['License :: OSI Approved :: MIT License',"
        " 'Topic :: Utilities'], entry_points={'console_scripts': ['a = a:main']},"
        " keywords='x y', packages=['a'])\n",
        '[project]\nname = "a"\nlicense = "MIT"\nkeywords = ["x y"]\n'
        'classifiers = ["Topic :: Utilities"]\n\n[project.scripts]\na = "a:main"\n',
        "from setuptools import setup\nsetup(packages=['a'])\n",
        [],
        id="license-classifiers-entry-points-keywords",
    ),
    pytest.param(
        "from setuptools import setup\nsetup(name='a', license='')\n",
        '[project]\nname = "a"\n',
        "from setuptools import setup\nsetup()\n",
        [],
        id="empty-license-left-out",
    ),
    pytest.param(
        "from setuptools import setup\nsetup(name='a', entry_points=open('ep.txt').read())\n",
        '[project]\nname = "a"\n',
        "from setuptools import setup\nsetup(entry_points=open('ep.txt').read())\n",
        ["entry-points", "scripts", "gui-scripts"],
        id="computed-entry-points",
    ),
]


@pytest.mark.parametrize(("text", "toml", "new_text", "dynamic"), FIXES)
def test_fixes(text: str, toml: str, new_text: str, dynamic: list[str]) -> None:
    result = inspect_setup_py(text)
    assert render(result.tables) == toml
    assert result.text == new_text
    assert result.dynamic == dynamic
