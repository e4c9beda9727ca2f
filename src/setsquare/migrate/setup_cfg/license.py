"""setup.cfg's license: an SPDX expression or text, its files, and the classifiers it replaces.

PEP 639 (setuptools >= 77) takes ``license`` as an SPDX expression, ``license-files``
only beside one, and refuses ``License ::`` classifiers with it; a license that is no
expression stays text, and its files stay in ``[tool.setuptools]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action
from setsquare.migrate.license_files import license_pattern_problem
from setsquare.migrate.setup_cfg.base import EMPTY_LICENSE, FLOOR_PEP639, MapperBase
from setsquare.migrate.setup_cfg.values import file_directive, list_items, one_or_many

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniOption


class LicenseMapper(MapperBase):
    """``license`` and ``license_files`` of [metadata], and its ``classifiers`` after them."""

    def license(self, option: IniOption | None, s: str) -> None:
        if option is None:
            return
        value = self.r.value(s, option).strip()
        if not value:
            self.r.record(s, option, Action.DROPPED, "", EMPTY_LICENSE)
            return
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
        self.license_text = value
        self.add(self.project, "license", expression, s, option)
        why = "PEP 639 SPDX expression" + (f" (was {value!r})" if expression != value else "")
        self.r.record(s, option, Action.TRANSFORMED, "[project] license", why)

    def license_files(self, option: IniOption | None, s: str) -> None:
        if option is None:
            return
        values = list_items(self.r, s, option)
        for item in values:
            self.check_license_pattern(str(item.value), option, s)
        if self.license_expression or self.project.get("license") is None:
            self.floor = max(self.floor, FLOOR_PEP639)
            self.add(self.project, "license-files", values, s, option)
            self.record_as(s, option, "license_files", "[project] license-files")
        else:
            # PEP 639 allows license-files only next to an SPDX expression.
            self.add(self.setuptools, "license-files", values, s, option)
            self.record_as(
                s,
                option,
                "license_files",
                "[tool.setuptools] license-files",
                "the license is not an SPDX expression, so not [project] license-files "
                "(setuptools deprecates this place)",
            )

    def check_license_pattern(self, pattern: str, option: IniOption, s: str) -> None:
        problem = license_pattern_problem(pattern)
        if problem is None:
            return
        message, hint = problem
        line = next((ln.line for ln in option.lines if pattern in ln.text), option.line)
        raise InputError(
            self.r.ini.path, f"[{s}] {option.key}: {pattern!r} {message}", line=line, hint=hint
        )

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
