"""Green by construction: each rendered project passes its own gate, with the real tools."""

from __future__ import annotations

import configparser
import json
import re
import zipfile
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import render, run, tool
from tests.template.combos import FULL

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=sorted(FULL), ids=str)
def project(
    request: pytest.FixtureRequest,
    template_repo: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Any]]:
    """A rendered project, git-initialised, synced with uv and built once."""
    data = FULL[request.param]
    dst = render(template_repo, tmp_path_factory.mktemp(request.param) / "project", data)
    run(["git", "init", "-q", "-b", "main"], dst)
    run([tool("uv"), "sync", "--quiet"], dst)
    run([tool("uv"), "build", "--quiet"], dst)
    return dst, data


def project_tool(dst: Path, name: str) -> str:
    return str(dst / ".venv" / "bin" / name)


def test_ruff_check(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    run([project_tool(dst, "ruff"), "check", "."], dst)


def test_ruff_format(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    run([project_tool(dst, "ruff"), "format", "--check", "."], dst)


def test_mypy_strict(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    result = run([project_tool(dst, "mypy"), "src", "tests"], dst)
    assert result.stdout.startswith("Success: no issues found")


def test_pytest_with_full_coverage(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    result = run([project_tool(dst, "pytest")], dst)
    assert "Required test coverage of 100.0% reached" in result.stdout
    expected_tests = 9 if data.get("cli") else 5
    assert f"{expected_tests} passed" in result.stdout


def test_twine_check_strict(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    dists = sorted(str(p) for p in (dst / "dist").glob("*-0.1.0*"))
    assert len(dists) == 2, dists
    run([tool("twine"), "check", "--strict", *dists], dst)


def test_check_wheel_contents(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    (wheel,) = (dst / "dist").glob("*.whl")
    run([tool("check-wheel-contents"), str(wheel)], dst)


def test_wheel_ships_typed_package_and_entry_point(
    project: tuple[Path, dict[str, Any]],
) -> None:
    dst, data = project
    (wheel,) = (dst / "dist").glob("*.whl")
    package = data.get("package_name") or _default_package(data["project_name"])
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
        entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        scripts = archive.read(entry_points[0]).decode() if entry_points else ""
    assert f"{package}/py.typed" in names
    assert f"{package}/_greeting.py" in names
    assert f"License-Expression: {data.get('license', 'MIT')}" in text
    parser = configparser.ConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(scripts)
    if data.get("cli"):
        assert dict(parser["console_scripts"]) == {data["project_name"]: f"{package}.cli:main"}
    else:
        assert not parser.has_section("console_scripts")


def test_validate_pyproject(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    run([tool("validate-pyproject"), "pyproject.toml"], dst)


def test_repo_review_has_no_failures(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    result = run([tool("sp-repo-review"), "--format", "json", "."], dst, check=False)
    report = json.loads(result.stdout)
    failed = {cid: c["err_msg"] for cid, c in report["checks"].items() if c["result"] is False}
    assert failed == {}
    assert result.returncode == 0


def test_zizmor_has_no_findings(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    result = run(
        [tool("zizmor"), "--offline", "--format", "json", "--min-severity", "informational", "."],
        dst,
        check=False,
    )
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0, result.stderr


def test_workflows_match_the_schema(project: tuple[Path, dict[str, Any]]) -> None:
    dst, _ = project
    workflows = sorted(str(p) for p in (dst / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows], dst)
    run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.dependabot",
            str(dst / ".github" / "dependabot.yml"),
        ],
        dst,
    )


def _default_package(project_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", project_name.lower()).strip("_")
