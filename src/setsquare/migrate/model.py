"""What a mapper produces: TOML tables with comments, rendered to text for tomlkit.

The mappers describe their output as `Table`s of `Field`s; lists carry an `Item`
per element so each can keep the comments written above it and beside it in the
legacy file. Rendering to TOML text and parsing it with tomlkit gives a document
whose comments sit where a person would put them; `writer` then splices it into
the existing pyproject.toml.

The tool mappers build this model too, written by the same writer (issue #11):
`Quote`, `Fit`, `Fact`, `Field.section` and `Table.array` carry what they need, and
their defaults are the packaging behaviour, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeAlias

import tomlkit

from setsquare.migrate.ledger import Action

if TYPE_CHECKING:
    from collections.abc import Iterable

    from setsquare.migrate.ledger import Location

Scalar: TypeAlias = str | bool | int | float
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


class Quote(Enum):
    """How a string is written: each is what the packaging or the tool mappers' output had
    before their two writers became one (issue #11), kept byte for byte."""

    #: packaging: ``'...'`` when that spares escaping a ``"`` (markers), else ``"..."``
    AUTO = "auto"
    #: tools: ``"..."``, a multi-line value as ``"""..."""``
    BASIC = "basic"
    #: tools' regexes: ``'...'`` (no backslash doubling) wherever TOML allows it
    LITERAL = "literal"


class Fit(Enum):
    """When a list stays on one line (else one element a line)."""

    #: packaging: the ``[...]`` itself is at most 80 characters
    VALUE_80 = "value-80"
    #: tools: ``key = [...]`` is at most 88 characters and no element spans lines
    LINE_88 = "line-88"


@dataclass(frozen=True)
class Fact:
    """The ledger line writing a field yields (the tool mappers state it per key)."""

    source: Location
    action: Action = Action.MOVED
    reason: str = ""


#: (file, INI section): what a conflict holds back as a whole
Section: TypeAlias = tuple[str, str]


@dataclass(frozen=True)
class Field:
    key: str
    value: Value
    comments: tuple[str, ...] = ()
    #: Where the value came from (``setup.cfg:12``), for conflict messages.
    origin: Location | None = None
    quote: Quote = Quote.AUTO
    fit: Fit = Fit.VALUE_80
    #: the ledger line for writing it; None: the mapper wrote its entries itself
    fact: Fact | None = None
    section: Section | None = None


def fact_of(entry: Field) -> Fact:
    """The ledger line of a field of a unit that holds back: it writes none without it."""
    if entry.fact is None:
        msg = f"a tool's field states its ledger fact: {entry.key}"
        raise ValueError(msg)
    return entry.fact


def section_of(entry: Field) -> Section:
    """The (file, INI section) a conflict over *entry* holds back."""
    if entry.section is None:
        msg = f"a tool's field states the section a conflict holds back: {entry.key}"
        raise ValueError(msg)
    return entry.section


@dataclass
class Table:
    """``[a.b]``: *name* is the key path; fields keep their insertion order."""

    name: tuple[str, ...]
    fields: list[Field] = field(default_factory=list)
    comments: tuple[str, ...] = ()
    #: one ``[[a.b]]`` element of an array of tables
    array: bool = False

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


def _string(value: str, quote: Quote) -> str:
    if quote is Quote.AUTO:
        if '"' in value and "'" not in value and value.isprintable():
            # Markers read better unescaped: 'pkg; python_version < "3.11"'.
            return tomlkit.string(value, literal=True).as_string()
        return tomlkit.item(value).as_string()
    literal = quote is Quote.LITERAL
    if "\n" in value:
        usable = literal and "'''" not in value
        return tomlkit.string(value, multiline=True, literal=usable).as_string()
    if literal and "'" not in value and value.isprintable():
        return tomlkit.string(value, literal=True).as_string()
    return tomlkit.item(value).as_string()


def _scalar(value: Scalar | Inline | list[Scalar], quote: Quote = Quote.AUTO) -> str:
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        table.update(value)
        return table.as_string()
    if isinstance(value, str):
        return _string(value, quote)
    return tomlkit.item(value).as_string()


def _fits(key: str, inline: str, value: list[Item], fit: Fit) -> bool:
    if fit is Fit.VALUE_80:
        return len(inline) <= 80
    # As the tools' output always was: the unquoted key counts, multi-line strings break.
    return len(key) + len(inline) + 3 <= 88 and not any("\n" in str(i.value) for i in value)


def _value(value: Value, quote: Quote = Quote.AUTO, fit: Fit = Fit.VALUE_80, key: str = "") -> str:
    if not isinstance(value, list):
        return _scalar(value, quote)
    if not value:
        return "[]"
    if all(not item.comments and not item.inline and not item.gap for item in value[1:]) and (
        not value[0].comments and not value[0].inline
    ):
        inline = "[" + ", ".join(_scalar(item.value, quote) for item in value) + "]"
        if _fits(key, inline, value, fit):
            return inline
    lines = ["["]
    for index, item in enumerate(value):
        if item.gap and index:
            lines.append("")
        lines.extend(_comment_lines(item.comments, "    "))
        trailing = f"  # {item.inline}" if item.inline else ""
        lines.append(f"    {_scalar(item.value, quote)},{trailing}")
    lines.append("]")
    return "\n".join(lines)


def assignment(entry: Field) -> str:
    """``key = value`` for *entry*, as its hints say (the comments above it apart)."""
    value = _value(entry.value, entry.quote, entry.fit, entry.key)
    return f"{tomlkit.key(entry.key).as_string()} = {value}"


def key_path(name: tuple[str, ...]) -> str:
    return ".".join(tomlkit.key(part).as_string() for part in name)


def _has_sub_tables(table: Table, tables: list[Table]) -> bool:
    depth = len(table.name)
    return any(len(t.name) > depth and t.name[:depth] == table.name for t in tables)


def render(tables: Iterable[Table], *, empty: bool = False) -> str:
    """TOML text for *tables*.

    A table without fields is left out, unless *empty* and none of *tables* is under it:
    then its header says it is there (a header above sub-tables only says they are).
    """
    chunks: list[str] = []
    tables = list(tables)
    for table in tables:
        if not table.fields and (not empty or _has_sub_tables(table, tables)):
            continue
        # A table's comments go right under its header: tomlkit keeps comments above a
        # header with the table before it, where the writer could not find them.
        header = f"[[{key_path(table.name)}]]" if table.array else f"[{key_path(table.name)}]"
        lines = [header, *_comment_lines(table.comments)]
        for entry in table.fields:
            lines.extend(_comment_lines(entry.comments))
            lines.append(assignment(entry))
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n" if chunks else ""


def plain(value: Value) -> object:
    """The data a field holds, without comments: what TOML parsers will see."""
    if isinstance(value, list):
        return [item.value for item in value]
    return value


def values(table: Table) -> dict[str, object]:
    return {entry.key: plain(entry.value) for entry in table.fields}


def data_under(tables: Iterable[Table], root: tuple[str, ...]) -> dict[str, object]:
    """The plain data *tables* would put under *root*, as a TOML reader would see it."""
    tree: dict[str, Any] = {}
    for table in tables:
        relative = table.name[len(root) :]
        if table.name[: len(root)] != root:
            continue
        if not relative:
            tree.update(values(table))
            continue
        node = tree
        for part in relative[:-1]:
            node = node.setdefault(part, {})
        if table.array:
            node.setdefault(relative[-1], []).append(values(table))
        else:
            node.setdefault(relative[-1], {}).update(values(table))
    return tree
