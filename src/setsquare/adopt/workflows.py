"""Which GitHub Actions workflow `adopt` adds, and whether zizmor audits the workflows.

One rule for `adopt` and `setsquare check`'s SQ200, so that what check asks for is
exactly what adopt does:

- no workflow runs pre-commit: adopt adds the lint workflow (``lint.yml``), which runs
  the hooks with the project installed and audits the workflows with zizmor;
- a workflow of the repository already runs pre-commit, but zizmor audits nothing
  (no workflow mentions it, no ``zizmor`` hook): adopt adds ``zizmor.yml``, the audit
  alone. A second lint workflow would run every hook twice on each push; editing the
  user's own workflow as text would put adopt's step in a file it does not own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.changes import inside

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

FOLDER = Path(".github") / "workflows"
#: The names adopt may give each workflow, in order: the first one free is used.
LINT_NAMES = ("lint.yml", "pre-commit.yml", "setsquare-lint.yml")
ZIZMOR_NAMES = ("zizmor.yml", "setsquare-zizmor.yml")


@dataclass(frozen=True)
class WorkflowPlan:
    """A workflow to add: its file under ``.github/workflows`` and its resource."""

    name: str
    resource: str
    #: the workflows that already run pre-commit (empty for the lint workflow)
    beside: tuple[str, ...] = ()

    @property
    def rel(self) -> str:
        return (FOLDER / self.name).as_posix()


def runs_pre_commit(text: str) -> bool:
    return "pre-commit" in text


def hook_ids(config: object) -> set[str]:
    """Every hook id of a parsed pre-commit config, from any repo."""
    repos = config.get("repos") if isinstance(config, dict) else None
    return {
        str(hook.get("id"))
        for repo in (repos if isinstance(repos, list) else [])
        if isinstance(repo, dict) and isinstance(repo.get("hooks"), list)
        for hook in repo["hooks"]
        if isinstance(hook, dict)
    }


def zizmor_audits(workflows: Mapping[str, str], hook_ids: Collection[str]) -> bool:
    """Whether zizmor audits the workflows: a step of a workflow, or a ``zizmor`` hook."""
    return "zizmor" in hook_ids or any("zizmor" in text for text in workflows.values())


def plan_workflow(workflows: Mapping[str, str], hook_ids: Collection[str]) -> WorkflowPlan | None:
    """The workflow adopt adds to a repository with *workflows* (text by file name)
    and a pre-commit config with *hook_ids*, or None when nothing is missing."""
    running = tuple(sorted(name for name, text in workflows.items() if runs_pre_commit(text)))
    names: tuple[str, ...]
    if not running:
        names, resource = LINT_NAMES, "lint.yml"
    elif zizmor_audits(workflows, hook_ids):
        return None
    else:
        names, resource = ZIZMOR_NAMES, "zizmor.yml"
    # Every file in the folder counts as taken, whatever its kind: adopt overwrites nothing.
    free = [name for name in names if name not in workflows]
    return WorkflowPlan(free[0], resource, running) if free else None


def gitlab_only(root: Path) -> bool:
    """A repository on GitLab CI with no GitHub workflows: adopt adds none to it."""
    return (root / ".gitlab-ci.yml").is_file() and not (root / FOLDER).exists()


def gitlab_runs_pre_commit(root: Path) -> bool:
    path = root / ".gitlab-ci.yml"
    return inside(root, path) and runs_pre_commit(
        path.read_text(encoding="utf-8", errors="replace")
    )


#: What adopt says instead of adding a workflow to a GitLab-only repository.
GITLAB_NOTE = (
    ".gitlab-ci.yml: the project runs on GitLab CI, so no GitHub workflow is added; "
    "hint: run `pre-commit run --all-files --show-diff-on-failure` in one of its jobs"
)


def read_workflows(root: Path) -> dict[str, str]:
    """Every file under ``.github/workflows`` by name: the text of a workflow, and an
    empty text for anything else, so its name still counts as taken."""
    folder = root / FOLDER
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.iterdir():
        is_workflow = path.suffix in {".yml", ".yaml"} and path.is_file() and inside(root, path)
        found[path.name] = path.read_text(encoding="utf-8", errors="replace") if is_workflow else ""
    return found
