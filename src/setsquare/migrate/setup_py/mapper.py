"""setup() arguments with literal values into ``[project]`` tables and ledger entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Item, Table
from setsquare.migrate.setup_cfg.base import EMPTY_LICENSE
from setsquare.migrate.setup_py.comments import ListComments
from setsquare.migrate.setup_py.entry_points import entry_point_groups
from setsquare.migrate.setup_py.people import kept_whole, people_items
from setsquare.migrate.setup_py.read import MISSING, PATH, PROJECT_FIELDS, requirements, strings
from setsquare.migrate.setup_py.requirements import map_requirements
from setsquare.migrate.setup_py.urls import map_urls

if TYPE_CHECKING:
    import ast


@dataclass(frozen=True)
class Kept:
    """A [project] argument left in setup.py on purpose, and why."""

    reason: str
    #: whether its [project] field must then be dynamic
    dynamic: bool


def _keywords(value: Any) -> tuple[list[str] | None, str]:
    """The keywords setuptools publishes for *value*, and how they were read from a str."""
    if not isinstance(value, str):
        return strings(value), ""
    # distutils' Distribution.finalize_options: a str is split at commas (and,
    # deprecated, at newlines), each part stripped, empty ones dropped.
    parts = [p.strip() for p in value.replace("\n", ",").split(",") if p.strip()]
    if len(parts) > 1:
        return parts, "split at commas, as setuptools splits a str"
    return parts, ""


class Mapper:
    def __init__(
        self,
        values: dict[str, Any],
        lines: dict[str, int],
        nodes: dict[str, ast.expr] | None = None,
        comments: ListComments | None = None,
    ) -> None:
        self.values = values
        self.lines = lines
        #: the literal each argument spells, for the comments written inside it
        self.nodes = nodes or {}
        self.comments = comments or ListComments("")
        self.project = Table(("project",))
        self.urls = Table(("project", "urls"))
        self.extras = Table(("project", "optional-dependencies"))
        self.scripts = Table(("project", "scripts"))
        self.gui_scripts = Table(("project", "gui-scripts"))
        self.groups: list[Table] = []
        self.dependency_groups = Table(("dependency-groups",))
        self.build_requires: list[Item] = []
        self.moved: set[str] = set()
        self.kept: dict[str, Kept] = {}
        self.entries: list[Entry] = []
        self.license_expression = False

    def origin(self, key: str) -> Location:
        return Location(PATH, self.lines[key])

    def note(self, key: str, action: Action, target: str, reason: str = "") -> None:
        self.moved.add(key)
        self.entries.append(
            Entry(Location(PATH, self.lines[key], key=f"{key}="), action, target, reason)
        )

    def listed(self, key: str, values: list[str], node: ast.expr | None = None) -> list[Item]:
        """*values* with the comments written among them in *key*'s literal (or *node*)."""
        return self.comments.items(node if node is not None else self.nodes.get(key), values)

    def keep(self, key: str, reason: str, *, dynamic: bool) -> None:
        self.kept[key] = Kept(reason, dynamic)

    def string(self, key: str, target: str) -> bool:
        value = self.values.get(key, MISSING)
        if not isinstance(value, str):
            return False
        self.project.add(target, value, origin=self.origin(key))
        self.note(key, Action.MAPPED, f"[project] {target}")
        return True

    def map(self) -> set[str]:
        """Map what can be mapped; return the [project] fields that must be dynamic."""
        self.string("name", "name")
        self.string("version", "version")
        self.string("description", "description")
        self.string("python_requires", "requires-python")
        self.readme()
        for role in ("author", "maintainer"):
            self.people(role)
        self.license()
        self.urls_from()
        self.classifiers_keywords()
        self.requirements()
        self.entry_points()
        self.build_time()
        return {
            PROJECT_FIELDS[key]
            for key in self.lines
            if key in PROJECT_FIELDS
            and key not in self.moved
            and (key not in self.kept or self.kept[key].dynamic)
        }

    def classifiers_keywords(self) -> None:
        for key in ("classifiers", "keywords"):
            value = self.values.get(key, MISSING)
            how = ""
            if key == "keywords":
                listed, how = _keywords(value)
            else:
                listed = strings(value)
            if listed is None:
                continue
            dropped = []
            if key == "classifiers" and self.license_expression:
                dropped = [c for c in listed if c.startswith("License ::")]
                listed = [c for c in listed if c not in dropped]
            kept = [item for item in self.listed(key, listed) if item.value not in dropped]
            self.project.add(key, kept, origin=self.origin(key))
            if dropped:
                how = (
                    f"dropped {', '.join(map(repr, dropped))}: the SPDX license replaces "
                    "License classifiers (setuptools refuses both)"
                )
            self.note(key, Action.TRANSFORMED if how else Action.MAPPED, f"[project] {key}", how)

    def build_time(self) -> None:
        v = self.values
        if "setup_requires" in v:
            found = requirements(
                v["setup_requires"], "setup_requires", self.lines["setup_requires"]
            )
            if found is not None:
                self.build_requires.extend(self.listed("setup_requires", found))
                self.note(
                    "setup_requires",
                    Action.TRANSFORMED,
                    "[build-system] requires",
                    "build-time requirements",
                )
        if "tests_require" in v:
            found = requirements(v["tests_require"], "tests_require", self.lines["tests_require"])
            if found is not None:
                self.dependency_groups.add(
                    "test", self.listed("tests_require", found), origin=self.origin("tests_require")
                )
                self.note(
                    "tests_require",
                    Action.TRANSFORMED,
                    "[dependency-groups] test",
                    "a dependency group, not a published extra: METADATA is unchanged",
                )

    def readme(self) -> None:
        text = self.values.get("long_description", MISSING)
        kind = self.values.get("long_description_content_type", MISSING)
        if "long_description" not in self.lines:
            return
        if not isinstance(text, str) or (
            "long_description_content_type" in self.lines and not isinstance(kind, str)
        ):
            return
        content_type = kind if isinstance(kind, str) else "text/x-rst"
        self.project.add(
            "readme",
            {"text": text, "content-type": content_type},
            origin=self.origin("long_description"),
        )
        self.note("long_description", Action.MAPPED, "[project] readme")
        if "long_description_content_type" in self.lines:
            self.note("long_description_content_type", Action.MAPPED, "[project] readme")

    def people(self, role: str) -> None:
        keys = [k for k in (role, f"{role}_email") if k in self.lines]
        if not keys or any(not isinstance(self.values.get(k), str) for k in keys):
            return
        people, whole = people_items(
            self.values.get(role, ""), self.values.get(f"{role}_email", "")
        )
        self.project.add(f"{role}s", people, origin=self.origin(keys[0]))
        for key in keys:
            reason = "METADATA folds name and e-mail"
            if whole and key == role:
                reason = kept_whole(role)
            self.note(key, Action.TRANSFORMED, f"[project] {role}s", reason)

    def license(self) -> None:
        value = self.values.get("license", MISSING)
        if not isinstance(value, str):
            return
        if not value.strip():
            self.note("license", Action.DROPPED, "", EMPTY_LICENSE)
            return
        why = "not an SPDX expression: kept as text"
        try:
            expression = canonicalize_license_expression(value)
        except InvalidLicenseExpression:
            expression = None
        computed_classifiers = (
            "classifiers" in self.lines and strings(self.values.get("classifiers", MISSING)) is None
        )
        if expression is not None and computed_classifiers:
            # setuptools refuses License :: classifiers beside an expression, and
            # computed ones cannot be checked (or dropped) here.
            expression = None
            why = (
                "an SPDX expression, but the classifiers are computed in setup.py and "
                "may name a License :: one, which setuptools refuses beside an "
                "expression: kept as text"
            )
        if expression is None:
            self.project.add("license", {"text": value}, origin=self.origin("license"))
            self.note("license", Action.TRANSFORMED, "[project] license", why)
            return
        self.license_expression = True
        self.project.add("license", expression, origin=self.origin("license"))
        self.note("license", Action.TRANSFORMED, "[project] license", "PEP 639 SPDX expression")

    def urls_from(self) -> None:
        map_urls(self)

    def requirements(self) -> None:
        map_requirements(self)

    def entry_points(self) -> None:
        if "entry_points" not in self.lines:
            return
        value = self.values.get("entry_points", MISSING)
        groups = entry_point_groups(value, self.lines["entry_points"])
        if groups is None:
            return
        for group, pairs in groups.items():
            if group == "console_scripts":
                table = self.scripts
            elif group == "gui_scripts":
                table = self.gui_scripts
            else:
                table = Table(("project", "entry-points", group))
                self.groups.append(table)
            for name, target in pairs:
                table.add(name, target, origin=self.origin("entry_points"))
        target = "[project.scripts] / [project.entry-points]"
        if isinstance(value, str):
            self.note(
                "entry_points",
                Action.TRANSFORMED,
                target,
                "INI text read as setuptools reads it; setuptools cannot take it as a str "
                "next to [project]",
            )
        else:
            self.note("entry_points", Action.MAPPED, target)
