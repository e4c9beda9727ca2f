"""mypy: ``mypy.ini`` / ``setup.cfg`` ``[mypy]`` and ``[mypy-a.*,b.*]`` -> ``[tool.mypy]``.

mypy reads the first of mypy.ini, pyproject.toml ``[tool.mypy]``, setup.cfg ``[mypy]``
(``mypy/defaults.py`` CONFIG_NAMES + SHARED_CONFIG_NAMES); values are typed as mypy's
own ``ini_config_types`` split them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action
from setsquare.migrate.model import Fact, Field, Fit, Quote, Table, items
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import candidates, drop_shadowed
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniFile, IniOption, IniSection
    from setsquare.migrate.tools.context import ToolContext

NAME = "mypy"
CANDIDATES = candidates(NAME)
_OWN_FILES = ("mypy.ini", ".mypy.ini")

_COMMA_LISTS = frozenset(
    {
        "plugins",
        "always_true",
        "always_false",
        "untyped_calls_exclude",
        "enable_incomplete_feature",
        "disable_error_code",
        "enable_error_code",
        "package_root",
        "packages",
        "modules",
        "files",
    }
)
_INTS = frozenset({"many_errors_threshold"})


def _mypy_path(text: str) -> list[str]:
    return [part.strip() for part in re.split("[,:]", text) if part.strip()]


def _field(source: values.Source, option: IniOption) -> Field:
    key = option.key
    if key in _COMMA_LISTS:
        return source.list_field(option, key, values.commas)
    if key == "mypy_path":
        return source.list_field(option, key, _mypy_path)
    if key == "exclude":
        # One regex, often verbose `(?x)` over several lines: kept byte for byte.
        return source.field(option, key, option.value.strip(), literal=True)
    if key in _INTS:
        return source.field(option, key, values.number(option, source.ini.path))
    if values.looks_boolean(option.value):
        return source.field(option, key, values.boolean(option, source.ini.path))
    return source.field(option, key, option.value.strip())


def _override(source: values.Source) -> Table:
    modules = items(values.commas(source.section.name.removeprefix("mypy-")))
    reason = f"from the section name [{source.section.name}]"
    fact = Fact(source.whole(), Action.TRANSFORMED, reason)
    module = Field(
        "module", modules, (), source.whole(), Quote.BASIC, Fit.LINE_88, fact, source.origin
    )
    fields = [module, *(_field(source, option) for option in source.section.options)]
    return Table(("tool", "mypy", "overrides"), fields, source.section.comments, array=True)


def _section_table(ini: IniFile, section: IniSection) -> Table:
    source = values.Source(ini, section)
    header = ini.header_comments if ini.path in _OWN_FILES else ()
    comments = (*header, *section.comments)
    return Table(("tool", "mypy"), [_field(source, option) for option in section.options], comments)


def migrate(ctx: ToolContext) -> ToolPlan:
    """Plan ``[tool.mypy]`` and its overrides from the one file mypy reads."""
    inis = ctx.inis
    tool: Any = ctx.pyproject.get("tool", {})
    # mypy.ini and .mypy.ini count when they exist at all, even without a [mypy] section.
    winner = next((path for path in _OWN_FILES if path in inis), None)
    if winner is None and "mypy" in tool:
        return drop_shadowed(inis, CANDIDATES, "pyproject.toml [tool.mypy]", "mypy")
    if winner is None and "setup.cfg" in inis and inis["setup.cfg"].section("mypy"):
        winner = "setup.cfg"
    if winner is None:
        return ToolPlan()
    plan = drop_shadowed(inis, CANDIDATES, winner, "mypy")
    ini = inis[winner]
    main = ini.section("mypy")
    if main is not None:
        plan.tables.append(_section_table(ini, main))
        plan.origins.add((ini.path, main.name))
    for section in dict(CANDIDATES)[winner](ini):
        if section.name.startswith("mypy-"):
            plan.tables.append(_override(values.Source(ini, section)))
            plan.origins.add((ini.path, section.name))
    return plan
