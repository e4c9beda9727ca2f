"""Which requirements file goes where: runtime file, dependency groups, includes.

The per-file reading is `setsquare.migrate.requirements`; this decides each file's
role from what the project already declares, so that nothing is duplicated and
nothing that the build reads (``file:``, a computing setup.py) is taken away. A
project that builds a wheel keeps the dependencies it declares: a requirements file
never adds to them (it is often the maintainer's tools), it becomes a group.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from setsquare.errors import InputError
from setsquare.legacy_sources import is_requirements_file
from setsquare.migrate import requirements as reqs
from setsquare.migrate.build_inputs import read_by_the_build
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Table
from setsquare.migrate.policy import PYPROJECT
from setsquare.migrate.requirements.includes import include_graph
from setsquare.migrate.requirements.lines import logical_lines, referenced

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.setup_cfg import Packaging


def group_name(path: str) -> str:
    """``requirements-dev.txt`` / ``requirements/dev.in`` / ``dev-requirements.txt`` -> ``dev``."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    name = re.sub(r"(^requirements[-_.]?|[-_.]?requirements$)", "", stem, flags=re.IGNORECASE)
    return str(canonicalize_name(name or stem))


def discover(paths: list[str]) -> tuple[str | None, list[str], list[Entry]]:
    """Pick the runtime file and the group files among *paths*; compiled twins are skipped."""
    entries: list[Entry] = []
    chosen = []
    names = set(paths)
    for path in sorted(paths):
        base, ext = posixpath.splitext(path)
        if ext == ".txt" and f"{base}.in" in names:
            entries.append(
                Entry(
                    Location(path),
                    Action.KEPT,
                    reason=f"compiled from {base}.in, which is migrated instead",
                )
            )
            continue
        chosen.append(path)
    runtime = next((p for p in ("requirements.in", "requirements.txt") if p in chosen), None)
    groups = [p for p in chosen if p != runtime]
    return runtime, groups, entries


def _existing_dependencies(doc: TOMLDocument, packaging: Packaging) -> list[Requirement] | None:
    for table in packaging.tables:
        if table.name == ("project",) and (found := table.get("dependencies")) is not None:
            assert isinstance(found.value, list)
            return reqs.plain_requirements(found.value)
    project = doc.get("project")
    if project is not None and "dependencies" in project:
        return [Requirement(str(text)) for text in project["dependencies"]]
    return None


def _dynamic_dependencies(doc: TOMLDocument, packaging: Packaging) -> bool:
    listed = [str(v) for v in doc.get("project", {}).get("dynamic", [])]
    for table in packaging.tables:
        if table.name == ("project",) and (found := table.get("dynamic")) is not None:
            assert isinstance(found.value, list)
            listed += [str(item.value) for item in found.value]
    return "dependencies" in listed


def _is_included(path: str, named: list[str], files: Mapping[str, str]) -> bool:
    """A file pulled in with ``-r`` is a requirements file too (``-c`` files are not)."""
    return any(
        line.text.startswith(("-r", "--requirement")) and path in referenced(p, line.text)
        for p in named
        for line in logical_lines(files[p])
    )


def _same(left: list[Requirement], right: list[Requirement]) -> bool:
    return sorted(map(str, left)) == sorted(map(str, right))


def _refuse_pip_syntax(path: str, text: str) -> None:
    """setuptools reads a ``file:`` requirements list as plain requirements, no pip options."""
    for line in logical_lines(text):
        if line.text.startswith("-") or " -" in line.text:
            raise InputError(
                path,
                f"{reqs.shown(line.text.split()[0])}: setup.cfg reads this file with "
                "`install_requires = file:`, and setuptools does not understand pip options",
                line=line.line,
                hint="keep only requirements in it (move -r/-c/--hash lines to another file)",
            )


def _runtime_role(
    runtime: str, text: str, doc: TOMLDocument, packaging: Packaging
) -> tuple[str, list[Entry]]:
    """What the runtime file (requirements.txt) becomes, and the ledger lines saying so.

    ``source``: the build reads it, it stays; ``duplicate``: it repeats [project]
    dependencies; ``kept``: left as it is; ``group``: a dependency group.
    """
    if packaging.opaque:
        reason = "setup.py's setup() hides what it sets, and may read this file: left as it is"
        return "source", [Entry(Location(runtime), Action.KEPT, reason=reason)]
    if runtime in packaging.dependency_files:
        _refuse_pip_syntax(runtime, text)
        reason = "setup.cfg reads it (`install_requires = file:`); it stays the dynamic source"
        return "source", [Entry(Location(runtime), Action.KEPT, reason=reason)]
    if _dynamic_dependencies(doc, packaging):
        reason = "[project] dependencies is dynamic (setup.py computes it); left as it is"
        return "source", [Entry(Location(runtime), Action.KEPT, reason=reason)]
    declared = _existing_dependencies(doc, packaging)
    if declared is not None:
        probe = reqs.convert_file(runtime, text, target="", include_targets={})
        mine = reqs.plain_requirements(probe.items)
        if mine is not None and probe.kept == 0 and _same(mine, declared):
            return "duplicate", []
        reason = "differs from [project].dependencies: an environment's pins, not package metadata"
        return "kept", [Entry(Location(runtime), Action.KEPT, reason=reason)]
    if packaging.name is not None or "name" in doc.get("project", {}):
        # The project already builds a wheel: its dependencies are what it declares, and
        # a requirements file (often the maintainer's tools) must not add to them.
        return "group", []
    reason = (
        "no [project] to hold it: this project builds no wheel; to publish these as its "
        "dependencies, write [project] with them by hand"
    )
    return "kept", [Entry(Location(runtime), Action.KEPT, reason=reason)]


