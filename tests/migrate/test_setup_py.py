"""setup.py mapper: literal setup() arguments move, computed ones stay dynamic, the rest stay."""

from __future__ import annotations

import ast
import shutil
from typing import TYPE_CHECKING

import pytest

from setsquare.errors import InputError
from setsquare.main import main
from setsquare.migrate import setup_py
from setsquare.migrate.ledger import Action
from setsquare.migrate.model import render
from setsquare.migrate.setup_py import inspect_setup_py
from setsquare.migrate.setup_py.cut import cut_arguments
from setsquare.migrate.setup_py.people import people_items
from tests.migrate.golden import CASES, tree

if TYPE_CHECKING:
    from pathlib import Path

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
        # REQS only fed the cut argument: it goes with it.
        "import setuptools\nsetuptools.setup(\n    version=get(),\n)\n",
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
        "from setuptools import setup\nsetup(name='a', entry_points=entry_points())\n",
        '[project]\nname = "a"\n',
        "from setuptools import setup\nsetup(entry_points=entry_points())\n",
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


SETUP = "from setuptools import setup\n"

#: The comments name the released sdists each case was first seen in; the golden
#: cases setup-py-* (GOLDEN below) keep those setup.py files whole.
MORE_FIXES = [
    pytest.param(
        # onkyo-eiscp 1.2.7, pyramid 1.10.8, conda-pack 0.7.1: setuptools fails on a str
        # entry_points once [project] exists, dynamic or not.
        SETUP + "setup(\n    name='a',\n    entry_points='''\\\n"
        "        [console_scripts]\n        a = a.cli:main\n        # not an entry point\n\n"
        "        [gui_scripts]\n        a-gui=a.gui:run\n"
        "        [a.plugins]\n        x = a.x:X [extra]\n      ''',\n)\n",
        '[project]\nname = "a"\n\n[project.scripts]\na = "a.cli:main"\n\n'
        '[project.gui-scripts]\na-gui = "a.gui:run"\n\n'
        '[project.entry-points."a.plugins"]\nx = "a.x:X [extra]"\n',
        SETUP + "setup()\n",
        [],
        id="ini-string-entry-points-move",
    ),
    pytest.param(
        SETUP + "setup(name='a', entry_points={'console_scripts': 'a = a:main\\nb = b:main'})\n",
        '[project]\nname = "a"\n\n[project.scripts]\na = "a:main"\nb = "b:main"\n',
        SETUP + "setup()\n",
        [],
        id="dict-of-ini-lines",
    ),
    pytest.param(
        # dataclasses-avroschema 0.36.2: `)` of the last argument was left behind.
        SETUP + "setup(\n    packages=['a'],\n    keywords=(\n        'a, b, '\n        'c'\n"
        "    ),\n)\n",
        '[project]\nkeywords = ["a", "b", "c"]\n',
        SETUP + "setup(\n    packages=['a'],\n)\n",
        [],
        id="parenthesised-last-argument",
    ),
    pytest.param(
        SETUP + "setup(packages=['a'], description=('x'\n                 'y'))\n",
        '[project]\ndescription = "xy"\n',
        SETUP + "setup(packages=['a'])\n",
        [],
        id="parenthesised-last-argument-sharing-a-line",
    ),
    pytest.param(
        SETUP + "setup(description=('x'), packages=['a'])\n",
        '[project]\ndescription = "x"\n',
        SETUP + "setup(packages=['a'])\n",
        [],
        id="parenthesised-first-argument",
    ),
    pytest.param(
        SETUP + "setup(\n    # the summary\n    description='x',\n    # find them\n"
        "    packages=['a'],  # all\n    name='a',  # the name\n)\n",
        '[project]\nname = "a"\ndescription = "x"\n',
        SETUP + "setup(\n    # find them\n    packages=['a'],  # all\n)\n",
        [],
        id="comment-lines-go-with-their-argument",
    ),
    pytest.param(
        # dismake 0.0.16: url became a duplicate "Homepage (url)".
        SETUP + "setup(name='a', url='https://h', project_urls={'Homepage': 'https://h'})\n",
        '[project]\nname = "a"\n',
        SETUP + "setup(url='https://h', project_urls={'Homepage': 'https://h'})\n",
        ["urls"],
        id="url-and-homepage-project-url-stay",
    ),
    pytest.param(
        SETUP + "setup(name='a', url='https://h', project_urls={'Source': 'https://s'})\n",
        '[project]\nname = "a"\n\n[project.urls]\nHomepage = "https://h"\nSource = "https://s"\n',
        SETUP + "setup()\n",
        [],
        id="url-and-other-project-urls-move",
    ),
    pytest.param(
        # dataclasses-avroschema 0.36.2: [project.urls] refuses "", setuptools writes it.
        SETUP + "setup(name='a', url='https://h', download_url='')\n",
        '[project]\nname = "a"\n\n[project.urls]\nHomepage = "https://h"\n',
        SETUP + "setup(download_url='')\n",
        [],
        id="empty-download-url-stays-not-dynamic",
    ),
    pytest.param(
        # pyramid 1.10.8: a computed value in project_urls lost them all.
        SETUP + "DOCS = 'https://d'\nsetup(name='a', url='https://h',"
        " project_urls={'Docs': DOCS + 'x'})\n",
        '[project]\nname = "a"\n',
        SETUP + "DOCS = 'https://d'\nsetup(url='https://h', project_urls={'Docs': DOCS + 'x'})\n",
        ["urls"],
        id="computed-project-urls-keep-url",
    ),
    pytest.param(
        # apptools 5.2.1, pyramid 1.10.8: "Inc." became an author of its own.
        SETUP + "setup(name='a', author='Enthought, Inc.', author_email='info@e.com')\n",
        '[project]\nname = "a"\nauthors = [{name = "Enthought, Inc."}, {email = "info@e.com"}]\n',
        SETUP + "setup()\n",
        [],
        id="company-author-kept-whole",
    ),
    pytest.param(
        SETUP + "setup(name='a', author='A, B', author_email='a@x.org, b@x.org')\n",
        '[project]\nname = "a"\nauthors = [{name = "A", email = "a@x.org"}, '
        '{name = "B", email = "b@x.org"}]\n',
        SETUP + "setup()\n",
        [],
        id="people-paired-with-their-e-mails",
    ),
    pytest.param(
        SETUP + "setup(name='a', keywords='web, wsgi\\npylons')\n",
        '[project]\nname = "a"\nkeywords = ["web", "wsgi", "pylons"]\n',
        SETUP + "setup()\n",
        [],
        id="keywords-str-split-as-setuptools-does",
    ),
    pytest.param(
        SETUP + "REQS = [\n    'a',  # why a\n\n    # the b group\n    'b',\n]\n\n"
        "setup(name='x', install_requires=REQS, tests_require=['t',  # why t\n])\n",
        '[project]\nname = "x"\ndependencies = [\n    "a",  # why a\n\n    # the b group\n'
        '    "b",\n]\n\n[dependency-groups]\ntest = [\n    "t",  # why t\n]\n',
        SETUP + "\nsetup()\n",
        [],
        id="list-comments-travel",
    ),
    pytest.param(
        SETUP + "REQS = ['six']\nOTHER = REQS\nsetup(name='x', install_requires=REQS)\n",
        '[project]\nname = "x"\ndependencies = ["six"]\n',
        SETUP + "REQS = ['six']\nOTHER = REQS\nsetup()\n",
        [],
        id="variable-used-elsewhere-stays",
    ),
    pytest.param(
        SETUP + "# REQS also feeds tox\nREQS = ['six']\nsetup(name='x', install_requires=REQS)\n",
        '[project]\nname = "x"\ndependencies = ["six"]\n',
        SETUP + "# REQS also feeds tox\nREQS = ['six']\nsetup()\n",
        [],
        id="variable-named-in-a-comment-stays",
    ),
    pytest.param(
        SETUP + "REQS = ['six']; X = 1\nsetup(name='x', install_requires=REQS)\n",
        '[project]\nname = "x"\ndependencies = ["six"]\n',
        SETUP + "REQS = ['six']; X = 1\nsetup()\n",
        [],
        id="variable-sharing-a-line-stays",
    ),
    pytest.param(
        SETUP + "\ninstall_requires = [\n    'six',\n]\n\nsetup(\n    name='x',\n"
        "    install_requires=install_requires,\n    zip_safe=False,\n)\n",
        '[project]\nname = "x"\ndependencies = ["six"]\n',
        SETUP + "\nsetup(\n    zip_safe=False,\n)\n",
        [],
        id="variable-named-like-the-argument-goes",
    ),
]


