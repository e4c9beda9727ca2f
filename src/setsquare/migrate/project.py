"""One whole migration, pure: the legacy files' text in, new file contents and a ledger out.

`setsquare.commands.migrate` reads the files, calls `migrate_project`, and
writes (or diffs, or verifies) what it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.migrate.build_system import ensure_build_system, needs_legacy_backend
from setsquare.migrate.combine import combine, scm_version, version_source
from setsquare.migrate.comments import unplaced_comments
from setsquare.migrate.document import check_result, parse_pyproject, render_pyproject
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.policy import PYPROJECT, Unit
from setsquare.migrate.python_floor import stranded_pythons
from setsquare.migrate.requirements.plan import plan_requirements
from setsquare.migrate.setup_cfg import Packaging, migrate_setup_cfg
from setsquare.migrate.setup_py import inspect_setup_py
from setsquare.migrate.strip import remove_sections
from setsquare.migrate.tools import migrate_tools
from setsquare.migrate.writer import origins_of, write

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.ini import IniFile
    from setsquare.migrate.model import Table
    from setsquare.migrate.setup_py import SetupPy

#: setup.cfg's sections that setuptools reads as packaging configuration
_PACKAGING_SECTION = re.compile(r"metadata$|options($|\.)")


@dataclass
class Outcome:
    """New contents for the files that change (None: delete) and the ledger."""

    changes: dict[str, str | None] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)


def _build_requires(packaging: Packaging, doc: TOMLDocument) -> list[str]:
    """What the build environment installs besides setuptools: setup.py may import it."""
    existing = [str(r) for r in doc.get("build-system", {}).get("requires", [])]
    return existing + [str(item.value) for item in packaging.build_requires]


def _version_from_setup_cfg(packaging: Packaging) -> bool:
    """Whether [project] version is static and came from a line of setup.cfg."""
    for table in packaging.tables:
        if table.name == ("project",) and (found := table.get("version")) is not None:
            origin = found.origin
            return origin is not None and origin.path == "setup.cfg" and origin.line is not None
    return False


def migrate_project(
    files: Mapping[str, str],
    *,
    remove_legacy: bool = False,
    sources: Mapping[str, str] | None = None,
) -> Outcome:
    """Migrate the legacy files in *files* (repo-relative path -> text).

    *sources* are the other files setup.cfg's mapping looks at but never changes
    (`setsquare.migrate.setup_cfg.sources_wanted`). The stages run in this order;
    each reads what the ones before it decided.
    """
    run = _Run(files, sources, remove_legacy, files.get(PYPROJECT))
    _inspect_setup_py(run)
    _map_setup_cfg(run)
    _combine_packaging(run)
    _migrate_tools(run)
    _strip_setup_cfg(run)
    _report_kept_sections(run)
    _settle_version(run)
    _write_packaging(run)
    _migrate_requirements(run)
    _render_pyproject(run)
    _remove_files(run)
    _report_unplaced_comments(run)
    return run.outcome


@dataclass
class _Run:
    """What the stages of one migration share, filled in as they go."""

    files: Mapping[str, str]
    sources: Mapping[str, str] | None
    remove_legacy: bool
    #: pyproject.toml as it was (None: there was none)
    original: str | None
    #: the new pyproject.toml, built up by the stages
    doc: TOMLDocument = field(init=False)
    #: there was no pyproject.toml to speak of: setup.cfg's header comments may open it
    new_file: bool = field(init=False)
    outcome: Outcome = field(default_factory=Outcome)
    inspection: SetupPy | None = None
    ini: IniFile | None = None
    packaging: Packaging = field(default_factory=lambda: Packaging(tables=[], entries=[]))
    #: setup.cfg's sections that something moved out of
    consumed_cfg: set[str] = field(default_factory=set)
    remove_files: set[str] = field(default_factory=set)
    #: the comments above setup.cfg's first section, when setup.cfg goes away
    header: tuple[str, ...] = ()
    req_tables: list[Table] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.doc = parse_pyproject(self.original)
        self.new_file = self.original is None or not self.doc.body

    @property
    def opaque(self) -> bool:
        """setup.py's setup() hides what it sets: its packaging and setup.cfg's stay put."""
        return self.inspection is not None and self.inspection.opaque


def _inspect_setup_py(run: _Run) -> None:
    """What setup.py's setup() sets as literals, or that it hides what it sets."""
    text = run.files.get("setup.py")
    beside = "setup.cfg" in run.files
    run.inspection = inspect_setup_py(text, beside_setup_cfg=beside) if text is not None else None


def _map_setup_cfg(run: _Run) -> None:
    """setup.cfg's packaging sections as tables; when setup() hides what it sets, none."""
    run.packaging = Packaging(tables=[], entries=[], opaque=run.opaque)
    text = run.files.get("setup.cfg")
    if text is None:
        return
    run.ini = parse_ini(text, "setup.cfg")
    if not run.opaque:
        run.packaging = migrate_setup_cfg(run.ini, text, run.sources, existing=run.doc)


def _combine_packaging(run: _Run) -> None:
    """setup.py's fields join setup.cfg's (setup() arguments win); setup.py loses them."""
    packaging, inspection, outcome = run.packaging, run.inspection, run.outcome
    cfg_entries = len(packaging.entries)
    outcome.entries.extend(packaging.entries)
    if inspection is None:
        return
    outcome.entries.extend(inspection.entries)
    combine(packaging, inspection, run.doc)
    # setup() arguments may overrule a setup.cfg key; combine rewords its line.
    outcome.entries[:cfg_entries] = packaging.entries[:cfg_entries]
    if inspection.text is not None and packaging.tables:
        outcome.changes["setup.py"] = inspection.text


