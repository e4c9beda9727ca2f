"""The Ruff side of replacing hooks: the rules that do their jobs, and Ruff's oldest target.

The Ruff plan made from black's and isort's settings gets the rules the replaced hooks'
jobs need added to a `select` it writes (`with_rules`), a black target-version older
than Ruff reads raised to Ruff's oldest (`ruff_targets`); `add_missing_rules` adds them
to the project's own select, so no replaced hook's job is left undone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import tomlkit

from setsquare.adopt.ruff_config import PYPROJECT
from setsquare.migrate.model import items

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.ruff_config import RuffConfig
    from setsquare.adopt.superseded import Found
    from setsquare.migrate.model import Table

__all__ = ["add_missing_rules", "ruff_select", "ruff_targets", "with_rules"]

#: Ruff's oldest `target-version` (black's is py33)
_RUFF_OLDEST = (3, 7)


def ruff_select(doc: Any, config: RuffConfig = PYPROJECT) -> list[str] | None:
    """The Ruff rules *doc* selects (with extend-select); None when it selects none."""
    found = None
    for table in _tables(doc, config):
        if "select" in table:
            found = [str(code) for code in table["select"]]
    if found is None:
        return None
    for table in _tables(doc, config):
        found += [str(code) for code in table.get("extend-select", [])]
    return found


def _tables(doc: Any, config: RuffConfig) -> list[Any]:
    """Ruff's top-level table and its lint table, where they are tables."""
    root = config.root(doc)
    if not isinstance(root, Mapping):
        return []
    lint = root.get("lint")
    return [root, lint] if isinstance(lint, Mapping) else [root]


def _covered(rule: str, select: Sequence[str]) -> bool:
    return any(code == "ALL" or rule.startswith(code) for code in select)


def with_rules(tables: list[Table], replaced: Sequence[Found]) -> tuple[list[Table], list[str]]:
    """*tables* with a planned select extended by the rules the replaced hooks' jobs need."""
    needed = list(dict.fromkeys(rule for found in replaced for rule in found.replacement.rules))
    result, added = [], []
    for table in tables:
        if table.name == ("tool", "ruff", "lint"):
            fields = []
            for entry in table.fields:
                if entry.key == "select" and isinstance(entry.value, list):
                    select = [str(item.value) for item in entry.value]
                    added = [rule for rule in needed if not _covered(rule, select)]
                    entry = replace(entry, value=[*entry.value, *items(added)])
                fields.append(entry)
            table = replace(table, fields=fields)
        result.append(table)
    return result, added


def ruff_targets(
    tables: list[Table], lines: list[str], config: RuffConfig = PYPROJECT
) -> list[Table]:
    """*tables* with a target-version older than Ruff's oldest raised to it: Ruff refuses to
    read a pyproject.toml with `py36` (black's oldest), which stops every Ruff hook."""
    result = []
    for table in tables:
        fields = []
        for entry in table.fields:
            value = str(entry.value)
            if entry.key == "target-version" and _version_key(value) < _RUFF_OLDEST:
                oldest = f"py{_RUFF_OLDEST[0]}{_RUFF_OLDEST[1]}"
                setting = f'target-version = "{oldest}"'
                lines.append(
                    f"black's target {value} is older than Ruff's oldest: "
                    + (
                        f"[tool.ruff] {setting}"
                        if config == PYPROJECT
                        else f"{setting} in {config.path}"
                    )
                )
                fields.append(replace(entry, value=oldest))
            else:
                fields.append(entry)
        result.append(replace(table, fields=fields))
    return result


def _version_key(target: str) -> tuple[int, int]:
    digits = target.removeprefix("py")
    if not digits.isdigit() or len(digits) < 2:
        return _RUFF_OLDEST
    return int(digits[0]), int(digits[1:])


def add_missing_rules(doc: Any, config: RuffConfig, replaced: Sequence[Found]) -> list[str]:
    """*doc*'s own select given the rules the replaced hooks' jobs need, where it lacks
    them; a line saying what was added, or why nothing could be.

    Removing isort while Ruff selects no `I` would leave imports unsorted: the job moves
    to Ruff only with its rules. They go where the project lists its rules: into its
    `extend-select` when the table with its `select` has one, else into that `select`.
    """
    select = ruff_select(doc, config)
    if select is None:
        return []  # adopt adds its own select, which has every rule the table names
    missing: dict[str, list[str]] = {}
    for found in replaced:
        for rule in found.replacement.rules:
            if not _covered(rule, [*select, *missing]) or rule in missing:
                missing.setdefault(rule, []).append(found.hook_id)
    if not missing:
        return []
    # [lint]'s select wins over a top-level one (Ruff's older place for it).
    depth, table = next(
        (d, t) for d, t in reversed(list(enumerate(_tables(doc, config)))) if "select" in t
    )
    key = "extend-select" if "extend-select" in table else "select"
    name = config.name(*(("lint",) if depth else ()))
    hooks = ", ".join(
        dict.fromkeys(
            found.hook_id
            for found in replaced
            if any(not _covered(rule, select) for rule in found.replacement.rules)
        )
    )
    codes = ", ".join(f'"{rule}"' for rule in missing)
    array = table[key]
    if not isinstance(array, tomlkit.items.Array):
        return [
            (
                f"{config.path}: Ruff's select has no {codes}, so nothing does the job of "
                f"{hooks} now; hint: add {codes} to {name} {key}"
            )
        ]
    array.extend(missing)
    lines = [
        (
            f"{config.path}: {name} {key} also has {', '.join(missing)}: the rules that do "
            f"the jobs of {hooks}"
        )
    ]
    ignores = [str(code) for table in _tables(doc, config) for code in _ignored(table)]
    for rule, rule_hooks in missing.items():
        overlap = [code for code in ignores if code.startswith(rule) or rule.startswith(code)]
        if overlap:
            lines.append(
                f"{config.path}: Ruff's ignore has {', '.join(overlap)}, so part of the job of "
                f"{', '.join(rule_hooks)} ({rule}) stays undone; hint: remove "
                f"{', '.join(overlap)} from {name} ignore if Ruff is to do it"
            )
    return lines


def _ignored(table: Any) -> list[Any]:
    return [*table.get("ignore", []), *table.get("extend-ignore", [])]
