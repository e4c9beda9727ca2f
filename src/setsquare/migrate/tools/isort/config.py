"""What isort reads: the options of the one config file it takes, as its loader sees them.

isort takes the first of .isort.cfg (``[settings]``/``[isort]``), pyproject.toml
``[tool.isort]``, setup.cfg and tox.ini (``[isort]``/``[tool:isort]``) -- isort's
``settings.CONFIG_SOURCES``/``CONFIG_SECTIONS``. INI files go through configparser with
its ``%`` interpolation (``%%`` is a ``%``), keys folded to lower case; ``known_<name>``
keys fold their section part to lower case in TOML too, and ``known_<SECTION>`` of a
standard section is isort's other spelling of that section's own list.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from setsquare.errors import InputError
from setsquare.migrate.ini import IniLine
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.policy import unwrap
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import candidates

if TYPE_CHECKING:
    from collections.abc import Mapping

    from setsquare.migrate.ini import IniFile, IniOption, IniSection
    from setsquare.migrate.model import Field
    from setsquare.migrate.tools.plan import Origin, ToolPlan

CANDIDATES = candidates("isort")
#: ``known_<SECTION>`` of a standard section is isort's spelling of its own list
#: (settings.py ``KNOWN_SECTION_MAPPING``); the full name wins when both are set
_KNOWN_ALIASES = {
    "known_future": "known_future_library",
    "known_stdlib": "known_standard_library",
    "known_thirdparty": "known_third_party",
    "known_firstparty": "known_first_party",
    "known_localfolder": "known_local_folder",
}
_INTERPOLATED = "%-interpolation expanded as isort's configparser does"


@dataclass(frozen=True)
class Opt:
    """One isort option: its value as isort reads it, and where it came from."""

    key: str
    raw: Any  # INI text, or the TOML value
    source: Location
    origin: Origin
    option: IniOption | None = None
    path: str = ""
    interpolated: bool = False

    def as_list(self) -> values.ListValue:
        if self.option is not None:
            return values.split_option(self.option, values.commas)
        if isinstance(self.raw, str):
            return values.ListValue(values.commas(self.raw))
        return values.ListValue(values.expect("tool.isort", self.key, self.raw, list))

    def as_bool(self) -> bool:
        if self.option is not None:
            return values.boolean(self.option, self.path)
        if isinstance(self.raw, str) and values.looks_boolean(self.raw):
            return self.raw.strip().lower() in ("true", "yes", "on")
        return bool(values.expect("tool.isort", self.key, self.raw, bool))

    def as_int(self) -> int:
        if self.option is not None:
            return int(values.number(self.option, self.path))
        return int(values.expect("tool.isort", self.key, self.raw, int))

    def normal(self) -> Any:
        if self.option is None or not values.looks_boolean(self.raw):
            return str(self.raw).strip() if not isinstance(self.raw, bool) else self.raw
        return self.as_bool()

    def field(
        self,
        key: str,
        value: Any,
        reason: str = "",
        element_comments: Mapping[int, tuple[str, ...]] | None = None,
    ) -> Field:
        """This option as Ruff's *key*; a *reason* says why the value was transformed."""
        comments = self.option.comments if self.option is not None else ()
        if self.interpolated:
            reason = f"{reason}; {_INTERPOLATED}" if reason else _INTERPOLATED
        action = Action.TRANSFORMED if reason else Action.MAPPED
        return values.tool_field(
            key, value, self.source, self.origin, action, reason, comments, False, element_comments
        )

    def refuse(self, message: str, hint: str) -> InputError:
        line = self.option.line if self.option is not None else None
        return InputError(self.path or "pyproject.toml", message, line=line, hint=hint)


def normal_key(key: str) -> str:
    key = key.replace("-", "_")
    # isort folds the section part of known_<section> to lower case, even in TOML
    return "known_" + key.removeprefix("known_").lower() if key.startswith("known_") else key


def interpolated(ini: IniFile, section: IniSection, option: IniOption) -> IniOption:
    """*option* as isort's ConfigParser hands it over: ``%%`` is ``%``, ``%(key)s`` expanded."""
    parser = configparser.RawConfigParser(strict=False)
    parser.read_dict({s.name: {o.key: o.value for o in s.options} for s in ini.sections})
    known = dict(parser.items(section.name, raw=True))
    interpolation = configparser.BasicInterpolation()

    def expand(text: str, line: int) -> str:
        try:
            return interpolation.before_get(parser, section.name, option.key, text, known)
        except configparser.Error as error:
            raise InputError(
                ini.path,
                f"[{section.name}] {option.key}: {str(error).splitlines()[0]}",
                line=line,
                hint="write a literal % as %%: isort reads this file with configparser,"
                " which interpolates %, and skips the whole file on this error",
            ) from error

    lines = [
        IniLine(text, line.line, line.comments if index == 0 else ())
        for line in option.lines
        for index, text in enumerate(expand(line.text, line.line).split("\n"))
    ]
    return replace(option, value=expand(option.value, option.line), lines=tuple(lines))


def ini_opts(ini: IniFile, plan: ToolPlan) -> tuple[list[Opt], tuple[str, ...]]:
    """Every isort section of *ini*, merged in isort's order (later keys win, as in isort)."""
    find = dict(CANDIDATES)[ini.path]
    opts: dict[str, Opt] = {}
    comments: tuple[str, ...] = ini.header_comments if ini.path == ".isort.cfg" else ()
    for section in find(ini):
        source = values.Source(ini, section)
        comments = (*comments, *section.comments)
        plan.origins.add(source.origin)
        for option in section.options:
            key = normal_key(option.key.lower())
            if key in opts:
                plan.entries.append(
                    Entry(opts[key].source, Action.DROPPED, "", f"overridden by [{section.name}]")
                )
            expanded = "%" in option.value
            if expanded:
                option = interpolated(ini, section, option)
            opts[key] = Opt(
                key,
                option.value,
                source.where(option),
                source.origin,
                option,
                ini.path,
                interpolated=expanded,
            )
    return list(opts.values()), comments


def toml_opts(table: Mapping[str, Any]) -> list[Opt]:
    return [
        Opt(
            normal_key(str(key)),
            unwrap(value),
            Location("pyproject.toml", section="tool.isort", key=str(key)),
            ("pyproject.toml", "tool.isort"),
        )
        for key, value in table.items()
    ]


def aliases(opts: list[Opt], plan: ToolPlan) -> dict[str, Opt]:
    """Opts by key, with known_<SECTION> of a standard section read as isort reads it."""
    keys = {opt.key for opt in opts}
    resolved: dict[str, Opt] = {}
    for opt in opts:
        full = _KNOWN_ALIASES.get(opt.key)
        if full is None:
            resolved[opt.key] = opt
        elif full in keys:
            reason = f"isort reads {full} and warns that it ignores this spelling"
            plan.entries.append(Entry(opt.source, Action.DROPPED, "", reason))
        else:
            resolved[full] = replace(opt, key=full)
    return resolved
