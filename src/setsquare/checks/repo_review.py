"""setsquare's repo-review plugin: bundle-aware checks (the SQ family).

sp-repo-review's pre-commit checks (PC100, PC110, PC140, PC190) and SEC001 look for
upstream hook repositories by URL, so a project that gets the same hooks from the
setsquare bundle fails them. These checks ask the same questions of the bundle,
and add the legacy-config and tool-pin checks. Registered through the
`repo_review.checks`, `repo_review.families` and `repo_review.fixtures` entry points;
`setsquare check` runs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import yaml

from setsquare._toml import tomllib
from setsquare.adopt.precommit_config import jobs_done
from setsquare.adopt.tables_place import ruff_select_step
from setsquare.adopt.workflows import hook_ids, zizmor_audits
from setsquare.checks.legacy import Finding, find_legacy
from setsquare.checks.pins import FIX_HINT, bundle_pins, explicit_ruff_select, pin_problems
from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.abc import Traversable

FAMILY = "setsquare"
URL = "https://github.com/setsquare-dev/setsquare#the-pre-commit-bundle"
HYGIENE_IDS = frozenset({"trailing-whitespace", "end-of-file-fixer", "check-merge-conflict"})


# Fixtures ------------------------------------------------------------------


def setsquare_hooks(root: Traversable) -> set[str] | None:
    """The bundle's jobs the pre-commit config has done, by the bundle (at any URL: it is
    known by its own hook ids) or by the same hook from upstream, exactly as `adopt`
    judges them; None without a pre-commit config."""
    config_file = root.joinpath(".pre-commit-config.yaml")
    if not config_file.is_file():
        return None
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return set()
    return set(jobs_done(config.get("repos") if isinstance(config, dict) else None))


def setsquare_hook_ids(root: Traversable) -> set[str]:
    """Every hook id in the pre-commit config, from any repo (empty without one)."""
    config_file = root.joinpath(".pre-commit-config.yaml")
    if not config_file.is_file():
        return set()
    try:
        return hook_ids(yaml.safe_load(config_file.read_text(encoding="utf-8")))
    except yaml.YAMLError:
        return set()


def setsquare_workflows(root: Traversable) -> dict[str, str]:
    """Text of each GitHub Actions workflow, by file name."""
    folder = root.joinpath(".github").joinpath("workflows")
    if not folder.is_dir():
        return {}
    return {
        item.name: item.read_text(encoding="utf-8")
        for item in folder.iterdir()
        if item.name.endswith((".yml", ".yaml")) and item.is_file()
    }


def setsquare_toml(root: Traversable) -> dict[str, dict[str, Any]]:
    """uv.lock, parsed (empty when absent or broken), by name."""
    item = root.joinpath("uv.lock")
    try:
        lock = tomllib.loads(item.read_text(encoding="utf-8")) if item.is_file() else {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        lock = {}
    return {"uv.lock": lock}


def setsquare_legacy_findings(root: Traversable) -> list[Finding]:
    """What `setsquare migrate` would move at the repository root (none for a remote root:
    migrate reads a local project)."""
    if not isinstance(root, Path):
        return []
    from setsquare.commands.migrate import read_inputs, read_sources

    try:
        files = read_inputs(root)
        return find_legacy(files, read_sources(root, files))
    except InputError as error:
        problem = error.message.split(": ", 1)[-1]
        return [Finding(error.path, error.line, f"`setsquare migrate` refuses it: {problem}")]


def repo_review_fixtures() -> dict[str, Any]:
    return {
        "setsquare_hooks": setsquare_hooks,
        "setsquare_hook_ids": setsquare_hook_ids,
        "setsquare_workflows": setsquare_workflows,
        "setsquare_toml": setsquare_toml,
        "setsquare_legacy_findings": setsquare_legacy_findings,
    }


# Checks --------------------------------------------------------------------


class SetsquareCheck:
    family = FAMILY
    url = URL
    #: each check's own staticmethod; its docstring is the fix repo-review prints
    check: ClassVar[Callable[..., bool | str | None]]


class SQ100(SetsquareCheck):
    "Runs the hygiene hooks"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add the hygiene hooks (`trailing-whitespace`, `end-of-file-fixer`,
        `check-merge-conflict`) to `.pre-commit-config.yaml`: the bundle's, from
        `https://github.com/setsquare-dev/setsquare`, or pre-commit-hooks' own;
        `setsquare adopt` adds the bundle's.
        """
        if setsquare_hooks is None:
            return None
        return setsquare_hooks >= HYGIENE_IDS


