from __future__ import annotations

import pytest

from setsquare.checks.legacy import find_legacy, legacy_candidates

PYPROJECT = {"project": {"name": "demo", "dependencies": ["requests>=2", "Click<9"]}}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"setup.cfg": "[metadata]\nname = demo\n\n[options]\npackages = find:\n"},
            [
                "setup.cfg:1: [metadata] belongs in pyproject.toml [project]",
                "setup.cfg:4: [options] belongs in pyproject.toml [project] and [tool.setuptools]",
            ],
            id="setup.cfg-metadata",
        ),
        pytest.param(
            {"setup.cfg": "[flake8]\nmax-line-length = 100\n[mypy-yaml.*]\nignore = 1\n"},
            [
                (
                    "setup.cfg:1: [flake8] belongs in pyproject.toml [tool.ruff] "
                    "(Ruff replaces flake8)"
                ),
                "setup.cfg:3: [mypy-yaml.*] belongs in pyproject.toml [[tool.mypy.overrides]]",
            ],
            id="setup.cfg-tools",
        ),
        pytest.param(
            {"tox.ini": "[tox]\nenv_list = py311\n[pytest]\naddopts = -ra\n[coverage:run]\n"},
            [
                "tox.ini:3: [pytest] belongs in pyproject.toml [tool.pytest.ini_options]",
                "tox.ini:5: [coverage:run] belongs in pyproject.toml [tool.coverage.*]",
            ],
            id="tox.ini-keeps-tox",
        ),
        pytest.param(
            {".flake8": "[flake8]\n", "mypy.ini": "[mypy]\n", ".coveragerc": "[run]\n"},
            [
                ".coveragerc: belongs in pyproject.toml [tool.coverage.*]",
                ".flake8: belongs in pyproject.toml [tool.ruff] (Ruff replaces flake8)",
                "mypy.ini: belongs in pyproject.toml [tool.mypy]",
            ],
            id="standalone-files",
        ),
        pytest.param(
            {"setup.py": "from setuptools import setup\nsetup(name='demo', version='1.0')\n"},
            [
                (
                    "setup.py:2: setup() passes metadata (name, version); it belongs in "
                    "pyproject.toml [project]"
                )
            ],
            id="setup.py-literal",
        ),
        pytest.param(
            {"requirements.txt": "requests>=2\nclick<9  # cli\nrich\n"},
            [
                (
                    "requirements.txt: repeats [project].dependencies (click, requests); "
                    "keep them in one place"
                )
            ],
            id="requirements-duplicate",
        ),
    ],
)
def test_legacy_places_are_named(files: dict[str, str], expected: list[str]) -> None:
    assert [f.render() for f in find_legacy(files, PYPROJECT)] == expected


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"setup.py": "from setuptools import setup\nsetup()\n"}, id="shim-setup.py"),
        pytest.param({"setup.cfg": "[bdist_wheel]\nuniversal = 1\n"}, id="setup.cfg-other"),
        pytest.param({"tox.ini": "[tox]\nenv_list = py311\n"}, id="tox-only"),
        pytest.param(
            {"requirements.txt": "requests==2.32.0 \\\n    --hash=sha256:abc\n"}, id="hashed-lock"
        ),
        pytest.param({"requirements-docs.txt": "sphinx\n"}, id="other-requirements"),
    ],
)
def test_modern_or_unrelated_files_pass(files: dict[str, str]) -> None:
    assert find_legacy(files, PYPROJECT) == []


def test_requirements_without_project_table_are_not_duplicates() -> None:
    assert find_legacy({"requirements.txt": "requests\n"}, {}) == []


def test_unparsable_files_are_reported_with_a_line() -> None:
    (finding,) = find_legacy({"setup.py": "setup(\n"}, {})
    assert finding.render().startswith("setup.py:1: cannot be parsed")


def test_candidates_are_filtered_by_name_at_the_root_only() -> None:
    paths = [
        "setup.cfg",
        "src/x.py",
        "requirements-dev.txt",
        "docs/requirements.in",
        "tox.ini",
        # pluggy's and pip-tools' fixtures: data, not the project's configuration
        "docs/examples/eggsample/setup.py",
        "tests/test_data/packages/small_fake_a/setup.py",
        "testing/example_scripts/pytest.ini",
    ]
    assert legacy_candidates(paths) == ["requirements-dev.txt", "setup.cfg", "tox.ini"]
