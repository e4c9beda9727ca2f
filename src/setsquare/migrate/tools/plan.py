"""What a tool mapper wants written, and the writer that places it without touching user tables.

Mappers return the one model's `fragment.Table`s (issue #11), each field stating its
ledger fact, the (file, INI section) it comes from and the tool writer's quoting. A
tool is one `policy.Unit` that owns whole tables and is held back on a conflict;
`place` puts its tables into the pyproject document with tomlkit once
`policy.decide` says it may.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import AoT
from tomlkit.items import Table as TomlTable

from setsquare.errors import InputError
from setsquare.migrate.fragment import Fit, Quote, key_path
from setsquare.migrate.policy import OnConflict, Scope, Unit, decide, lookup
from setsquare.migrate.tools.emit import item_of, new_table

if TYPE_CHECKING:
    from setsquare.migrate.fragment import Section, Table
    from setsquare.migrate.ledger import Entry

Origin = tuple[str, str]  # (file, INI section) a setting came from


@dataclass
class ToolPlan:
    """What one tool mapper produced: tables to write, ledger entries, sections it moves."""

    tables: list[Table] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    origins: set[Origin] = field(default_factory=set)

    def extend(self, other: ToolPlan) -> None:
        self.tables.extend(other.tables)
        self.entries.extend(other.entries)
        self.origins |= other.origins


def _check(table: Table) -> None:
    """Refuse what the tool writer cannot write as its mappers mean it."""
    for entry in table.fields:
        if entry.quote is Quote.AUTO:
            msg = f"a tool's field states its quoting: {entry.key}"
            raise ValueError(msg)
        if isinstance(entry.value, list) and (
            entry.fit is not Fit.LINE_88 or any(item.inline or item.gap for item in entry.value)
        ):
            msg = f"the tool writer fits lists to 88 and has no inline comments: {entry.key}"
            raise ValueError(msg)


def tool_unit(name: str, plan: ToolPlan, exact_root: tuple[str, ...] | None = None) -> Unit:
    """*plan* as what moves as a whole: its tables, or none of them."""
    for table in plan.tables:
        _check(table)
    return Unit(name, plan.tables, Scope.TABLES, OnConflict.HOLD, plan.entries, exact_root)


def _parent(doc: tomlkit.TOMLDocument, path: Sequence[str], created: set[tuple[str, ...]]) -> Any:
    node: Any = doc
    for depth, part in enumerate(path, start=1):
        if not isinstance(node, MutableMapping):
            raise InputError(
                "pyproject.toml",
                f"`{key_path(tuple(path[: depth - 1]))}` is not a table",
                hint="[tool] and the tables under it must be TOML tables",
            )
        if part not in node:
            node[part] = tomlkit.table(is_super_table=True)
            created.add(tuple(path[:depth]))
        node = node[part]
    return node


def place(doc: tomlkit.TOMLDocument, tables: Sequence[Table]) -> None:
    """Write those of *tables* that *doc* lacks (or this call created); leave the rest."""
    created: set[tuple[str, ...]] = set()
    arrays: dict[tuple[str, ...], list[Table]] = {}
    tail: TomlTable | None = None
    for table in tables:
        if table.array:
            arrays.setdefault(table.name, []).append(table)
            continue
        existing = lookup(doc, table.name)
        if existing is None:
            parent = _parent(doc, table.name[:-1], created)
            built = new_table(table)
            if isinstance(parent, OutOfOrderTableProxy):
                tail = built
            parent[table.name[-1]] = built
            created.add(table.name)
        elif table.name in created:
            for entry in table.fields:
                existing.add(entry.key, item_of(entry))
    for path, elements in arrays.items():
        if lookup(doc, path) is None:
            built_tables = [new_table(table) for table in elements]
            parent = _parent(doc, path[:-1], created)
            if isinstance(parent, OutOfOrderTableProxy):
                tail = built_tables[-1]
            parent[path[-1]] = AoT(built_tables)
    if tail is not None:
        # tomlkit files new tables into the first piece of a split [tool] table, right
        # before the next top-level table: keep a blank line between them.
        tail.add(tomlkit.nl())


@dataclass
class Outcome:
    entries: list[Entry] = field(default_factory=list)
    blocked: set[Section] = field(default_factory=set)


def apply(doc: tomlkit.TOMLDocument, tables: Sequence[Table]) -> Outcome:
    """Write what of *tables* has no conflict; each field's ledger line, the sections blocked.

    Adopt's move of superseded settings into Ruff: unlike a migrated tool, it writes
    the tables without a conflict even when another one has one.
    """
    verdict = decide(doc, tool_unit("", ToolPlan(list(tables))))
    place(doc, tables)
    return Outcome(verdict.facts, verdict.blocked)