@pytest.mark.parametrize(("text", "toml", "new_text", "dynamic"), MORE_FIXES)
def test_more_fixes(text: str, toml: str, new_text: str, dynamic: list[str]) -> None:
    result = inspect_setup_py(text)
    assert render(result.tables) == toml
    assert result.text == new_text
    assert result.dynamic == dynamic
    ast.parse(new_text)


def test_ledger_says_what_was_written() -> None:
    text = (
        SETUP + "setup(name='a', url='https://h', project_urls={'Homepage': 'https://h'},"
        " author='Enthought, Inc.', author_email='e@e.com', download_url='',"
        " zip_safe=False)\n"
    )
    entries = {e.source.key: e for e in inspect_setup_py(text).entries}
    for key in ("url=", "project_urls=", "download_url=", "zip_safe="):
        assert (entries[key].action, entries[key].target) == (Action.KEPT, ""), key
    assert entries["author="].target == "[project] authors"
    assert "kept as one name" in entries["author="].reason
    assert "Home-page" in entries["url="].reason
    assert "not-zip-safe" in entries["zip_safe="].reason


def test_two_setup_calls_migrate_nothing() -> None:
    # gns3-converter 1.2.3: only the first (Windows) call was migrated.
    text = (
        "import sys\n" + SETUP + "if sys.platform == 'win32':\n"
        "    setup(name='a', version='1', executables=[])\nelse:\n"
        "    setup(name='a', version='1', entry_points={'console_scripts': ['a = a:main']})\n"
    )
    result = inspect_setup_py(text)
    assert result.tables == []
    assert result.dynamic == []
    assert result.text is None
    [entry] = result.entries
    assert entry.source.render() == "setup.py:4 setup()"
    assert entry.action is Action.KEPT
    assert "called 2 times (lines 4, 6)" in entry.reason


