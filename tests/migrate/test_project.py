"""Whole-project behaviour of the pure core: line endings, layout, and the output check."""

from __future__ import annotations

import pytest

from setsquare._toml import tomllib
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


SETUP_PY = 'from setuptools import setup\nsetup(name="a", version="1.2", license={license!r})\n'


@pytest.mark.parametrize(
    ("setup_cfg", "license_text", "expected"),
    [
        pytest.param(
            "[metadata]\nlicense_file = LICENSE\n",
            "BSD",
            {
                "project": {"license": {"text": "BSD"}},
                "setuptools": {"license-files": ["LICENSE"]},
            },
            id="free-text-license",
        ),
        pytest.param(
            "[metadata]\nlicense_file = LICENSE\n",
            "MIT",
            {"project": {"license": "MIT", "license-files": ["LICENSE"]}, "setuptools": {}},
            id="spdx-license",
        ),
    ],
)
def test_setup_py_license_decides_where_setup_cfg_license_files_go(
    setup_cfg: str, license_text: str, expected: dict[str, dict[str, object]]
) -> None:
    # Issue 14: license='BSD' beside [project] license-files was refused as invalid.
    files = {"setup.cfg": setup_cfg, "setup.py": SETUP_PY.format(license=license_text)}
    data = tomllib.loads(migrate_project(files).changes["pyproject.toml"] or "")
    project = {k: v for k, v in data["project"].items() if k.startswith("license")}
    tool = {k: v for k, v in data["tool"]["setuptools"].items() if k.startswith("license")}
    assert {"project": project, "setuptools": tool} == expected


@pytest.mark.parametrize(
    ("key", "setup_cfg"),
    [
        pytest.param("version", "version = attr: a.__version__", id="version-attr"),
        pytest.param("version", "version = file: VERSION", id="version-file"),
        pytest.param(
            "description", "description = file: DESC.txt\nversion = 1", id="description-file"
        ),
    ],
)
def test_a_literal_setup_py_field_beats_a_dynamic_setup_cfg_one(key: str, setup_cfg: str) -> None:
    # Issue 14: setuptools skips a setup.cfg option setup() already set.
    files = {
        "setup.cfg": f"[metadata]\nname = a\n{setup_cfg}\n",
        "setup.py": f'from setuptools import setup\nsetup({key}="1.2")\n',
    }
    outcome = migrate_project(files)
    data = tomllib.loads(outcome.changes["pyproject.toml"] or "")
    assert data["project"][key] == "1.2"
    assert key not in data["project"].get("dynamic", [])
    assert key not in data.get("tool", {}).get("setuptools", {}).get("dynamic", {})
    dropped = [
        e.render() for e in outcome.entries if (e.source.path, e.source.line) == ("setup.cfg", 3)
    ]
    assert dropped == [
        (
            f"dropped     setup.cfg:3 [metadata] {key} (setup.py's {key} wins, as in "
            "setuptools (setup() arguments beat setup.cfg))"
        )
    ]


@pytest.mark.parametrize("spelling", ["Demo", "demo_tool", "Demo.Tool"])
def test_a_pyproject_name_spelled_otherwise_is_the_same_project(spelling: str) -> None:
    # Issue 14: PEP 503 names; the file's own spelling stays.
    files = {
        "pyproject.toml": f'[project]\nname = "{spelling}"\n',
        "setup.cfg": "[metadata]\nname = demo-tool\nversion = 1\n"
        if spelling != "Demo"
        else "[metadata]\nname = demo\nversion = 1\n",
    }
    text = migrate_project(files).changes["pyproject.toml"] or ""
    assert tomllib.loads(text)["project"] == {"name": spelling, "version": "1"}
