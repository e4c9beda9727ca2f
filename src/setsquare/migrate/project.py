"""One whole migration, pure: the legacy files' text in, new file contents and a ledger out.

`setsquare.commands.migrate` reads the files, calls `migrate_project`, and
writes (or diffs, or verifies) what it returns.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from packaging.requirements import Requirement
from tomlkit.exceptions import ParseError
from validate_pyproject.api import Validator
from validate_pyproject.errors import ValidationError

from setsquare.errors import InputError
from setsquare.migrate import requirements as reqs
from setsquare.migrate.fragment import Item, Table, items
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.merge import PYPROJECT, ensure_build_system, merge_tables, origins_of
from setsquare.migrate.setup_cfg import PROJECT_ORDER as _PROJECT_ORDER
from setsquare.migrate.setup_cfg import Packaging, migrate_setup_cfg, people_items
from setsquare.migrate.setup_py import SetupPy, inspect_setup_py
from setsquare.migrate.strip import remove_sections

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tomlkit.toml_document import TOMLDocument

#: Tool configuration files handed to the tool-config half, besides setup.cfg.
TOOL_FILES = (
    "setup.cfg",
    "tox.ini",
    ".flake8",
    ".isort.cfg",
    "pytest.ini",
    "mypy.ini",
    ".coveragerc",
)


@dataclass
class Outcome:
    """New contents for the files that change (None: delete) and the ledger."""

    changes: dict[str, str | None] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


def _parse_pyproject(text: str | None) -> TOMLDocument:
    if text is None:
        return tomlkit.document()
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        raise InputError(
            PYPROJECT,
            f"invalid TOML: {str(error).split(' at line')[0]}",
            line=error.line,
            hint="fix the TOML syntax first; setsquare only merges into a valid file",
        ) from error


def _tools(files: Mapping[str, str], doc: TOMLDocument) -> Any:
    """The tool-config half (flake8, isort, black, pytest, mypy, coverage), if present.

    It is built separately, in ``setsquare.migrate.tools``; until it lands, tool
    sections are reported and left in place. Imported by name so this module
    type-checks either way.
    """
    try:
        tools = importlib.import_module("setsquare.migrate.tools")
    except ImportError:
        return None
    migrate_tools = getattr(tools, "migrate_tools", None)
    if migrate_tools is None:
        return None
    # Every file read goes along: besides the INI files, requirements and the
    # pre-commit config tell which flake8 plugins are installed.
    present = {path: text for path, text in files.items() if path != PYPROJECT}
    return migrate_tools(present, doc)


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


def _requirements(
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
                    reason="no [project] to hold it: give the project a name in "
                    "pyproject.toml, then run again",
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


def _origin_of(error: ValidationError, origins: Mapping[tuple[str, ...], str]) -> str:
    """``setup.cfg:4`` for ``project.classifiers[0]``, when we wrote that key."""
    path = tuple(re.sub(r"\[\d+\]", "", str(error.name)).strip("`").split("."))
    while path and path not in origins:
        path = path[:-1]
    return origins.get(path, "")


def _uses_setuptools_scm(packaging: Packaging, doc: TOMLDocument) -> bool:
    requires = [str(r) for r in doc.get("build-system", {}).get("requires", [])]
    requires += [str(item.value) for item in packaging.build_requires]
    names = {re.split(r"[\s\[<>=!~;@]", text.strip(), maxsplit=1)[0].lower() for text in requires}
    return bool(names & {"setuptools_scm", "setuptools-scm"}) or "setuptools_scm" in doc.get(
        "tool", {}
    )


def _scm_version(packaging: Packaging, doc: TOMLDocument, in_setup_py: bool) -> list[Entry]:
    """With setuptools_scm switched on, it sets the version: no ``attr:``/``file:`` as well.

    setuptools_scm is on when setup() passes ``use_scm_version`` or pyproject.toml has a
    ``[tool.setuptools_scm]`` table (and it is a build requirement). A dynamic version
    source written next to it would then be evaluated too, which in pyproject.toml
    mode imports the package (and fails where setup.cfg's build did not).
    """
    if not _uses_setuptools_scm(packaging, doc):
        return []
    if not in_setup_py and "setuptools_scm" not in doc.get("tool", {}):
        return []
    dynamic = next(
        (t for t in packaging.tables if t.name == ("tool", "setuptools", "dynamic")), None
    )
    if dynamic is None or dynamic.get("version") is None:
        return []
    dynamic.fields = [f for f in dynamic.fields if f.key != "version"]
    return [
        Entry(
            "setup.cfg [metadata] version",
            Action.DROPPED,
            reason="setuptools_scm sets the version; the dynamic source is not written "
            "(version stays in [project] dynamic)",
        )
    ]


def _version_source(packaging: Packaging, doc: TOMLDocument) -> list[Entry]:
    """[project] needs a version or ``dynamic = ["version"]``; setup.cfg could omit it."""
    project = next((t for t in packaging.tables if t.name == ("project",)), None)
    if project is None or project.get("name") is None or project.get("version") is not None:
        return []
    dynamic = project.get("dynamic")
    if dynamic is not None and any(item.value == "version" for item in dynamic.value):  # type: ignore[union-attr]
        return []
    existing = doc.get("project", {})
    if "version" in existing or "version" in existing.get("dynamic", []):
        return []
    if not _uses_setuptools_scm(packaging, doc):
        raise InputError(
            "setup.cfg",
            "[metadata] has no version, and pyproject.toml's [project] must have one",
            hint="add `version = 1.0` (or `version = attr: pkg.__version__`) to [metadata]",
        )
    if dynamic is None:
        project.add("dynamic", items(["version"]))
    else:
        assert isinstance(dynamic.value, list)
        dynamic.value.append(Item("version"))
    return [
        Entry(
            "setup.cfg [metadata] version (absent)",
            Action.TRANSFORMED,
            '[project] dynamic = ["version"]',
            "setuptools_scm sets the version at build time",
        )
    ]


def _validation_error(data: dict[str, Any]) -> ValidationError | None:
    logger = logging.getLogger("validate_pyproject")
    level = logger.level
    # Its advice (e.g. on extras in entry points) is about the input, which we keep as is.
    logger.setLevel(logging.ERROR)
    try:
        _validator()(data)
    except ValidationError as error:
        return error
    finally:
        logger.setLevel(level)
    return None


def _check_result(
    text: str, original: str | None, origins: Mapping[tuple[str, ...], str]
) -> list[Entry]:
    """Re-parse the result (tomlkit placement bugs) and validate it (validate-pyproject).

    A file that was already invalid before we touched it is reported, not refused:
    its problem is not ours to fix, and refusing would block every migration.
    """
    data = tomllib.loads(text)
    if data != tomlkit.parse(text).unwrap():  # pragma: no cover - a tomlkit bug
        msg = "tomlkit rendered a pyproject.toml that parses differently"
        raise AssertionError(msg)
    error = _validation_error(data)
    if error is None:
        return []
    if original is not None:
        before = _validation_error(tomllib.loads(original))
        if before is not None and before.summary == error.summary:
            return [
                Entry(
                    PYPROJECT,
                    Action.KEPT,
                    reason=f"already failed validate-pyproject before the migration: "
                    f"{error.summary}",
                )
            ]
    where, _, line = _origin_of(error, origins).partition(":")
    raise InputError(
        where or PYPROJECT,
        f"the migrated pyproject.toml would not be valid: {error.summary}",
        line=int(line) if line.isdigit() else None,
        hint="fix that value (the build backends refuse it too), then run again",
    ) from error


@functools.cache
def _validator() -> Validator:
    return Validator()


#: setup() fields declared dynamic -> the tables that must then not hold them statically.
_DYNAMIC_TABLES = {
    "urls": ("project", "urls"),
    "optional-dependencies": ("project", "optional-dependencies"),
    "scripts": ("project", "scripts"),
    "gui-scripts": ("project", "gui-scripts"),
}


def _combine(packaging: Packaging, setup_py: SetupPy, doc: TOMLDocument) -> None:
    """Add setup.py's fields to setup.cfg's: setup() arguments win, as in setuptools."""
    has_name = (
        any(t.name == ("project",) and t.get("name") for t in packaging.tables)
        or any(t.name == ("project",) and t.get("name") for t in setup_py.tables)
        or "name" in doc.get("project", {})
    )
    wanted = [t for t in setup_py.tables if t.fields] or setup_py.dynamic
    if not wanted:
        return
    if "name" in setup_py.dynamic or not has_name:
        raise InputError(
            "setup.py",
            "setup() computes the project name, and [project] name must be a literal",
            hint="write the name as a string in setup() or setup.cfg [metadata], then run again",
        )
    by_name = {t.name: t for t in packaging.tables}
    if not packaging.tables:
        packaging.tables = [Table(("project",)), Table(("tool", "setuptools"))]
        by_name = {t.name: t for t in packaging.tables}
        if not setup_py.sets_include_package_data:
            # pyproject.toml's default is true; setup.py alone meant false.
            by_name[("tool", "setuptools")].add("include-package-data", False)
            packaging.entries.append(
                Entry(
                    "setup.py include_package_data (absent)",
                    Action.TRANSFORMED,
                    "[tool.setuptools] include-package-data = false",
                    "setup.py's default is false, pyproject.toml's is true",
                )
            )
    elif setup_py.sets_include_package_data:
        tool = by_name.get(("tool", "setuptools"))
        if tool is not None:
            tool.fields = [f for f in tool.fields if f.key != "include-package-data"]
    project = by_name[("project",)]
    for table in setup_py.tables:
        target = by_name.get(table.name)
        if target is None:
            target = Table(table.name)
            packaging.tables.append(target)
            by_name[table.name] = target
        for new in table.fields:
            target.fields = [f for f in target.fields if f.key != new.key]
            target.fields.append(new)
    for role in ("author", "maintainer"):
        given = {k: v for k, v in setup_py.people.items() if k.startswith(role)}
        if given and role in packaging.people:
            # setup() arguments replace setup.cfg's key by key: its maintainer may
            # come with setup.cfg's maintainer_email.
            names, emails = packaging.people[role]
            people = people_items(given.get(role, names), given.get(f"{role}_email", emails))
            field = project.get(f"{role}s")
            assert field is not None
            project.fields = [
                f if f.key != f"{role}s" else type(f)(f.key, people, f.comments, f.origin)
                for f in project.fields
            ]
    for name in setup_py.dynamic:
        project.fields = [f for f in project.fields if f.key != name]
        if name in _DYNAMIC_TABLES and _DYNAMIC_TABLES[name] in by_name:
            by_name[_DYNAMIC_TABLES[name]].fields = []
        if name == "entry-points":
            for table in packaging.tables:
                if table.name[:2] == ("project", "entry-points"):
                    table.fields = []
    dynamic = project.get("dynamic")
    listed = [str(i.value) for i in dynamic.value] if dynamic is not None else []  # type: ignore[union-attr]
    listed += [n for n in setup_py.dynamic if n not in listed]
    project.fields = [f for f in project.fields if f.key != "dynamic"]
    if listed:
        project.add("dynamic", items(listed))
    packaging.build_requires.extend(setup_py.build_requires)
    if setup_py.license_expression:
        packaging.setuptools_floor = max(packaging.setuptools_floor, 77)
        classifiers = project.get("classifiers")
        if classifiers is not None and isinstance(classifiers.value, list):
            kept = [i for i in classifiers.value if not str(i.value).startswith("License ::")]
            project.fields = [
                f if f.key != "classifiers" else type(f)(f.key, kept, f.comments, f.origin)
                for f in project.fields
            ]
    project.fields.sort(key=lambda f: _PROJECT_ORDER.index(f.key))
    # [project] and its sub-tables first, then [tool.*], then [dependency-groups].
    packaging.tables.sort(key=lambda t: {"project": 0, "tool": 1}.get(t.name[0], 2))


def migrate_project(files: Mapping[str, str], *, remove_legacy: bool = False) -> Outcome:
    """Migrate the legacy files in *files* (repo-relative path -> text)."""
    outcome = Outcome()
    original = files.get(PYPROJECT)
    doc = _parse_pyproject(original)
    new_file = original is None or not doc.body
    packaging = Packaging(tables=[], entries=[])
    cfg_text = files.get("setup.cfg")
    ini = None
    if cfg_text is not None:
        ini = parse_ini(cfg_text, "setup.cfg")
        packaging = migrate_setup_cfg(ini, cfg_text)
    setup_py = files.get("setup.py")
    legacy_backend = False
    scm_in_setup_py = False
    outcome.entries.extend(packaging.entries)
    if setup_py is not None:
        inspection = inspect_setup_py(setup_py)
        outcome.entries.extend(inspection.entries)
        legacy_backend = True
        scm_in_setup_py = inspection.uses_scm_version
        _combine(packaging, inspection, doc)
        if inspection.text is not None and packaging.tables:
            outcome.changes["setup.py"] = inspection.text

    tools = _tools(files, doc)
    consumed_cfg = set(packaging.consumed)
    remove_files: set[str] = set()
    if tools is not None:
        outcome.entries.extend(tools.entries)
        consumed_cfg |= set(tools.consumed.get("setup.cfg", ()))
        remove_files |= set(tools.remove_files)
        for path, sections in tools.consumed.items():
            if path in ("setup.cfg", PYPROJECT) or path in tools.remove_files or path not in files:
                continue
            outcome.changes[path] = remove_sections(files[path], set(sections))

    header: tuple[str, ...] = ()
    if ini is not None and cfg_text is not None:
        stripped = remove_sections(cfg_text, consumed_cfg)
        if stripped != cfg_text:
            outcome.changes["setup.cfg"] = stripped
        if stripped is None:
            header = ini.header_comments
        for section in ini.sections:
            if section.name not in consumed_cfg:
                outcome.entries.append(
                    Entry(
                        f"setup.cfg:{section.line} [{section.name}]",
                        Action.KEPT,
                        reason="not packaging metadata; left in setup.cfg",
                    )
                )

    if packaging.tables:
        outcome.entries.extend(_scm_version(packaging, doc, scm_in_setup_py))
        outcome.entries.extend(_version_source(packaging, doc))
        if new_file and header:
            for text in header:
                doc.add(tomlkit.comment(text))
            doc.add(tomlkit.nl())
            header = ()
        notes = ensure_build_system(
            doc,
            floor=packaging.setuptools_floor,
            extra=packaging.build_requires,
            legacy_backend=legacy_backend,
        )
        outcome.entries.extend(Entry(PYPROJECT, Action.TRANSFORMED, reason=note) for note in notes)
        merge_tables(doc, packaging.tables, header)

    req_tables, req_entries, req_removed = _requirements(
        files, doc, packaging, remove_legacy=remove_legacy
    )
    outcome.entries.extend(req_entries)
    merge_tables(doc, req_tables)
    remove_files |= req_removed

    text = doc.as_string()
    if text != (original or "") and text:
        outcome.entries.extend(
            _check_result(text, original, origins_of([*packaging.tables, *req_tables]))
        )
        outcome.changes[PYPROJECT] = text
    for path in sorted(remove_files):
        if path in files:
            outcome.changes[path] = None
    return outcome


__all__ = ["Item", "Outcome", "migrate_project"]
