"""Green by construction: each rendered project passes its own gate, with the real tools."""

from __future__ import annotations

import configparser
import json
import re
import sys
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from packaging.utils import parse_sdist_filename
from packaging.version import Version

from tests.helpers import REPO_ROOT, check_ci_schema, render, run, tool
from tests.template.combos import FULL

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

#: The shallow clone GitLab gives the jobs of a new project that set no GIT_DEPTH.
GITLAB_DEFAULT_DEPTH = 20


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


def test_every_backend_runs_with_every_ci_host() -> None:
    """Every build backend goes through the gate with each CI host (issue #12)."""
    questions = yaml.safe_load((REPO_ROOT / "copier.yml").read_text(encoding="utf-8"))
    backend, ci = questions["build_backend"]["default"], questions["ci"]["default"]
    covered = {(d.get("build_backend", backend), d.get("ci", ci)) for d in FULL.values()}
    assert covered == {
        (b, c) for b in questions["build_backend"]["choices"] for c in questions["ci"]["choices"]
    }
    # A GitLab release reads its tag through setuptools-scm or pdm-backend too, not
    # only through hatch-vcs.
    released_from_tags = {
        d.get("build_backend", backend)
        for d in FULL.values()
        if d.get("ci") == "gitlab"
        and d.get("versioning") == "vcs"
        and d.get("license") != "LicenseRef-Proprietary"
    }
    assert released_from_tags & {"setuptools", "pdm-backend"}, released_from_tags


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


def test_gitlab_jobs_get_the_version_from_the_tag(
    project: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """Each pipeline checked out as GitLab's runner does it, at the job's GIT_DEPTH."""
    dst, data = project
    if data.get("ci") != "gitlab":
        return
    pipeline = yaml.safe_load((dst / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    depths = {
        job: _git_depth(pipeline, job) for job in ("build", "docs", "pages") if job in pipeline
    }
    assert ("build" in depths) is (data.get("license") != "LicenseRef-Proprietary"), depths
    assert ("pages" in depths) is bool(data.get("docs")), depths
    if data.get("versioning") != "vcs":
        # Nothing reads git: the shallow default is enough, and quicker.
        assert set(depths.values()) <= {GITLAB_DEFAULT_DEPTH}, depths
        return
    if "build" in depths:
        # A tag pipeline fetches its tag, at any depth: the release is exactly that version.
        tag = _runner_checkout(
            dst, tmp_path / "tag", "+refs/tags/v0.1.0:refs/tags/v0.1.0", depths["build"]
        )
        assert _sdist_version(tag) == Version("0.1.0")
    if "pages" in depths:
        # A branch pipeline fetches the branch alone, and git brings the tags found in
        # the history it fetched: here the tag lies past the default depth.
        origin = tmp_path / "origin"
        run(["git", "clone", "-q", str(dst), str(origin)], tmp_path)
        for change in range(GITLAB_DEFAULT_DEPTH):
            run(["git", "commit", "-q", "--allow-empty", "-m", f"Change {change}"], origin)
        branch = "+refs/heads/main:refs/remotes/origin/main"
        for depth in {depths["docs"], depths["pages"]}:
            checkout = _runner_checkout(origin, tmp_path / f"branch-{depth}", branch, depth)
            # Past the tag, not counted from none (0.0.1.devN or 0.1.devN).
            version = _sdist_version(checkout)
            assert version.is_devrelease, version
            assert version > Version("0.1.0"), (depth, version)


def _git_depth(pipeline: dict[str, Any], job: str) -> int:
    """The GIT_DEPTH *job* runs with: the global, then its templates', then its own."""
    spec = pipeline[job]
    extends = spec.get("extends", [])
    variables = dict(pipeline.get("variables", {}))
    for template in [extends] if isinstance(extends, str) else extends:
        variables.update(pipeline[template].get("variables", {}))
    variables.update(spec.get("variables", {}))
    return int(variables.get("GIT_DEPTH", GITLAB_DEFAULT_DEPTH))


def _runner_checkout(origin: Path, dst: Path, refspec: str, depth: int) -> Path:
    """Fetch *refspec* from *origin* as GitLab's runner does, and check it out."""
    run(["git", "init", "-q", str(dst)], origin)
    shallow = ["--depth", str(depth)] if depth else []
    run(["git", "fetch", "-q", "--prune", *shallow, str(origin), refspec], dst)
    run(["git", "checkout", "-q", "--detach", "FETCH_HEAD"], dst)
    return dst


def _sdist_version(checkout: Path) -> Version:
    run([tool("uv"), "build", "--quiet", "--sdist", "--out-dir", "dist"], checkout)
    (sdist,) = (checkout / "dist").glob("*.tar.gz")
    return parse_sdist_filename(sdist.name)[1]


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
