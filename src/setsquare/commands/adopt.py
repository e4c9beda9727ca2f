"""``setsquare adopt``: bring an existing repository up to the standard, overwriting nothing.

Reads and validates everything first, then writes each file atomically; a second
run finds nothing to do. Broken YAML or TOML is refused before any write.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from importlib.resources import files as resource_files
from pathlib import Path

import yaml

from setsquare import __version__
from setsquare.adopt.baseline import apply_baseline
from setsquare.adopt.ci_skip import README_NAMES
from setsquare.adopt.precommit_config import BUNDLE_URL
from setsquare.adopt.pyproject_tables import add_tables
from setsquare.adopt.relock import relock
from setsquare.adopt.requirement_pins import repin_requirements
from setsquare.adopt.ruff_config import ruff_file, ruff_select_in
from setsquare.adopt.superseded_adopt import plan_config
from setsquare.adopt.tables_place import (
    TABLES,
    TABLES_BESIDE_RUFF_TOML,
    left_to_migrate,
    legacy_tools,
    without_pyproject,
)
from setsquare.adopt.workflows import (
    GITLAB_NOTE,
    WorkflowPlan,
    gitlab_only,
    gitlab_runs_pre_commit,
    hook_ids,
    plan_workflow,
    read_workflows,
)
from setsquare.changes import ChangeSet, read_text
from setsquare.checks.pins import bundle_pins
from setsquare.errors import InputError, UsageError

CONFIG = ".pre-commit-config.yaml"


def _mypy_files(root: Path) -> list[str]:
    if (root / "src").is_dir():
        return ["src"]
    packages = sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and (p / "__init__.py").is_file() and p.name not in {"tests", "test"}
    )
    return packages or ["."]


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def adopt(
    *,
    path: str = ".",
    baseline: bool = False,
    bundle_url: str = BUNDLE_URL,
    bundle_rev: str | None = None,
    install: bool = True,
    keep_superseded: bool = False,
) -> int:
    """Adopt the repository at *path*; return 0 (also when there was nothing to do).

    Hooks the bundle supersedes (black, isort, flake8, ...) are replaced and their
    settings moved to Ruff's tables, unless *keep_superseded*.
    """
    root = Path(path)
    if not root.is_dir():
        raise UsageError(f"{path}: not a directory", hint="pass the root of a repository")
    rev = bundle_rev if bundle_rev is not None else f"v{__version__}"

    # Read and compute everything before writing anything.
    config_text = read_text(root, CONFIG) or ""
    pyproject_text = read_text(root, "pyproject.toml")
    readmes = []
    for name in README_NAMES:
        with contextlib.suppress(InputError):  # a README that is not UTF-8 shows no badge
            readmes.append(read_text(root, name) or "")
    pins = bundle_pins()
    # Ruff reads a ruff.toml or .ruff.toml instead of pyproject.toml: its settings go there.
    ruff_name = ruff_file(root)
    ruff_text = read_text(root, ruff_name) if ruff_name is not None else None
    ruff_toml = (ruff_name, ruff_text) if ruff_name is not None and ruff_text is not None else None
    step = plan_config(
        config_text,
        pyproject_text,
        readmes,
        url=bundle_url,
        rev=rev,
        pins=pins,
        replace=not keep_superseded,
        flake8_ini=read_text(root, ".flake8"),
        ruff_toml=ruff_toml,
    )
    legacy = legacy_tools(root)
    tables = None
    if step.pyproject_text is not None:
        tables = add_tables(
            step.pyproject_text,
            "pyproject.toml",
            bundle=pins,
            mypy_files=_mypy_files(root),
            has_tests=(root / "tests").is_dir(),
            legacy_tools=legacy,
            ruff_elsewhere=ruff_toml is not None,
        )
    ruff_change = None
    if ruff_toml is not None:
        name, text = ruff_toml
        left = left_to_migrate(name, "ruff", legacy["ruff"]) if "ruff" in legacy else None
        ruff_change = ruff_select_in(step.ruff_text or text, name, left=left)
    requirements = repin_requirements(_requirement_files(root), pins)
    on_gitlab = gitlab_only(root)
    workflow = (
        None
        if on_gitlab
        else plan_workflow(read_workflows(root), hook_ids(yaml.safe_load(step.config_text)))
    )

    actions: list[str] = []
    changes = ChangeSet(root)
    if step.config_text != config_text:
        changes.write(CONFIG, step.config_text)
    actions.extend(step.actions)
    for note in step.notes:
        print(note)
    if tables is not None and tables.text != pyproject_text:
        changes.write("pyproject.toml", tables.text)
        actions.extend(tables.actions)
    for note in tables.notes if tables is not None else []:
        print(note)
    if ruff_toml is not None and ruff_change is not None:
        if ruff_change.text != ruff_toml[1]:
            changes.write(ruff_toml[0], ruff_change.text)
        actions.extend(ruff_change.select.actions)
        for note in ruff_change.select.notes:
            print(note)
    for rel, text in requirements.texts.items():
        changes.write(rel, text)
    actions.extend(requirements.actions)
    for note in requirements.notes:
        print(note)
    if on_gitlab and not gitlab_runs_pre_commit(root):
        print(GITLAB_NOTE)
    if workflow is not None:
        text = resource_files("setsquare.resources").joinpath(workflow.resource).read_text("utf-8")
        changes.write(workflow.rel, text)
        actions.append(_workflow_action(workflow, on_ci=step.on_ci))
    # Every file adopt writes lands together, or none does.
    changes.commit()
    # uv reads the re-pinned pyproject.toml from disk, so it runs after the commit.
    actions.extend(relock(root, _tool("uv"), pins))
    if baseline:
        actions.extend(apply_baseline(root, bundle_url=bundle_url))
    for line in _legacy_lines(root, pyproject=pyproject_text is not None):
        print(line)

    for action in actions:
        print(action)
    if not actions:
        print("Nothing to do: the repository already has everything adopt adds.")
    if install and (root / ".git").exists():
        _install_hooks(root)
    return 0


def _legacy_lines(root: Path, *, pyproject: bool) -> list[str]:
    """What `setsquare migrate` would still move, as check-legacy-config and SQ300 say it:
    the same findings, from migrate's own ledger. Without a *pyproject* (adopt's tables
    were not added), first what the user must do for them, as SQ310 says it."""
    from setsquare.checks.repo_review import setsquare_legacy_findings

    findings = setsquare_legacy_findings(root)
    lines = []
    if not pyproject:
        step = without_pyproject(migrate_moves=bool(findings))
        tables = TABLES if ruff_file(root) is None else TABLES_BESIDE_RUFF_TOML
        lines += [f"pyproject.toml: none, so {tables} were not added: {step.why}"]
        lines += [f"hint: {step.hint}"]
    lines += [finding.render() for finding in findings]
    if any(finding.conflict for finding in findings):
        lines.append(
            "hint: settle each conflicting setting in pyproject.toml by hand, then delete the "
            "legacy one (`setsquare migrate --diff` lists them)"
        )
    if any(not finding.conflict for finding in findings):
        lines.append("hint: run `setsquare migrate` to move them into pyproject.toml")
    return lines


def _requirement_files(root: Path) -> dict[str, str]:
    """The requirements files `setsquare migrate` reads (its own reader), by path."""
    from setsquare.commands.migrate import read_inputs

    try:
        files = read_inputs(root)
    except InputError as error:
        # Only the re-pin needs them; what migrate refuses, migrate reports.
        print(f"{error.message}; requirements files not re-pinned")
        return {}
    return {rel: text for rel, text in files.items() if rel.endswith((".txt", ".in"))}


def _workflow_action(workflow: WorkflowPlan, *, on_ci: bool) -> str:
    if workflow.beside:
        return (
            f"{workflow.rel}: added a zizmor audit of the workflows "
            f"({', '.join(workflow.beside)} already "
            f"run{'s' if len(workflow.beside) == 1 else ''} pre-commit, not zizmor)"
        )
    # On pre-commit.ci the workflow is a second run of the hooks: say why it is there.
    why = " (pre-commit.ci skips mypy; this runs it with the project installed)"
    return f"{workflow.rel}: added the lint workflow{why if on_ci else ''}"


def _shared_git_dir(root: Path) -> str | None:
    """The repository's common git folder when *root* is a linked worktree (its hooks
    folder serves every checkout of the repository), else None."""
    git = _tool("git")
    if git is None:
        return None
    done = subprocess.run(
        [git, "rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    folders = done.stdout.splitlines()
    if done.returncode != 0 or len(folders) != 2 or folders[0] == folders[1]:
        return None
    return folders[1]


def _install_hooks(root: Path) -> None:
    pre_commit = _tool("pre-commit")
    if pre_commit is None:
        print("Next: `pre-commit install` (pre-commit was not found on PATH)")
        return
    shared = _shared_git_dir(root)
    if shared is not None:
        # pre-commit would write the hook into the main checkout's git folder, where
        # it runs for every checkout, including those without this config.
        print(
            f"pre-commit install: not run, this is a linked worktree and its hooks live in "
            f"{shared}, shared with every checkout; hint: run `pre-commit install` in the "
            "main checkout once the config is there too"
        )
        return
    result = subprocess.run(
        [pre_commit, "install"], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode == 0:
        print("pre-commit install: the hooks run on every commit")
    else:
        print(f"pre-commit install failed: {(result.stdout + result.stderr).strip()}")
