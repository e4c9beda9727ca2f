"""Which workflow adopt adds: one rule with `setsquare check`'s SQ200."""

from __future__ import annotations

from importlib.resources import files as resource_files
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.workflows import WorkflowPlan, plan_workflow, zizmor_audits
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

PRE_COMMIT = "jobs: {lint: {steps: [{uses: pre-commit/action@v3.0.1}]}}\n"
ZIZMOR = "jobs: {audit: {steps: [{run: uvx zizmor .github/workflows}]}}\n"

CASES: list[tuple[str, dict[str, str], set[str], WorkflowPlan | None]] = [
    ("no-workflows-get-the-lint-workflow", {}, set(), WorkflowPlan("lint.yml", "lint.yml")),
    (
        "a-workflow-without-pre-commit-gets-the-lint-workflow-beside-it",
        {"ci.yml": "on: push\n"},
        set(),
        WorkflowPlan("lint.yml", "lint.yml"),
    ),
    (
        "a-lint-yml-of-theirs-is-not-overwritten",
        {"lint.yml": "on: push\n"},
        set(),
        WorkflowPlan("pre-commit.yml", "lint.yml"),
    ),
    (
        "pre-commit-without-zizmor-gets-the-audit-alone",
        {"check.yml": PRE_COMMIT, "release.yml": "on: push\n"},
        set(),
        WorkflowPlan("zizmor.yml", "zizmor.yml", ("check.yml",)),
    ),
    (
        "a-zizmor-yml-of-theirs-is-not-overwritten",
        {"check.yml": PRE_COMMIT, "zizmor.yml": ""},
        set(),
        WorkflowPlan("setsquare-zizmor.yml", "zizmor.yml", ("check.yml",)),
    ),
    ("pre-commit-and-a-zizmor-step-need-nothing", {"check.yml": PRE_COMMIT + ZIZMOR}, set(), None),
    ("pre-commit-and-a-zizmor-hook-need-nothing", {"check.yml": PRE_COMMIT}, {"zizmor"}, None),
    (
        "every-name-taken-adds-nothing",
        {"check.yml": PRE_COMMIT, "zizmor.yml": "", "setsquare-zizmor.yml": ""},
        set(),
        None,
    ),
]


@pytest.mark.parametrize(
    ("workflows", "hook_ids", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_plan_workflow(
    workflows: dict[str, str], hook_ids: set[str], expected: WorkflowPlan | None
) -> None:
    assert plan_workflow(workflows, hook_ids) == expected


@pytest.mark.parametrize(
    ("workflows", "hook_ids", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_what_adopt_adds_makes_zizmor_audit_the_workflows(
    workflows: dict[str, str], hook_ids: set[str], expected: WorkflowPlan | None
) -> None:
    """SQ200's question, asked after adopt: yes, whenever adopt added a workflow."""
    if expected is None:
        return
    resource = resource_files("setsquare.resources").joinpath(expected.resource)
    after = {**workflows, expected.name: resource.read_text("utf-8")}
    assert zizmor_audits(after, hook_ids)


def test_the_workflows_adopt_writes_are_zizmor_clean(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    for name in ("lint.yml", "zizmor.yml"):
        text = resource_files("setsquare.resources").joinpath(name).read_text("utf-8")
        (folder / name).write_text(text, encoding="utf-8")
    result = run(
        [
            tool("zizmor"),
            "--offline",
            "--persona",
            "pedantic",
            "--min-severity",
            "informational",
            ".",
        ],
        tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
