"""coverage.py: ``.coveragerc`` / ``[coverage:*]`` sections -> ``[tool.coverage.*]``.

coverage reads the first of .coveragerc, setup.cfg, tox.ini, pyproject.toml that has its
settings (``coverage/config.py`` ``config_files_to_try``) -- pyproject.toml comes last.
Types follow coverage's option table: ``list`` splits on commas and newlines,
``regexlist`` on newlines only (regexes stay literal TOML strings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare import legacy_sources
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.model import Field, Table
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import candidates, drop_shadowed
from setsquare.migrate.tools.old_readers import coverage_note
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    from collections.abc import Mapping

    from setsquare.migrate.ini import IniFile, IniOption
    from setsquare.migrate.tools.context import ToolContext

NAME = "coverage"
#: coverage's own sections (any other in .coveragerc is a plugin's): the declared table's.
_KNOWN = next(row.names for row in legacy_sources.sections_of(NAME) if row.path == ".coveragerc")
CANDIDATES = candidates(NAME)
_FIND = dict(CANDIDATES)

_LISTS = {
    "run": {
        "concurrency",
        "debug",
        "disable_warnings",
        "patch",
        "plugins",
        "include",
        "omit",
        "source",
        "source_pkgs",
        "source_dirs",
    },
    "report": {"contexts", "include", "omit"},
}
_REGEXLISTS = {
    "report": {"exclude_lines", "exclude_also", "partial_branches", "partial_branches_always"}
}
_BOOLS = {
    "run": {"branch", "cover_pylib", "parallel", "relative_files", "sigterm", "timid"},
    "report": {
        "ignore_errors",
        "include_namespace_packages",
        "show_missing",
        "skip_covered",
        "skip_empty",
    },
    "html": {"skip_covered", "skip_empty", "show_contexts"},
    "json": {"pretty_print", "show_contexts"},
    "lcov": {"line_checksums"},
}
_INTS = {"report": {"precision"}, "xml": {"package_depth"}}
_FLOATS = {"report": {"fail_under"}}


def _field(source: values.Source, table: str, option: IniOption) -> Field:
    key, path = option.key, source.ini.path
    if table == "paths" or key in _LISTS.get(table, ()):
        return source.list_field(option, key, values.commas_or_lines)
    if key in _REGEXLISTS.get(table, ()):
        return source.list_field(option, key, values.lines, literal=True)
    if key in _BOOLS.get(table, ()):
        return source.field(option, key, values.boolean(option, path))
    if key in _INTS.get(table, ()):
        return source.field(option, key, values.number(option, path))
    if key in _FLOATS.get(table, ()):
        # `90` stays an integer in TOML; coverage reads either as a float.
        kind = int if option.value.strip().isdigit() else float
        return source.field(option, key, values.number(option, path, kind))
    if table in _KNOWN:
        return source.field(option, key, option.value.strip())
    # A plugin's section: coverage hands plugins strings from INI files, so strings they stay.
    reason = "plugin option: kept as the string coverage passed to the plugin"
    return source.field(option, key, option.value.strip(), action=Action.TRANSFORMED, reason=reason)


def _winner(inis: Mapping[str, IniFile]) -> str | None:
    if ".coveragerc" in inis:
        return ".coveragerc"
    for path in ("setup.cfg", "tox.ini"):
        if path in inis and _FIND[path](inis[path]):
            return path
    return None


def migrate(ctx: ToolContext) -> ToolPlan:
    """Plan ``[tool.coverage.*]`` from the one file coverage reads.

    pyproject.toml is coverage's last choice: any INI config shadows it, so only
    *ctx*'s INI files are read.
    """
    inis = ctx.inis
    winner = _winner(inis)
    if winner is None:
        return ToolPlan()
    plan = drop_shadowed(inis, CANDIDATES, winner, "coverage")
    ini = inis[winner]
    # .coveragerc holds coverage's config only: its other sections belong to plugins.
    sections = list(ini.sections) if winner == ".coveragerc" else _FIND[winner](ini)
    # coverage takes [coverage:run] over [run] (checked against coverage itself in tests).
    sections.sort(key=lambda section: not section.name.startswith("coverage:"))
    tables: dict[str, tuple[list[Field], list[str]]] = {}
    header = list(ini.header_comments) if winner == ".coveragerc" else []
    for section in sections:
        source = values.Source(ini, section)
        table = section.name.removeprefix("coverage:")
        fields, comments = tables.setdefault(table, ([], []))
        comments.extend(header)
        header = []
        comments.extend(section.comments)
        plan.origins.add(source.origin)
        if section.name == table and any(s.name == f"coverage:{table}" for s in sections):
            reason = f"coverage reads only [coverage:{table}] when both spellings exist"
            plan.entries.append(Entry(source.whole(), Action.DROPPED, "", reason))
            plan.entries.extend(
                Entry(source.where(option), Action.DROPPED, "", reason)
                for option in section.options
            )
            continue
        fields.extend(_field(source, table, option) for option in section.options)
    for table, (fields, comments) in tables.items():
        plan.tables.append(Table(("tool", "coverage", table), fields, tuple(comments)))
    if plan.tables:
        where = values.Source(ini, sections[0]).whole()
        note = coverage_note(ctx, where)
        if note is not None:
            plan.entries.append(Entry(where, Action.MOVED, "[tool.coverage]", *note))
    return plan
