"""setup.cfg ``[metadata]`` into ``[project]`` (and the few ``[tool.setuptools]`` keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action
from setsquare.migrate.setup_cfg.attr import attr_import_warning, attr_target, version_module_paths
from setsquare.migrate.setup_cfg.license import LicenseMapper
from setsquare.migrate.setup_cfg.values import (
    dict_lines,
    file_directive,
    list_items,
    one_or_many,
    options_by_key,
)
from setsquare.migrate.setup_py.people import kept_whole, people_items

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniOption, IniSection
    from setsquare.migrate.model import Inline

#: setuptools' own aliases (ConfigMetadataHandler.aliases).
ALIASES = {"home_page": "url", "summary": "description", "classifier": "classifiers"}
ALIASES_WITH_TARGET = {"platform": "platforms", "license_file": "license_files"}


class MetadataMapper(LicenseMapper):
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

        if (option := take("name")) is not None:
            self.add(self.project, "name", self.r.value(s, option).strip(), s, option)
            self.record_as(s, option, "name", "[project] name")
        if (option := take("version")) is not None:
            self.version(option, s)
        if (option := take("description")) is not None:
            value = self.r.value(s, option)
            files = file_directive(value)
            if files is None:
                self.add(self.project, "description", value.strip(), s, option)
                self.record_as(s, option, "description", "[project] description")
            else:
                self.set_dynamic("description", {"file": one_or_many(files)}, s, option)
                self.record_as(
                    s,
                    option,
                    "description",
                    "[tool.setuptools.dynamic] description",
                    "file: read at build time",
                )
        self.readme(take("long_description"), take("long_description_content_type"), s)
        self.people("author", take("author"), take("author_email"), s)
        self.people("maintainer", take("maintainer"), take("maintainer_email"), s)
        self.license(take("license"), s)
        self.license_files(take("license_files"), s)
        self.urls_from(take("url"), take("download_url"), take("project_urls"), s)
        if (option := take("classifiers")) is not None:
            self.classifier_option = option
            handled.add("classifiers")
        if (option := take("keywords")) is not None:
            self.add(self.project, "keywords", list_items(self.r, s, option), s, option)
            self.record_as(s, option, "keywords", "[project] keywords")
        for key in ("platforms", "provides", "obsoletes"):
            if (option := take(key)) is not None:
                self.add(self.setuptools, key, list_items(self.r, s, option), s, option)
                self.record_as(
                    s,
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
            desc = value[len("attr:") :].strip()
            self.set_dynamic("version", {"attr": desc}, s, option)
            warning = self.attr_warning(desc)
            self.r.record(
                s,
                option,
                Action.TRANSFORMED,
                "[tool.setuptools.dynamic] version",
                "attr: read at build time" + (f"; {warning}" if warning else ""),
            )
        else:
            self.add(self.project, "version", value, s, option)
            self.r.record(s, option, Action.MAPPED, "[project] version")

    def attr_warning(self, desc: str) -> str:
        """Whether setuptools can read ``attr:`` without importing the module (D2)."""
        if self.sources is None:
            return ""
        module, attr = attr_target(desc)
        paths = version_module_paths(self.r)
        path = next((p for p in paths if p in self.sources), None)
        if path is None:
            if not paths:
                return ""
            return (
                f"found none of {', '.join(paths)}, so setuptools looks for `{module}` in "
                "the build environment and may import it"
            )
        return attr_import_warning(path, self.sources[path], module, attr)

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
        people, whole = people_items(name_text, email_text)
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
                    kept_whole(role)
                    if whole and option is names
                    else "METADATA folds name and e-mail into one field",
                )

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
