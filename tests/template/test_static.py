"""Combinations whose Python is not installed here, checked without running them.

uv cannot download interpreters offline, so `python_min` above 3.11 is rendered
and checked statically: syntax, packaging metadata, Ruff's effective target
version, classifiers and the CI matrix.
"""

from __future__ import annotations

import sys

import ast
import json
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from tests.helpers import check_ci_schema, render, run, tool
from tests.template.combos import STATIC

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

ALL_PYTHONS = ["3.10", "3.11", "3.12", "3.13", "3.14"]


@pytest.fixture(scope="module", params=sorted(STATIC), ids=str)
def project(
    request: pytest.FixtureRequest,
    template_repo: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Any]]:
    data = STATIC[request.param]
    dst = render(template_repo, tmp_path_factory.mktemp(request.param) / "project", data)
    return dst, data


def test_python_files_parse(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    sources = sorted(dst.rglob("*.py"))
    assert sources
    for path in sources:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_pyproject_is_valid(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == f">={data['python_min']}"
    assert pyproject["tool"]["mypy"]["python_version"] == data["python_min"]
    run([tool("validate-pyproject"), "pyproject.toml"], dst)


def test_classifiers_follow_python_min(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    versions = [
        c.rsplit(" :: ", 1)[1]
        for c in pyproject["project"]["classifiers"]
        if c.startswith("Programming Language :: Python :: 3.")
    ]
    assert versions == ALL_PYTHONS[ALL_PYTHONS.index(data["python_min"]) :]


def test_ruff_targets_python_min(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    result = run([tool("ruff"), "check", "--show-settings", "src"], dst)
    # Ruff infers the target from `requires-python`; the template sets no target-version.
    for setting in ("linter.unresolved_target_version", "formatter.unresolved_target_version"):
        assert f"{setting} = {data['python_min']}\n" in result.stdout


def test_ci_matrix_spans_oldest_and_newest(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    expected = sorted({data["python_min"], ALL_PYTHONS[-1]})
    if data.get("ci") == "gitlab":
        pipeline = yaml.safe_load((dst / ".gitlab-ci.yml").read_text(encoding="utf-8"))
        assert pipeline["test"]["parallel"]["matrix"] == [{"UV_PYTHON": expected}]
        assert pipeline["lowest"]["variables"] == {"UV_PYTHON": data["python_min"]}
        return
    workflow = yaml.safe_load((dst / ".github/workflows/test.yml").read_text(encoding="utf-8"))
    matrix = workflow["jobs"]["test"]["strategy"]["matrix"]
    assert matrix["python"] == expected
    assert matrix["os"] == ["ubuntu-latest", "macos-latest", "windows-latest"]


def test_workflows_are_clean(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    check_ci_schema(dst, data.get("ci", "github"))
    if data.get("ci") == "gitlab":
        return  # zizmor audits GitHub workflows only
    result = run([tool("zizmor"), "--offline", "--format", "json", "."], dst, check=False)
    assert json.loads(result.stdout) == []
