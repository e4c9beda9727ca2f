"""Read setup.cfg values the way setuptools does (``setuptools/config/setupcfg.py``).

configparser's ``%`` interpolation over the whole value (same section plus
DEFAULT), lists split on newlines or else on the separator, ``key = value``
dictionaries split on the first ``=``, requirement lists ``;``-split with `` #``
comments dropped and ``\\`` lines joined, dash and upper-case keys folded and
aliases resolved (the first of two spellings wins). Each value keeps the
comments and line numbers it came with.
"""

from __future__ import annotations

import configparser
from typing import TYPE_CHECKING

from packaging.markers import default_environment
from packaging.requirements import InvalidRequirement, Requirement

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Item, Scalar

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniFile, IniOption, IniSection


class Reader:
    """Interpolated values and ledger bookkeeping for one setup.cfg."""

    def __init__(self, ini: IniFile, text: str) -> None:
        self.ini = ini
        self.parser = configparser.ConfigParser()
        self.parser.optionxform = str  # type: ignore[assignment,method-assign]
        self.parser.read_string(text, source=ini.path)
        self.interpolation = configparser.BasicInterpolation()
        self.entries: list[Entry] = []
        self._section_vars: dict[str, dict[str, str]] = {}

    def _vars(self, section: str) -> dict[str, str]:
        # Once per section, not per value: the parser does not change after reading,
        # and rebuilding the dict for every line made a long section quadratic.
        found = self._section_vars.get(section)
        if found is None:
            found = self._section_vars[section] = dict(self.parser.items(section, raw=True))
        return found

    def _interpolate(self, section: str, option: IniOption, raw: str) -> str:
        try:
            return self.interpolation.before_get(
                self.parser, section, option.key, raw, self._vars(section)
            )
        except configparser.Error as error:
            message = str(error).splitlines()[0]
            raise InputError(
                self.ini.path,
                f"[{section}] {option.key}: {message}",
                line=option.line,
                hint="write a literal % as %% (setup.cfg values are interpolated)",
            ) from error

    def value(self, section: str, option: IniOption) -> str:
        return self._interpolate(section, option, option.value)

    def lines(self, section: str, option: IniOption) -> list[tuple[str, tuple[str, ...], int]]:
        """Each value line, interpolated, with the comments above it and its line number."""
        if "%" in option.value:
            # setuptools interpolates the whole value, then splits it: a reference to a
            # multi-line option brings several lines.
            expanded = [
                line.strip() for line in self.value(section, option).splitlines() if line.strip()
            ]
            if len(expanded) != len(option.lines):
                return [(text, (), option.line) for text in expanded]
            return [
                (text, line.comments, line.line)
                for text, line in zip(expanded, option.lines, strict=True)
            ]
        return [
            (self._interpolate(section, option, line.text), line.comments, line.line)
            for line in option.lines
        ]

    def record(
        self,
        section: str,
        option: IniOption,
        action: Action,
        target: str = "",
        reason: str = "",
    ) -> None:
        source = Location(self.ini.path, option.line, section, option.key)
        if "%" in option.value and action in (Action.MAPPED, Action.TRANSFORMED):
            expanded = "%-interpolation expanded as setuptools does"
            reason = f"{reason}; {expanded}" if reason else expanded
            action = Action.TRANSFORMED
        self.entries.append(Entry(source, action, target, reason))


def list_items(reader: Reader, section: str, option: IniOption, separator: str = ",") -> list[Item]:
    """setuptools' ``_parse_list``: newline-separated if multi-line, else *separator*."""
    if "\n" not in option.value:
        value = reader.value(section, option)
        parts = [part.strip() for part in value.split(separator)]
        return [Item(part) for part in parts if part]
    result = []
    for text, comments, _ in reader.lines(section, option):
        if text.strip():
            result.append(Item(text.strip(), comments))
    return result


