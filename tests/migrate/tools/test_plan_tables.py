"""`apply` takes the one model's `fragment.Table` (issue #11) and writes it as its own plans."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.migrate.fragment import Fact, Field, Fit, Item, Quote, Table, Value
from setsquare.migrate.ledger import Action, Location
from setsquare.migrate.tools.plan import Setting, TablePlan, apply, as_plan, data_under

_WHERE = Location("mypy.ini", 3, "mypy-a.*", "strict")
_SECTION = ("mypy.ini", "mypy-a.*")


def _field(key: str, value: Value, quote: Quote = Quote.BASIC) -> Field:
    fact = Fact(_WHERE, Action.TRANSFORMED, "why")
    return Field(key, value, ("above",), _WHERE, quote, Fit.LINE_88, fact, _SECTION)


TABLE = Table(
    ("tool", "mypy", "overrides"),
    [
        _field("module", [Item("a.*", ("first",)), Item("b")]),
        _field("exclude", r"\.py$", Quote.LITERAL),
    ],
    ("from [mypy-a.*]",),
    array=True,
)
PLAN = TablePlan(
    ("tool", "mypy", "overrides"),
    (
        Setting(
            "module",
            ["a.*", "b"],
            _WHERE,
            _SECTION,
            Action.TRANSFORMED,
            "why",
            ("above",),
            {0: ("first",)},
        ),
        Setting(
            "exclude",
            r"\.py$",
            _WHERE,
            _SECTION,
            Action.TRANSFORMED,
            "why",
            ("above",),
            literal=True,
        ),
    ),
    ("from [mypy-a.*]",),
    array=True,
)


def test_a_table_is_written_as_its_plan_would_be() -> None:
    assert as_plan(TABLE) == PLAN
    from_table, from_plan = tomlkit.document(), tomlkit.document()
    assert apply(from_table, [TABLE]) == apply(from_plan, [PLAN])
    assert from_table.as_string() == from_plan.as_string()
    assert data_under([TABLE], ("tool", "mypy")) == data_under([PLAN], ("tool", "mypy"))


@pytest.mark.parametrize(
    "field",
    [
        pytest.param(Field("k", "v", fact=Fact(_WHERE), section=_SECTION), id="packaging-quoting"),
        pytest.param(Field("k", "v", quote=Quote.BASIC, section=_SECTION), id="no-ledger-fact"),
        pytest.param(Field("k", "v", quote=Quote.BASIC, fact=Fact(_WHERE)), id="no-section"),
        pytest.param(
            Field(
                "k",
                [Item("v", inline="x")],
                quote=Quote.BASIC,
                fit=Fit.LINE_88,
                fact=Fact(_WHERE),
                section=_SECTION,
            ),
            id="inline-comment",
        ),
        pytest.param(
            Field("k", [Item("v")], quote=Quote.BASIC, fact=Fact(_WHERE), section=_SECTION),
            id="packaging-list-width",
        ),
    ],
)
def test_what_the_tool_writer_cannot_write_is_refused(field: Field) -> None:
    with pytest.raises(ValueError, match="tool"):
        as_plan(Table(("tool", "x"), [field]))
