"""Which role each requirements file gets (issue 14: a wheel never gains a dependency)."""

from __future__ import annotations

import pytest

from setsquare._toml import tomllib
from setsquare.migrate.project import migrate_project


@pytest.mark.parametrize(
    "packaging",
    [
        pytest.param({"setup.py": 'from setuptools import setup\nsetup(name="a", version="1")\n'}),
        pytest.param({"setup.cfg": "[metadata]\nname = a\nversion = 1\n"}),
        pytest.param({"pyproject.toml": '[project]\nname = "a"\nversion = "1"\n'}),
    ],
    ids=["setup-py", "setup-cfg", "pyproject"],
)
def test_a_project_that_builds_a_wheel_gains_no_dependency(packaging: dict[str, str]) -> None:
    # Issue 14: requirements.txt often holds the maintainer's tools; the wheel must not.
    files = {
        **packaging,
        "requirements.txt": "bumpversion\ntox\n",
        "dev-requirements.txt": "-r requirements.txt\n",
    }
    text = migrate_project(files).changes["pyproject.toml"] or ""
    data = tomllib.loads(text)
    assert "dependencies" not in data["project"]
    assert data["dependency-groups"] == {
        "requirements": ["bumpversion", "tox"],
        "dev": [{"include-group": "requirements"}],
    }


@pytest.mark.parametrize(
    "base",
    [
        pytest.param("-e .\n", id="editable-self"),
        pytest.param("# only options\n--index-url https://i.org/simple\n", id="options"),
        pytest.param("-r nested.txt\n", id="include-of-a-file-that-becomes-nothing"),
    ],
)
def test_an_include_of_a_file_that_becomes_nothing_stays(base: str) -> None:
    # Issue 14: `-r base.txt` became {include-group = "base"}, a group never written.
    files = {
        "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n',
        "requirements/base.txt": base,
        "requirements/nested.txt": "-e .\n",
        "requirements/dev.txt": "-r base.txt\npytest\n",
    }
    outcome = migrate_project(files)
    data = tomllib.loads(outcome.changes["pyproject.toml"] or "")
    assert data["dependency-groups"] == {"dev": ["pytest"]}
    rendered = [entry.render() for entry in outcome.entries]
    assert (
        "kept        requirements/dev.txt:1 -r base.txt "
        "(requirements/base.txt is not migrated, so the include stays)"
    ) in rendered


def test_a_file_the_build_reads_is_never_removed() -> None:
    # Issue 14: --remove-legacy deleted requirements/default.txt, which setup.py reads.
    files = {
        "setup.py": "import os\nfrom setuptools import setup\n"
        "def reqs(f):\n    return open(os.path.join('requirements', f)).read().split()\n"
        'setup(name="a", version="1", install_requires=reqs("default.txt"))\n',
        "requirements/default.txt": "vine\n",
        "requirements-docs.txt": "sphinx\n",
    }
    outcome = migrate_project(files, remove_legacy=True)
    assert outcome.changes.get("requirements-docs.txt", "") is None
    assert "requirements/default.txt" not in outcome.changes
    assert (
        "kept        requirements/default.txt (every line migrated, but setup.py may read it "
        "at build time (it names 'default.txt'): never removed)"
    ) in [entry.render() for entry in outcome.entries]
