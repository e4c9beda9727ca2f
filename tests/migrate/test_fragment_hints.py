"""The model's tool hints write a value as the tool writer (`tools.emit`) does, byte for byte.

Issue #11 moves the tool mappers onto `fragment.Table`; the packaging renderer with
``Quote.BASIC``/``Quote.LITERAL`` and ``Fit.LINE_88`` must then give the bytes
`tools.emit.item_of` gives, and the defaults must keep packaging's own rules.
"""

from __future__ import annotations

from typing import Any

import pytest
import tomlkit

from setsquare.migrate.fragment import Field, Fit, Item, Quote, Table, assignment, render
from setsquare.migrate.tools import emit


def _field(key: str, value: Any, comments: dict[int, tuple[str, ...]], literal: bool) -> Field:
    if isinstance(value, list):
        value = [Item(v, comments.get(i, ())) for i, v in enumerate(value)]
    quote = Quote.LITERAL if literal else Quote.BASIC
    return Field(key, value, quote=quote, fit=Fit.LINE_88)


def _tool_text(key: str, value: Any, comments: dict[int, tuple[str, ...]], literal: bool) -> str:
    doc = tomlkit.document()
    doc.add(key, emit.item_of(_field(key, value, comments, literal)))
    return doc.as_string()


VALUES: list[Any] = [
    pytest.param("k", "plain", {}, False, id="plain"),
    pytest.param("k", 'says "hi"', {}, False, id="double-quote-basic"),
    pytest.param("k", 'says "hi"', {}, True, id="double-quote-literal"),
    pytest.param("k", "it's", {}, True, id="apostrophe-literal-falls-back"),
    pytest.param("k", r"\d+\.py$", {}, True, id="regex-literal"),
    pytest.param("k", r"\d+\.py$", {}, False, id="regex-basic"),
    pytest.param("k", "tab\there", {}, True, id="unprintable-literal-falls-back"),
    pytest.param("k", "a\nb", {}, False, id="multi-line-basic"),
    pytest.param("k", "a\n\\d", {}, True, id="multi-line-literal"),
    pytest.param("k", "a\n'''b", {}, True, id="multi-line-with-triple-quotes"),
    pytest.param("k", 3, {}, False, id="int"),
    pytest.param("k", 2.5, {}, False, id="float"),
    pytest.param("k", True, {}, False, id="bool"),
    pytest.param("k", [], {}, False, id="empty-list"),
    pytest.param("k", [1, 2], {}, False, id="int-list"),
    pytest.param("select", ["E", "W"], {}, False, id="short-list"),
    # "a-key = " and 80 characters of list: the tool writer's 88.
    pytest.param("a-key", ["x" * 36, "y" * 36], {}, False, id="list-at-88"),
    pytest.param("a-key", ["x" * 36, "y" * 37], {}, False, id="list-at-89-breaks"),
    pytest.param("the key", ["x" * 36, "y" * 34], {}, False, id="quoted-key-counts-unquoted"),
    pytest.param("k", ["a", "b"], {1: ("why b",)}, False, id="element-comments"),
    pytest.param("k", ["a", "b"], {0: ("one", "two")}, True, id="element-comments-literal"),
    pytest.param("k", ["a", "b\nc"], {}, False, id="multi-line-element"),
    pytest.param("k", [r"\bTODO\b", 'say "x"'], {}, True, id="regex-list-literal"),
]


@pytest.mark.parametrize(("key", "value", "comments", "literal"), VALUES)
def test_tool_hints_render_as_the_tool_writer_does(
    key: str, value: Any, comments: dict[int, tuple[str, ...]], literal: bool
) -> None:
    expected = _tool_text(key, value, comments, literal)
    assert assignment(_field(key, value, comments, literal)) + "\n" == expected


def test_a_tool_table_renders_as_the_tool_writer_builds_it() -> None:
    entry = _field("exclude", ["a", "b"], {0: ("generated",)}, False)
    table = Table(("tool", "x"), [entry], comments=("from setup.cfg",))
    assert render([table]) == "[tool.x]\n" + emit.new_table(table).as_string()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            'pkg; python_version < "3.11"', "'pkg; python_version < \"3.11\"'", id="marker"
        ),
        pytest.param("a\nb", '"a\\nb"', id="multi-line-stays-one-line"),
        pytest.param(["x" * 36, "y" * 36], f'["{"x" * 36}", "{"y" * 36}"]', id="at-80"),
        pytest.param(
            ["x" * 36, "y" * 37], f'[\n    "{"x" * 36}",\n    "{"y" * 37}",\n]', id="over-80"
        ),
    ],
)
def test_the_defaults_are_packagings_rules(value: Any, expected: str) -> None:
    if isinstance(value, list):
        value = [Item(v) for v in value]
    assert assignment(Field("k", value)) == f"k = {expected}"


def test_an_array_table_has_a_double_bracket_header() -> None:
    tables = [Table(("tool", "mypy", "overrides"), [Field("module", "a")], array=True)] * 2
    expected = '[[tool.mypy.overrides]]\nmodule = "a"\n'
    assert render(tables) == expected + "\n" + expected
