"""setup.cfg ``[metadata]`` and ``[options]`` into ``[project]`` and ``[tool.setuptools]``.

Values are read the way setuptools reads them (``setuptools/config/setupcfg.py``
and ``setuptools/dist.py``): configparser's ``%`` interpolation, the option
aliases, dash and upper-case keys folded, lists split on newlines or else on the
separator, requirement lines with `` #`` comments dropped and ``\\`` lines
joined (``values``). Where pyproject.toml's defaults differ from setup.cfg's
(``include-package-data``, namespace discovery, readme content type) the old
behaviour is written out explicitly. ``metadata`` maps ``[metadata]`` (``license``
its license fields), ``options`` maps ``[options]``, ``sections`` its sub-sections;
``base`` holds the tables they fill and ``attr`` reads a ``version = attr:``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare import legacy_sources
from setsquare.errors import InputError
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.setup_cfg.attr import version_module_paths
from setsquare.migrate.setup_cfg.base import FLOOR_PROJECT
from setsquare.migrate.setup_cfg.metadata import MetadataMapper
from setsquare.migrate.setup_cfg.options import OptionsMapper
from setsquare.migrate.setup_cfg.sections import SectionsMapper
from setsquare.migrate.setup_cfg.values import Reader

if TYPE_CHECKING:
    from collections.abc import Mapping

    from setsquare.migrate.ini import IniFile
    from setsquare.migrate.ledger import Entry
    from setsquare.migrate.model import Item, Table

PATH = "setup.cfg"

#: Sections this module owns (the declared table's); everything else in setup.cfg is left
#: where it is.
OWNED = frozenset(
    name
    for row in legacy_sources.sections_of("packaging")
    if row.path == PATH
    for name in row.names
)


@dataclass
class Packaging:
    """The packaging half of a migration: tables to merge, and what became of each key."""

    tables: list[Table]
    entries: list[Entry]
    header: tuple[str, ...] = ()
    build_requires: list[Item] = field(default_factory=list)
    setuptools_floor: int = FLOOR_PROJECT
    consumed: set[str] = field(default_factory=set)
    #: options left in their (otherwise consumed) section: pyproject.toml cannot hold them
    kept_options: dict[str, set[str]] = field(default_factory=dict)
    #: ``install_requires = file: X``: X stays, as the source of the dynamic dependencies.
    dependency_files: tuple[str, ...] = ()
    name: str | None = None
    has_dependencies: bool = False
    #: author / maintainer: the (names, e-mails) texts, for setup.py to complete.
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: setup.py's setup() hides what it sets: no packaging moved, and the build may
    #: read any requirements file.
    opaque: bool = False
    #: ``license`` as written, when it became an SPDX expression (setup.py may undo that)
    license_text: str = ""

    def requires_python(self) -> str | None:
        """The `[project] requires-python` the migration writes, if any."""
        for table in self.tables:
            if table.name == ("project",) and (found := table.get("requires-python")) is not None:
                return str(found.value)
        return None


class _Mapper(MetadataMapper, OptionsMapper, SectionsMapper):
    """setup.cfg's packaging sections: [metadata], [options] and [options.*]."""


def _line_of(entry: Entry) -> int:
    """Ledger entries in file order; entries about absent keys go last."""
    line = entry.source.line
    return line if line is not None else sys.maxsize


def sources_wanted(text: str) -> list[str]:
    """Other files the mapping looks at, for the command to read if they exist.

    MANIFEST.in (with include_package_data it picks wheel contents) and the module
    a ``version = attr:`` is read from (can setuptools read it without importing?).
    """
    try:
        modules = version_module_paths(Reader(parse_ini(text, PATH), text))
    except InputError:
        modules = []  # the migration itself reports the bad input
    return ["MANIFEST.in", *modules]


def migrate_setup_cfg(
    ini: IniFile,
    text: str,
    sources: Mapping[str, str] | None = None,
    *,
    existing: Mapping[str, Any] | None = None,
) -> Packaging:
    """Map the packaging sections of a parsed setup.cfg; raise `InputError` on bad input.

    *sources* holds the `sources_wanted` files that exist; None skips the checks on them.
    *existing*: pyproject.toml as it was. Its include-package-data wins over setup.cfg's,
    and once it has a `[project]` or `[tool.setuptools]` table setuptools read it before
    the migration too, with pyproject's include-package-data default (true).
    """
    present = {section.name: section for section in ini.sections}
    if "DEFAULT" in present:
        raise InputError(
            ini.path,
            "has a [DEFAULT] section, whose keys setuptools adds to every section; "
            "setsquare cannot migrate that faithfully",
            line=present["DEFAULT"].line,
            hint="move the [DEFAULT] keys into the sections that use them",
        )
    for name in present:
        if name.startswith("options.") and name not in OWNED:
            raise InputError(
                ini.path,
                f"unknown section [{name}]: setuptools refuses it",
                line=present[name].line,
                hint="remove or rename the section",
            )
    owned = [name for name in present if name in OWNED]
    if not owned:
        return Packaging(tables=[], entries=[])
    mapper = _Mapper(Reader(ini, text))
    mapper.sources = sources
    existing = existing or {}
    setuptools = existing.get("tool", {}).get("setuptools", {})
    mapper.include_package_data_set = "include-package-data" in setuptools
    mapper.pyproject_read = bool(existing.get("project")) or bool(setuptools)
    # Comments written above a section header go above the table it becomes.
    if "metadata" in present:
        mapper.project.comments = present["metadata"].comments
        mapper.metadata(present["metadata"])
    if "options" in present:
        mapper.setuptools.comments = present["options"].comments
        mapper.options(present["options"], present)
    else:
        # Without [options], pyproject.toml's defaults must still not change the build.
        mapper.include_package_data_default()
    mapper.classifiers()
    if "options.extras_require" in present:
        mapper.extras_require(present["options.extras_require"])
    if "options.entry_points" in present:
        mapper.entry_points(present["options.entry_points"])
    if "options.package_data" in present:
        mapper.package_data_section(
            present["options.package_data"], mapper.package_data, "[tool.setuptools.package-data]"
        )
    if "options.exclude_package_data" in present:
        mapper.package_data_section(
            present["options.exclude_package_data"],
            mapper.exclude_package_data,
            "[tool.setuptools.exclude-package-data]",
        )
    if "options.data_files" in present:
        mapper.data_files_section(present["options.data_files"])
    name_field = mapper.project.get("name")
    return Packaging(
        tables=mapper.tables(),
        entries=sorted(mapper.r.entries, key=_line_of),
        header=ini.header_comments,
        build_requires=mapper.build_requires,
        setuptools_floor=mapper.floor,
        consumed=set(owned),
        kept_options=mapper.kept_options,
        dependency_files=tuple(mapper.dependency_files),
        name=str(name_field.value) if name_field is not None else None,
        people=mapper.people_text,
        license_text=mapper.license_text,
        has_dependencies=mapper.project.get("dependencies") is not None
        or bool(mapper.dependency_files),
    )
