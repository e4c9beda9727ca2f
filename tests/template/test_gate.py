"""Green by construction: each rendered project passes its own gate, with the real tools."""

from __future__ import annotations

import configparser
import json
import re
import sys
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from packaging.version import Version

from tests.helpers import check_ci_schema, render, run, tool
from tests.template.combos import FULL

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

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
    if data.get("versioning") == "vcs":
        # The version comes from the tag, as on the release workflow's checkout.
        run(["git", "add", "-A"], dst)
        run(["git", "commit", "-q", "-m", "Start"], dst)
        run(["git", "tag", "v0.1.0"], dst)
    # With docs on, the docs group too: the gate builds the pages.
    groups = ["--group", "docs"] if data.get("docs") else []
    run([tool("uv"), "sync", "--quiet", *groups], dst)
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
    dst, data = project
    workflows = check_ci_schema(dst, data.get("ci", "github"))
    if data.get("ci") == "gitlab":
        return
    assert len(workflows) >= 2
    run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.dependabot",
            str(dst / ".github" / "dependabot.yml"),
        ],
        dst,
    )


def test_docs_build_strictly(project: tuple[Path, dict[str, Any]]) -> None:
    dst, data = project
    if not data.get("docs"):
        assert not (dst / "docs").exists()
        return
    sphinx = [project_tool(dst, "sphinx-build"), "-W", "-n", "--keep-going", "-q", "-b", "html"]
    run([*sphinx, "docs", "docs/_build/html"], dst)
    package = data.get("package_name") or _default_package(data["project_name"])
    api = (dst / "docs" / "_build" / "html" / "api.html").read_text(encoding="utf-8")
    assert f'id="{package}.greet"' in api  # the reference, read from the docstrings
    run(["git", "check-ignore", "-q", "docs/_build/html/index.html"], dst)
    if data.get("python_min", "3.10") == "3.10":
        # Sphinx 8.2 and later need Python 3.11: the lock holds an older one for 3.10.
        lock = tomllib.loads((dst / "uv.lock").read_text(encoding="utf-8"))
        sphinxes = [Version(p["version"]) for p in lock["package"] if p["name"] == "sphinx"]
        assert min(sphinxes) < Version("8.2") <= max(sphinxes), sphinxes


def _default_package(project_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", project_name.lower()).strip("_")