def test_a_cut_that_would_not_parse_leaves_setup_py_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(setup_py, "cut_arguments", lambda *_: None)
    result = inspect_setup_py(SETUP + "setup(name='a', packages=['a'])\n")
    assert result.tables == []
    assert result.text is None
    [entry] = result.entries
    assert entry.source.render() == "setup.py:2 setup()"
    assert "left unchanged" in entry.reason


def test_cut_refuses_a_result_that_is_not_the_same_call() -> None:
    text = SETUP + "setup(name='a', packages=['a'])\n"
    tree = ast.parse(text)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert cut_arguments(text, tree, call, {"name"}, {}) == SETUP + "setup(packages=['a'])\n"
    # Positions that do not fit the text cut the wrong bytes: refused, not returned.
    shifted = text.replace("setup(", "setup(*x, ", 1)
    assert cut_arguments(shifted, tree, call, {"name"}, {}) is None


REFUSED = [
    pytest.param(
        SETUP + "setup(name='a', entry_points=open('ep.txt').read())\n",
        "entry_points: computed as a string",
        id="computed-str-entry-points",
    ),
    pytest.param(
        SETUP + "EP = f'[console_scripts]\\na = {1}'\nsetup(name='a', entry_points=EP)\n",
        "entry_points: computed as a string",
        id="computed-str-entry-points-by-name",
    ),
    pytest.param(
        SETUP + "setup(name='a', entry_points='[console_scripts]\\na')\n",
        "entry_points: 'a' in [console_scripts] has no `=`",
        id="entry-point-without-equals",
    ),
    pytest.param(
        SETUP + "setup(name='a', entry_points='a = a:main\\n[console_scripts]')\n",
        "entry_points: 'a = a:main' comes before any [group] header",
        id="entry-point-outside-a-group",
    ),
    pytest.param(
        SETUP + "setup(name='a', entry_points='[console_scripts]\\na = x:y\\na = x:z')\n",
        "entry_points: [console_scripts] names 'a' twice",
        id="entry-point-named-twice",
    ),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        inspect_setup_py(text)
    assert message in str(caught.value)


PEOPLE = [
    pytest.param("Ada", "ada@x.org", [{"name": "Ada", "email": "ada@x.org"}], False, id="one"),
    pytest.param(
        "Example Software, Inc. & contributors",
        "x@y.org",
        [{"name": "Example Software, Inc. & contributors"}, {"email": "x@y.org"}],
        True,
        id="company-with-one-e-mail",
    ),
    pytest.param(
        "Example Software, Inc.",
        "a@x.org, b@x.org",
        [{"name": "Example Software, Inc."}, {"email": "a@x.org"}, {"email": "b@x.org"}],
        True,
        id="company-with-as-many-e-mails-as-commas",
    ),
    pytest.param(
        "A, B",
        "a@x.org,b@x.org",
        [{"name": "A", "email": "a@x.org"}, {"name": "B", "email": "b@x.org"}],
        False,
        id="people-paired",
    ),
    pytest.param("A, B", "", [{"name": "A, B"}], True, id="no-e-mails"),
    pytest.param("", "a@x.org", [{"email": "a@x.org"}], False, id="e-mail-only"),
]


@pytest.mark.parametrize(("names", "emails", "expected", "whole"), PEOPLE)
def test_people(names: str, emails: str, expected: list[dict[str, str]], whole: bool) -> None:
    people, kept_whole = people_items(names, emails)
    assert [item.value for item in people] == expected
    assert kept_whole is whole


#: The golden cases these fixes came with, each from a released sdist (trimmed
#: to its setup.py and a stub package): onkyo-eiscp 1.2.7, dataclasses-avroschema
#: 0.36.2, dismake 0.0.16, pyramid 1.10.8, gns3-converter 1.2.3.
GOLDEN = [
    "setup-py-ini-string-entry-points-move",
    "setup-py-parenthesised-last-argument-cut",
    "setup-py-url-and-homepage-project-url-stay",
    "setup-py-comma-in-author-kept-whole",
    "setup-py-two-setup-calls-left-alone",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", GOLDEN)
def test_golden_cases_build_the_same(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "project"
    shutil.copytree(CASES / name / "input", work)

    assert main(["migrate", str(work), "--verify"]) == 0

    assert "verify: the migrated project builds the same wheel and sdist" in capsys.readouterr().out
    assert tree(work) == tree(CASES / name / "expected")
