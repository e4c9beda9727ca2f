"""flake8 -> Ruff: ``[flake8]`` from the one file flake8 reads into ``[tool.ruff.lint]``.

flake8 reads the first of setup.cfg, tox.ini, .flake8 that has a ``[flake8]`` (or
``[flake8:local-plugins]``) section, and only that one (``flake8/options/config.py``
``_find_config_file``). Its selection is "every installed plugin's codes" unless ``select``
says otherwise, so the plugins in use are found from the config's codes and options and
from the plugin names in the files given, and written out as an explicit Ruff ``select``.

pyproject.toml ``[tool.flake8]`` is read by the Flake8-pyproject plugin, which replaces
whatever flake8 parsed from the INI file with that table (``flake8p/hook.py``
``parse_config``); flake8 still loads plugins (``[flake8:local-plugins]``,
``enable-extensions``, ``require-plugins``) from the INI file alone
(``flake8/plugins/finder.py`` ``parse_plugin_options``). `pyproject_ini` reads the table
as the plugin hands it to flake8: numbers and booleans as text, arrays item by item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Field, Table
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import candidates, drop_shadowed, sections_named
from setsquare.migrate.tools.flake8 import selection
from setsquare.migrate.tools.flake8.codes import Section, find_plugins, option_key
from setsquare.migrate.tools.flake8.options import plugin_options
from setsquare.migrate.tools.flake8.pyproject import PYPROJECT as PYPROJECT
from setsquare.migrate.tools.flake8.pyproject import TABLE as TABLE
from setsquare.migrate.tools.flake8.pyproject import pyproject_ini as pyproject_ini
from setsquare.migrate.tools.flake8.pyproject import remove_table as remove_table
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from setsquare.migrate.ini import IniFile, IniOption

CANDIDATES = candidates("flake8")
#: options flake8 reads only from the INI file, while it loads plugins
_PLUGIN_LOADING = ("enable-extensions", "require-plugins")
_FLAKE8_PYPROJECT = re.compile(r"(?<![\w.-])flake8[-_.]pyproject(?![\w.-])", re.IGNORECASE)

#: flake8 options with no Ruff meaning, and why
_NO_RUFF = {
    "format": "output format is chosen on Ruff's command line (--output-format)",
    "show-source": "Ruff shows the source by default",
    "statistics": "use `ruff check --statistics`",
    "count": "Ruff always prints the count",
    "jobs": "Ruff parallelises on its own",
    "output-file": "use `ruff check --output-file`",
    "tee": "Ruff has no --tee",
    "quiet": "use `ruff check --quiet`",
    "verbose": "use `ruff check --verbose`",
    "color": "Ruff follows NO_COLOR / FORCE_COLOR",
    "benchmark": "Ruff has no --benchmark",
    "hang-closing": "Ruff has no E133",
    "indent-size": "Ruff's E11x rules read `indent-width`; the formatter owns indentation",
    "doctests": "Ruff does not lint doctests",
    "filename": "Ruff lints *.py, *.pyi and notebooks; use `include` to change that",
    "disable-noqa": "use `ruff check --disable-noqa`",
    "require-plugins": "plugins are Ruff rules now (used here to find the plugins in use)",
}


@dataclass
class Result:
    """The flake8 part of the Ruff config, plus what the Ruff combiner must know."""

    plan: ToolPlan
    line_length: Field | None = None


def _undecided(inis: Mapping[str, IniFile], winner: str, reason: str) -> Result:
    plan = ToolPlan()
    for path, find in ((PYPROJECT, sections_named(TABLE)), *CANDIDATES):
        ini = inis.get(path)
        if ini is None or (path != PYPROJECT and path != winner):
            continue
        for section in find(ini):
            where = [Location(path, section.line, section.name)]
            where.extend(
                Location(path, option.line, section.name, option.key) for option in section.options
            )
            plan.entries.extend(Entry(source, Action.KEPT, "", reason) for source in where)
    return Result(plan)


def _pyproject_wins(
    inis: Mapping[str, IniFile], winner: str | None, texts: Iterable[str]
) -> Result | None:
    """None when ``[tool.flake8]`` is the config flake8 uses; else what to report instead."""
    if winner is None:
        return None
    if not any(_FLAKE8_PYPROJECT.search(text) for text in texts):
        reason = (
            f"left in place: flake8 reads {winner}, flake8 with Flake8-pyproject reads"
            f" [{TABLE}], and Flake8-pyproject is not named as a dependency; remove the one"
            " not in use, then run again"
        )
        return _undecided(inis, winner, reason)
    ini = inis[winner]
    main = ini.section("flake8")
    loading = [key for key in _PLUGIN_LOADING if main is not None and main.get(key) is not None]
    if ini.section("flake8:local-plugins") is not None or loading:
        reason = (
            f"left in place: with Flake8-pyproject, flake8 takes its settings from [{TABLE}]"
            f" but still loads plugins as {winner} says; merge the two by hand"
        )
        return _undecided(inis, winner, reason)
    return None


def migrate(inis: Mapping[str, IniFile], texts: Iterable[str] = ()) -> Result:
    """Plan the Ruff tables for the ``[flake8]`` flake8 would read, if any."""
    texts = list(texts)
    winner = next((path for path, find in CANDIDATES if path in inis and find(inis[path])), None)
    label = winner
    if PYPROJECT in inis:
        refused = _pyproject_wins(inis, winner, texts)
        if refused is not None:
            return refused
        winner = PYPROJECT
        label = f"{PYPROJECT} [{TABLE}] (Flake8-pyproject)"
    if winner is None or label is None:
        return Result(ToolPlan())
    plan = drop_shadowed(inis, CANDIDATES, label, "flake8")
    ini = inis[winner]
    local = ini.section("flake8:local-plugins")
    if local is not None:
        source = values.Source(ini, local)
        plan.entries.append(
            Entry(source.whole(), Action.KEPT, "", "local flake8 plugins have no Ruff port")
        )
    main = ini.section(TABLE if winner == PYPROJECT else "flake8")
    if main is None:
        return Result(plan)
    source = values.Source(ini, main)
    by_key = {option_key(option): option for option in main.options}
    if winner == PYPROJECT:
        for key in _PLUGIN_LOADING:
            if key in by_key:
                reason = "Flake8-pyproject never hands it to flake8, which loads plugins first"
                plan.entries.append(
                    Entry(source.where(by_key.pop(key)), Action.DROPPED, "", reason)
                )
    section = Section(source, by_key, set())
    find_plugins(section, texts)
    complexity_option = section.get("max-complexity")
    complexity = (
        complexity_option is not None and int(values.number(complexity_option, ini.path)) > 0
    )
    handled = {"select", "extend-select", "enable-extensions", "ignore", "extend-ignore"}
    handled.add("per-file-ignores")
    select = selection.select(section, plan, complexity)
    ignore = selection.ignore(section, plan)
    options = plugin_options(section, plan, handled)
    if not any(table.name[-1] == "pydocstyle" for table in options):
        ignore = selection.settle_docstring_pairs(select, ignore, source)
    lint = [select] if ignore is None else [select, ignore]
    header = ini.header_comments if winner == ".flake8" else ()
    tables = [Table(("tool", "ruff", "lint"), lint, (*header, *main.comments))]
    per_file = selection.per_file_ignores(section, plan)
    if per_file is not None:
        tables.append(per_file)
    tables.extend(options)
    top: list[Field] = []
    line_length: Field | None = None
    excludes: list[IniOption] = []
    for name, option in section.options.items():
        if name in handled:
            continue
        if name == "max-line-length":
            line_length = source.field(option, "line-length", values.number(option, ini.path))
        elif name in ("exclude", "extend-exclude"):
            excludes.append(option)
        elif name == "builtins":
            top.append(source.field(option, "builtins", values.commas_or_space(option.value)))
        elif name in _NO_RUFF:
            plan.entries.append(Entry(source.where(option), Action.DROPPED, "", _NO_RUFF[name]))
        else:
            plan.entries.append(
                Entry(
                    source.where(option),
                    Action.DROPPED,
                    "",
                    "no Ruff equivalent for this flake8 (or plugin) option",
                )
            )
    if excludes:
        merged = values.ListValue([])
        for option in excludes:
            part = values.split_option(option, values.commas_or_space)
            for index, comments in part.element_comments.items():
                merged.element_comments[len(merged.items) + index] = comments
            merged.items.extend(part.items)
        top.append(
            source.field(
                excludes[0],
                "extend-exclude",
                merged.items,
                action=Action.TRANSFORMED,
                reason="`extend-exclude` keeps Ruff's own default excludes, as flake8's did",
                element_comments=merged.element_comments,
            )
        )
    if top:
        tables.insert(0, Table(("tool", "ruff"), top))
    plan.tables.extend(tables)
    plan.origins.add(source.origin)
    if local is not None:
        plan.origins.discard(source.origin)
    return Result(plan, line_length)
