"""setup.py, read by its syntax tree and never executed.

Arguments of the ``setup()`` call that are ``[project]`` metadata move to
pyproject.toml when they are literals (or names bound once to a literal at module
level) and are cut out of the call; computed ones stay where they are and their
field is declared ``dynamic``, which is how setuptools lets setup.py fill a
``[project]`` field. Every other argument (``packages``, ``cmdclass``,
``use_scm_version``, ``ext_modules``...) stays in setup.py, which setuptools
keeps reading. ``setup(**kwargs)`` hides which fields it sets, so it is refused.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from packaging.requirements import InvalidRequirement, Requirement

from setsquare.errors import InputError
from setsquare.migrate.fragment import Item, Table, items
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.setup_cfg_base import EMPTY_LICENSE, PROJECT_ORDER
from setsquare.migrate.setup_cfg_values import people_items

PATH = "setup.py"

#: setup() arguments that fill a [project] field, and the field.
PROJECT_FIELDS = {
    "name": "name",
    "version": "version",
    "description": "description",
    "long_description": "readme",
    "long_description_content_type": "readme",
    "author": "authors",
    "author_email": "authors",
    "maintainer": "maintainers",
    "maintainer_email": "maintainers",
    "license": "license",
    "url": "urls",
    "download_url": "urls",
    "project_urls": "urls",
    "classifiers": "classifiers",
    "keywords": "keywords",
    "install_requires": "dependencies",
    "extras_require": "optional-dependencies",
    "python_requires": "requires-python",
    "entry_points": "entry-points",
}
#: Not [project] fields, but with a standard place when literal.
BUILD_FIELDS = {"setup_requires", "tests_require"}


@dataclass
class SetupPy:
    """What setup.py gives: tables, build requirements, its new text, the ledger."""

    entries: list[Entry] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    build_requires: list[Item] = field(default_factory=list)
    dynamic: list[str] = field(default_factory=list)
    #: setup.py with the moved arguments cut out (None: unchanged).
    text: str | None = None
    #: setup() passes include_package_data itself, so no default is written for it.
    sets_include_package_data: bool = False
    license_expression: bool = False
    #: literal author/author_email/maintainer/maintainer_email given to setup().
    people: dict[str, str] = field(default_factory=dict)
    #: setup(use_scm_version=...): setuptools_scm sets the version.
    uses_scm_version: bool = False


def _setup_call(tree: ast.Module) -> ast.Call | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name == "setup":
                return node
    return None


def _module_literals(tree: ast.Module) -> dict[str, Any]:
    """Names bound exactly once, at module level, to a literal."""
    bound: dict[str, list[ast.expr | None]] = {}
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            # Rebinding (x += ...) makes the name non-literal: count it, value unknown.
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                top_level = any(node is statement for statement in tree.body)
                bound.setdefault(target.id, []).append(value if top_level else None)
    found: dict[str, Any] = {}
    for name, values in bound.items():
        if len(values) == 1 and values[0] is not None:
            try:
                found[name] = ast.literal_eval(values[0])
            except ValueError:
                continue
    return found


_MISSING = object()


def _literal(node: ast.expr, names: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return names.get(node.id, _MISSING)
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _MISSING


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value]
    return None


def _requirements(value: Any, where: str, line: int) -> list[str] | None:
    found = _strings(value)
    if found is None:
        return None
    for text in found:
        try:
            Requirement(text)
        except InvalidRequirement as error:
            raise InputError(
                PATH,
                f"{where}: invalid requirement {text!r}: {str(error).splitlines()[0]}",
                line=line,
                hint="fix the PEP 508 requirement; setuptools refuses it too",
            ) from error
    return found


def _with_marker(requirement: str, marker: str) -> str:
    parsed = Requirement(requirement)
    if parsed.marker is None:
        return f"{requirement}; {marker}"
    base = requirement.split(";", 1)[0].rstrip()
    return f"{base}; ({parsed.marker}) and ({marker})"


class _Mapper:
    def __init__(self, values: dict[str, Any], lines: dict[str, int]) -> None:
        self.values = values
        self.lines = lines
        self.project = Table(("project",))
        self.urls = Table(("project", "urls"))
        self.extras = Table(("project", "optional-dependencies"))
        self.scripts = Table(("project", "scripts"))
        self.gui_scripts = Table(("project", "gui-scripts"))
        self.groups: list[Table] = []
        self.dependency_groups = Table(("dependency-groups",))
        self.build_requires: list[Item] = []
        self.moved: set[str] = set()
        self.entries: list[Entry] = []
        self.license_expression = False

    def origin(self, key: str) -> str:
        return f"{PATH}:{self.lines[key]}"

    def note(self, key: str, action: Action, target: str, reason: str = "") -> None:
        self.moved.add(key)
        self.entries.append(Entry(f"{PATH}:{self.lines[key]} {key}=", action, target, reason))

    def string(self, key: str, target: str) -> bool:
        value = self.values.get(key, _MISSING)
        if not isinstance(value, str):
            return False
        self.project.add(target, value, origin=self.origin(key))
        self.note(key, Action.MAPPED, f"[project] {target}")
        return True

    def map(self) -> set[str]:
        """Map what can be mapped; return the [project] fields that could not."""
        v = self.values
        self.string("name", "name")
        self.string("version", "version")
        self.string("description", "description")
        self.string("python_requires", "requires-python")
        self.readme()
        for role in ("author", "maintainer"):
            self.people(role)
        self.license()
        self.urls_from()
        for key, target in (("classifiers", "classifiers"), ("keywords", "keywords")):
            value = v.get(key, _MISSING)
            if isinstance(value, str):
                # setuptools writes a string as it is; one list entry reads the same.
                listed = [value] if key == "keywords" else _strings(value)
            else:
                listed = _strings(value)
            if listed is not None:
                dropped = []
                if key == "classifiers" and self.license_expression:
                    dropped = [c for c in listed if c.startswith("License ::")]
                    listed = [c for c in listed if c not in dropped]
                self.project.add(target, items(listed), origin=self.origin(key))
                if dropped:
                    self.note(
                        key,
                        Action.TRANSFORMED,
                        f"[project] {target}",
                        f"dropped {', '.join(map(repr, dropped))}: the SPDX license replaces "
                        "License classifiers (setuptools refuses both)",
                    )
                else:
                    self.note(key, Action.MAPPED, f"[project] {target}")
        self.requirements()
        self.entry_points()
        for key, target in (("setup_requires", "[build-system] requires"),):
            found = _requirements(v.get(key), key, self.lines.get(key, 0)) if key in v else None
            if found is not None:
                self.build_requires.extend(Item(r) for r in found)
                self.note(key, Action.TRANSFORMED, target, "build-time requirements")
        if "tests_require" in v:
            found = _requirements(v["tests_require"], "tests_require", self.lines["tests_require"])
            if found is not None:
                self.dependency_groups.add(
                    "test", items(found), origin=self.origin("tests_require")
                )
                self.note(
                    "tests_require",
                    Action.TRANSFORMED,
                    "[dependency-groups] test",
                    "a dependency group, not a published extra: METADATA is unchanged",
                )
        return {
            PROJECT_FIELDS[key]
            for key in self.lines
            if key in PROJECT_FIELDS and key not in self.moved
        }

    def readme(self) -> None:
        text = self.values.get("long_description", _MISSING)
        kind = self.values.get("long_description_content_type", _MISSING)
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
        people = people_items(self.values.get(role, ""), self.values.get(f"{role}_email", ""))
        self.project.add(f"{role}s", people, origin=self.origin(keys[0]))
        for key in keys:
            self.note(
                key, Action.TRANSFORMED, f"[project] {role}s", "METADATA folds name and e-mail"
            )

    def license(self) -> None:
        value = self.values.get("license", _MISSING)
        if not isinstance(value, str):
            return
        if not value.strip():
            self.note("license", Action.DROPPED, "", EMPTY_LICENSE)
            return
        try:
            expression = canonicalize_license_expression(value)
        except InvalidLicenseExpression:
            self.project.add("license", {"text": value}, origin=self.origin("license"))
            self.note(
                "license",
                Action.TRANSFORMED,
                "[project] license",
                "not an SPDX expression: kept as text",
            )
            return
        self.license_expression = True
        self.project.add("license", expression, origin=self.origin("license"))
        self.note("license", Action.TRANSFORMED, "[project] license", "PEP 639 SPDX expression")

    def urls_from(self) -> None:
        keys = [k for k in ("url", "download_url", "project_urls") if k in self.lines]
        if not keys:
            return
        urls = self.values.get("project_urls", {})
        if any(
            not isinstance(self.values.get(k), str) for k in keys if k != "project_urls"
        ) or not (
            isinstance(urls, dict)
            and all(isinstance(x, str) for pair in urls.items() for x in pair)
        ):
            return
        for key, label in (("url", "Homepage"), ("download_url", "Download")):
            if key in self.lines:
                self.urls.add(
                    label if label not in urls else f"{label} ({key})",
                    self.values[key],
                    origin=self.origin(key),
                )
                self.note(
                    key,
                    Action.TRANSFORMED,
                    f"[project.urls] {label}",
                    "METADATA lists it as a Project-URL",
                )
        for label, url in urls.items():
            self.urls.add(label, url, origin=self.origin("project_urls"))
        if "project_urls" in self.lines:
            self.note("project_urls", Action.MAPPED, "[project.urls]")

    def requirements(self) -> None:
        v = self.values
        base: list[str] = []
        if "install_requires" in v:
            found = _requirements(
                v["install_requires"], "install_requires", self.lines["install_requires"]
            )
            if found is None:
                return
            base = found
        extras: dict[str, list[str]] = {}
        if "extras_require" in v:
            raw = v["extras_require"]
            if not isinstance(raw, dict):
                return
            for key, value in raw.items():
                found = _requirements(
                    value, f"extras_require[{key!r}]", self.lines["extras_require"]
                )
                if not isinstance(key, str) or found is None:
                    return
                extra, _, marker = key.partition(":")
                if marker:
                    found = [_with_marker(r, marker.strip()) for r in found]
                if extra:
                    extras.setdefault(extra.strip(), []).extend(found)
                else:
                    base.extend(found)
        if "install_requires" in v or any(
            ":" in str(k) and not str(k).split(":")[0] for k in v.get("extras_require", {})
        ):
            self.project.add(
                "dependencies",
                items(base),
                origin=self.origin(
                    "install_requires" if "install_requires" in v else "extras_require"
                ),
            )
        if "install_requires" in v:
            self.note("install_requires", Action.MAPPED, "[project] dependencies")
        if "extras_require" in v:
            for extra, found in extras.items():
                self.extras.add(extra, items(found), origin=self.origin("extras_require"))
            folded = any(":" in str(k) for k in v["extras_require"])
            self.note(
                "extras_require",
                Action.TRANSFORMED if folded else Action.MAPPED,
                "[project.optional-dependencies]",
                "`extra:marker` keys folded into markers" if folded else "",
            )

    def entry_points(self) -> None:
        value = self.values.get("entry_points", _MISSING)
        if "entry_points" not in self.lines or not isinstance(value, dict):
            return
        tables: list[tuple[Table, list[tuple[str, str]]]] = []
        for group, specs in value.items():
            listed = _strings(specs)
            if not isinstance(group, str) or listed is None:
                return
            pairs = []
            for spec in listed:
                name, sep, target = spec.partition("=")
                if not sep:
                    return
                pairs.append((name.strip(), target.strip()))
            if group == "console_scripts":
                table = self.scripts
            elif group == "gui_scripts":
                table = self.gui_scripts
            else:
                table = Table(("project", "entry-points", group))
                self.groups.append(table)
            tables.append((table, pairs))
        for table, pairs in tables:
            for name, target in pairs:
                table.add(name, target, origin=self.origin("entry_points"))
        self.note("entry_points", Action.MAPPED, "[project.scripts] / [project.entry-points]")


def _offsets(text: str) -> list[int]:
    """Byte offset of each line start (ast columns are UTF-8 byte offsets)."""
    starts = [0]
    for line in text.encode("utf-8").splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _cut(text: str, call: ast.Call, remove: set[str]) -> str:
    """*text* with the keyword arguments in *remove* cut out of *call*."""
    data = text.encode("utf-8")
    starts = _offsets(text)

    def at(line: int, col: int) -> int:
        return starts[line - 1] + col

    args: list[tuple[int, int, bool]] = []
    for arg in call.args:
        args.append(
            (
                at(arg.lineno, arg.col_offset),
                at(arg.end_lineno or 0, arg.end_col_offset or 0),
                False,
            )
        )
    for kw in call.keywords:
        args.append(
            (
                at(kw.lineno, kw.col_offset),
                at(kw.value.end_lineno or 0, kw.value.end_col_offset or 0),
                kw.arg in remove,
            )
        )
    args.sort()
    if all(dropped for _, _, dropped in args):
        open_paren = at(call.func.end_lineno or 0, call.func.end_col_offset or 0)
        close_paren = at(call.end_lineno or 0, call.end_col_offset or 0)
        return (data[:open_paren] + b"()" + data[close_paren:]).decode("utf-8")
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(args):
        if not args[index][2]:
            index += 1
            continue
        first = index
        while index < len(args) and args[index][2]:
            index += 1
        if index < len(args):
            spans.append((args[first][0], args[index][0]))
        else:
            spans.append((args[first - 1][1], args[index - 1][1]))
    for start, end in reversed(spans):
        data = data[:start] + data[end:]
    return data.decode("utf-8")


def inspect_setup_py(text: str) -> SetupPy:
    """Map setup.py's literal metadata; raise `InputError` when it cannot be kept faithfully."""
    try:
        tree = ast.parse(text, filename=PATH)
    except SyntaxError as error:
        raise InputError(
            PATH,
            f"is not valid Python: {error.msg}",
            line=error.lineno,
            hint="fix the syntax error",
        ) from error
    call = _setup_call(tree)
    result = SetupPy()
    if call is None:
        result.entries.append(Entry(PATH, Action.KEPT, reason="no setup() call; left as it is"))
        return result
    if call.args or any(kw.arg is None for kw in call.keywords):
        raise InputError(
            PATH,
            "setup() takes positional or **keyword arguments, which hide what it sets",
            line=call.lineno,
            hint="pass setup() its arguments by name (or move them to setup.cfg), then run again",
        )
    if not call.keywords:
        result.entries.append(
            Entry(
                f"{PATH}:{call.lineno} setup()",
                Action.KEPT,
                reason="a stub with no arguments; kept for old tools",
            )
        )
        return result
    names = _module_literals(tree)
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for kw in call.keywords:
        assert kw.arg is not None
        lines[kw.arg] = kw.lineno
        value = _literal(kw.value, names)
        if value is not _MISSING:
            values[kw.arg] = value
    mapper = _Mapper(values, lines)
    dynamic = sorted(mapper.map())
    for key in lines:
        if key in mapper.moved:
            continue
        if key in PROJECT_FIELDS:
            reason = f"computed in setup.py: kept there, [project] {PROJECT_FIELDS[key]} is dynamic"
        else:
            reason = "not a [project] field: setuptools keeps reading it from setup.py"
        result.entries.append(Entry(f"{PATH}:{lines[key]} {key}=", Action.KEPT, reason=reason))
    if "entry-points" in dynamic:
        dynamic += ["scripts", "gui-scripts"]
    result.entries = mapper.entries + result.entries
    result.entries.sort(key=lambda e: int(e.source.split(" ")[0].split(":")[1]))
    mapper.project.fields.sort(key=lambda f: PROJECT_ORDER.index(f.key))
    result.tables = [
        mapper.project,
        mapper.urls,
        mapper.extras,
        mapper.scripts,
        mapper.gui_scripts,
        *mapper.groups,
        mapper.dependency_groups,
    ]
    result.build_requires = mapper.build_requires
    result.dynamic = dynamic
    result.sets_include_package_data = "include_package_data" in lines
    result.uses_scm_version = "use_scm_version" in lines
    result.people = {
        key: values[key]
        for key in ("author", "author_email", "maintainer", "maintainer_email")
        if key in mapper.moved and isinstance(values.get(key), str)
    }
    result.license_expression = mapper.license_expression
    if mapper.moved:
        result.text = _cut(text, call, mapper.moved)
    return result
