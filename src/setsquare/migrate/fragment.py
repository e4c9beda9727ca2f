"""What a mapper produces: TOML tables with comments, rendered to text for tomlkit.

The mappers describe their output as `Table`s of `Field`s; lists carry an `Item`
per element so each can keep the comments written above it and beside it in the
legacy file. Rendering to TOML text and parsing it with tomlkit gives a document
whose comments sit where a person would put them; `merge` then splices it into
the existing pyproject.toml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

import tomlkit

if TYPE_CHECKING:
    from collections.abc import Iterable

    from setsquare.migrate.ledger import Location

Scalar: TypeAlias = str | bool | int
#: An inline table: values are scalars or lists of scalars.
Inline: TypeAlias = dict[str, Scalar | list[Scalar]]


@dataclass(frozen=True)
class Item:
    """One list element, with the comment lines above it and a trailing comment."""

    value: Scalar | Inline
    comments: tuple[str, ...] = ()
    inline: str = ""
    #: a blank line above it (and its comments) in the legacy file: a group starts here
    gap: bool = False


Value: TypeAlias = Scalar | Inline | list[Item]


@dataclass(frozen=True)
class Field:
    key: str
    value: Value
    comments: tuple[str, ...] = ()
    #: Where the value came from (``setup.cfg:12``), for conflict messages.
    origin: Location | None = None


@dataclass
class Table:
    """``[a.b]``: *name* is the key path; fields keep their insertion order."""

    name: tuple[str, ...]
    fields: list[Field] = field(default_factory=list)
    comments: tuple[str, ...] = ()

    def add(
        self,
        key: str,
        value: Value,
        *,
        comments: Iterable[str] = (),
        origin: Location | None = None,
    ) -> None:
        self.fields.append(Field(key, value, tuple(comments), origin))

    def get(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


def items(values: Iterable[Scalar]) -> list[Item]:
    """A list without comments."""
    return [Item(value) for value in values]


def _comment_lines(comments: Iterable[str], indent: str = "") -> list[str]:
    return [f"{indent}# {text}".rstrip() for text in comments]


def _scalar(value: Scalar | Inline | list[Scalar]) -> str:
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        table.update(value)
        return table.as_string()
    if isinstance(value, str) and '"' in value and "'" not in value and value.isprintable():
        # Markers read better unescaped: 'pkg; python_version < "3.11"'.
        return tomlkit.string(value, literal=True).as_string()
    return tomlkit.item(value).as_string()


def _value(value: Value) -> str:
    if not isinstance(value, list):
        return _scalar(value)
    if not value:
        return "[]"
    if all(not item.comments and not item.inline and not item.gap for item in value[1:]) and (
        not value[0].comments and not value[0].inline
    ):
        inline = "[" + ", ".join(_scalar(item.value) for item in value) + "]"
        if len(inline) <= 80:
            return inline
    lines = ["["]
    for index, item in enumerate(value):
        if item.gap and index:
            lines.append("")
        lines.extend(_comment_lines(item.comments, "    "))
        trailing = f"  # {item.inline}" if item.inline else ""
        lines.append(f"    {_scalar(item.value)},{trailing}")
    lines.append("]")
    return "\n".join(lines)


def key_path(name: tuple[str, ...]) -> str:
    return ".".join(tomlkit.key(part).as_string() for part in name)


def render(tables: Iterable[Table], header: Iterable[str] = ()) -> str:
    """TOML text for *tables* (empty tables are left out), *header* comments first."""
    chunks: list[str] = []
    head = _comment_lines(header)
    if head:
        chunks.append("\n".join(head))
    for table in tables:
        if not table.fields:
            continue
        # A table's comments go right under its header: tomlkit keeps comments above a
        # header with the table before it, where a merge could not find them.
        lines = [f"[{key_path(table.name)}]", *_comment_lines(table.comments)]
        for entry in table.fields:
            lines.extend(_comment_lines(entry.comments))
            lines.append(f"{tomlkit.key(entry.key).as_string()} = {_value(entry.value)}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n" if chunks else ""


def plain(value: Value) -> object:
    """The data a field holds, without comments: what TOML parsers will see."""
    if isinstance(value, list):
        return [item.value for item in value]
    return value
