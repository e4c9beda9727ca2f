"""Which file each tool really reads: the first candidate that counts, in the tool's order."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from setsquare.legacy_sources import ToolSections, sections_of
from setsquare.migrate.ini import IniFile, IniSection
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.tools.plan import ToolPlan

#: a candidate: (file name, sections of it that hold this tool's config)
Finder = Callable[[IniFile], list[IniSection]]


def sections_named(*names: str) -> Finder:
    def find(ini: IniFile) -> list[IniSection]:
        return [section for section in ini.sections if section.name in names]

    return find


def _holding(row: ToolSections) -> Finder:
    def find(ini: IniFile) -> list[IniSection]:
        return [section for section in ini.sections if row.holds(section.name)]

    return find


def candidates(tool: str) -> tuple[tuple[str, Finder], ...]:
    """*tool*'s files and the sections of each that it reads, in the order it looks for
    them: `setsquare.legacy_sources.SECTIONS`, the table the hook, check and adopt read."""
    return tuple((row.path, _holding(row)) for row in sections_of(tool))


def drop_shadowed(
    inis: Mapping[str, IniFile],
    candidates: Sequence[tuple[str, Finder]],
    winner: str,
    tool: str,
) -> ToolPlan:
    """Report every section *tool* never reads because *winner* takes precedence."""
    plan = ToolPlan()
    for path, find in candidates:
        ini = inis.get(path)
        if ini is None or path == winner:
            continue
        for section in find(ini):
            reason = f"{tool} never reads it: {winner} takes precedence"
            plan.entries.append(
                Entry(Location(path, section.line, section.name), Action.DROPPED, "", reason)
            )
            for option in section.options:
                plan.entries.append(
                    Entry(
                        Location(path, option.line, section.name, option.key),
                        Action.DROPPED,
                        "",
                        reason,
                    )
                )
            plan.origins.add((path, section.name))
    return plan
