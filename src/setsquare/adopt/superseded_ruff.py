"""The Ruff side of replacing hooks: the rules that do their jobs, and Ruff's oldest target.

The Ruff plan made from black's and isort's settings gets the rules the replaced hooks'
jobs need added to a `select` it writes (`with_rules`), a black target-version older
than Ruff reads raised to Ruff's oldest (`ruff_targets`); `rules_missing` names each
replaced hook whose job the project's own select leaves undone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from setsquare.migrate.fragment import items

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.superseded import Found
    from setsquare.migrate.fragment import Table

__all__ = ["ruff_select", "ruff_targets", "rules_missing", "with_rules"]

#: Ruff's oldest `target-version` (black's is py33)
_RUFF_OLDEST = (3, 7)


def ruff_select(doc: Any) -> list[str] | None:
    """The Ruff rules pyproject.toml selects (with extend-select); None when it selects none."""
    ruff_table = doc.get("tool", {}).get("ruff", {})
    found = None
    for table in (ruff_table, ruff_table.get("lint", {})):
        if "select" in table:
            found = [str(code) for code in table["select"]]
    if found is None:
        return None
    for table in (ruff_table, ruff_table.get("lint", {})):
        found += [str(code) for code in table.get("extend-select", [])]
    return found


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


def ruff_targets(tables: list[Table], lines: list[str]) -> list[Table]:
    """*tables* with a target-version older than Ruff's oldest raised to it: Ruff refuses to
    read a pyproject.toml with `py36` (black's oldest), which stops every Ruff hook."""
    result = []
    for table in tables:
        fields = []
        for entry in table.fields:
            value = str(entry.value)
            if entry.key == "target-version" and _version_key(value) < _RUFF_OLDEST:
                oldest = f"py{_RUFF_OLDEST[0]}{_RUFF_OLDEST[1]}"
                lines.append(
                    f"black's target {value} is older than Ruff's oldest: "
                    f'[tool.ruff] target-version = "{oldest}"'
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


def rules_missing(select: list[str] | None, replaced: Sequence[Found]) -> list[str]:
    """A line for each replaced hook whose job the project's own Ruff select leaves undone."""
    if select is None:
        return []  # adopt adds its own select, which has every rule the table names
    lines = []
    for found in replaced:
        missing = [rule for rule in found.replacement.rules if not _covered(rule, select)]
        if missing:
            codes = ", ".join(f'"{rule}"' for rule in missing)
            lines.append(
                f"{found.hook_id}: Ruff's select has no {codes}, so nothing does its job now; "
                f"hint: add {codes} to [tool.ruff.lint] select"
            )
    return lines
