"""Turn INI option text into typed values, the way each tool splits it, keeping comments."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Location
from setsquare.migrate.model import Fact, Field, Fit, Item, Quote

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniFile, IniOption, IniSection
    from setsquare.migrate.tools.plan import Origin

Splitter = Callable[[str], list[str]]

_TRUE = frozenset({"1", "yes", "true", "on"})
_FALSE = frozenset({"0", "no", "false", "off"})


#: where an INI inline comment starts: ``#`` or ``;`` first or after whitespace
_INLINE_COMMENT = re.compile(r"(?:^|\s)[#;]")


def inline_comment(text: str) -> tuple[str, str]:
    """*text* without a trailing ``  # comment``, and the comment's text ("" if none).

    configparser keeps such a comment in the value unless told otherwise (flake8 does
    not tell it), so each tool decides what the words mean; this only finds them.
    """
    match = _INLINE_COMMENT.search(text)
    if match is None:
        return text, ""
    return text[: match.start()], text[match.end() :].strip()


def commas(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def commas_or_space(text: str) -> list[str]:
    """flake8's `parse_comma_separated_list`: commas and whitespace both separate."""
    return [part for part in re.split(r"[,\s]+", text) if part]


def lines(text: str) -> list[str]:
    return [text.strip()] if text.strip() else []


def args(text: str) -> list[str]:
    return shlex.split(text)


def commas_or_lines(text: str) -> list[str]:
    """coverage.py's `getlist`: commas and newlines separate."""
    return commas(text)


@dataclass(frozen=True)
class ListValue:
    items: list[str]
    element_comments: dict[int, tuple[str, ...]] = field(default_factory=dict)


def split_option(option: IniOption, split: Splitter) -> ListValue:
    """Split *option* line by line so each comment stays above the element it annotates."""
    items: list[str] = []
    comments: dict[int, tuple[str, ...]] = {}
    for line in option.lines:
        parts = split(line.text)
        if line.comments and parts:
            comments[len(items)] = line.comments
        items.extend(parts)
    return ListValue(items, comments)


def boolean(option: IniOption, path: str) -> bool:
    """configparser's `getboolean`, with the file and line when the value is not a boolean."""
    text = option.value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(
        path,
        f"`{option.key}` must be a boolean (true/false), not {option.value.strip()!r}",
        line=option.line,
        hint="use true or false; the tool reading this file refuses the value too",
    )


def looks_boolean(text: str) -> bool:
    return text.strip().lower() in {"true", "false", "yes", "no", "on", "off"}


def number(option: IniOption, path: str, kind: type[int] | type[float] = int) -> int | float:
    try:
        return kind(option.value.strip())
    except ValueError:
        raise InputError(
            path,
            f"`{option.key}` must be a number, not {option.value.strip()!r}",
            line=option.line,
            hint="write a plain number; the tool reading this file refuses the value too",
        ) from None


_KINDS = {bool: "a boolean", int: "an integer", str: "a string", list: "an array"}


def expect(table: str, key: str, value: Any, kind: type) -> Any:
    """*value* of ``[table] key`` in pyproject.toml, refused unless it is of *kind*."""
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is list and ok:
        ok = all(isinstance(item, str) for item in value)
    if not ok:
        raise InputError(
            "pyproject.toml",
            f"[{table}] `{key}` must be {_KINDS[kind]}, not {value!r}",
            hint="the tool reading this table refuses the value too",
        )
    return value


def tool_field(
    key: str,
    value: Any,
    source: Location,
    origin: Origin,
    action: Action = Action.MOVED,
    reason: str = "",
    comments: tuple[str, ...] = (),
    literal: bool = False,
    element_comments: Mapping[int, tuple[str, ...]] | None = None,
) -> Field:
    """A field as the tool mappers state it: basic (or literal) strings, lists fit to 88,
    the ledger line it yields and the (file, section) a conflict holds back.

    A list *value* is plain; *element_comments* go above its elements, by index.
    """
    if isinstance(value, list):
        above = element_comments or {}
        value = [Item(element, above.get(index, ())) for index, element in enumerate(value)]
    quote = Quote.LITERAL if literal else Quote.BASIC
    fact = Fact(source, action, reason)
    return Field(key, value, comments, source, quote, Fit.LINE_88, fact, origin)


@dataclass(frozen=True)
class Source:
    """One INI section being migrated: where its settings come from."""

    ini: IniFile
    section: IniSection

    @property
    def origin(self) -> Origin:
        return (self.ini.path, self.section.name)

    def where(self, option: IniOption) -> Location:
        return Location(self.ini.path, option.line, self.section.name, option.key)

    def whole(self) -> Location:
        return Location(self.ini.path, self.section.line, self.section.name)

    def field(
        self,
        option: IniOption,
        key: str,
        value: Any,
        *,
        action: Action = Action.MOVED,
        reason: str = "",
        literal: bool = False,
        element_comments: Mapping[int, tuple[str, ...]] | None = None,
    ) -> Field:
        """*option* as a field of the one model, as the tool mappers state it (`tool_field`)."""
        where, comments = self.where(option), option.comments
        return tool_field(
            key, value, where, self.origin, action, reason, comments, literal, element_comments
        )

    def list_field(
        self, option: IniOption, key: str, split: Splitter, *, literal: bool = False
    ) -> Field:
        value = self._split(option, split)
        return self.field(
            option, key, value.items, literal=literal, element_comments=value.element_comments
        )

    def _split(self, option: IniOption, split: Splitter) -> ListValue:
        try:
            return split_option(option, split)
        except ValueError as error:  # shlex: "No closing quotation"
            raise InputError(
                self.ini.path,
                f"cannot split `{option.key}` into words: {error}",
                line=option.line,
                hint="close the quote; the tool reading this file refuses the value too",
            ) from None
