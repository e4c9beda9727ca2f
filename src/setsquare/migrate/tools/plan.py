"""What a tool mapper wants written, and the merge that writes it without touching user tables.

Mappers return `TablePlan`s (plain values plus the comments and ledger facts that go
with them); `apply` puts them into the pyproject document with tomlkit. A table the
user already has is never written into: an equal value counts as already migrated,
anything else is a conflict reported in the ledger and blocks removing its source.

A mapper may build `fragment.Table`s instead (issue #11: one model for packaging and
tools); `as_plan` turns them into today's plans, so both are written the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import AoT
from tomlkit.items import Table as TomlTable

from setsquare.errors import InputError
from setsquare.migrate.fragment import Fit, Quote, Table
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.tools.emit import item_of, new_table

if TYPE_CHECKING:
    from setsquare.migrate.fragment import Field

Origin = tuple[str, str]  # (file, INI section) a setting came from


@dataclass(frozen=True)
class Setting:
    """One key to write: a plain value, its comments and what the ledger says about it."""

    key: str
    value: Any
    source: Location
    origin: Origin
    action: Action = Action.MOVED
    reason: str = ""
    comments: tuple[str, ...] = ()
    #: comments written above list elements, by element index
    element_comments: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    #: write strings as TOML literal strings (regexes: no backslash doubling)
    literal: bool = False


@dataclass(frozen=True)
class TablePlan:
    """A table at ``path`` (``("tool", "mypy")``); ``array`` appends to an array of tables."""

    path: tuple[str, ...]
    settings: tuple[Setting, ...]
    comments: tuple[str, ...] = ()
    array: bool = False


#: what a mapper hands over: the one model's table, or (until every tool moves) a plan
Planned: TypeAlias = TablePlan | Table


def _setting_of(entry: Field) -> Setting:
    if entry.fact is None or entry.section is None or entry.quote is Quote.AUTO:
        msg = f"a tool's field states its ledger fact, section and quoting: {entry.key}"
        raise ValueError(msg)
    value: Any = entry.value
    element_comments: dict[int, tuple[str, ...]] = {}
    if isinstance(value, list):
        if entry.fit is not Fit.LINE_88 or any(item.inline or item.gap for item in value):
            msg = f"the tool writer fits lists to 88 and has no inline comments: {entry.key}"
            raise ValueError(msg)
        element_comments = {i: item.comments for i, item in enumerate(value) if item.comments}
        value = [item.value for item in value]
    fact, literal = entry.fact, entry.quote is Quote.LITERAL
    return Setting(
        key=entry.key,
        value=value,
        source=fact.source,
        origin=entry.section,
        action=fact.action,
        reason=fact.reason,
        comments=entry.comments,
        element_comments=element_comments,
        literal=literal,
    )


def as_plan(table: Planned) -> TablePlan:
    """*table* as the tool writer's plan, carrying the same bytes and ledger facts."""
    if isinstance(table, TablePlan):
        return table
    settings = tuple(_setting_of(entry) for entry in table.fields)
    return TablePlan(table.name, settings, table.comments, table.array)


@dataclass
class Outcome:
    entries: list[Entry] = field(default_factory=list)
    blocked: set[Origin] = field(default_factory=set)


def _dotted(path: Sequence[str]) -> str:
    return ".".join(tomlkit.key(part).as_string() for part in path)


def _lookup(doc: tomlkit.TOMLDocument, path: Sequence[str]) -> Any:
    node: Any = doc
    for part in path:
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _parent(doc: tomlkit.TOMLDocument, path: Sequence[str], created: set[tuple[str, ...]]) -> Any:
    node: Any = doc
    for depth, part in enumerate(path, start=1):
        if not isinstance(node, MutableMapping):
            raise InputError(
                "pyproject.toml",
                f"`{_dotted(path[: depth - 1])}` is not a table",
                hint="[tool] and the tables under it must be TOML tables",
            )
        if part not in node:
            node[part] = tomlkit.table(is_super_table=True)
            created.add(tuple(path[:depth]))
        node = node[part]
    return node


def _unwrap(value: Any) -> Any:
    return value.unwrap() if hasattr(value, "unwrap") else value


def _target(path: Sequence[str], key: str) -> str:
    return f"[{_dotted(path)}] {tomlkit.key(key).as_string()}"


def _written(outcome: Outcome, plan: TablePlan) -> None:
    for setting in plan.settings:
        outcome.entries.append(
            Entry(setting.source, setting.action, _target(plan.path, setting.key), setting.reason)
        )


