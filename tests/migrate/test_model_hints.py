"""The model's tool hints write a value as the tool writer wrote it, byte for byte.

Issue #11 moved the tool mappers onto `model.Table` and their writing onto the one
renderer: with ``Quote.BASIC``/``Quote.LITERAL`` and ``Fit.LINE_88`` it gives the bytes
the tool writer's own tomlkit items gave (the expected texts were taken from them before
they went), and the defaults keep packaging's own rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from setsquare.migrate.model import Field, Fit, Item, Quote, Table, assignment, render


def _field(key: str, value: Any, comments: dict[int, tuple[str, ...]], literal: bool) -> Field:
    if isinstance(value, list):
        value = [Item(v, comments.get(i, ())) for i, v in enumerate(value)]
    quote = Quote.LITERAL if literal else Quote.BASIC
    return Field(key, value, quote=quote, fit=Fit.LINE_88)


VALUES: list[Any] = [
    pytest.param("k", "plain", {}, False, 'k = "plain"\n', id="plain"),
    pytest.param("k", 'says "hi"', {}, False, 'k = "says \\"hi\\""\n', id="double-quote-basic"),
    pytest.param("k", 'says "hi"', {}, True, "k = 'says \"hi\"'\n", id="double-quote-literal"),
    pytest.param("k", "it's", {}, True, 'k = "it\'s"\n', id="apostrophe-literal-falls-back"),
    pytest.param("k", r"\d+\.py$", {}, True, "k = '\\d+\\.py$'\n", id="regex-literal"),
    pytest.param("k", r"\d+\.py$", {}, False, 'k = "\\\\d+\\\\.py$"\n', id="regex-basic"),
    pytest.param(
        "k", "tab\there", {}, True, 'k = "tab\\there"\n', id="unprintable-literal-falls-back"
    ),
    pytest.param("k", "a\nb", {}, False, 'k = """a\nb"""\n', id="multi-line-basic"),
    pytest.param("k", "a\n\\d", {}, True, "k = '''a\n\\d'''\n", id="multi-line-literal"),
    pytest.param(
        "k", "a\n'''b", {}, True, 'k = """a\n\'\'\'b"""\n', id="multi-line-with-triple-quotes"
    ),
    pytest.param("k", 3, {}, False, "k = 3\n", id="int"),
    pytest.param("k", 2.5, {}, False, "k = 2.5\n", id="float"),
    pytest.param("k", True, {}, False, "k = true\n", id="bool"),
    pytest.param("k", [], {}, False, "k = []\n", id="empty-list"),
    pytest.param("k", [1, 2], {}, False, "k = [1, 2]\n", id="int-list"),
    pytest.param("select", ["E", "W"], {}, False, 'select = ["E", "W"]\n', id="short-list"),
    # "a-key = " and 80 characters of list: the tool writer's 88.
    pytest.param(
        "a-key",
        ["x" * 36, "y" * 36],
        {},
        False,
        f'a-key = ["{"x" * 36}", "{"y" * 36}"]\n',
        id="list-at-88",
    ),
    pytest.param(
        "a-key",
        ["x" * 36, "y" * 37],
        {},
        False,
        f'a-key = [\n    "{"x" * 36}",\n    "{"y" * 37}",\n]\n',
        id="list-at-89-breaks",
    ),
    pytest.param(
        "the key",
        ["x" * 36, "y" * 34],
        {},
        False,
        f'"the key" = ["{"x" * 36}", "{"y" * 34}"]\n',
        id="quoted-key-counts-unquoted",
    ),
    pytest.param(
        "k",
        ["a", "b"],
        {1: ("why b",)},
        False,
        'k = [\n    "a",\n    # why b\n    "b",\n]\n',
        id="element-comments",
    ),
    pytest.param(
        "k",
        ["a", "b"],
        {0: ("one", "two")},
        True,
        "k = [\n    # one\n    # two\n    'a',\n    'b',\n]\n",
        id="element-comments-literal",
    ),
    pytest.param(
        "k",
        ["a", "b\nc"],
        {},
        False,
        'k = [\n    "a",\n    """b\nc""",\n]\n',
        id="multi-line-element",
    ),
    pytest.param(
        "k",
        [r"\bTODO\b", 'say "x"'],
        {},
        True,
        "k = ['\\bTODO\\b', 'say \"x\"']\n",
        id="regex-list-literal",
    ),
]


@pytest.mark.parametrize(("key", "value", "comments", "literal", "expected"), VALUES)
def test_tool_hints_render_as_the_tool_writer_did(
    key: str, value: Any, comments: dict[int, tuple[str, ...]], literal: bool, expected: str
) -> None:
    assert assignment(_field(key, value, comments, literal)) + "\n" == expected


def test_a_tool_table_renders_as_the_tool_writer_built_it() -> None:
    entry = _field("exclude", ["a", "b"], {0: ("generated",)}, False)
    table = Table(("tool", "x"), [entry], comments=("from setup.cfg",))
    expected = '[tool.x]\n# from setup.cfg\nexclude = [\n    # generated\n    "a",\n    "b",\n]\n'
    assert render([table]) == expected


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
