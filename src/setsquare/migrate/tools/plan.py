"""What a tool mapper wants written, and the merge that writes it without touching user tables.

Mappers return the one model's `fragment.Table`s (issue #11), each field stating its
ledger fact, the (file, INI section) it comes from and the tool writer's quoting;
`apply` puts them into the pyproject document with tomlkit. A table the user already
has is never written into: an equal value counts as already migrated, anything else
is a conflict reported in the ledger and blocks removing its source.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import AoT
from tomlkit.items import Table as TomlTable

from setsquare.errors import InputError
from setsquare.migrate.fragment import Fit, Quote
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.tools.emit import item_of, new_table

if TYPE_CHECKING:
    from setsquare.migrate.fragment import Fact, Field, Table, Value

Origin = tuple[str, str]  # (file, INI section) a setting came from


def fact_of(entry: Field) -> Fact:
    """The ledger line a tool's field states: the tool writer writes none without it."""
    if entry.fact is None:
        msg = f"a tool's field states its ledger fact: {entry.key}"
        raise ValueError(msg)
    return entry.fact


def section_of(entry: Field) -> Origin:
    """The (file, INI section) a conflict over *entry* holds back."""
    if entry.section is None:
        msg = f"a tool's field states the section a conflict holds back: {entry.key}"
        raise ValueError(msg)
    return entry.section


def _check(table: Table) -> None:
    """Refuse what the tool writer cannot write as its mappers mean it."""
    for entry in table.fields:
        fact_of(entry)
        section_of(entry)
        if entry.quote is Quote.AUTO:
            msg = f"a tool's field states its quoting: {entry.key}"
            raise ValueError(msg)
        if isinstance(entry.value, list) and (
            entry.fit is not Fit.LINE_88 or any(item.inline or item.gap for item in entry.value)
        ):
            msg = f"the tool writer fits lists to 88 and has no inline comments: {entry.key}"
            raise ValueError(msg)


def plain(value: Value) -> Any:
    """*value* as a TOML reader sees it: a list's elements without their comments."""
    return [item.value for item in value] if isinstance(value, list) else value


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


def _written(outcome: Outcome, table: Table) -> None:
    for entry in table.fields:
        fact = fact_of(entry)
        target = _target(table.name, entry.key)
        outcome.entries.append(Entry(fact.source, fact.action, target, fact.reason))


def _compare(outcome: Outcome, table: Table, existing: Mapping[str, Any]) -> None:
    for entry in table.fields:
        fact = fact_of(entry)
        target = _target(table.name, entry.key)
        if entry.key in existing and _unwrap(existing[entry.key]) == plain(entry.value):
            reason = "already in pyproject.toml with this value"
            outcome.entries.append(Entry(fact.source, fact.action, target, reason))
            continue
        key = tomlkit.key(entry.key).as_string()
        if entry.key in existing:
            value = tomlkit.item(_unwrap(existing[entry.key])).as_string()
            have = f"with {key} = {value}"
        else:
            have = f"without {key}"
        reason = (
            f"conflict: pyproject.toml already has [{_dotted(table.name)}] {have};"
            " left unchanged, the legacy setting stays where it is"
        )
        outcome.entries.append(Entry(fact.source, Action.KEPT, target, reason))
        outcome.blocked.add(section_of(entry))


def _values(table: Table) -> dict[str, Any]:
    return {entry.key: plain(entry.value) for entry in table.fields}


def apply(doc: tomlkit.TOMLDocument, tables: Sequence[Table], *, write: bool = True) -> Outcome:
    """Write *tables* into *doc*; return the ledger entries and the origins left blocked.

    With ``write=False`` nothing is written: the outcome says what writing would do.
    """
    for table in tables:
        _check(table)
    outcome = Outcome()
    created: set[tuple[str, ...]] = set()
    arrays: dict[tuple[str, ...], list[Table]] = {}
    tail: TomlTable | None = None
    for table in tables:
        if table.array:
            arrays.setdefault(table.name, []).append(table)
            continue
        existing = _lookup(doc, table.name)
        if existing is None or table.name in created:
            if not write:
                created.add(table.name)
            elif existing is None:
                parent = _parent(doc, table.name[:-1], created)
                built = new_table(table)
                if isinstance(parent, OutOfOrderTableProxy):
                    tail = built
                parent[table.name[-1]] = built
            else:
                for entry in table.fields:
                    existing.add(entry.key, item_of(entry))
            created.add(table.name)
            _written(outcome, table)
        else:
            _compare(outcome, table, existing)
    for path, elements in arrays.items():
        existing = _lookup(doc, path)
        wanted = [_values(table) for table in elements]
        if existing is None:
            if write:
                built_tables = [new_table(table) for table in elements]
                parent = _parent(doc, path[:-1], created)
                if isinstance(parent, OutOfOrderTableProxy):
                    tail = built_tables[-1]
                parent[path[-1]] = AoT(built_tables)
            for table in elements:
                _written(outcome, table)
        elif _unwrap(existing) == wanted:
            for table, values in zip(elements, wanted, strict=True):
                _compare(outcome, table, values)
        else:
            reason = (
                f"conflict: pyproject.toml already has [[{_dotted(path)}]] with other"
                " content; left unchanged, the legacy setting stays where it is"
            )
            for table in elements:
                for entry in table.fields:
                    target = f"[[{_dotted(path)}]] {entry.key}"
                    source = fact_of(entry).source
                    outcome.entries.append(Entry(source, Action.KEPT, target, reason))
                    outcome.blocked.add(section_of(entry))
    if tail is not None:
        # tomlkit files new tables into the first piece of a split [tool] table, right
        # before the next top-level table: keep a blank line between them.
        tail.add(tomlkit.nl())
    return outcome


@dataclass
class ToolPlan:
    """What one tool mapper produced: tables to write, ledger entries, sections it moves."""

    tables: list[Table] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    origins: set[Origin] = field(default_factory=set)

    def extend(self, other: ToolPlan) -> None:
        self.tables.extend(other.tables)
        self.entries.extend(other.entries)
        self.origins |= other.origins


def data_under(tables: Sequence[Table], root: tuple[str, ...]) -> dict[str, Any]:
    """The plain data *tables* would put under *root*, as a TOML reader would see it."""
    tree: dict[str, Any] = {}
    for table in tables:
        values = _values(table)
        relative = table.name[len(root) :]
        if not relative:
            tree.update(values)
            continue
        node = tree
        for part in relative[:-1]:
            node = node.setdefault(part, {})
        if table.array:
            node.setdefault(relative[-1], []).append(values)
        else:
            node.setdefault(relative[-1], {}).update(values)
    return tree


def existing_data(doc: tomlkit.TOMLDocument, root: tuple[str, ...]) -> Any:
    """What *doc* holds at *root* (None when absent), as plain data."""
    return _unwrap(_lookup(doc, root))