def ambiguous_marker(parts: list[str]) -> bool:
    """setuptools refuses ``a; python_version<"3.8"`` on one line (two requirements)."""
    if len(parts) != 2:
        return False
    return any(parts[1].startswith(marker) for marker in default_environment())


def requirements(reader: Reader, section: str, option: IniOption) -> list[Item]:
    """setuptools' requirement lists: ``;``-split, `` #`` dropped, ``\\`` joined."""
    if "\n" not in option.value:
        value = reader.value(section, option)
        parts = [part.strip() for part in value.split(";") if part.strip()]
        if ambiguous_marker(parts):
            raise InputError(
                reader.ini.path,
                f"[{section}] {option.key}: {value.strip()!r} is two requirements to "
                "setuptools (`;` separates them on one line), not one with a marker",
                line=option.line,
                hint="put the requirement on its own indented line below the key",
            )
        raw = [(part, option.comments, option.line) for part in parts]
        comments_first = False
    else:
        raw = reader.lines(section, option)
        comments_first = True
    result: list[Item] = []
    pending = ""
    pending_comments: tuple[str, ...] = ()
    for text, comments, line in raw:
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        requirement, _, inline = stripped.partition(" #")
        requirement = requirement.rstrip()
        if pending:
            requirement = pending + requirement
            comments = pending_comments + comments
        if requirement.endswith("\\"):
            # jaraco.text.join_continuation drops the character before the backslash too.
            pending, pending_comments = requirement[:-2].strip(), comments
            continue
        pending, pending_comments = "", ()
        try:
            Requirement(requirement)
        except InvalidRequirement as error:
            raise InputError(
                reader.ini.path,
                f"[{section}] {option.key}: invalid requirement {requirement!r}: "
                f"{str(error).splitlines()[0]}",
                line=line,
                hint="fix the PEP 508 requirement; setuptools refuses it too",
            ) from error
        result.append(
            Item(
                requirement, comments if comments_first else (), inline.strip().lstrip("#").strip()
            )
        )
    if pending:
        reader.record(
            section,
            option,
            Action.DROPPED,
            "",
            f"{pending!r}: its line ends in `\\` with no line after it, so setuptools drops it"
            " (jaraco.text.join_continuation); left out as well",
        )
    return result


def dict_lines(reader: Reader, section: str, option: IniOption) -> list[tuple[str, str]]:
    """setuptools' ``_parse_dict``: ``key = value`` lines (split on the first ``=``)."""
    pairs = []
    for item in list_items(reader, section, option):
        assert isinstance(item.value, str)
        key, sep, value = item.value.partition("=")
        if not sep:
            raise InputError(
                reader.ini.path,
                f"[{section}] {option.key}: expected `key = value`, got {item.value!r}",
                line=option.line,
                hint="write one `key = value` pair per line",
            )
        pairs.append((key.strip(), value.strip()))
    return pairs


def file_directive(value: str) -> list[str] | None:
    """``file: a, b`` -> ``["a", "b"]``; anything else -> None."""
    stripped = value.strip()
    if not stripped.startswith("file:"):
        return None
    return [part.strip() for part in stripped[len("file:") :].split(",") if part.strip()]


def one_or_many(files: list[str]) -> Scalar | list[Scalar]:
    return files[0] if len(files) == 1 else list(files)


def options_by_key(
    reader: Reader, section: IniSection, aliases: dict[str, str]
) -> dict[str, IniOption]:
    found: dict[str, IniOption] = {}
    for option in section.options:
        key = option.key.replace("-", "_").lower()
        key = aliases.get(key, key)
        if key in found:
            # setuptools keeps the first ("Already inhabited. Skipping.").
            reader.record(
                section.name,
                option,
                Action.DROPPED,
                reason=f"setuptools reads it as `{key}`, already given as `{found[key].key}` "
                f"on line {found[key].line}, and keeps that first one",
            )
            continue
        found[key] = option
    return found