def _migrate_tools(run: _Run) -> None:
    """The tool-config half (flake8, isort, black, pytest, mypy, coverage), into the document.

    Which sections and files it empties is decided here; the files other than
    setup.cfg lose those sections now (tox.ini and the like stay while anything is left).
    """
    # Every file read goes along: besides the INI files, requirements and the
    # pre-commit config tell which flake8 plugins are installed.
    present = {path: text for path, text in run.files.items() if path != PYPROJECT}
    declared = run.packaging.requires_python()
    tools = migrate_tools(
        present, run.doc, requires_python=declared is not None, declared_python=declared
    )
    run.outcome.entries.extend(tools.entries)
    run.consumed_cfg = set(run.packaging.consumed) | set(tools.consumed.get("setup.cfg", ()))
    run.remove_files = set(tools.remove_files)
    for path, sections in tools.consumed.items():
        if path in ("setup.cfg", PYPROJECT) or path in tools.remove_files or path not in run.files:
            continue
        stripped = remove_sections(run.files[path], set(sections), keep_comments=True)
        run.outcome.changes[path] = stripped


def _strip_setup_cfg(run: _Run) -> None:
    """setup.cfg without the sections packaging and tools took (None: nothing is left)."""
    text = run.files.get("setup.cfg")
    if run.ini is None or text is None:
        return
    stripped = remove_sections(text, run.consumed_cfg, keep=run.packaging.kept_options)
    if stripped is None and run.inspection is not None and run.inspection.reads_setup_cfg:
        stripped = ""  # setup.py may open it: emptied, never removed
    if stripped != text:
        run.outcome.changes["setup.cfg"] = stripped
    if stripped is None:
        run.header = run.ini.header_comments


def _report_kept_sections(run: _Run) -> None:
    """A ledger line for each setup.cfg section that stays, saying why."""
    if run.ini is None:
        return
    moved_version = _version_from_setup_cfg(run.packaging)
    for section in run.ini.sections:
        if section.name in run.consumed_cfg:
            continue
        reason = "not packaging metadata; left in setup.cfg"
        if run.inspection is not None and run.opaque and _PACKAGING_SECTION.match(section.name):
            reason = (
                f"packaging metadata, but {run.inspection.held_because} "
                "(see above): left in setup.cfg, where setuptools reads both"
            )
        if moved_version and section.name.startswith("bumpversion:file:setup.cfg"):
            reason += (
                "; but the version it bumps moved to pyproject.toml: make it "
                "[bumpversion:file:pyproject.toml], or bumpversion stops bumping it"
            )
        where = Location("setup.cfg", section.line, section.name)
        run.outcome.entries.append(Entry(where, Action.KEPT, reason=reason))


def _settle_version(run: _Run) -> None:
    """Whether setuptools_scm sets the version: then no attr: source, and version is dynamic."""
    if not run.packaging.tables:
        return
    scm_in_setup_py = run.inspection is not None and run.inspection.uses_scm_version
    outcome = run.outcome
    dropped = scm_version(run.packaging, run.doc, scm_in_setup_py)
    if dropped:
        # The attr: source that was listed as moved is not written after all.
        outcome.entries = [
            e for e in outcome.entries if e.target != "[tool.setuptools.dynamic] version"
        ]
    outcome.entries.extend(dropped)
    outcome.entries.extend(version_source(run.packaging, run.doc, scm_in_setup_py))


def _write_packaging(run: _Run) -> None:
    """[build-system] for what the packaging needs, then the packaging tables, into the document.

    A new pyproject.toml opens with the comments that opened the setup.cfg it replaces.
    """
    packaging, doc = run.packaging, run.doc
    if not packaging.tables:
        return
    # A new file gets them at the top when it is rendered, above any tool table too.
    header = () if run.new_file else run.header
    setup_py = run.files.get("setup.py")
    notes = ensure_build_system(
        doc,
        floor=packaging.setuptools_floor,
        extra=packaging.build_requires,
        legacy_backend=setup_py is not None
        and needs_legacy_backend(setup_py, _build_requires(packaging, doc)),
    )
    run.outcome.entries.extend(
        Entry(Location(PYPROJECT), Action.TRANSFORMED, reason=note) for note in notes
    )
    stranded = stranded_pythons(packaging)
    if stranded is not None:
        run.outcome.entries.append(Entry(Location(PYPROJECT), Action.TRANSFORMED, reason=stranded))
    write(doc, Unit("packaging", packaging.tables, header=header))


def _migrate_requirements(run: _Run) -> None:
    """requirements*.txt into dependency groups (or nowhere), and which files go."""
    tables, entries, removed = plan_requirements(
        run.files, run.doc, run.packaging, remove_legacy=run.remove_legacy, sources=run.sources
    )
    run.outcome.entries.extend(entries)
    write(run.doc, Unit("requirements", tables))
    run.remove_files |= removed
    run.req_tables = tables


def _render_pyproject(run: _Run) -> None:
    """The document as text, laid out like the original; checked and valid, or refused."""
    header = run.header if run.new_file and run.packaging.tables else ()
    text = render_pyproject(run.doc, run.original, header)
    if text != (run.original or "") and text:
        origins = origins_of([*run.packaging.tables, *run.req_tables])
        run.outcome.entries.extend(check_result(text, run.original, origins))
        run.outcome.changes[PYPROJECT] = text


def _remove_files(run: _Run) -> None:
    """The legacy files nothing is left in, deleted."""
    for path in sorted(run.remove_files):
        if path in run.files:
            run.outcome.changes[path] = None


def _report_unplaced_comments(run: _Run) -> None:
    """A ledger line for each comment of a changed file that the new files do not hold."""
    changes = run.outcome.changes
    run.outcome.entries.extend(unplaced_comments(run.files, changes, skip=frozenset({PYPROJECT})))


__all__ = ["Outcome", "migrate_project"]
