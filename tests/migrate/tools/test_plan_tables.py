"""A tool's `model.Table`s (issue #11) written: their bytes as the tool writer wrote
them, their ledger facts (`policy.decide`), and what a unit that holds back requires."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Fact, Field, Fit, Item, Quote, Table, Value, data_under
from setsquare.migrate.policy import decide
from setsquare.migrate.tools.plan import ToolPlan, apply, tool_unit

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
#: what the tool writer built for TABLE before mappers handed it `model.Table`s
ELEMENT = """[[tool.mypy.overrides]]
# from [mypy-a.*]
# above
module = [
    # first
    "a.*",
    "b",
]
# above
exclude = '\\.py$'
"""


def test_a_table_is_written_as_the_tool_writer_wrote_its_plan() -> None:
    doc = tomlkit.document()
    outcome = apply(doc, [TABLE, TABLE])
    assert doc.as_string() == ELEMENT + "\n" + ELEMENT
    written = [
        Entry(_WHERE, Action.TRANSFORMED, f"[tool.mypy.overrides] {key}", "why")
        for key in ("module", "exclude")
    ]
    assert outcome.entries == written * 2
    assert not outcome.blocked
    assert data_under([TABLE], ("tool", "mypy")) == {
        "overrides": [{"module": ["a.*", "b"], "exclude": r"\.py$"}]
    }


def test_a_table_already_there_counts_as_moved() -> None:
    doc = tomlkit.parse(ELEMENT + "\n" + ELEMENT)
    verdict = decide(doc, tool_unit("mypy", ToolPlan([TABLE, TABLE])))
    reasons = {entry.reason for entry in verdict.entries}
    assert reasons == {"already in pyproject.toml with this value"}
    assert verdict.writes


@pytest.mark.parametrize(
    "field",
    [
        pytest.param(Field("k", "v", quote=Quote.BASIC, section=_SECTION), id="no-ledger-fact"),
        pytest.param(Field("k", "v", quote=Quote.BASIC, fact=Fact(_WHERE)), id="no-section"),
    ],
)
def test_a_field_of_a_unit_that_holds_back_states_its_fact_and_section(field: Field) -> None:
    plan = ToolPlan([Table(("tool", "x"), [field])])
    with pytest.raises(ValueError, match="tool"):
        decide(tomlkit.document(), tool_unit("x", plan))


def test_a_table_under_a_value_is_refused_naming_the_value() -> None:
    # It crashed with a TypeError before the tools wrote through the one writer.
    doc = tomlkit.parse("[tool.ruff]\nlint = 1\n")
    isort = Table(("tool", "ruff", "lint", "isort"), [_field("known-first-party", "a")])
    with pytest.raises(InputError) as excinfo:
        apply(doc, [isort])
    assert excinfo.value.message == "pyproject.toml: `tool.ruff.lint` is not a table"
