"""The types a parsed TOML or YAML document must have where its readers look, and where a key is.

A spec is a tree of `Table`, `Array`, `Kind` and `Either`; `problem` walks a
value against it and returns the first place it does not fit, as a key path
and a sentence. `toml_line` and `yaml_line` turn a key path into a line number.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    import yaml

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Kind:
    """A scalar of one of *types*."""

    types: tuple[type, ...]
    name: str


@dataclass(frozen=True)
class Table:
    """A table (a YAML mapping): *fields* by key, *each* for every other key."""

    fields: Mapping[str, Spec] = field(default_factory=dict)
    each: Spec | None = None
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class Array:
    """An array (a YAML list) of *item*."""

    item: Spec | None = None


@dataclass(frozen=True)
class Either:
    options: tuple[Spec, ...]


Spec = Kind | Table | Array | Either

STR = Kind((str,), "a string")
BOOL = Kind((bool,), "a boolean")
ANY_TABLE = Table()
STRINGS = Array(STR)

#: How each format names its containers.
TOML_WORDS = {"table": "a table", "array": "an array"}
YAML_WORDS = {"table": "a mapping", "array": "a list"}


@dataclass(frozen=True)
class Problem:
    path: KeyPath
    message: str


def problem(value: Any, spec: Spec, words: Mapping[str, str], path: KeyPath = ()) -> Problem | None:
    """The first place in *value* that does not fit *spec*, or None."""
    if not _fits(value, spec):
        expected = describe(spec, words)
        actual = describe_value(value, words)
        where = f"`{dotted(path)}`" if path else "the file"
        return Problem(path, f"{where} must be {expected}, not {actual}")
    if isinstance(spec, Either):
        fitting = next(option for option in spec.options if _fits(value, option))
        return problem(value, fitting, words, path)
    if isinstance(spec, Table):
        for key in spec.required:
            if key not in value:
                where = f"`{dotted(path)}`" if path else "the file"
                return Problem(path, f"{where} has no `{key}`")
        for key, item in value.items():
            inner = spec.fields.get(key, spec.each) if isinstance(key, str) else spec.each
            found = None if inner is None else problem(item, inner, words, (*path, str(key)))
            if found is not None:
                return found
    if isinstance(spec, Array) and spec.item is not None:
        for index, item in enumerate(value):
            found = problem(item, spec.item, words, (*path, index))
            if found is not None:
                return found
    return None


def _fits(value: Any, spec: Spec) -> bool:
    if isinstance(spec, Either):
        return any(_fits(value, option) for option in spec.options)
    if isinstance(spec, Table):
        return isinstance(value, dict)
    if isinstance(spec, Array):
        return isinstance(value, list)
    if isinstance(value, bool) and bool not in spec.types:
        return False
    return isinstance(value, spec.types)


def describe(spec: Spec, words: Mapping[str, str]) -> str:
    if isinstance(spec, Either):
        return " or ".join(describe(option, words) for option in spec.options)
    if isinstance(spec, Table):
        return words["table"]
    if isinstance(spec, Array):
        return words["array"]
    return spec.name


def describe_value(value: Any, words: Mapping[str, str]) -> str:
    if isinstance(value, dict):
        return words["table"]
    if isinstance(value, list):
        return words["array"]
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, (datetime.date, datetime.time)):
        return "a date or time"
    return "a string" if isinstance(value, str) else type(value).__name__


_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")


def dotted(path: KeyPath) -> str:
    """*path* as a reader writes it: `project.authors[0].name`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            shown = part if _BARE.match(part) else f'"{part}"'
            text += f".{shown}" if text else shown
    return text


# A key of a `key = value` line or of a `[table]` header, dotted or quoted.
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_KEY = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"\s*\[\[?\s*(?P<key>{_KEY})\s*\]\]?")
_ASSIGN = re.compile(rf"\s*(?P<key>{_KEY})\s*=")


def _key_parts(text: str) -> tuple[str, ...]:
    parts = re.findall(_KEY_PART, text)
    return tuple(part[1:-1] if part[:1] in "\"'" else part for part in parts)


def toml_line(text: str, path: KeyPath) -> int | None:
    """The line that sets the deepest key of *path* found in *text* (a best effort)."""
    keys = tuple(part for part in path if isinstance(part, str))
    best, best_line = 0, None
    table: tuple[str, ...] = ()
    in_string = False
    for number, line in enumerate(text.splitlines(), 1):
        # Lines inside a multi-line string are not keys.
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        if quotes % 2:
            in_string = True
        header = _HEADER.match(line)
        assign = None if header else _ASSIGN.match(line)
        if header:
            table = full = _key_parts(header["key"])
        elif assign:
            full = table + _key_parts(assign["key"])
        else:
            continue
        depth = 0
        while depth < min(len(full), len(keys)) and full[depth] == keys[depth]:
            depth += 1
        if depth > best:
            best, best_line = depth, number
    return best_line


def yaml_line(node: yaml.Node | None, path: KeyPath) -> int | None:
    """The line of the deepest part of *path* in the composed YAML *node*."""
    import yaml  # only where YAML is read: migrate's TOML-only paths skip its import

    line = None if node is None else node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            entry = next(((k, v) for k, v in node.value if str(k.value) == part), None)
            if entry is None:
                break
            line, node = entry[0].start_mark.line + 1, entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
