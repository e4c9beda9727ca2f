"""The tables setup.cfg's packaging sections become, shared by the two mappers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Location
from setsquare.migrate.model import Inline, Item, Table, items

if TYPE_CHECKING:
    from collections.abc import Mapping

    from setsquare.migrate.ini import IniOption
    from setsquare.migrate.setup_cfg.values import Reader

#: The order of keys in a new [project], as in setsquare's template.
PROJECT_ORDER = [
    "name",
    "version",
    "description",
    "readme",
    "requires-python",
    "license",
    "license-files",
    "authors",
    "maintainers",
    "keywords",
    "classifiers",
    "urls",
    "dependencies",
    "optional-dependencies",
    "scripts",
    "gui-scripts",
    "entry-points",
    "dynamic",
]

#: setuptools >= 61 reads [project]; >= 77 is needed for PEP 639 license fields.
FLOOR_PROJECT = 61
FLOOR_PEP639 = 77


#: why an empty license is left out (setup.cfg and setup.py alike)
EMPTY_LICENSE = (
    'empty: setuptools writes no License field for it, and an empty license = {text = ""}'
    " is deprecated, so it is left out"
)


class MapperBase:
    """The tables a setup.cfg becomes, and the helpers both mappers share."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.project = Table(("project",))
        self.urls = Table(("project", "urls"))
        self.extras = Table(("project", "optional-dependencies"))
        self.scripts = Table(("project", "scripts"))
        self.gui_scripts = Table(("project", "gui-scripts"))
        self.entry_point_groups: list[Table] = []
        self.setuptools = Table(("tool", "setuptools"))
        self.find = Table(("tool", "setuptools", "packages", "find"))
        self.package_data = Table(("tool", "setuptools", "package-data"))
        self.exclude_package_data = Table(("tool", "setuptools", "exclude-package-data"))
        self.data_files = Table(("tool", "setuptools", "data-files"))
        self.dynamic_table = Table(("tool", "setuptools", "dynamic"))
        self.groups = Table(("dependency-groups",))
        self.dynamic: list[str] = []
        self.floor = FLOOR_PROJECT
        self.build_requires: list[Item] = []
        self.dependency_files: list[str] = []
        self.classifier_option: IniOption | None = None
        self.license_expression = False
        #: setup.cfg's license as written, when it was read as an SPDX expression
        self.license_text = ""
        self.people_text: dict[str, tuple[str, str]] = {}
        #: Other project files the mapping looks at (MANIFEST.in, the ``attr:`` version
        #: module), by path; None when the caller did not read them.
        self.sources: Mapping[str, str] | None = None
        #: options pyproject.toml cannot hold, left in their setup.cfg section by name
        self.kept_options: dict[str, set[str]] = {}
        #: pyproject.toml already sets include-package-data (its value wins)
        self.include_package_data_set = False
        #: setuptools already read pyproject.toml (it has [project] or [tool.setuptools])
        self.pyproject_read = False

    # -- helpers -----------------------------------------------------------------

    def origin(self, option: IniOption) -> Location:
        return Location(self.r.ini.path, option.line)

    def add(self, table: Table, key: str, value: object, section: str, option: IniOption) -> None:
        table.add(key, value, comments=option.comments, origin=self.origin(option))  # type: ignore[arg-type]

    def record_as(self, s: str, option: IniOption, key: str, target: str, reason: str = "") -> None:
        """Record *option* of section *s* as moved to *target*; a spelling of *key* that
        setuptools folds or aliases is the reason when no other is given."""
        folded = option.key.replace("-", "_").lower()
        if not reason and folded != key:
            reason = f"setuptools reads `{option.key}` as `{key}`"
        action = Action.TRANSFORMED if reason else Action.MAPPED
        self.r.record(s, option, action, target, reason)

    def set_dynamic(self, name: str, value: Inline, section: str, option: IniOption) -> None:
        self.dynamic.append(name)
        self.add(self.dynamic_table, name, value, section, option)

    def tables(self) -> list[Table]:
        if self.dynamic:
            self.project.add("dynamic", items(dict.fromkeys(self.dynamic)))
        self.project.fields.sort(key=lambda f: PROJECT_ORDER.index(f.key))
        return [
            self.project,
            self.urls,
            self.extras,
            self.scripts,
            self.gui_scripts,
            *self.entry_point_groups,
            self.setuptools,
            self.find,
            self.package_data,
            self.exclude_package_data,
            self.data_files,
            self.dynamic_table,
            self.groups,
        ]
