"""The test workflow's `lowest` job: the template's lower bounds hold at their lowest.

The job's own `run:` steps are executed on a fresh render, so what CI runs is
what is proven here: `uv sync --resolution lowest-direct`, then the tests.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from tests.helpers import render, run, tool

if TYPE_CHECKING:
    from pathlib import Path


def _lowest_job(project: Path) -> dict[str, Any]:
    workflow = (project / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    job: dict[str, Any] = yaml.safe_load(workflow)["jobs"]["lowest"]
    return job


@pytest.mark.parametrize("python_min", ["3.10", "3.12"])
def test_the_job_runs_on_the_oldest_python_and_gates_merges(
    template_repo: Path, tmp_path: Path, python_min: str
) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": "p", "python_min": python_min})
    job = _lowest_job(dst)
    (setup_uv,) = [s for s in job["steps"] if s.get("uses", "").startswith("astral-sh/setup-uv@")]
    assert setup_uv["with"]["python-version"] == python_min
    assert [s["run"] for s in job["steps"] if "run" in s] == [
        "uv sync --resolution lowest-direct",
        "uv run --no-sync pytest",
    ]
    workflow = yaml.safe_load((dst / ".github" / "workflows" / "test.yml").read_text("utf-8"))
    assert workflow["jobs"]["tests-passed"]["needs"] == ["test", "lowest"]


@pytest.mark.slow
def test_the_lowest_direct_dependencies_pass_the_tests(template_repo: Path, tmp_path: Path) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": "lowest-demo", "cli": True})
    run(["git", "init", "-q", "-b", "main"], dst)
    outputs = []
    for step in _lowest_job(dst)["steps"]:
        if "run" in step:
            command = shlex.split(step["run"])
            assert command[0] == "uv"
            outputs.append(run([tool("uv"), *command[1:]], dst))
    lock = (dst / "uv.lock").read_text(encoding="utf-8")
    assert 'resolution-mode = "lowest-direct"' in lock
    # The lowest versions the template's bounds allow really were installed.
    freeze = run([tool("uv"), "pip", "freeze"], dst).stdout.splitlines()
    assert "pytest==9.0.0" in freeze
    assert "pytest-cov==7.0.0" in freeze
    assert "Required test coverage of 100.0% reached" in outputs[-1].stdout
