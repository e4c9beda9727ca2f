"""Ruff's tables from flake8, isort and black together: one line length, one set of tables.

The formatter's line length wins (black's, else flake8's, else isort's); when flake8's
E501 limit differs from black's, Ruff keeps it separately as ``pycodestyle.max-line-length``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Fact, Field, Table, fact_of
from setsquare.migrate.tools import black, flake8, isort
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile
    from setsquare.migrate.tools.context import ToolContext

NAME = "Ruff"
#: The ledger's place for "the planned select runs no isort rules": pyproject.toml to be,
#: not a legacy file (adopt leaves this line out of what it says).
ISORT_UNSELECTED = Location("", section="tool.ruff.lint", key="select")
_ORDER = ("ruff",), ("ruff", "format"), ("ruff", "lint")


def _line_length(
    black_length: Field | None,
    flake8_length: Field | None,
    isort_length: Field | None,
    plan: ToolPlan,
) -> list[Table]:
    tables: list[Table] = []
    winner = black_length or flake8_length or isort_length
    if winner is None:
        return tables
    tables.append(Table(("tool", "ruff"), [winner]))
    if flake8_length is not None and flake8_length is not winner:
        source = fact_of(flake8_length).source
        if flake8_length.value == winner.value:
            plan.entries.append(
                Entry(source, Action.MAPPED, "[tool.ruff] line-length", "same value")
            )
        else:
            reason = f"E501's limit stays flake8's; the formatter keeps black's {winner.value}"
            fact = Fact(source, Action.TRANSFORMED, reason)
            moved = replace(flake8_length, key="max-line-length", fact=fact)
            tables.append(Table(("tool", "ruff", "lint", "pycodestyle"), [moved]))
    if isort_length is not None and isort_length is not winner:
        if isort_length.value == winner.value:
            action, reason = Action.MAPPED, "same value"
        else:
            action = Action.DROPPED
            reason = f"Ruff's isort wraps at the shared line length {winner.value}"
        source = fact_of(isort_length).source
        plan.entries.append(Entry(source, action, "[tool.ruff] line-length", reason))
    return tables


def _merge(tables: Iterable[Table], plan: ToolPlan) -> list[Table]:
    """One table per name; a key set twice keeps the first (isort's over flake8's)."""
    merged: dict[tuple[str, ...], Table] = {}
    for table in tables:
        if table.name not in merged:
            merged[table.name] = table
            continue
        first = merged[table.name]
        keys = {entry.key for entry in first.fields}
        extra = []
        for entry in table.fields:
            if entry.key in keys:
                reason = "set from another legacy source already, which wins"
                plan.entries.append(Entry(fact_of(entry).source, Action.DROPPED, "", reason))
            else:
                extra.append(entry)
        merged[table.name] = Table(
            first.name, [*first.fields, *extra], (*first.comments, *table.comments)
        )

    def rank(path: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
        inner = path[1:]
        return (_ORDER.index(inner) if inner in _ORDER else len(_ORDER), inner)

    return [merged[path] for path in sorted(merged, key=rank)]


def migrate(ctx: ToolContext) -> ToolPlan:
    """Plan ``[tool.ruff]`` and its sub-tables from the project's flake8, isort and black."""
    return from_configs(ctx.lint_inis, ctx.pyproject, ctx.dependency_texts, ctx.requires_python)


def from_configs(
    inis: Mapping[str, IniFile],
    pyproject: tomlkit.TOMLDocument,
    texts: Iterable[str],
    requires_python: bool = False,
) -> ToolPlan:
    """Plan ``[tool.ruff]`` and its sub-tables from flake8, isort and black config.

    *inis* are flake8's and isort's INI sources, *texts* where flake8 plugins are
    installed from; adopt calls this with the hooks' settings it replaces.
    """
    from_flake8 = flake8.migrate(inis, texts)
    from_isort = isort.migrate(inis, pyproject)
    from_black = black.migrate(pyproject, requires_python=requires_python)
    plan = ToolPlan()
    for part in (from_flake8.plan, from_isort.plan, from_black.plan):
        plan.entries.extend(part.entries)
        plan.origins |= part.origins
    tables = _line_length(
        from_black.line_length, from_flake8.line_length, from_isort.line_length, plan
    )
    top = [*from_black.top, *from_isort.src]
    if top:
        tables.append(Table(("tool", "ruff"), top))
    tables.extend(from_isort.plan.tables)
    tables.extend(from_black.plan.tables)
    tables.extend(from_flake8.plan.tables)
    plan.tables = _merge(tables, plan)
    if from_isort.plan.tables and not _selects_isort(plan.tables, pyproject):
        plan.entries.append(
            Entry(
                ISORT_UNSELECTED,
                Action.KEPT,
                reason="selects no I rules, so Ruff does not sort imports and the moved "
                'isort settings wait unused: add "I" once Ruff replaces isort',
            )
        )
    return plan


def _selects_isort(tables: Iterable[Table], pyproject: tomlkit.TOMLDocument) -> bool:
    """Whether Ruff will run its import-sorting rule (I001) with the planned or existing select."""
    lint: Any = pyproject.get("tool", {}).get("ruff", {}).get("lint", {})
    codes = [str(c) for key in ("select", "extend-select") for c in lint.get(key, [])]
    for table in tables:
        if table.name == ("tool", "ruff", "lint"):
            codes += [
                str(item.value)
                for entry in table.fields
                if entry.key in ("select", "extend-select") and isinstance(entry.value, list)
                for item in entry.value
            ]
    return any(code in ("ALL", "I", "I0", "I00", "I001") for code in codes)
