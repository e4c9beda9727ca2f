"""The one conflict policy: what writing a unit of tables into pyproject.toml would do.

A `Unit` is what moves as a whole. The packaging and requirements halves own single
keys (`Scope.KEYS`) and refuse the run on a conflict (`OnConflict.RAISE`): two values
for one key in the files setuptools reads is a mistake only a person can settle. Each
tool owns whole tables (`Scope.TABLES`) and is held back on a conflict
(`OnConflict.HOLD`): half a tool's config in pyproject.toml, half in a file the tool
reads first, would change what the tool does. `decide` is pure; a writer places a
unit only when the verdict says it `writes` (issue #11).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

import tomlkit
from packaging.utils import canonicalize_name
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import Table as TomlTable

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.model import data_under, fact_of, key_path, plain, section_of, values

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.model import Field, Section, Table

PYPROJECT = "pyproject.toml"
#: Lists that are unions of what the file has and what we add, not owned values.
UNION_KEYS = {("project", "dynamic")}
_UNCHANGED = "left unchanged, the legacy setting stays where it is"


class Scope(Enum):
    """What a unit owns: single keys (written into any table) or whole tables."""

    KEYS = "keys"
    TABLES = "tables"


class OnConflict(Enum):
    """A unit with a conflict writes nothing; this says what the run does then."""

    #: stop with an `InputError` naming both sides (the first conflict, in write order)
    RAISE = "raise"
    #: go on without the unit; the ledger says why each of its lines stayed
    HOLD = "hold"


@dataclass(frozen=True)
class Unit:
    name: str
    tables: Sequence[Table]
    scope: Scope = Scope.KEYS
    on_conflict: OnConflict = OnConflict.RAISE
    #: the mapper's own ledger lines, held back with the unit
    entries: Sequence[Entry] = ()
    #: a root table the file must hold exactly as the unit has it, or not at all
    exact_root: tuple[str, ...] | None = None
    #: the legacy file's opening comments, above the ``[project]`` the unit adds
    header: tuple[str, ...] = ()


@dataclass
class Verdict:
    #: the ledger lines of the unit: its mapper's and each field's, or why it stays
    entries: list[Entry] = field(default_factory=list)
    #: each field's own line, before the unit's reaction to a conflict
    facts: list[Entry] = field(default_factory=list)
    #: the (file, INI section)s a conflict leaves in place
    blocked: set[Section] = field(default_factory=set)
    #: the first conflict of a unit that refuses the run
    refusal: InputError | None = None
    writes: bool = True


def unwrap(value: Any) -> Any:
    return value.unwrap() if hasattr(value, "unwrap") else value


def lookup(doc: TOMLDocument, path: Sequence[str]) -> Any:
    """What *doc* holds at *path*; None when a part is missing or not a table."""
    node: Any = doc
    for part in path:
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _target(name: Sequence[str], key: str) -> str:
    return f"[{key_path(tuple(name))}] {tomlkit.key(key).as_string()}"


@dataclass(frozen=True)
class _Clash:
    path: tuple[str, ...]
    have: Any
    want: Any
    where: str


@dataclass
class _Trial:
    verdict: Verdict = field(default_factory=Verdict)
    clash: _Clash | None = None

    def add(self, table: Table, entry: Field, *, same: bool = False) -> None:
        if entry.fact is not None:
            fact = entry.fact
            reason = "already in pyproject.toml with this value" if same else fact.reason
            line = Entry(fact.source, fact.action, _target(table.name, entry.key), reason)
            self.verdict.facts.append(line)

    def conflict(self, entry: Field, target: str, reason: str, clash: _Clash | None = None) -> None:
        self.clash = self.clash or clash
        if entry.fact is not None:
            self.verdict.facts.append(Entry(entry.fact.source, Action.KEPT, target, reason))
        if entry.section is not None:
            self.verdict.blocked.add(entry.section)
        self.verdict.writes = False


def _origin(entry: Field) -> str:
    return entry.origin.render() if entry.origin is not None else ""


def _same(path: tuple[str, ...], have: Any, want: Any) -> bool:
    """Equal, or ``Demo`` and ``demo``: one project (PEP 503), the file's spelling stays."""
    name = path == ("project", "name")
    return have == want or (name and canonicalize_name(str(have)) == canonicalize_name(str(want)))


def _compare(trial: _Trial, table: Table, entry: Field, have: Any, where: str) -> None:
    path = (*table.name, entry.key)
    if _same(path, have, plain(entry.value)):
        trial.add(table, entry, same=True)
        return
    key = tomlkit.key(entry.key).as_string()
    reason = (
        f"conflict: pyproject.toml already has [{key_path(table.name)}] with"
        f" {key} = {tomlkit.item(have).as_string()}; {_UNCHANGED}"
    )
    clash = _Clash(path, have, plain(entry.value), where)
    trial.conflict(entry, _target(table.name, entry.key), reason, clash)


