"""The one writer: a unit of tables into an existing pyproject.toml, touching only what it owns.

`policy.decide` rules on a unit first; `place` then writes it, the packaging, the
requirements and each tool alike (issue #11). The tables are rendered to TOML text
(`model.render`: comments in place, each field's quoting and list width), parsed by
tomlkit and spliced into the document key by key: an absent key or table is added with
the comments above it, a key present with the same value is left exactly as it is (so
a second run changes nothing). A header it adds gets a blank line above it; the
spacing the user wrote is never changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.items import AoT, Comment, Table, Whitespace

from setsquare.errors import InputError
from setsquare.migrate.model import key_path, render
from setsquare.migrate.policy import PYPROJECT, UNION_KEYS, Scope, decide, lookup

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tomlkit.container import Container
    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate import model
    from setsquare.migrate.ledger import Location
    from setsquare.migrate.policy import Unit, Verdict


def origins_of(tables: Iterable[model.Table]) -> dict[tuple[str, ...], Location | None]:
    return {(*table.name, f.key): f.origin for table in tables for f in table.fields}


def _part_for_keys(proxy: OutOfOrderTableProxy) -> Table:
    """The piece of a table split across the file that new plain keys go into.

    tomlkit's proxy has no ``add``; new keys go where the table already keeps plain
    values, else into its first piece -- as tomlkit's own ``proxy[key] = value`` does.
    """
    parts: list[Table] = proxy._tables
    return next(
        (part for part in parts if any(not isinstance(v, (Table, AoT)) for v in part.values())),
        parts[0],
    )


def _add_comment_lines(target: Table | TOMLDocument, comments: list[str]) -> None:
    for text in comments:
        target.add(tomlkit.comment(text))


def _splice(
    target: Table | TOMLDocument | OutOfOrderTableProxy,
    source: Container,
    path: tuple[str, ...],
    added: list[Table],
) -> None:
    # A table split in the file ([project.urls] above [project]) is one proxy for
    # lookups, but new keys need one real piece to go into.
    writable = _part_for_keys(target) if isinstance(target, OutOfOrderTableProxy) else target
    pending: list[str] = []
    for key, item in source.body:
        if key is None:
            if isinstance(item, Comment):
                pending.append(item.as_string().strip()[1:].strip())
            elif not isinstance(item, Whitespace):  # pragma: no cover - tomlkit keeps only these
                raise AssertionError(item)
            continue
        name = key.key
        here = (*path, name)
        if name not in target:
            if not isinstance(item, Table):
                _add_comment_lines(writable, pending)
            elif pending:
                _prepend_comments(item, pending)
            if not isinstance(writable, Table) and name == "project" and "build-system" in target:
                _insert_project(writable, item)
            else:
                writable.add(name, item)
                if isinstance(item, Table):
                    added.append(item)
        else:
            existing = target[name]
            if isinstance(item, Table) and isinstance(existing, (Table, OutOfOrderTableProxy)):
                _splice(existing, item.value, here, added)
            elif here in UNION_KEYS:
                for value in item.unwrap():
                    if value not in existing.unwrap():
                        existing.append(value)
        pending = []


def _ends_blank(item: Any) -> bool:
    return bool(item.as_string().endswith(("\n\n", "\n\r\n")))


def set_apart(table: Table) -> None:
    """*table* ends in a blank line, so the header after it stands apart."""
    if not _ends_blank(table):
        table.add(tomlkit.nl())


def _insert_project(doc: TOMLDocument, project: Any) -> None:
    """[project] reads best right after [build-system], as in new projects."""
    system = doc["build-system"]
    if isinstance(system, Table):
        set_apart(system)
    keys = [key for key, _ in doc.body]
    after = keys.index(next(k for k in keys if k is not None and k.key == "build-system")) + 1
    following = next((item for key, item in doc.body[after:] if key is not None), None)
    # tomlkit gives a table it files after another a blank line of its own (trivia.indent).
    spaced = following is not None and following.trivia.indent.startswith(("\n", "\r\n"))
    if isinstance(project, Table) and not spaced:
        set_apart(project)
    elif isinstance(project, Table):
        body = project.value.body
        while body and isinstance(body[-1][1], Whitespace):
            body.pop()
    # tomlkit has no public insert; `_insert_after` went in 0.15.3, `_insert_at` is in both.
    last = max(
        i for i, (key, _) in enumerate(doc.body) if key is not None and key.key == "build-system"
    )
    if "\n" not in system.trivia.trail:
        system.trivia.trail += "\n"
    if last + 1 < len(doc.body):
        doc._insert_at(last + 1, "project", project)
    else:
        doc.append("project", project)


def _end_last_line(doc: TOMLDocument) -> None:
    """A file without a final newline gets one before anything goes below its last line.

    tomlkit then sets what it adds apart with a blank line, as after any other last line.
    """
    body = doc.body if not doc.as_string().endswith("\n") else []
    while body:
        item = body[-1][1]
        if isinstance(item, AoT):
            item = item.body[-1]
        if not isinstance(item, Table):
            if not item.trivia.trail.endswith("\n"):
                item.trivia.trail += "\n"
            return
        body = item.value.body


def _prepend_comments(table: Table, comments: list[str]) -> None:
    """Comments written above a table header in the legacy file stay above it."""
    # tomlkit renders a table's trivia indent verbatim before its header line.
    table.trivia.indent = "".join(f"# {text}\n".replace("# \n", "#\n") for text in comments)


def write(doc: TOMLDocument, unit: Unit) -> Verdict:
    """*unit* into *doc*, in place, when `policy.decide` lets it; its refusal raised.

    The unit's header (the legacy file's opening comments) goes above a new ``[project]``.
    """
    verdict = decide(doc, unit)
    if verdict.refusal is not None:
        raise verdict.refusal
    if verdict.writes:
        place(doc, unit)
    return verdict


def _parents_are_tables(doc: TOMLDocument, name: tuple[str, ...]) -> None:
    node: Any = doc
    for depth, part in enumerate(name[:-1], start=1):
        if part not in node:
            return
        node = node[part]
        if not isinstance(node, Mapping):
            raise InputError(
                PYPROJECT,
                f"`{key_path(name[:depth])}` is not a table",
                hint="[tool] and the tables under it must be TOML tables",
            )


def place(doc: TOMLDocument, unit: Unit) -> None:
    """Write *unit* into *doc* (`decide` has ruled): what the file lacks goes in.

    A unit owning keys has nothing to write for a table without any; one owning tables
    writes none the file has, and writes an empty one: mypy and coverage read
    pyproject.toml only when their table is there.
    """
    whole = unit.scope is Scope.TABLES
    tables = [t for t in unit.tables if not whole or lookup(doc, t.name) is None]
    for table in tables if whole else ():
        _parents_are_tables(doc, table.name)
    text = render(tables, empty=whole)
    if not text:
        return
    _end_last_line(doc)
    parsed = tomlkit.parse(text)
    project = parsed.get("project")
    comments = list(unit.header)
    if comments and "project" not in doc and isinstance(project, Table):
        _prepend_comments(project, comments)
    added: list[Table] = []
    _splice(doc, parsed, (), added)
    at_end = _last_tables(doc)
    for new in added:
        # A new table filed in the middle of the file (a split table comes after it)
        # keeps a blank line before the next header, as the rendered tables had.
        if not any(new is last for last in at_end):
            set_apart(new)


def _last_tables(doc: TOMLDocument) -> list[Table]:
    """The tables the file ends in: the last one and, inside it, its last sub-table..."""
    chain: list[Table] = []
    body = doc.body
    while body:
        _, item = body[-1]
        if not isinstance(item, Table):
            break
        chain.append(item)
        body = item.value.body
    return chain
