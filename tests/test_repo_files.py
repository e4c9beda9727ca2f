"""setsquare's own CI, lint and release workflows and Dependabot config hold the rules
the template gives every project: parsed here, and audited by zizmor and the schema."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
import yaml

from tests.helpers import REPO_ROOT, run, tool

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GITHUB = REPO_ROOT / ".github"
WORKFLOWS = {path.name: path for path in sorted((GITHUB / "workflows").glob("*.y*ml"))}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# The tag the SHA was taken from, for people and for Dependabot, which updates it too.
USES_LINE = re.compile(r"^\s*(- )?uses: (?P<ref>\S+) # v\d+\.\d+\.\d+$")


def _load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_test_lint_and_release_workflows_exist() -> None:
    # Any other workflow is held to the same rules by the parametrized tests below.
    assert {"lint.yml", "release.yml", "test.yml"} <= set(WORKFLOWS)


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_no_permissions_by_default_and_each_job_says_what_it_needs(name: str) -> None:
    workflow = _load(name)
    assert workflow["permissions"] == {}
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{name}: job {job_id} has no permissions of its own"
        if job_id != "publish" or name != "release.yml":
            assert "id-token" not in job["permissions"], f"{name}: {job_id}"
            assert set(job["permissions"].values()) <= {"read"}, f"{name}: {job_id}"


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_every_action_is_pinned_by_commit_sha_with_its_tag(name: str) -> None:
    uses = [step["uses"] for step in _steps(_load(name)) if "uses" in step]
    assert uses
    for ref in uses:
        assert PINNED.match(ref), f"{name}: {ref} is not pinned by a full commit SHA"
    # The raw lines: each `uses:` carries its tag as a comment, and none hides from the parse.
    lines = [
        line for line in WORKFLOWS[name].read_text(encoding="utf-8").splitlines() if "uses:" in line
    ]
    assert [m.group("ref") for m in map(USES_LINE.match, lines) if m] == uses, lines


def test_one_sha_per_action_across_the_workflows() -> None:
    shas: dict[str, set[str]] = {}
    for name in WORKFLOWS:
        for step in _steps(_load(name)):
            if "uses" in step:
                action, sha = step["uses"].split("@")
                shas.setdefault(action, set()).add(sha)
    assert {action: len(found) for action, found in shas.items() if len(found) > 1} == {}


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_checkouts_do_not_keep_the_token(name: str) -> None:
    checkouts = [
        step for step in _steps(_load(name)) if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step


def test_setup_uv_installs_the_uv_the_tests_pin() -> None:
    pins = [r for r in _pyproject()["dependency-groups"]["test"] if str(r).startswith("uv==")]
    assert len(pins) == 1
    pinned = pins[0].removeprefix("uv==")
    ci_run = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\nuv_version={pinned}\n" in ci_run
    versions = {
        str(step["with"].get("version"))
        for name in WORKFLOWS
        for step in _steps(_load(name))
        if step.get("uses", "").startswith("astral-sh/setup-uv@")
    }
    assert versions == {pinned}


def test_fast_matrix_is_every_supported_python_on_three_systems() -> None:
    classifiers = _pyproject()["project"]["classifiers"]
    supported = [
        c.rsplit(" :: ", 1)[1]
        for c in classifiers
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    jobs = _load("test.yml")["jobs"]
    matrix = jobs["fast"]["strategy"]["matrix"]
    assert matrix["python"] == supported
    assert sorted(matrix["os"]) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert jobs["fast"]["strategy"]["fail-fast"] is False
    slow_python = next(
        step["with"]["python-version"]
        for step in jobs["slow"]["steps"]
        if step.get("uses", "").startswith("astral-sh/setup-uv@")
    )
    assert slow_python == supported[-1]
    assert jobs["slow"]["runs-on"] == "ubuntu-latest"


def test_fast_and_slow_jobs_together_run_every_test() -> None:
    jobs = _load("test.yml")["jobs"]
    runs = {job_id: [step.get("run", "") for step in jobs[job_id]["steps"]] for job_id in jobs}
    assert 'uv run pytest -m "not slow" -n auto' in runs["fast"]
    assert "uv run pytest -m slow" in runs["slow"]


def test_all_passed_fails_unless_every_other_job_succeeded() -> None:
    jobs = _load("test.yml")["jobs"]
    gate = jobs["all-passed"]
    others = sorted(job_id for job_id in jobs if job_id != "all-passed")
    assert sorted(gate["needs"]) == others
    # Without always() a failed job would skip the gate, and a skipped check passes.
    assert gate["if"] == "always()"
    (step,) = gate["steps"]
    for job_id in others:
        variable = next(
            k for k, v in step["env"].items() if v == f"${{{{ needs.{job_id}.result }}}}"
        )
        assert f'test "${variable}" = success' in step["run"]


def test_release_checks_the_versions_then_builds_once_then_publishes() -> None:
    workflow = _load("release.yml")
    # PyYAML reads the key `on` as the boolean true.
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    jobs = workflow["jobs"]
    assert list(jobs) == ["versions", "build", "publish"]
    assert jobs["build"]["needs"] == ["versions"]
    assert jobs["publish"]["needs"] == ["build"]

    (check,) = [
        s for s in jobs["versions"]["steps"] if "check_release_version.py" in s.get("run", "")
    ]
    assert check["run"].endswith('python scripts/check_release_version.py "$TAG"')
    assert check["env"] == {"TAG": "${{ github.ref_name }}"}

    builds = [s for s in _steps(workflow) if "uv build" in s.get("run", "")]
    assert len(builds) == 1
    assert builds[0] in jobs["build"]["steps"]

    publish = jobs["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    uploader = publish["steps"][-1]
    assert uploader["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert uploader["with"]["attestations"] is True
    # A release never restores a cache another workflow run wrote.
    for step in _steps(workflow):
        if step.get("uses", "").startswith("astral-sh/setup-uv@"):
            assert step["with"]["enable-cache"] is False


def test_lint_runs_this_repositorys_hooks_and_zizmor() -> None:
    runs = [step.get("run", "") for step in _steps(_load("lint.yml"))]
    assert "uv run pre-commit run --all-files --show-diff-on-failure" in runs
    assert any(r.startswith("uv run zizmor ") for r in runs)


def test_dependabot_waits_a_week_for_every_ecosystem() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert sorted(ecosystems) == ["github-actions", "uv"]
    for update in ecosystems.values():
        assert update["cooldown"]["default-days"] >= 7


def test_zizmor_has_no_findings() -> None:
    result = run(
        [tool("zizmor"), "--offline", "--format", "json", "--min-severity", "informational", "."],
        REPO_ROOT,
        check=False,
    )
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0, result.stderr


def test_workflows_and_dependabot_match_their_schemas() -> None:
    run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS.values()),
        ],
        REPO_ROOT,
    )
    run(
        [
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.dependabot",
            str(GITHUB / "dependabot.yml"),
        ],
        REPO_ROOT,
    )
