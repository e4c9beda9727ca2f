"""setsquare's repo-review plugin: bundle-aware checks (the SQ family).

sp-repo-review's pre-commit checks (PC100, PC110, PC140, PC190) and SEC001 look for
upstream hook repositories by URL, so a project that gets the same hooks from the
setsquare bundle fails them. These checks ask the same questions of the bundle,
and add the legacy-config and tool-pin checks. Registered through the
`repo_review.checks`, `repo_review.families` and `repo_review.fixtures` entry points;
`setsquare check` runs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from setsquare._toml import tomllib
from setsquare.adopt.precommit_config import is_bundle
from setsquare.checks.legacy import find_legacy, legacy_candidates
from setsquare.checks.pins import FIX_HINT, bundle_pins, has_explicit_ruff_select, pin_problems

if TYPE_CHECKING:
    from importlib.abc import Traversable

FAMILY = "setsquare"
URL = "https://github.com/setsquare-dev/setsquare#the-pre-commit-bundle"
HYGIENE_IDS = frozenset({"trailing-whitespace", "end-of-file-fixer", "check-merge-conflict"})


# Fixtures ------------------------------------------------------------------


def setsquare_hooks(root: Traversable) -> set[str] | None:
    """Hook ids taken from the setsquare bundle, or None without a pre-commit config."""
    config_file = root.joinpath(".pre-commit-config.yaml")
    if not config_file.is_file():
        return None
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return set()
    ids: set[str] = set()
    for repo in config.get("repos", []) if isinstance(config, dict) else []:
        if is_bundle(str(repo.get("repo", ""))):
            ids.update(str(hook.get("id")) for hook in repo.get("hooks", []))
    return ids


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
    """uv.lock and ruff.toml / .ruff.toml, parsed (empty when absent or broken)."""
    parsed = {}
    for name in ("uv.lock", "ruff.toml", ".ruff.toml"):
        item = root.joinpath(name)
        try:
            parsed[name] = tomllib.loads(item.read_text(encoding="utf-8")) if item.is_file() else {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            parsed[name] = {}
    return parsed


def setsquare_legacy_files(root: Traversable) -> dict[str, str]:
    """The legacy config files at the repository root, by name."""
    names = legacy_candidates(item.name for item in root.iterdir() if item.is_file())
    files = {}
    for name in names:
        try:
            files[name] = root.joinpath(name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            files[name] = ""
    return files


def repo_review_fixtures() -> dict[str, Any]:
    return {
        "setsquare_hooks": setsquare_hooks,
        "setsquare_workflows": setsquare_workflows,
        "setsquare_toml": setsquare_toml,
        "setsquare_legacy_files": setsquare_legacy_files,
    }


# Checks --------------------------------------------------------------------


class SetsquareCheck:
    family = FAMILY
    url = URL


class SQ100(SetsquareCheck):
    "Uses the bundle's hygiene hooks"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add the bundle's hygiene hooks (`trailing-whitespace`, `end-of-file-fixer`,
        `check-merge-conflict`, ...) from `https://github.com/setsquare-dev/setsquare`
        to `.pre-commit-config.yaml`; `setsquare adopt` does it.
        """
        if setsquare_hooks is None:
            return None
        return setsquare_hooks >= HYGIENE_IDS


class SQ110(SetsquareCheck):
    "Formats with the bundle's ruff-format"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        "Add the `ruff-format` hook of the setsquare bundle to `.pre-commit-config.yaml`."
        return None if setsquare_hooks is None else "ruff-format" in setsquare_hooks


class SQ140(SetsquareCheck):
    "Type-checks with the bundle's mypy"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        """
        Add the `mypy` hook of the setsquare bundle to `.pre-commit-config.yaml`; it
        checks against the project's own environment, unlike mirrors-mypy.
        """
        return None if setsquare_hooks is None else "mypy" in setsquare_hooks


class SQ190(SetsquareCheck):
    "Lints with the bundle's ruff-check"

    @staticmethod
    def check(setsquare_hooks: set[str] | None) -> bool | None:
        "Add the `ruff-check` hook of the setsquare bundle to `.pre-commit-config.yaml`."
        return None if setsquare_hooks is None else "ruff-check" in setsquare_hooks


class SQ200(SetsquareCheck):
    "Audits the GitHub Actions workflows with zizmor"

    @staticmethod
    def check(setsquare_workflows: dict[str, str]) -> bool | None:
        """
        Run zizmor on the workflows, in a workflow step (`uv run zizmor .github/workflows`)
        or as a pre-commit hook.
        """
        if not setsquare_workflows:
            return None
        return any("zizmor" in text for text in setsquare_workflows.values())


class SQ300(SetsquareCheck):
    "No packaging metadata or tool configuration in legacy places"

    @staticmethod
    def check(setsquare_legacy_files: dict[str, str], pyproject: dict[str, Any]) -> str:
        """Move legacy configuration into `pyproject.toml` with `setsquare migrate`."""
        findings = find_legacy(setsquare_legacy_files, pyproject)
        if not findings:
            return ""
        lines = "\n".join(f"- `{f.render()}`" for f in findings)
        return f"Still in legacy places:\n{lines}\n\nRun `setsquare migrate` to move them."


class SQ310(SetsquareCheck):
    "Ruff's rules are selected explicitly"

    @staticmethod
    def check(pyproject: dict[str, Any], setsquare_toml: dict[str, dict[str, Any]]) -> bool:
        """
        Set `select` in `[tool.ruff.lint]`: Ruff's default rule set changed in 0.16 and
        again in 0.17, so without it the gate moves whenever Ruff does.
        """
        ruff_toml = setsquare_toml["ruff.toml"] or setsquare_toml[".ruff.toml"]
        return has_explicit_ruff_select(pyproject, ruff_toml)


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
