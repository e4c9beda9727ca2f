"""setup.cfg's ``[options.*]`` sections (and ``entry_points = file:``) into ``[project]``
and ``[tool.setuptools]``: extras, entry points, package data, data files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action
from setsquare.migrate.model import Inline, Table
from setsquare.migrate.requirements import has_credentials
from setsquare.migrate.setup_cfg.base import MapperBase
from setsquare.migrate.setup_cfg.options import CREDENTIALS_KEPT
from setsquare.migrate.setup_cfg.values import (
    file_directive,
    list_items,
    one_or_many,
    requirements,
)

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniOption, IniSection


class SectionsMapper(MapperBase):
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
        inline = {option.key: requirements(self.r, s, option) for option in section.options}
        if any(has_credentials(str(i.value)) for items in inline.values() for i in items):
            # pyproject.toml holds all extras or none: one secret keeps them all here.
            self.kept_options.setdefault(s, set()).update(inline)
            self.dynamic.append("optional-dependencies")
            reason = CREDENTIALS_KEPT.format(field="optional-dependencies")
            for option in section.options:
                self.r.record(s, option, Action.KEPT, reason=reason)
            return
        for option in section.options:
            self.add(self.extras, option.key, inline[option.key], s, option)
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
