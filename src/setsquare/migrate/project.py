"""One whole migration, pure: the legacy files' text in, new file contents and a ledger out.

`setsquare.commands.migrate` reads the files, calls `migrate_project`, and
writes (or diffs, or verifies) what it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.exceptions import ParseError

from setsquare._toml import check_shape, tomllib
from setsquare.errors import InputError
from setsquare.migrate.build_system import ensure_build_system, needs_legacy_backend
from setsquare.migrate.combine import combine, scm_version, version_source
from setsquare.migrate.comments import unplaced_comments
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.layout import separate_new_tables
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.merge import PYPROJECT, merge_tables, origins_of
from setsquare.migrate.requirements.plan import plan_requirements
from setsquare.migrate.setup_cfg import Packaging, migrate_setup_cfg
from setsquare.migrate.setup_py import inspect_setup_py
from setsquare.migrate.strip import remove_sections
from setsquare.migrate.tools import ToolsResult, migrate_tools
from setsquare.pyproject_schema import validation_error

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tomlkit.toml_document import TOMLDocument

    from setsquare.pyproject_schema import ValidationError


_LONE_LF = re.compile(r"(?<!\r)\n")
#: setup.cfg's sections that setuptools reads as packaging configuration
_PACKAGING_SECTION = re.compile(r"metadata$|options($|\.)")


@dataclass
class Outcome:
    """New contents for the files that change (None: delete) and the ledger."""

    changes: dict[str, str | None] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


def _parse_pyproject(text: str | None) -> TOMLDocument:
    if text is None:
        return tomlkit.document()
    try:
        doc = tomlkit.parse(text)
    except ParseError as error:
        raise InputError(
            PYPROJECT,
            f"invalid TOML: {str(error).split(' at line')[0]}",
            line=error.line,
            hint="fix the TOML syntax first; setsquare only merges into a valid file",
        ) from error
    check_shape(doc.unwrap(), text, PYPROJECT)
    return doc


def _tools(files: Mapping[str, str], doc: TOMLDocument, packaging: Packaging) -> ToolsResult:
    """The tool-config half (flake8, isort, black, pytest, mypy, coverage), into *doc*."""
    # Every file read goes along: besides the INI files, requirements and the
    # pre-commit config tell which flake8 plugins are installed.
    present = {path: text for path, text in files.items() if path != PYPROJECT}
    requires_python = any(
        table.name == ("project",) and table.get("requires-python") is not None
        for table in packaging.tables
    )
    return migrate_tools(present, doc, requires_python=requires_python)


def _origin_of(error: ValidationError, origins: Mapping[tuple[str, ...], str]) -> str:
    """``setup.cfg:4`` for ``project.classifiers[0]``, when we wrote that key."""
    path = tuple(re.sub(r"\[\d+\]", "", str(error.name)).strip("`").split("."))
    while path and path not in origins:
        path = path[:-1]
    return origins.get(path, "")


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
    error = validation_error(data)
    if error is None:
        return []
    if original is not None:
        before = validation_error(tomllib.loads(original))
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


def _build_requires(packaging: Packaging, doc: TOMLDocument) -> list[str]:
    """What the build environment installs besides setuptools: setup.py may import it."""
    existing = [str(r) for r in doc.get("build-system", {}).get("requires", [])]
    return existing + [str(item.value) for item in packaging.build_requires]


def _static_version_origin(packaging: Packaging) -> str:
    """Where [project] version came from (``setup.cfg:3``), or "" if it is not static."""
    for table in packaging.tables:
        if table.name == ("project",) and (found := table.get("version")) is not None:
            return found.origin
    return ""


def migrate_project(
    files: Mapping[str, str],
    *,
    remove_legacy: bool = False,
    sources: Mapping[str, str] | None = None,
) -> Outcome:
    """Migrate the legacy files in *files* (repo-relative path -> text).

    *sources* are the other files setup.cfg's mapping looks at but never changes
    (`setsquare.migrate.setup_cfg.sources_wanted`).
    """
    outcome = Outcome()
    original = files.get(PYPROJECT)
    doc = _parse_pyproject(original)
    new_file = original is None or not doc.body
    cfg_text = files.get("setup.cfg")
    ini = None
    setup_py = files.get("setup.py")
    inspection = inspect_setup_py(setup_py) if setup_py is not None else None
    # setup() hiding what it sets keeps setup.cfg's packaging where it is, too.
    opaque = inspection is not None and inspection.opaque
    packaging = Packaging(tables=[], entries=[], opaque=opaque)
    if cfg_text is not None:
        ini = parse_ini(cfg_text, "setup.cfg")
    if cfg_text is not None and ini is not None and not opaque:
        tool: Any = doc.get("tool", {})
        packaging = migrate_setup_cfg(
            ini,
            cfg_text,
            sources,
            include_package_data_set="include-package-data" in tool.get("setuptools", {}),
        )
    scm_in_setup_py = False
    cfg_entries = len(packaging.entries)
    outcome.entries.extend(packaging.entries)
    if inspection is not None:
        outcome.entries.extend(inspection.entries)
        scm_in_setup_py = inspection.uses_scm_version
        combine(packaging, inspection, doc)
        # setup() arguments may overrule a setup.cfg key; combine rewords its line.
        outcome.entries[:cfg_entries] = packaging.entries[:cfg_entries]
        if inspection.text is not None and packaging.tables:
            outcome.changes["setup.py"] = inspection.text

    tools = _tools(files, doc, packaging)
    outcome.entries.extend(tools.entries)
    consumed_cfg = set(packaging.consumed) | set(tools.consumed.get("setup.cfg", ()))
    remove_files: set[str] = set(tools.remove_files)
    for path, sections in tools.consumed.items():
        if path in ("setup.cfg", PYPROJECT) or path in tools.remove_files or path not in files:
            continue
        # tox.ini and the like stay (minus the moved sections) while anything is left.
        outcome.changes[path] = remove_sections(files[path], set(sections), keep_comments=True)

    header: tuple[str, ...] = ()
    if ini is not None and cfg_text is not None:
        stripped = remove_sections(cfg_text, consumed_cfg, keep=packaging.kept_options)
        if stripped != cfg_text:
            outcome.changes["setup.cfg"] = stripped
        if stripped is None:
            header = ini.header_comments
        moved_version = _static_version_origin(packaging).startswith("setup.cfg:")
        for section in ini.sections:
            if section.name not in consumed_cfg:
                reason = "not packaging metadata; left in setup.cfg"
                if opaque and _PACKAGING_SECTION.match(section.name):
                    reason = (
                        "packaging metadata, but setup.py's setup() hides what it sets "
                        "(see above): left in setup.cfg, where setuptools reads both"
                    )
                if moved_version and section.name.startswith("bumpversion:file:setup.cfg"):
                    reason += (
                        "; but the version it bumps moved to pyproject.toml: make it "
                        "[bumpversion:file:pyproject.toml], or bumpversion stops bumping it"
                    )
                outcome.entries.append(
                    Entry(f"setup.cfg:{section.line} [{section.name}]", Action.KEPT, reason=reason)
                )

    if packaging.tables:
        dropped = scm_version(packaging, doc, scm_in_setup_py)
        if dropped:
            # The attr: source that was listed as moved is not written after all.
            outcome.entries = [
                e for e in outcome.entries if e.target != "[tool.setuptools.dynamic] version"
            ]
        outcome.entries.extend(dropped)
        outcome.entries.extend(version_source(packaging, doc, scm_in_setup_py))
        if new_file and header:
            for text in header:
                doc.add(tomlkit.comment(text))
            doc.add(tomlkit.nl())
            header = ()
        notes = ensure_build_system(
            doc,
            floor=packaging.setuptools_floor,
            extra=packaging.build_requires,
            legacy_backend=setup_py is not None
            and needs_legacy_backend(setup_py, _build_requires(packaging, doc)),
        )
        outcome.entries.extend(Entry(PYPROJECT, Action.TRANSFORMED, reason=note) for note in notes)
        merge_tables(doc, packaging.tables, header)

    req_tables, req_entries, req_removed = plan_requirements(
        files, doc, packaging, remove_legacy=remove_legacy, sources=sources
    )
    outcome.entries.extend(req_entries)
    merge_tables(doc, req_tables)
    remove_files |= req_removed

    text = doc.as_string()
    if text != (original or ""):
        text = separate_new_tables(original or "", text.replace("\r\n", "\n"))
    if original is not None and "\r\n" in original:
        # tomlkit writes new lines with "\n"; a CRLF file stays CRLF throughout.
        text = _LONE_LF.sub("\r\n", text)
    if text != (original or "") and text:
        outcome.entries.extend(
            _check_result(text, original, origins_of([*packaging.tables, *req_tables]))
        )
        outcome.changes[PYPROJECT] = text
    for path in sorted(remove_files):
        if path in files:
            outcome.changes[path] = None
    outcome.entries.extend(unplaced_comments(files, outcome.changes, skip=frozenset({PYPROJECT})))
    return outcome


__all__ = ["Outcome", "migrate_project"]
