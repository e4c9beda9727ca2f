"""adopt's pre-commit step, pure: superseded hooks, the bundle, `ci: skip`, moved settings.

In order, on text: the hooks the bundle supersedes are removed (or kept, and named);
the bundle's entry is added, its hooks carrying the `exclude:`/`files:`/`types:` of
the hooks they replace; on pre-commit.ci, `ci: skip` gets the bundle hooks that need
the project's environment; black's and isort's settings move to Ruff's tables. The
command writes the texts this returns through its change set and prints the lines.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare._toml import tomllib
from setsquare.adopt import ci_skip, superseded_config
from setsquare.adopt.carry_present import carry
from setsquare.adopt.precommit_config import add_bundle, is_bundle_entry
from setsquare.adopt.superseded_args import hook_settings, unmoved
from setsquare.adopt.superseded_settings import move_settings
from setsquare.adopt.yaml_source import BOM, load
from setsquare.pyproject_schema import validation_error

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from packaging.version import Version

    from setsquare.adopt.superseded import Found

__all__ = ["ConfigStep", "plan_config"]

CONFIG = ".pre-commit-config.yaml"


@dataclass
class ConfigStep:
    config_text: str
    #: pyproject.toml with the moved settings (None when there is none)
    pyproject_text: str | None
    #: the repository runs its hooks on pre-commit.ci
    on_ci: bool = False
    #: what was changed, one line each (printed after the writes)
    actions: list[str] = field(default_factory=list)
    #: what was found and left alone, one line each with a hint
    notes: list[str] = field(default_factory=list)
    #: the ruff.toml or .ruff.toml Ruff reads, with the moved settings (None: unchanged)
    ruff_text: str | None = None


def plan_config(
    config_text: str,
    pyproject_text: str | None,
    readmes: Iterable[str],
    *,
    url: str,
    rev: str,
    pins: Mapping[str, Version],
    replace: bool,
    flake8_ini: str | None = None,
    ruff_toml: tuple[str, str] | None = None,
) -> ConfigStep:
    """The new `.pre-commit-config.yaml` and pyproject.toml texts, and what to say.

    *flake8_ini* is the text of `.flake8`, when there is one, and *ruff_toml* the (name,
    text) of the ruff.toml Ruff reads instead of pyproject.toml (see `move_settings`).
    """

    def hold(hook: Found) -> str:
        # A target version or isort's black profile changes no line Ruff writes.
        settings = {
            key: value
            for key, value in hook_settings(hook).items()
            if key != "target-version" and (key, value) != ("profile", "black")
        }
        if pyproject_text is None and ruff_toml is None and settings:
            listed = ", ".join(f"{key} = {value}" for key, value in settings.items())
            return (
                f"its settings ({listed}) have no pyproject.toml to go to; "
                "hint: run `setsquare migrate` first, then adopt again"
            )
        return ""

    found = superseded_config.plan(config_text, CONFIG, pins=pins, replace=replace, hold=hold)
    invalid = _schema_problem(pyproject_text)
    config = add_bundle(
        found.text,
        CONFIG,
        url=url,
        rev=rev,
        hook_keys=found.hook_keys,
        leave_out=("validate-pyproject",) if invalid else (),
    )
    present = carry(config.text, CONFIG, found.hook_keys if config.bundle_present else {})
    config = dataclasses.replace(config, text=present.text)
    data = load(config.text.removeprefix(BOM), CONFIG).data
    running = _bundle_hook_ids(data)
    on_ci = ci_skip.on_precommit_ci(data, readmes)
    skip = ci_skip.CiSkip(config.text)
    if on_ci:
        needed = [hook for hook in ci_skip.NEEDS_PROJECT_ENV if hook in running]
        skip = ci_skip.add_skip(config.text, CONFIG, needed)
    settings = move_settings(
        pyproject_text,
        "pyproject.toml",
        found.replaced,
        flake8_ini=flake8_ini,
        texts=[config_text],
        ruff_toml=ruff_toml,
    )
    step = ConfigStep(
        skip.text,
        settings.text if settings.text is not None else pyproject_text,
        on_ci,
        ruff_text=settings.ruff_text,
    )

    for hook in found.replaced:
        step.actions.append(
            f"{CONFIG}: removed `{hook.hook_id}` ({hook.url}): the bundle's "
            f"`{hook.replacement.bundle_hook}` does its job ({hook.replacement.why}); "
            "hint: `--keep-superseded` keeps such hooks"
        )
        step.actions.extend(unmoved(hook))
    for bundle_hook, keys in found.hook_keys.items():
        if bundle_hook in config.added:
            carried = ", ".join(f"`{key}: {value}`" for key, value in keys.items())
            step.actions.append(f"{CONFIG}: the bundle's `{bundle_hook}` keeps {carried}")
    step.actions.extend(found.uncarried)
    step.actions.extend(present.actions)
    step.notes.extend(present.notes)
    if config.added:
        step.actions.append(f"{CONFIG}: added the setsquare bundle ({len(config.added)} hooks)")
    elif config.bundle_present:
        step.notes.append(f"{CONFIG}: the setsquare bundle is already there")
    superseded_kept = {(hook.replacement.bundle_hook, hook.url) for hook, _ in found.kept}
    step.notes.extend(
        f"{CONFIG}: kept `{hook_id}` from {where} (the bundle's would run it twice)"
        for hook_id, where in config.already_provided.items()
        if (hook_id, where) not in superseded_kept  # named below, as superseded
    )
    step.notes.extend(
        f"{CONFIG}: kept `{hook.hook_id}` ({hook.url}), which the bundle's "
        f"`{hook.replacement.bundle_hook}` supersedes: {reason}"
        for hook, reason in found.kept
    )
    step.notes.extend(
        f"{CONFIG}: {line}; hint: remove one of the two"
        for line in superseded_config.conflicts(found.kept, running)
    )
    if skip.added:
        step.actions.append(
            f"{CONFIG}: added `ci: skip: [{', '.join(skip.added)}]`: pre-commit.ci has no "
            "project environment, which the bundle's mypy needs (CI runs it after installing "
            "the project, as the lint workflow adopt adds does)"
        )
    elif skip.problem:
        step.notes.append(
            f"{CONFIG}: could not add `ci: skip: [mypy]` ({skip.problem}); hint: add it by "
            "hand: pre-commit.ci has no project environment for the bundle's mypy"
        )
    step.actions.extend(settings.lines)
    if invalid and config.added and "validate-pyproject" not in config.already_provided:
        step.notes.append(
            f"pyproject.toml: validate-pyproject refuses it today ({invalid}), so the bundle's "
            "`validate-pyproject` was left out: it would fail the first commit; hint: fix it "
            "(`validate-pyproject pyproject.toml` shows the details), then add "
            "`- id: validate-pyproject` to the bundle's hooks"
        )
    return step


def _schema_problem(text: str | None) -> str:
    """validate-pyproject's summary of what is wrong with *text* ("" when valid or absent)."""
    if text is None:
        return ""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return ""  # refused with its line by add_tables, before anything is written
    error = validation_error(data)
    return "" if error is None else str(error.summary)


def _bundle_hook_ids(data: object) -> frozenset[str]:
    """The hook ids of the bundle's entry in *data* (a loaded config)."""
    repos = data.get("repos") if isinstance(data, dict) else None
    return frozenset(
        str(hook.get("id"))
        for repo in repos or []
        if isinstance(repo, dict) and is_bundle_entry(repo)
        for hook in repo.get("hooks") or []
        if isinstance(hook, dict)
    )
