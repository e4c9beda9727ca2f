"""What a tool mapper wants written: a unit of whole tables, held back on a conflict.

Mappers return the one model's `model.Table`s (issue #11), each field stating its
ledger fact, the (file, INI section) it comes from, its quoting and list width. A tool
is one `policy.Unit` that owns whole tables and is held back on a conflict;
`writer.write` writes it, as it writes the packaging, once `policy.decide` says it may.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.migrate.policy import OnConflict, Scope, Unit, decide
from setsquare.migrate.writer import place

if TYPE_CHECKING:
    from collections.abc import Sequence

    import tomlkit

    from setsquare.migrate.ledger import Entry
    from setsquare.migrate.model import Section, Table

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


def tool_unit(name: str, plan: ToolPlan, exact_root: tuple[str, ...] | None = None) -> Unit:
    """*plan* as what moves as a whole: its tables, or none of them."""
    return Unit(name, plan.tables, Scope.TABLES, OnConflict.HOLD, plan.entries, exact_root)


@dataclass
class Outcome:
    entries: list[Entry] = field(default_factory=list)
    blocked: set[Section] = field(default_factory=set)


def apply(doc: tomlkit.TOMLDocument, tables: Sequence[Table]) -> Outcome:
    """Write what of *tables* has no conflict; each field's ledger line, the sections blocked.

    Adopt's move of superseded settings into Ruff: unlike a migrated tool, it writes
    the tables without a conflict even when another one has one.
    """
    unit = tool_unit("", ToolPlan(list(tables)))
    verdict = decide(doc, unit)
    place(doc, unit)
    return Outcome(verdict.facts, verdict.blocked)
