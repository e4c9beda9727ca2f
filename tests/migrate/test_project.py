"""Whole-project behaviour of the pure core: line endings, layout, and the output check."""

from __future__ import annotations

import pytest

from setsquare.errors import InputError
from setsquare.migrate.project import migrate_project

CFG = "[metadata]\nname = a\nversion = 1\n\n[flake8]\nselect = E\n"
PYPROJECT = (
    '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
)
EXPECTED = (
    '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
    '\n[project]\nname = "a"\nversion = "1"\n'
    '\n[tool.ruff.lint]\nselect = ["E"]\n'
    "\n[tool.setuptools]\ninclude-package-data = false\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_new_tables_follow_the_files_line_endings_and_blank_lines(newline: str) -> None:
    files = {
        "pyproject.toml": PYPROJECT.replace("\n", newline),
        "setup.cfg": CFG.replace("\n", newline),
    }
    first = migrate_project(files).changes["pyproject.toml"]
    assert first == EXPECTED.replace("\n", newline)
    assert migrate_project({"pyproject.toml": first or ""}).changes == {}


def test_output_that_validate_pyproject_refuses_is_not_written() -> None:
    # A static version in pyproject.toml and `attr:` in setup.cfg: `version` would be
    # both static and dynamic, which PEP 621 forbids.
    files = {
        "pyproject.toml": '[project]\nname = "a"\nversion = "1"\n',
        "setup.cfg": "[metadata]\nname = a\nversion = attr: a.__version__\n",
    }
    with pytest.raises(InputError) as excinfo:
        migrate_project(files)
    assert excinfo.value.path == "pyproject.toml"
    assert "would not be valid" in excinfo.value.message


def test_namespace_packages_stay_in_setup_cfg_and_a_second_run_is_a_no_op() -> None:
    # setuptools >= 69 refuses [tool.setuptools] namespace-packages but reads setup.cfg's.
    files = {
        "setup.cfg": (
            "[metadata]\nname = a\nversion = 1\n\n[options]\npackages = find:\n"
            "namespace_packages = ns\ninclude_package_data = True\n"
        )
    }
    first = migrate_project(files).changes
    assert first["setup.cfg"] == "[options]\nnamespace_packages = ns\n"
    pyproject = first["pyproject.toml"] or ""
    assert "include-package-data = true" in pyproject
    assert "namespace" not in pyproject.replace("namespaces = false", "")
    # setup.cfg's [options] no longer says include_package_data: pyproject's value stands.
    second = migrate_project({"setup.cfg": first["setup.cfg"] or "", "pyproject.toml": pyproject})
    assert second.changes == {}


@pytest.mark.parametrize(
    ("version", "warned"), [("1.0.2", True), ("attr: demo.__version__", False)]
)
def test_bumpversion_pointed_at_setup_cfg_is_warned_when_the_version_moves(
    version: str, warned: bool
) -> None:
    cfg = (
        f"[metadata]\nname = demo\nversion = {version}\n\n[bumpversion]\ncurrent_version = 1.0.2\n"
        "\n[bumpversion:file:setup.cfg]\n"
    )
    entries = [e.render() for e in migrate_project({"setup.cfg": cfg}).entries]
    line = next(e for e in entries if "[bumpversion:file:setup.cfg]" in e)
    assert ("make it [bumpversion:file:pyproject.toml]" in line) is warned


def test_setuptools_scm_only_required_is_not_said_to_set_the_version() -> None:
    cfg = "[metadata]\nname = a\n\n[options]\nsetup_requires = setuptools_scm\n"
    entries = [e.render() for e in migrate_project({"setup.cfg": cfg}).entries]
    line = next(e for e in entries if "(absent) -> [project] dynamic" in e)
    assert "not switched on" in line
    assert "sets the version at build time" not in line


@pytest.mark.parametrize("where", ["setup.cfg", "pyproject.toml"])
def test_requires_python_written_in_the_same_run_counts_for_black_target(where: str) -> None:
    # Ruff reads its target from requires-python: no target-version next to it, wherever
    # requires-python comes from.
    black = '[tool.black]\ntarget-version = ["py39", "py310"]\n'
    cfg = "[metadata]\nname = a\nversion = 1\n"
    if where == "setup.cfg":
        files = {"pyproject.toml": black, "setup.cfg": cfg + "[options]\npython_requires = >=3.8\n"}
    else:
        files = {
            "pyproject.toml": '[project]\nrequires-python = ">=3.8"\n\n' + black,
            "setup.cfg": cfg,
        }
    text = migrate_project(files).changes["pyproject.toml"] or ""
    assert 'requires-python = ">=3.8"' in text
    assert "[tool.ruff]\ntarget-version" not in text