_GROUP_REASON = (
    "the wheel declares no dependencies, and adding these would change its METADATA: "
    "a dependency group instead"
)


def _convert_all(
    paths: list[str], texts: Mapping[str, str], roles: dict[str, str | None]
) -> tuple[dict[str, reqs.FileResult], list[str]]:
    """Convert the migrated files; a file that yields nothing (only ``-e .``) is not one.

    An include of such a file would name a group that is never written, so its role
    is taken away until no file changes: includers then keep their ``-r`` line.
    """
    empty: list[str] = []
    while True:
        results = {
            path: reqs.convert_file(
                path,
                texts[path],
                target=f"[dependency-groups] {roles[path]}",
                include_targets=roles,
            )
            for path in paths
            if roles[path]
        }
        now = [p for p, r in results.items() if not r.items and r.kept]
        if not now:
            return results, empty
        for path in now:
            roles[path] = None
        empty.extend(now)


def _not_migrated(result: reqs.FileResult) -> list[Entry]:
    """A file nothing moves out of: its lines all stay, whatever they would have become."""
    entries = [
        e
        if e.action == Action.KEPT
        else Entry(e.source, Action.KEPT, reason="nothing else in the file moves, so it stays")
        for e in result.entries
    ]
    reason = f"{result.kept} line(s) stay in it (see above); no group is written for it"
    return [*entries, Entry(Location(result.path), Action.KEPT, reason=reason)]


def plan_requirements(
    files: Mapping[str, str],
    doc: TOMLDocument,
    packaging: Packaging,
    *,
    remove_legacy: bool,
    sources: Mapping[str, str] | None = None,
) -> tuple[list[Table], list[Entry], set[str]]:
    """The requirements files' tables, ledger and the files to remove.

    *sources* holds MANIFEST.in when there is one: a file it ships is never removed.
    """
    named = [p for p in files if is_requirements_file(p)]
    included = {p for path in named for p in referenced(path, files[path]) if p in files}
    paths = sorted(
        set(named)
        | {p for p in included if is_requirements_file(p) or _is_included(p, named, files)}
    )
    if not paths:
        return [], [], set()
    texts = {p: files[p] for p in paths}
    include_graph(texts, exists=set(files))
    runtime, groups, entries = discover(paths)
    used: set[str] = {
        f.key for t in packaging.tables if t.name == ("dependency-groups",) for f in t.fields
    }

    def new_group(path: str) -> str:
        name = group_name(path)
        if name in used:
            name = f"{name}-requirements"
        used.add(name)
        return name

    roles: dict[str, str | None] = {}
    kind = ""
    if runtime is not None:
        kind, runtime_entries = _runtime_role(runtime, texts[runtime], doc, packaging)
        entries.extend(runtime_entries)
        if kind == "group":
            roles[runtime] = new_group(runtime)
        else:
            # "" (the project's own dependencies): a -r of it is implied by the project.
            roles[runtime] = None if kind == "kept" else ""
    for path in groups:
        roles[path] = new_group(path)
    order = ([runtime] if runtime else []) + groups
    results, empty = _convert_all(order, texts, roles)
    removable: set[str] = set()
    if kind == "duplicate" and runtime is not None:
        entries.append(
            Entry(Location(runtime), Action.DROPPED, reason="duplicates [project].dependencies")
        )
        removable.add(runtime)
    group_table = Table(("dependency-groups",))
    for path in order:
        if path in empty:
            entries.extend(_not_migrated(_final(path, texts, roles)))
            continue
        result = results.get(path)
        if result is None:
            continue
        if path == runtime:
            target = f"[dependency-groups] {roles[path]}"
            entries.append(Entry(Location(path), Action.TRANSFORMED, target, _GROUP_REASON))
        group_table.add(str(roles[path]), result.items, origin=Location(path))
        entries.extend(result.entries)
        if result.kept == 0:
            removable.add(path)
        else:
            entries.append(
                Entry(
                    Location(path),
                    Action.KEPT,
                    reason=f"{result.kept} line(s) stay in it (see above)",
                )
            )
    tables = [group_table] if group_table.fields else []
    needed = read_by_the_build(removable, files, sources, doc.unwrap())
    removed = {p for p in removable if p not in needed} if remove_legacy else set()
    for path in sorted(removable):
        if path in needed:
            reason = f"every line migrated, but {needed[path]}: never removed"
            entries.append(Entry(Location(path), Action.KEPT, reason=reason))
        elif path in removed:
            reason = "every line migrated; removed (--remove-legacy)"
            entries.append(Entry(Location(path), Action.MAPPED, PYPROJECT, reason))
        else:
            reason = "fully migrated; kept (pass --remove-legacy to remove it)"
            entries.append(Entry(Location(path), Action.KEPT, reason=reason))
    return tables, entries, removed


def _final(path: str, texts: Mapping[str, str], roles: Mapping[str, str | None]) -> reqs.FileResult:
    return reqs.convert_file(path, texts[path], target="", include_targets=roles)
