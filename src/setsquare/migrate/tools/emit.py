"""The tool writer's tomlkit items: its quoting and its one-line-or-one-per-line lists.

`tools.plan.apply` writes what these build from a tool's `fragment.Field`s. The one
model's renderer (`fragment.render`) gives the same bytes for ``Quote.BASIC``/
``Quote.LITERAL`` and ``Fit.LINE_88`` (``tests/migrate/test_fragment_hints.py``); this
goes when the tools write through it (issue #11, step 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import tomlkit

from setsquare.migrate.fragment import Quote

if TYPE_CHECKING:
    from tomlkit.items import Item, Table

    from setsquare.migrate.fragment import Field
    from setsquare.migrate.fragment import Table as ToolTable

_INLINE_WIDTH = 88


def _string(value: str, *, literal: bool) -> Item:
    if "\n" in value:
        usable = literal and "'''" not in value
        return tomlkit.string(value, multiline=True, literal=usable)
    if literal and "'" not in value and value.isprintable():
        return tomlkit.string(value, literal=True)
    return tomlkit.item(value)


def item_of(entry: Field) -> Item:
    value = entry.value
    literal = entry.quote is Quote.LITERAL
    if isinstance(value, str):
        return _string(value, literal=literal)
    if isinstance(value, list):
        elements = [element.value for element in value]
        array = tomlkit.array()
        array.extend(_string(v, literal=literal) if isinstance(v, str) else v for v in elements)
        # One line while it fits comfortably; one element a line (with comments) otherwise.
        fits = len(entry.key) + len(array.as_string()) + 3 <= _INLINE_WIDTH
        commented = any(element.comments for element in value)
        if fits and not commented and not any("\n" in str(v) for v in elements):
            return array
        array = tomlkit.array()
        for element in value:
            for comment in element.comments:
                array.add_line(comment=comment)
            text = element.value
            array.add_line(_string(text, literal=literal) if isinstance(text, str) else text)
        array.add_line(indent="")
        return array
    item: Item = tomlkit.item(value)
    return item


def new_table(table: ToolTable) -> Table:
    built = tomlkit.table()
    for comment in table.comments:
        built.add(tomlkit.comment(comment))
    for entry in table.fields:
        for comment in entry.comments:
            built.add(tomlkit.comment(comment))
        built.add(entry.key, item_of(entry))
    return built