class SQ110(SetsquareCheck):
    "Formats with ruff-format"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add a `ruff-format` hook (the bundle's, or ruff-pre-commit's) to
        `.pre-commit-config.yaml`; `setsquare adopt` adds the bundle's.
        """
        return None if setsquare_hooks is None else "ruff-format" in setsquare_hooks


class SQ140(SetsquareCheck):
    "Type-checks with mypy"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add a `mypy` hook to `.pre-commit-config.yaml`; `setsquare adopt` adds the
        bundle's, which checks against the project's own environment, unlike mirrors-mypy.
        """
        return None if setsquare_hooks is None else "mypy" in setsquare_hooks


class SQ190(SetsquareCheck):
    "Lints with ruff-check"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add a `ruff-check` hook (the bundle's, or ruff-pre-commit's) to
        `.pre-commit-config.yaml`; `setsquare adopt` adds the bundle's.
        """
        return None if setsquare_hooks is None else "ruff-check" in setsquare_hooks


class SQ200(SetsquareCheck):
    "Audits the GitHub Actions workflows with zizmor"

    @staticmethod
    def check(setsquare_workflows: dict[str, str], setsquare_hook_ids: set[str]) -> bool | None:
        """
        Run zizmor on the workflows, in a workflow step (`uv run zizmor .github/workflows`)
        or as a pre-commit hook (`zizmor`); `setsquare adopt` adds a workflow that runs it
        (its lint workflow, or the audit alone where a workflow already runs pre-commit).
        """
        if not setsquare_workflows:
            return None
        return zizmor_audits(setsquare_workflows, setsquare_hook_ids)


class SQ300(SetsquareCheck):
    "No packaging metadata or tool configuration in legacy places"

    @staticmethod
    def check(setsquare_legacy_findings: list[Finding]) -> str:
        """Move legacy configuration into `pyproject.toml` with `setsquare migrate`."""
        findings = setsquare_legacy_findings
        if not findings:
            return ""
        lines = "\n".join(f"- {f.render()}" for f in findings)
        return f"Still in legacy places:\n{lines}\n\nRun `setsquare migrate` to move them."


class SQ310(SetsquareCheck):
    "Ruff's rules are selected explicitly"

    @staticmethod
    def check(root: Traversable, setsquare_legacy_findings: list[Finding]) -> bool | str:
        """
        Set `select` in `[tool.ruff.lint]`: Ruff's default rule set changed in 0.16 and
        again in 0.17, so without it the gate moves whenever Ruff does; `setsquare adopt`
        sets it.
        """
        # The file Ruff reads (and what it extends), as adopt writes it and the hook reads it.
        if explicit_ruff_select(root):
            return True
        # Where adopt does not set it, say what does instead of the docstring's promise.
        step = ruff_select_step(root, migrate_moves=bool(setsquare_legacy_findings))
        if step is None:
            return False
        return (
            "Set `select` in `[tool.ruff.lint]`: Ruff's default rule set changed in 0.16 and "
            f"again in 0.17, so without it the gate moves whenever Ruff does. But {step.why}."
            f"\n\nhint: {step.hint}."
        )


class SQ320(SetsquareCheck):
    "Ruff and mypy versions match the setsquare bundle"

    @staticmethod
    def check(pyproject: dict[str, Any], setsquare_toml: dict[str, dict[str, Any]]) -> str:
        """Pin the versions the bundle runs."""
        problems = pin_problems(pyproject, setsquare_toml["uv.lock"], bundle_pins())
        if not problems:
            return ""
        lines = "\n".join(f"- {p.render()}" for p in problems)
        return f"{lines}\n\nhint: {FIX_HINT}."


def repo_review_checks() -> dict[str, SetsquareCheck]:
    return {cls.__name__: cls() for cls in SetsquareCheck.__subclasses__()}


def repo_review_families() -> dict[str, dict[str, str]]:
    return {
        FAMILY: {
            "name": "setsquare",
            "description": "The setsquare bundle, legacy configuration and tool pins.",
        }
    }
