"""The pre-compiled pyproject.toml validator: fresh, and of one mind with validate-pyproject.

setsquare.pyproject_schema validates with the copy of validate-pyproject's
``pre_compile`` output shipped in setsquare._vendor.pyproject_validator. It must be
what the installed validate-pyproject generates today (else an upgrade would leave
migrate judging by old rules), and give the verdict ``validate_pyproject.api.Validator()``
gives, which is what the bundle's ``validate-pyproject`` hook runs.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from scripts.regen_pyproject_validator import SHIPPED, TOOLS, regenerate
from setsquare.pyproject_schema import validation_error
from tests.helpers import child_env

if TYPE_CHECKING:
    from pathlib import Path

HINT = "hint: run `python scripts/regen_pyproject_validator.py` and commit the result"


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_shipped_validator_is_what_the_installed_validate_pyproject_generates(
    tmp_path: Path,
) -> None:
    fresh = _files(regenerate(tmp_path / "pyproject_validator"))
    shipped = _files(SHIPPED)
    assert fresh, "pre_compile wrote nothing"
    for name in sorted(fresh.keys() | shipped.keys()):
        where = f"src/setsquare/_vendor/pyproject_validator/{name}"
        assert name in shipped, f"{where}: missing from the shipped copy; {HINT}"
        assert name in fresh, f"{where}: no longer generated; {HINT}"
        assert shipped[name] == fresh[name], f"{where}: differs from a fresh pre_compile; {HINT}"


def test_the_notice_carries_both_licenses_and_the_command() -> None:
    notice = (SHIPPED / "NOTICE").read_text(encoding="utf-8")
    assert "python scripts/regen_pyproject_validator.py" in notice
    assert "Mozilla Public License" in notice  # validate-pyproject, MPL-2.0
    assert "Redistribution and use in source and binary forms" in notice  # fastjsonschema


def test_no_installed_plugin_but_repo_review_is_left_out() -> None:
    # A new validate-pyproject plugin in the environment would change what the hook
    # checks: decide whether to pin it in scripts/regen_pyproject_validator.py.
    from validate_pyproject.plugins import list_from_entry_points

    discovered = {plugin.tool for plugin in list_from_entry_points()}
    assert set(TOOLS) <= discovered
    assert discovered - set(TOOLS) <= {"repo-review"}, (
        f"validate-pyproject plugins not in the shipped validator: "
        f"{sorted(discovered - set(TOOLS) - {'repo-review'})}; hint: pin or exclude them in "
        "scripts/regen_pyproject_validator.py (TOOLS) and regenerate"
    )


VALID = "valid"
_BASE = {"build-system": {"requires": ["setuptools>=61"], "build-backend": "setuptools.build_meta"}}


def _doc(project: dict[str, Any] | None = None, **tables: Any) -> dict[str, Any]:
    return {**_BASE, "project": {"name": "demo", "version": "1.0", **(project or {})}, **tables}


# (document, the field the first error names, or VALID)
PARITY = {
    "minimal": (_doc(), VALID),
    "everything migrate writes": (
        _doc(
            {
                "description": "A demo",
                "readme": {"file": "README.rst", "content-type": "text/x-rst"},
                "requires-python": ">=3.9",
                "license": "MIT OR Apache-2.0",
                "license-files": ["LICENSE*"],
                "authors": [{"name": "A. Person", "email": "a@example.org"}],
                "keywords": ["demo"],
                "classifiers": ["Programming Language :: Python :: 3"],
                "urls": {"Homepage": "https://example.org"},
                "dependencies": ["requests>=2; python_version >= '3.9'", "attrs[tests]"],
                "optional-dependencies": {"docs": ["sphinx>=7"]},
                "scripts": {"demo": "demo.cli:main"},
                "gui-scripts": {"demo-gui": "demo.gui:main"},
                "entry-points": {"demo.plugins": {"one": "demo.plugins:one"}},
            },
            tool={
                "setuptools": {
                    "packages": {"find": {"where": ["src"], "exclude": ["tests*"]}},
                    "package-dir": {"": "src"},
                    "package-data": {"demo": ["*.json"]},
                    "include-package-data": True,
                    "zip-safe": False,
                    "platforms": ["any"],
                    "data-files": {"share/demo": ["data/*.txt"]},
                },
                "distutils": {"bdist_wheel": {"universal": True}},
                "ruff": {"line-length": 100},
            },
            **{"dependency-groups": {"test": ["pytest>=8"]}},
        ),
        VALID,
    ),
    "dynamic version from an attribute": (
        {
            **_BASE,
            "project": {"name": "demo", "dynamic": ["version"]},
            "tool": {"setuptools": {"dynamic": {"version": {"attr": "demo.__version__"}}}},
        },
        VALID,
    ),
    "bad name": (_doc({"name": "demo pkg!"}), "project.name"),
    "bad version": (_doc({"version": "one point oh"}), "project.version"),
    "bad dependency": (_doc({"dependencies": ["requests >>= 2"]}), "project.dependencies[0]"),
    "bad extra name": (
        _doc({"optional-dependencies": {"bad extra!": ["x"]}}),
        "project.optional-dependencies",
    ),
    "bad requires-python": (_doc({"requires-python": ">=3.x"}), "project.requires-python"),
    "bad license expression": (_doc({"license": "MIT OR"}), "project.license"),
    "unknown license id": (_doc({"license": "Not-A-License-1.0"}), "project.license"),
    "bad classifier": (
        _doc({"classifiers": ["Programming Language :: Cobol :: 99"]}),
        "project.classifiers[0]",
    ),
    "bad entry point reference": (_doc({"scripts": {"demo": "not a ref"}}), "project.scripts.demo"),
    "missing version, not dynamic": (
        {**_BASE, "project": {"name": "demo"}},
        "project",
    ),
    "static and dynamic version": (_doc({"dynamic": ["version"]}), "project.version"),
    "unknown [project] key": (_doc({"home-page": "https://example.org"}), "project"),
    "bad [tool.setuptools] key": (_doc(tool={"setuptools": {"zip_safe": True}}), "tool.setuptools"),
    "bad [tool.setuptools] packages": (
        _doc(tool={"setuptools": {"packages": {"find": {"wher": ["src"]}}}}),
        "tool.setuptools.packages",
    ),
    "bad [tool.setuptools] dynamic": (
        {
            **_BASE,
            "project": {"name": "demo", "dynamic": ["version"]},
            "tool": {"setuptools": {"dynamic": {"version": {"attr": "not an attr!"}}}},
        },
        "tool.setuptools.dynamic.version",
    ),
    "bad [tool.distutils] table": (
        _doc(tool={"distutils": {"bdist_wheel": 1}}),
        "tool.distutils.bdist_wheel",
    ),
    "build-system without requires": (
        {"build-system": {"build-backend": "setuptools.build_meta"}},
        "build-system",
    ),
    "unknown top-level table": (_doc(toolz={}), "data"),
}


def _upstream_summary(data: dict[str, Any]) -> str | None:
    from validate_pyproject.api import Validator
    from validate_pyproject.errors import ValidationError

    try:
        Validator()(data)
    except ValidationError as error:
        return str(error.summary)
    return None


@pytest.mark.parametrize(("data", "field"), PARITY.values(), ids=PARITY.keys())
def test_the_shipped_validator_agrees_with_validate_pyproject(
    data: dict[str, Any], field: str
) -> None:
    error = validation_error(data)
    ours = None if error is None else str(error.summary)
    assert ours == _upstream_summary(data)
    if field == VALID:
        assert ours is None
    else:
        assert ours is not None
        assert f"`{field}`" in ours


def test_a_repo_review_table_is_left_to_repo_review() -> None:
    # Deliberate (scripts/regen_pyproject_validator.py): the hook's environment has no
    # repo-review plugin, so migrate and adopt do not judge [tool.repo-review] either.
    assert validation_error(_doc(tool={"repo-review": {"no-such-setting": 1}})) is None


def test_advice_about_the_input_is_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    from setsquare._vendor.pyproject_validator import validate

    # Extras in an entry point are valid, with a warning we do not pass on.
    data = _doc({"entry-points": {"demo.plugins": {"one": "demo.plugins:one [extra]"}}})
    logger = logging.getLogger("setsquare._vendor.pyproject_validator")
    before = logger.level
    with caplog.at_level(logging.INFO):
        assert validation_error(data) is None
        assert caplog.records == []
        assert logger.level == before
        validate(data)  # the same check unquieted: it does warn
    assert [record.levelname for record in caplog.records] == ["WARNING"]


def test_importing_the_schema_module_leaves_the_validator_unloaded() -> None:
    script = "import sys, setsquare.pyproject_schema; print('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], env=child_env(), capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.splitlines())
    assert "setsquare._vendor.pyproject_validator" not in loaded
    assert "validate_pyproject" not in loaded
