"""The tool writer's tomlkit items: its quoting and its one-line-or-one-per-line lists.

`tools.plan.apply` writes what these build. The one model (`fragment`) renders the
same bytes with ``Quote.BASIC``/``Quote.LITERAL`` and ``Fit.LINE_88``
(``tests/migrate/test_fragment_hints.py``); this goes when the tools write through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import tomlkit

if TYPE_CHECKING:
    from tomlkit.items import Item, Table

    from setsquare.migrate.tools.plan import Setting, TablePlan

_INLINE_WIDTH = 88


def _string(value: str, *, literal: bool) -> Item:
    if "\n" in value:
        usable = literal and "'''" not in value
        return tomlkit.string(value, multiline=True, literal=usable)
    if literal and "'" not in value and value.isprintable():
        return tomlkit.string(value, literal=True)
    return tomlkit.item(value)


def item_of(setting: Setting) -> Item:
    value = setting.value
    if isinstance(value, str):
        return _string(value, literal=setting.literal)
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(
            _string(v, literal=setting.literal) if isinstance(v, str) else v for v in value
        )
        # One line while it fits comfortably; one element a line (with comments) otherwise.
        fits = len(setting.key) + len(array.as_string()) + 3 <= _INLINE_WIDTH
        if fits and not setting.element_comments and not any("\n" in str(v) for v in value):
            return array
        array = tomlkit.array()
        for index, element in enumerate(value):
            for comment in setting.element_comments.get(index, ()):
                array.add_line(comment=comment)
            array.add_line(_string(element, literal=setting.literal))
        array.add_line(indent="")
        return array
    item: Item = tomlkit.item(value)
    return item


def new_table(plan: TablePlan) -> Table:
    table = tomlkit.table()
    for comment in plan.comments:
        table.add(tomlkit.comment(comment))
    for setting in plan.settings:
        for comment in setting.comments:
            table.add(tomlkit.comment(comment))
        table.add(setting.key, item_of(setting))
    return table
