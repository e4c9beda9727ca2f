"""setup.cfg ``[metadata]`` and ``[options]`` into ``[project]`` and ``[tool.setuptools]``.

Values are read the way setuptools reads them (``setuptools/config/setupcfg.py``
and ``setuptools/dist.py``): configparser's ``%`` interpolation, the option
aliases, dash and upper-case keys folded, lists split on newlines or else on the
separator, requirement lines with `` #`` comments dropped and ``\\`` lines
joined. Where pyproject.toml's defaults differ from setup.cfg's
(``include-package-data``, namespace discovery, readme content type) the old
behaviour is written out explicitly.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from setsquare.errors import InputError
from setsquare.migrate.fragment import Inline, Item, Table, items
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.setup_cfg_values import (
    Reader,
    dict_lines,
    file_directive,
    list_items,
    one_or_many,
    options_by_key,
    people_items,
    requirements,
)

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniFile, IniOption, IniSection

PATH = "setup.cfg"

#: setuptools' own aliases (ConfigMetadataHandler.aliases).
ALIASES = {"home_page": "url", "summary": "description", "classifier": "classifiers"}
ALIASES_WITH_TARGET = {"platform": "platforms", "license_file": "license_files"}

#: Sections this module owns; everything else in setup.cfg is left where it is.
OWNED = {
    "metadata",
    "options",
    "options.packages.find",
    "options.package_data",
    "options.exclude_package_data",
    "options.data_files",
    "options.entry_points",
    "options.extras_require",
}

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


@dataclass
class Packaging:
    """The packaging half of a migration: tables to merge, and what became of each key."""

    tables: list[Table]
    entries: list[Entry]
    header: tuple[str, ...] = ()
    build_requires: list[Item] = field(default_factory=list)
    setuptools_floor: int = FLOOR_PROJECT
    consumed: set[str] = field(default_factory=set)
    #: ``install_requires = file: X``: X stays, as the source of the dynamic dependencies.
    dependency_files: tuple[str, ...] = ()
    name: str | None = None
    has_dependencies: bool = False
    #: author / maintainer: the (names, e-mails) texts, for setup.py to complete.
    people: dict[str, tuple[str, str]] = field(default_factory=dict)


class _Mapper:
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
        self.people_text: dict[str, tuple[str, str]] = {}

    # -- helpers -----------------------------------------------------------------

    def origin(self, option: IniOption) -> str:
        return f"{self.r.ini.path}:{option.line}"

    def add(self, table: Table, key: str, value: object, section: str, option: IniOption) -> None:
        table.add(key, value, comments=option.comments, origin=self.origin(option))  # type: ignore[arg-type]

    def set_dynamic(self, name: str, value: Inline, section: str, option: IniOption) -> None:
        self.dynamic.append(name)
        self.add(self.dynamic_table, name, value, section, option)

    # -- [metadata] -------------------------------------------------------------

    def metadata(self, section: IniSection) -> None:
        aliases = {**ALIASES, **ALIASES_WITH_TARGET}
        options = options_by_key(self.r, section, aliases)
        s = section.name
        handled: set[str] = set()

        def take(key: str) -> IniOption | None:
            option = options.get(key)
            if option is not None:
                handled.add(key)
            return option

        def note(option: IniOption, key: str, target: str, reason: str = "") -> None:
            folded = option.key.replace("-", "_").lower()
            if not reason and folded != key:
                reason = f"setuptools reads `{option.key}` as `{key}`"
            action = Action.TRANSFORMED if reason else Action.MAPPED
            self.r.record(s, option, action, target, reason)

        if (option := take("name")) is not None:
            self.add(self.project, "name", self.r.value(s, option).strip(), s, option)
            note(option, "name", "[project] name")
        if (option := take("version")) is not None:
            self.version(option, s)
        if (option := take("description")) is not None:
            value = self.r.value(s, option)
            files = file_directive(value)
            if files is None:
                self.add(self.project, "description", value.strip(), s, option)
                note(option, "description", "[project] description")
            else:
                self.set_dynamic("description", {"file": one_or_many(files)}, s, option)
                note(
                    option,
                    "description",
                    "[tool.setuptools.dynamic] description",
                    "file: read at build time",
                )
        self.readme(take("long_description"), take("long_description_content_type"), s)
        self.people("author", take("author"), take("author_email"), s)
        self.people("maintainer", take("maintainer"), take("maintainer_email"), s)
        self.license(take("license"), s)
        if (option := take("license_files")) is not None:
            values = list_items(self.r, s, option)
            if self.license_expression or self.project.get("license") is None:
                self.floor = max(self.floor, FLOOR_PEP639)
                self.add(self.project, "license-files", values, s, option)
                note(option, "license_files", "[project] license-files")
            else:
                # PEP 639 allows license-files only next to an SPDX expression.
                self.add(self.setuptools, "license-files", values, s, option)
                note(
                    option,
                    "license_files",
                    "[tool.setuptools] license-files",
                    "the license is not an SPDX expression, so not [project] license-files "
                    "(setuptools deprecates this place)",
                )
        self.urls_from(take("url"), take("download_url"), take("project_urls"), s)
        if (option := take("classifiers")) is not None:
            self.classifier_option = option
            handled.add("classifiers")
        if (option := take("keywords")) is not None:
            self.add(self.project, "keywords", list_items(self.r, s, option), s, option)
            note(option, "keywords", "[project] keywords")
        for key in ("platforms", "provides", "obsoletes"):
            if (option := take(key)) is not None:
                self.add(self.setuptools, key, list_items(self.r, s, option), s, option)
                note(
                    option,
                    key,
                    f"[tool.setuptools] {key}",
                    "no [project] field; setuptools keeps it in METADATA",
                )
        for key, option in options.items():
            if key not in handled:
                self.r.record(
                    s, option, Action.DROPPED, reason="setuptools ignores this key in [metadata]"
                )

    def version(self, option: IniOption, s: str) -> None:
        value = self.r.value(s, option).strip()
        files = file_directive(value)
        if files is not None:
            self.set_dynamic("version", {"file": one_or_many(files)}, s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.dynamic] version",
                "file: read at build time",
            )
        elif value.startswith("attr:"):
            self.set_dynamic("version", {"attr": value[len("attr:") :].strip()}, s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.dynamic] version",
                "attr: read at build time",
            )
        else:
            self.add(self.project, "version", value, s, option)
            self.r.record(s, option, Action.MAPPED, "[project] version")

    def readme(self, text: IniOption | None, kind: IniOption | None, s: str) -> None:
        content_type = self.r.value(s, kind).strip() if kind is not None else ""
        if kind is not None and text is None:
            self.r.record(s, kind, Action.DROPPED, reason="no long_description to describe")
            return
        if text is None:
            return
        value = self.r.value(s, text)
        files = file_directive(value)
        reason = ""
        if not content_type:
            # Core metadata without a content type means reStructuredText; pyproject.toml
            # has no way to say "none", so write the meaning down.
            content_type = "text/x-rst"
            reason = "no content type in setup.cfg: text/x-rst is what it meant"
        target = "[project] readme"
        if files is None:
            readme: Inline | str = {"text": value.strip(), "content-type": content_type}
            self.add(self.project, "readme", readme, s, text)
        elif len(files) == 1:
            if content_type == "text/x-rst" and files[0].endswith(".rst") and not reason:
                self.add(self.project, "readme", files[0], s, text)
            else:
                self.add(
                    self.project,
                    "readme",
                    {"file": files[0], "content-type": content_type},
                    s,
                    text,
                )
        else:
            self.set_dynamic("readme", {"file": list(files), "content-type": content_type}, s, text)
            target = "[tool.setuptools.dynamic] readme"
            reason = reason or "several files: read and joined at build time"
        self.r.record(s, text, Action.TRANSFORMED if reason else Action.MAPPED, target, reason)
        if kind is not None:
            self.r.record(s, kind, Action.MAPPED, f"{target} content-type")

    def people(self, role: str, names: IniOption | None, emails: IniOption | None, s: str) -> None:
        if names is None and emails is None:
            return
        name_text = self.r.value(s, names) if names is not None else ""
        email_text = self.r.value(s, emails) if emails is not None else ""
        people = people_items(name_text, email_text)
        self.people_text[role] = (name_text, email_text)
        first = names if names is not None else emails
        assert first is not None
        comments = (names.comments if names is not None else ()) + (
            emails.comments if emails is not None else ()
        )
        self.project.add(f"{role}s", people, comments=comments, origin=self.origin(first))
        for option in (names, emails):
            if option is not None:
                self.r.record(
                    s,
                    option,
                    Action.TRANSFORMED,
                    f"[project] {role}s",
                    "METADATA folds name and e-mail into one field",
                )

    def license(self, option: IniOption | None, s: str) -> None:
        if option is None:
            return
        value = self.r.value(s, option).strip()
        try:
            expression = canonicalize_license_expression(value)
        except InvalidLicenseExpression:
            self.add(self.project, "license", {"text": value}, s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[project] license",
                "not an SPDX expression: kept as text (setuptools deprecates this form; "
                "choose an SPDX id or LicenseRef-...)",
            )
            return
        self.floor = max(self.floor, FLOOR_PEP639)
        self.license_expression = True
        self.add(self.project, "license", expression, s, option)
        why = "PEP 639 SPDX expression" + (f" (was {value!r})" if expression != value else "")
        self.r.record(s, option, Action.TRANSFORMED, "[project] license", why)

    def urls_from(
        self,
        url: IniOption | None,
        download: IniOption | None,
        project_urls: IniOption | None,
        s: str,
    ) -> None:
        used: set[str] = set()
        pairs = dict_lines(self.r, s, project_urls) if project_urls is not None else []
        taken = {key for key, _ in pairs}
        for option, label in ((url, "Homepage"), (download, "Download")):
            if option is None:
                continue
            name = label if label not in taken else f"{label} ({option.key})"
            used.add(name)
            self.add(self.urls, name, self.r.value(s, option).strip(), s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                f"[project.urls] {name}",
                "METADATA lists it as a Project-URL",
            )
        if project_urls is not None:
            for key, value in pairs:
                self.urls.add(key, value, origin=self.origin(project_urls))
            if project_urls.comments and self.urls.fields:
                first = self.urls.fields[len(used)] if len(self.urls.fields) > len(used) else None
                if first is not None:
                    index = self.urls.fields.index(first)
                    self.urls.fields[index] = type(first)(
                        first.key, first.value, project_urls.comments, first.origin
                    )
            self.r.record(s, project_urls, Action.MAPPED, "[project.urls]")

    def classifiers(self) -> None:
        option = self.classifier_option
        if option is None:
            return
        s = "metadata"
        value = self.r.value(s, option)
        files = file_directive(value)
        if files is not None:
            self.set_dynamic("classifiers", {"file": one_or_many(files)}, s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.dynamic] classifiers",
                "file: read at build time",
            )
            return
        found = list_items(self.r, s, option)
        if self.license_expression:
            kept = [item for item in found if not str(item.value).startswith("License ::")]
            dropped = [
                str(item.value) for item in found if str(item.value).startswith("License ::")
            ]
        else:
            kept, dropped = found, []
        self.add(self.project, "classifiers", kept, s, option)
        if dropped:
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[project] classifiers",
                f"dropped {', '.join(repr(d) for d in dropped)}: the SPDX license replaces "
                "License classifiers (setuptools refuses both)",
            )
        else:
            folded = option.key.replace("-", "_").lower()
            reason = (
                f"setuptools reads `{option.key}` as `classifiers`"
                if folded != "classifiers"
                else ""
            )
            self.r.record(
                s,
                option,
                Action.TRANSFORMED if reason else Action.MAPPED,
                "[project] classifiers",
                reason,
            )

    # -- [options] --------------------------------------------------------------

    def options(self, section: IniSection, sections: dict[str, IniSection]) -> None:
        options = options_by_key(self.r, section, {})
        s = section.name
        for key, option in options.items():
            method = getattr(self, f"opt_{key}", None)
            if method is None:
                self.r.record(
                    s, option, Action.DROPPED, reason="setuptools ignores this key in [options]"
                )
                continue
            method(option, s, sections)
        if "include_package_data" not in options:
            self.setuptools.add("include-package-data", False)
            self.r.entries.append(
                Entry(
                    f"{self.r.ini.path} [options] include_package_data (absent)",
                    Action.TRANSFORMED,
                    "[tool.setuptools] include-package-data = false",
                    "setup.cfg's default is false, pyproject.toml's is true",
                )
            )
        if "packages" not in options and "options.packages.find" in sections:
            find = sections["options.packages.find"]
            for option in find.options:
                self.r.record(
                    find.name,
                    option,
                    Action.DROPPED,
                    reason="no `packages = find:` reads this section",
                )

    def opt_python_requires(self, option: IniOption, s: str, _: object) -> None:
        self.add(self.project, "requires-python", self.r.value(s, option).strip(), s, option)
        self.r.record(s, option, Action.MAPPED, "[project] requires-python")

    def opt_install_requires(self, option: IniOption, s: str, _: object) -> None:
        files = file_directive(self.r.value(s, option))
        if files is not None:
            self.dependency_files.extend(files)
            self.set_dynamic("dependencies", {"file": one_or_many(files)}, s, option)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.dynamic] dependencies",
                "file: read at build time",
            )
            return
        self.add(self.project, "dependencies", requirements(self.r, s, option), s, option)
        self.r.record(s, option, Action.MAPPED, "[project] dependencies")

    def opt_setup_requires(self, option: IniOption, s: str, _: object) -> None:
        self.build_requires.extend(requirements(self.r, s, option))
        self.r.record(
            s, option, Action.TRANSFORMED, "[build-system] requires", "build-time requirements"
        )

    def opt_tests_require(self, option: IniOption, s: str, _: object) -> None:
        self.add(self.groups, "test", requirements(self.r, s, option), s, option)
        self.r.record(
            s,
            option,
            Action.TRANSFORMED,
            "[dependency-groups] test",
            "a dependency group, not a published extra: METADATA is unchanged",
        )

    def opt_dependency_links(self, option: IniOption, s: str, _: object) -> None:
        self.r.record(
            s,
            option,
            Action.DROPPED,
            reason="pip ignores dependency links and setuptools refuses them in pyproject.toml",
        )

    def opt_packages(self, option: IniOption, s: str, sections: dict[str, IniSection]) -> None:
        value = self.r.value(s, option).strip()
        find = sections.get("options.packages.find")
        if value in ("find:", "find_namespace:"):
            namespaces = value == "find_namespace:"
            if find is not None:
                for key, found in options_by_key(self.r, find, {}).items():
                    if key not in ("where", "include", "exclude"):
                        self.r.record(
                            find.name, found, Action.DROPPED, reason="setuptools ignores this key"
                        )
                        continue
                    values = list_items(self.r, find.name, found)
                    if not values:
                        self.r.record(
                            find.name, found, Action.DROPPED, reason="empty: setuptools ignores it"
                        )
                        continue
                    reason = ""
                    if key == "where" and len(values) > 1:
                        reason = f"setuptools only reads the first; {len(values) - 1} more ignored"
                        values = values[:1]
                    self.add(self.find, key, values, find.name, found)
                    self.r.record(
                        find.name,
                        found,
                        Action.TRANSFORMED if reason else Action.MAPPED,
                        f"[tool.setuptools.packages.find] {key}",
                        reason,
                    )
            self.find.add("namespaces", namespaces, origin=self.origin(option))
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.packages.find]",
                f"namespaces = {str(namespaces).lower()} written out (pyproject.toml: true)",
            )
            return
        self.add(self.setuptools, "packages", list_items(self.r, s, option), s, option)
        self.r.record(s, option, Action.MAPPED, "[tool.setuptools] packages")
        if find is not None:
            for found in find.options:
                self.r.record(
                    find.name,
                    found,
                    Action.DROPPED,
                    reason="`packages` is an explicit list, so setuptools never reads this",
                )

    def opt_package_dir(self, option: IniOption, s: str, _: object) -> None:
        pairs = dict_lines(self.r, s, option)
        self.add(self.setuptools, "package-dir", dict(pairs), s, option)
        self.r.record(s, option, Action.MAPPED, "[tool.setuptools] package-dir")

    def _list_option(self, option: IniOption, s: str, key: str, note: str = "") -> None:
        self.add(self.setuptools, key, list_items(self.r, s, option), s, option)
        self.r.record(
            s,
            option,
            Action.TRANSFORMED if note else Action.MAPPED,
            f"[tool.setuptools] {key}",
            note,
        )

    def opt_py_modules(self, option: IniOption, s: str, _: object) -> None:
        self._list_option(option, s, "py-modules")

    def opt_scripts(self, option: IniOption, s: str, _: object) -> None:
        self._list_option(
            option,
            s,
            "script-files",
            "setuptools discourages script files; console scripts are preferred",
        )

    def opt_eager_resources(self, option: IniOption, s: str, _: object) -> None:
        self._list_option(option, s, "eager-resources", "obsolete (eggs only)")

    def opt_namespace_packages(self, option: IniOption, s: str, _: object) -> None:
        self._list_option(
            option, s, "namespace-packages", "deprecated: prefer implicit namespaces (PEP 420)"
        )

    def _bool(self, option: IniOption, s: str, key: str, note: str = "") -> None:
        value = self.r.value(s, option).strip().lower()
        if value not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            raise InputError(
                self.r.ini.path,
                f"[{s}] {option.key}: not a boolean: {value!r}",
                line=option.line,
                hint="write true or false",
            )
        self.add(self.setuptools, key, value in ("1", "true", "yes", "on"), s, option)
        self.r.record(
            s,
            option,
            Action.TRANSFORMED if note else Action.MAPPED,
            f"[tool.setuptools] {key}",
            note,
        )

    def opt_include_package_data(self, option: IniOption, s: str, _: object) -> None:
        self._bool(option, s, "include-package-data")

    def opt_zip_safe(self, option: IniOption, s: str, _: object) -> None:
        self._bool(option, s, "zip-safe", "obsolete (eggs only)")

    def opt_cmdclass(self, option: IniOption, s: str, _: object) -> None:
        self.add(self.setuptools, "cmdclass", dict(dict_lines(self.r, s, option)), s, option)
        self.r.record(s, option, Action.MAPPED, "[tool.setuptools] cmdclass")

    def opt_entry_points(self, option: IniOption, s: str, _: object) -> None:
        files = file_directive(self.r.value(s, option))
        if files is None:
            self.r.record(
                s,
                option,
                Action.DROPPED,
                reason="setuptools only reads `file:` here; use [options.entry_points]",
            )
            return
        self.set_dynamic("entry-points", {"file": one_or_many(files)}, s, option)
        self.dynamic.extend(["scripts", "gui-scripts"])
        self.r.record(
            s,
            option,
            Action.TRANSFORMED,
            "[tool.setuptools.dynamic] entry-points",
            "file: read at build time",
        )

    # -- [options.*] sections ----------------------------------------------------

    def extras_require(self, section: IniSection) -> None:
        s = section.name
        files = {o.key: file_directive(self.r.value(s, o)) for o in section.options}
        from_files = [key for key, value in files.items() if value is not None]
        if from_files and len(from_files) != len(files):
            option = section.options[0]
            raise InputError(
                self.r.ini.path,
                f"[{s}] mixes `file:` extras ({', '.join(from_files)}) with inline ones; "
                "pyproject.toml can only make all extras dynamic or none",
                line=option.line,
                hint="list every extra inline, or every extra as `file:`",
            )
        if from_files:
            value: Inline = {}
            for option in section.options:
                listed = files[option.key]
                assert listed is not None
                value[option.key] = one_or_many(listed)
                self.r.record(
                    s,
                    option,
                    Action.TRANSFORMED,
                    "[tool.setuptools.dynamic] optional-dependencies",
                    "file: read at build time",
                )
            self.dynamic.append("optional-dependencies")
            self.dynamic_table.add("optional-dependencies", value)
            return
        for option in section.options:
            self.add(self.extras, option.key, requirements(self.r, s, option), s, option)
            self.r.record(s, option, Action.MAPPED, f"[project.optional-dependencies] {option.key}")

    def entry_points(self, section: IniSection) -> None:
        s = section.name
        for option in section.options:
            group = option.key
            if group == "console_scripts":
                table, target = self.scripts, "[project.scripts]"
            elif group == "gui_scripts":
                table, target = self.gui_scripts, "[project.gui-scripts]"
            else:
                table = Table(("project", "entry-points", group))
                self.entry_point_groups.append(table)
                target = f"[project.entry-points.{group}]"
            for item in list_items(self.r, s, option):
                name, sep, value = str(item.value).partition("=")
                if not sep:
                    raise InputError(
                        self.r.ini.path,
                        f"[{s}] {group}: expected `name = module:attr`, got {item.value!r}",
                        line=option.line,
                        hint="write one `name = module:attr` per line",
                    )
                table.add(
                    name.strip(), value.strip(), comments=item.comments, origin=self.origin(option)
                )
            if option.comments and table.fields:
                first = table.fields[0]
                table.fields[0] = type(first)(
                    first.key, first.value, option.comments + first.comments, first.origin
                )
            self.r.record(s, option, Action.MAPPED, target)

    def package_data_section(self, section: IniSection, table: Table, target: str) -> None:
        s = section.name
        for option in section.options:
            self.add(table, option.key, list_items(self.r, s, option), s, option)
            self.r.record(s, option, Action.MAPPED, f"{target} {option.key!r}")

    def data_files_section(self, section: IniSection) -> None:
        s = section.name
        for option in section.options:
            self.add(self.data_files, option.key, list_items(self.r, s, option), s, option)
            self.r.record(
                s,
                option,
                Action.MAPPED,
                "[tool.setuptools.data-files]",
                "setuptools discourages data files",
            )

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


def _line_of(entry: Entry) -> int:
    """Ledger entries in file order; entries about absent keys go last."""
    where = entry.source.split(" ", 1)[0]
    _, _, line = where.partition(":")
    return int(line) if line.isdigit() else sys.maxsize


def migrate_setup_cfg(ini: IniFile, text: str) -> Packaging:
    """Map the packaging sections of a parsed setup.cfg; raise `InputError` on bad input."""
    present = {section.name: section for section in ini.sections}
    if "DEFAULT" in text and any(line.strip() == "[DEFAULT]" for line in text.splitlines()):
        raise InputError(
            ini.path,
            "has a [DEFAULT] section, whose keys setuptools adds to every section; "
            "setsquare cannot migrate that faithfully",
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
    # Comments written above a section header go above the table it becomes.
    if "metadata" in present:
        mapper.project.comments = present["metadata"].comments
        mapper.metadata(present["metadata"])
    if "options" in present:
        mapper.setuptools.comments = present["options"].comments
        mapper.options(present["options"], present)
    else:
        # Without [options], pyproject.toml's defaults must still not change the build.
        mapper.setuptools.add("include-package-data", False)
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
        dependency_files=tuple(mapper.dependency_files),
        name=str(name_field.value) if name_field is not None else None,
        people=mapper.people_text,
        has_dependencies=mapper.project.get("dependencies") is not None
        or bool(mapper.dependency_files),
    )