def _compare(outcome: Outcome, plan: TablePlan, existing: Mapping[str, Any]) -> None:
    for setting in plan.settings:
        target = _target(plan.path, setting.key)
        if setting.key in existing and _unwrap(existing[setting.key]) == setting.value:
            reason = "already in pyproject.toml with this value"
            outcome.entries.append(Entry(setting.source, setting.action, target, reason))
            continue
        key = tomlkit.key(setting.key).as_string()
        if setting.key in existing:
            value = tomlkit.item(_unwrap(existing[setting.key])).as_string()
            have = f"with {key} = {value}"
        else:
            have = f"without {key}"
        reason = (
            f"conflict: pyproject.toml already has [{_dotted(plan.path)}] {have};"
            " left unchanged, the legacy setting stays where it is"
        )
        outcome.entries.append(Entry(setting.source, Action.KEPT, target, reason))
        outcome.blocked.add(setting.origin)


def apply(doc: tomlkit.TOMLDocument, planned: Sequence[Planned], *, write: bool = True) -> Outcome:
    """Write *planned* into *doc*; return the ledger entries and the origins left blocked.

    With ``write=False`` nothing is written: the outcome says what writing would do.
    """
    plans = [as_plan(table) for table in planned]
    outcome = Outcome()
    created: set[tuple[str, ...]] = set()
    arrays: dict[tuple[str, ...], list[TablePlan]] = {}
    tail: TomlTable | None = None
    for plan in plans:
        if plan.array:
            arrays.setdefault(plan.path, []).append(plan)
            continue
        existing = _lookup(doc, plan.path)
        if existing is None or plan.path in created:
            if not write:
                created.add(plan.path)
            elif existing is None:
                parent = _parent(doc, plan.path[:-1], created)
                table = new_table(plan)
                if isinstance(parent, OutOfOrderTableProxy):
                    tail = table
                parent[plan.path[-1]] = table
            else:
                for setting in plan.settings:
                    existing.add(setting.key, item_of(setting))
            created.add(plan.path)
            _written(outcome, plan)
        else:
            _compare(outcome, plan, existing)
    for path, elements in arrays.items():
        existing = _lookup(doc, path)
        wanted = [{s.key: s.value for s in plan.settings} for plan in elements]
        if existing is None:
            if write:
                tables = [new_table(plan) for plan in elements]
                parent = _parent(doc, path[:-1], created)
                if isinstance(parent, OutOfOrderTableProxy):
                    tail = tables[-1]
                parent[path[-1]] = AoT(tables)
            for plan in elements:
                _written(outcome, plan)
        elif _unwrap(existing) == wanted:
            for plan, values in zip(elements, wanted, strict=True):
                _compare(outcome, plan, values)
        else:
            reason = (
                f"conflict: pyproject.toml already has [[{_dotted(path)}]] with other"
                " content; left unchanged, the legacy setting stays where it is"
            )
            for plan in elements:
                for setting in plan.settings:
                    target = f"[[{_dotted(path)}]] {setting.key}"
                    outcome.entries.append(Entry(setting.source, Action.KEPT, target, reason))
                    outcome.blocked.add(setting.origin)
    if tail is not None:
        # tomlkit files new tables into the first piece of a split [tool] table, right
        # before the next top-level table: keep a blank line between them.
        tail.add(tomlkit.nl())
    return outcome


@dataclass
class ToolPlan:
    """What one tool mapper produced: tables to write, ledger entries, sections it moves."""

    plans: list[TablePlan] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    origins: set[Origin] = field(default_factory=set)
    #: the tables of a mapper already on the one model, written after *plans*
    tables: list[Table] = field(default_factory=list)

    def extend(self, other: ToolPlan) -> None:
        self.plans.extend(other.plans)
        self.entries.extend(other.entries)
        self.origins |= other.origins
        self.tables.extend(other.tables)

    def written(self) -> list[Planned]:
        """Everything to write, in order."""
        return [*self.plans, *self.tables]


def data_under(planned: Sequence[Planned], root: tuple[str, ...]) -> dict[str, Any]:
    """The plain data *planned* would put under *root*, as a TOML reader would see it."""
    tree: dict[str, Any] = {}
    for plan in map(as_plan, planned):
        values = {setting.key: setting.value for setting in plan.settings}
        relative = plan.path[len(root) :]
        if not relative:
            tree.update(values)
            continue
        node = tree
        for part in relative[:-1]:
            node = node.setdefault(part, {})
        if plan.array:
            node.setdefault(relative[-1], []).append(values)
        else:
            node.setdefault(relative[-1], {}).update(values)
    return tree


def existing_data(doc: tomlkit.TOMLDocument, root: tuple[str, ...]) -> Any:
    """What *doc* holds at *root* (None when absent), as plain data."""
    return _unwrap(_lookup(doc, root))