def _keys(trial: _Trial, doc: TOMLDocument, unit: Unit, table: Table) -> None:
    """A table of a unit owning keys: an absent key is added, a present one must agree."""
    node: Any = doc
    for depth, part in enumerate(table.name, start=1):
        if part not in node:
            for entry in table.fields:
                trial.add(table, entry)
            return
        node = node[part]
        if not isinstance(node, (TomlTable, OutOfOrderTableProxy)):
            # A value where the unit has a table (``urls = {...}`` in [project]): whole.
            at = table.name[:depth]
            have, want = unwrap(node), data_under(unit.tables, at)
            if table.fields and have != want:
                clash = _Clash(at, have, want, "the legacy configuration")
                trial.conflict(table.fields[0], "", "", clash)
            return
    for entry in table.fields:
        if entry.key not in node or (*table.name, entry.key) in UNION_KEYS:
            trial.add(table, entry)
        else:
            _compare(trial, table, entry, unwrap(node[entry.key]), _origin(entry))


def _tables(trial: _Trial, doc: TOMLDocument, table: Table, created: set[tuple[str, ...]]) -> None:
    """A table of a unit owning tables: written only where absent or created by the unit."""
    existing = lookup(doc, table.name)
    if existing is None or table.name in created:
        created.add(table.name)
        for entry in table.fields:
            trial.add(table, entry)
        return
    for entry in table.fields:
        if entry.key in existing:
            _compare(trial, table, entry, unwrap(existing[entry.key]), _origin(entry))
            continue
        reason = (
            f"conflict: pyproject.toml already has [{key_path(table.name)}] without"
            f" {tomlkit.key(entry.key).as_string()}; {_UNCHANGED}"
        )
        clash = _Clash((*table.name, entry.key), None, plain(entry.value), _origin(entry))
        trial.conflict(entry, _target(table.name, entry.key), reason, clash)


def _arrays(trial: _Trial, doc: TOMLDocument, path: tuple[str, ...], tables: list[Table]) -> None:
    """An array of tables moves all or nothing."""
    existing = unwrap(lookup(doc, path))
    wanted = [values(table) for table in tables]
    if existing is None or existing == wanted:
        for table in tables:
            for entry in table.fields:
                trial.add(table, entry, same=existing is not None)
        return
    reason = (
        f"conflict: pyproject.toml already has [[{key_path(path)}]] with other content;"
        f" {_UNCHANGED}"
    )
    for table in tables:
        for entry in table.fields:
            clash = _Clash(path, existing, wanted, _origin(entry))
            trial.conflict(entry, f"[[{key_path(path)}]] {entry.key}", reason, clash)


def _dormant(unit: Unit, root: tuple[str, ...]) -> _Trial:
    """A legacy file outranks a root table pyproject.toml already has: moving the file
    would wake that table up, keys the file lacks too, so the two are merged by hand."""
    trial = _Trial()
    for table in unit.tables:
        for entry in table.fields:
            file, section = section_of(entry)
            reason = (
                f"conflict: pyproject.toml already has [{'.'.join(root)}], ignored while"
                f" {file} [{section}] exists; merge the two by hand"
            )
            trial.conflict(entry, "", reason)
    return trial


def _rule(doc: TOMLDocument, unit: Unit) -> _Trial:
    root = unit.exact_root
    if root is not None and unit.tables:
        existing = unwrap(lookup(doc, root))
        if existing is not None and existing != data_under(unit.tables, root):
            return _dormant(unit, root)
    trial = _Trial()
    created: set[tuple[str, ...]] = set()
    arrays: dict[tuple[str, ...], list[Table]] = {}
    for table in unit.tables:
        if table.array:
            arrays.setdefault(table.name, []).append(table)
        elif unit.scope is Scope.KEYS:
            _keys(trial, doc, unit, table)
        else:
            _tables(trial, doc, table, created)
    for path, tables in arrays.items():
        _arrays(trial, doc, path, tables)
    return trial


def _refusal(clash: _Clash) -> InputError:
    if clash.path == ("project", "name"):
        return InputError(
            PYPROJECT,
            f"[project] names {clash.have!r} but {clash.where} names {clash.want!r}",
            hint="these are two different projects: fix the name in one of the files",
        )
    table, key = key_path(clash.path[:-1]), clash.path[-1]
    return InputError(
        PYPROJECT,
        f"[{table}] {key} is {_short(clash.have)} here but {clash.where} says {_short(clash.want)}",
        hint="make the two agree (or remove one), then run setsquare migrate again",
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def decide(doc: TOMLDocument, unit: Unit) -> Verdict:
    """What writing *unit* into *doc* would do; *doc* is not touched."""
    if unit.on_conflict is OnConflict.HOLD:
        for table in unit.tables:
            for entry in table.fields:
                fact_of(entry)
                section_of(entry)
    trial = _rule(doc, unit)
    verdict = trial.verdict
    if verdict.writes:
        verdict.entries = [*unit.entries, *verdict.facts]
    elif unit.on_conflict is OnConflict.RAISE and trial.clash is not None:
        verdict.refusal = _refusal(trial.clash)
    else:
        reason = f"left in place: {unit.name}'s config moves only as a whole, and it has a conflict"
        verdict.entries = [Entry(entry.source, Action.KEPT, "", reason) for entry in unit.entries]
        for line in verdict.facts:
            conflict = line.action is Action.KEPT
            verdict.entries.append(
                line if conflict else Entry(line.source, Action.KEPT, line.target, reason)
            )
    return verdict
