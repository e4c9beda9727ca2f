"""Which requirements file goes where: runtime file, dependency groups, includes.

The per-file reading is `setsquare.migrate.requirements`; this decides each file's
role from what the project already declares, so that nothing is duplicated and
nothing that the build reads (``file:``, a computing setup.py) is taken away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packaging.requirements import Requirement

from setsquare.errors import InputError
from setsquare.migrate import requirements as reqs
from setsquare.migrate.fragment import Table
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.merge import PYPROJECT

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.setup_cfg import Packaging


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
        line.text.startswith(("-r", "--requirement")) and path in reqs.referenced(p, line.text)
        for p in named
        for line in reqs.logical_lines(files[p])
    )


def _same(left: list[Requirement], right: list[Requirement]) -> bool:
    return sorted(map(str, left)) == sorted(map(str, right))


def _refuse_pip_syntax(path: str, text: str) -> None:
    """setuptools reads a ``file:`` requirements list as plain requirements, no pip options."""
    for line in reqs.logical_lines(text):
        if line.text.startswith("-") or " -" in line.text:
            raise InputError(
                path,
                f"{reqs.shown(line.text.split()[0])}: setup.cfg reads this file with "
                "`install_requires = file:`, and setuptools does not understand pip options",
                line=line.line,
                hint="keep only requirements in it (move -r/-c/--hash lines to another file)",
            )


def plan_requirements(
    files: Mapping[str, str], doc: TOMLDocument, packaging: Packaging, *, remove_legacy: bool
) -> tuple[list[Table], list[Entry], set[str]]:
    named = [p for p in files if reqs.is_requirements_file(p)]
    included = {p for path in named for p in reqs.referenced(path, files[path]) if p in files}
    paths = sorted(
        set(named)
        | {p for p in included if reqs.is_requirements_file(p) or _is_included(p, named, files)}
    )
    if not paths:
        return [], [], set()
    texts = {p: files[p] for p in paths}
    reqs.include_graph(texts, exists=set(files))
    runtime, groups, entries = reqs.discover(paths)
    roles: dict[str, str | None] = {}
    runtime_target: str | None = None
    runtime_reason = ""
    if runtime is not None:
        probe = reqs.convert_file(runtime, texts[runtime], target="", include_targets={})
        declared = _existing_dependencies(doc, packaging)
        has_name = packaging.name is not None or "name" in doc.get("project", {})
        if runtime in packaging.dependency_files:
            _refuse_pip_syntax(runtime, texts[runtime])
            roles[runtime] = ""
            entries.append(
                Entry(
                    runtime,
                    Action.KEPT,
                    reason="setup.cfg reads it (`install_requires = file:`); "
                    "it stays the dynamic source",
                )
            )
        elif _dynamic_dependencies(doc, packaging):
            roles[runtime] = ""
            entries.append(
                Entry(
                    runtime,
                    Action.KEPT,
                    reason="[project] dependencies is dynamic (setup.py computes it); "
                    "left as it is",
                )
            )
        elif declared is not None:
            mine = reqs.plain_requirements(probe.items)
            if mine is not None and probe.kept == 0 and _same(mine, declared):
                roles[runtime] = ""
                runtime_target = "duplicate"
            else:
                roles[runtime] = None
                entries.append(
                    Entry(
                        runtime,
                        Action.KEPT,
                        reason="differs from [project].dependencies: "
                        "an environment's pins, not package metadata",
                    )
                )
        elif has_name:
            roles[runtime] = ""
            runtime_target = "[project] dependencies"
            if packaging.tables:
                runtime_reason = "the wheel did not declare these before: METADATA gains them"
        else:
            roles[runtime] = None
            entries.append(
                Entry(
                    runtime,
                    Action.KEPT,
                    reason="no [project] to hold it: give the project a name and a version "
                    "in pyproject.toml's [project], then run again",
                )
            )
    used: set[str] = {
        f.key for t in packaging.tables if t.name == ("dependency-groups",) for f in t.fields
    }
    for path in groups:
        name = reqs.group_name(path)
        if name in used:
            name = f"{name}-requirements"
        used.add(name)
        roles[path] = name
    tables: list[Table] = []
    removable: set[str] = set()
    group_table = Table(("dependency-groups",))
    for path in ([runtime] if runtime else []) + groups:
        role = roles[path]
        if role is None:
            continue
        if path == runtime:
            if runtime_target is None:
                continue
            if runtime_target == "duplicate":
                entries.append(
                    Entry(path, Action.DROPPED, reason="duplicates [project].dependencies")
                )
                removable.add(path)
                continue
            result = reqs.convert_file(
                path, texts[path], target=runtime_target, include_targets=roles
            )
            # Nothing moved (every line kept, say hash-pinned): write no empty list.
            if result.items or not result.kept:
                project = Table(("project",))
                project.add("dependencies", result.items, origin=path)
                tables.append(project)
            if runtime_reason:
                result.entries = [
                    Entry(e.source, Action.TRANSFORMED, e.target, runtime_reason)
                    if e.action == Action.MAPPED
                    else e
                    for e in result.entries
                ]
        else:
            result = reqs.convert_file(
                path, texts[path], target=f"[dependency-groups] {role}", include_targets=roles
            )
            if result.items or not result.kept:
                group_table.add(role, result.items, origin=path)
        entries.extend(result.entries)
        if result.kept == 0:
            removable.add(path)
        else:
            entries.append(
                Entry(path, Action.KEPT, reason=f"{result.kept} line(s) stay in it (see above)")
            )
    if group_table.fields:
        tables.append(group_table)
    removed = removable if remove_legacy else set()
    for path in sorted(removable):
        if path in removed:
            entries.append(
                Entry(
                    path, Action.MAPPED, PYPROJECT, "every line migrated; removed (--remove-legacy)"
                )
            )
        else:
            entries.append(
                Entry(
                    path,
                    Action.KEPT,
                    reason="fully migrated; kept (pass --remove-legacy to remove it)",
                )
            )
    return tables, entries, removed
