"""setup.cfg ``[options]`` and ``[options.*]`` into ``[project]``, ``[tool.setuptools]``
and ``[dependency-groups]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.requirements import has_credentials
from setsquare.migrate.setup_cfg.base import MapperBase
from setsquare.migrate.setup_cfg.values import (
    dict_lines,
    file_directive,
    list_items,
    one_or_many,
    options_by_key,
    requirements,
)

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniOption, IniSection

#: The ledger's word for requirements left in setup.cfg because of a secret.
CREDENTIALS_KEPT = (
    "a requirement's URL carries credentials, which are never copied into pyproject.toml: "
    "left in setup.cfg, which setuptools still reads ([project] {field} is dynamic)"
)


class OptionsMapper(MapperBase):
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
            self.include_package_data_default()
        else:
            self.manifest_note()
        if "packages" not in options and "options.packages.find" in sections:
            find = sections["options.packages.find"]
            for option in find.options:
                self.r.record(
                    find.name,
                    option,
                    Action.DROPPED,
                    reason="no `packages = find:` reads this section",
                )

    def include_package_data_default(self) -> None:
        """setup.cfg's default is false, pyproject.toml's true: write the old one out."""
        if self.include_package_data_set:
            # e.g. an earlier migration left setup.cfg an [options] with only
            # namespace_packages: pyproject.toml's value stands.
            return
        if self.pyproject_read:
            self.r.entries.append(
                Entry(
                    Location(self.r.ini.path, None, "options", "include_package_data (absent)"),
                    Action.KEPT,
                    "",
                    "pyproject.toml already configures setuptools, so its default (true) "
                    "applied before and still does",
                )
            )
            return
        self.setuptools.add("include-package-data", False)
        self.r.entries.append(
            Entry(
                Location(self.r.ini.path, None, "options", "include_package_data (absent)"),
                Action.TRANSFORMED,
                "[tool.setuptools] include-package-data = false",
                "setup.cfg's default is false, pyproject.toml's is true",
            )
        )

    def manifest_note(self) -> None:
        """With include_package_data on, MANIFEST.in also picks the wheel's package data.

        setuptools' data files guide: with include_package_data, data files inside the
        package directories that MANIFEST.in (or a VCS plugin such as setuptools-scm)
        adds to the sdist go into the wheel too. setup.cfg switched it on, so this was
        already so; the note says so because MANIFEST.in now looks like an sdist-only file.
        """
        field = self.setuptools.get("include-package-data")
        if field is None or field.value is not True:
            return
        if self.sources is None or "MANIFEST.in" not in self.sources:
            return
        self.r.entries.append(
            Entry(
                Location("MANIFEST.in"),
                Action.KEPT,
                reason="left in place; with include-package-data = true the data files it "
                "adds inside package directories go into the wheel too, not only the sdist, "
                "as before",
            )
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
        listed = requirements(self.r, s, option)
        if any(has_credentials(str(item.value)) for item in listed):
            # The same rule as for requirements files: a secret is never copied. setuptools
            # reads setup.cfg before pyproject.toml, so the list kept here still fills a
            # dynamic field.
            self.kept_options.setdefault(s, set()).add(option.key)
            self.dynamic.append("dependencies")
            self.r.record(
                s, option, Action.KEPT, reason=CREDENTIALS_KEPT.format(field="dependencies")
            )
            return
        self.add(self.project, "dependencies", listed, s, option)
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
        self._to_setuptools(option, s, "packages", list_items(self.r, s, option))
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
        self._to_setuptools(option, s, "package-dir", dict(pairs))

    def _to_setuptools(
        self, option: IniOption, s: str, key: str, value: object, note: str = ""
    ) -> None:
        """*option* becomes [tool.setuptools] *key*; a *note* makes it a transformation."""
        self.add(self.setuptools, key, value, s, option)
        self.r.record(
            s,
            option,
            Action.TRANSFORMED if note else Action.MAPPED,
            f"[tool.setuptools] {key}",
            note,
        )

    def _list_option(self, option: IniOption, s: str, key: str, note: str = "") -> None:
        self._to_setuptools(option, s, key, list_items(self.r, s, option), note)

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
        # setuptools >= 69 refuses [tool.setuptools] namespace-packages (TOOL_TABLE_REMOVALS)
        # but still reads it from setup.cfg, next to pyproject.toml.
        self.kept_options.setdefault(s, set()).add(option.key)
        self.r.record(
            s,
            option,
            Action.KEPT,
            reason="setuptools >= 69 refuses namespace-packages in pyproject.toml but still "
            "reads it here; left in setup.cfg (deprecated: move to implicit namespace "
            "packages, PEP 420, to drop it)",
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
        if value == "on":
            # setuptools' ConfigHandler._parse_bool: only 1, true and yes are true.
            why = "setuptools reads `on` as false (only 1, true and yes are true)"
            note = f"{note}; {why}" if note else why
        self._to_setuptools(option, s, key, value in ("1", "true", "yes"), note)

    def opt_include_package_data(self, option: IniOption, s: str, _: object) -> None:
        self._bool(option, s, "include-package-data")

    def opt_zip_safe(self, option: IniOption, s: str, _: object) -> None:
        # setuptools reads [tool.setuptools] zip-safe too, but only to write a flag file
        # (egg-info/not-zip-safe in the sdist; for true, zip-safe in the wheel's dist-info
        # as well) that no installer reads, and the key is deprecated: writing it would
        # give a new pyproject.toml a dead key that a later setuptools may refuse.
        self.r.record(
            s,
            option,
            Action.DROPPED,
            reason="obsolete (eggs only): its one trace is a zip-safe flag file in the "
            "egg-info (and, when true, the wheel's dist-info) that no installer reads; "
            "deprecated in pyproject.toml",
        )

    def opt_cmdclass(self, option: IniOption, s: str, _: object) -> None:
        self._to_setuptools(option, s, "cmdclass", dict(dict_lines(self.r, s, option)))
