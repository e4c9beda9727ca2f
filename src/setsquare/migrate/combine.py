"""setup.cfg, setup.py and an existing pyproject.toml into one packaging plan.

setup() arguments win over setup.cfg, key by key, as in setuptools; fields setup.py
computes stay there and become ``dynamic``; setuptools_scm, when switched on, is
the version source.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.combine_overrides import (
    license_files_beside_text,
    license_text_beside_computed_classifiers,
    static_over_dynamic,
)
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Item, Table, items
from setsquare.migrate.setup_cfg.base import PROJECT_ORDER
from setsquare.migrate.setup_py.people import people_items

if TYPE_CHECKING:
    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.setup_cfg import Packaging
    from setsquare.migrate.setup_py import SetupPy


def _uses_setuptools_scm(packaging: Packaging, doc: TOMLDocument) -> bool:
    requires = [str(r) for r in doc.get("build-system", {}).get("requires", [])]
    requires += [str(item.value) for item in packaging.build_requires]
    names = {re.split(r"[\s\[<>=!~;@]", text.strip(), maxsplit=1)[0].lower() for text in requires}
    return bool(names & {"setuptools_scm", "setuptools-scm"}) or "setuptools_scm" in doc.get(
        "tool", {}
    )


def scm_version(packaging: Packaging, doc: TOMLDocument, in_setup_py: bool) -> list[Entry]:
    """With setuptools_scm switched on, it sets the version: an ``attr:`` is not written.

    setuptools_scm is on when setup() passes ``use_scm_version`` or pyproject.toml has a
    ``[tool.setuptools_scm]`` table (and it is a build requirement). It overrode
    setup.cfg's ``attr:`` (it treats that spelling as unset), but written in
    pyproject.toml the ``attr:`` would be evaluated first and win, after importing the
    package. A ``file:`` version is different: setuptools_scm sees setup.cfg's version
    as already set and leaves it, so the file stays the version source.
    """
    if not _uses_setuptools_scm(packaging, doc):
        return []
    if not in_setup_py and "setuptools_scm" not in doc.get("tool", {}):
        return []
    dynamic = next(
        (t for t in packaging.tables if t.name == ("tool", "setuptools", "dynamic")), None
    )
    source = dynamic.get("version") if dynamic is not None else None
    if dynamic is None or source is None:
        return []
    if not isinstance(source.value, dict) or "attr" not in source.value:
        return []
    dynamic.fields = [f for f in dynamic.fields if f.key != "version"]
    return [
        Entry(
            replace(source.origin or Location("setup.cfg"), section="metadata", key="version"),
            Action.DROPPED,
            reason="setuptools_scm sets the version, as it did over setup.cfg's attr:; "
            "version stays in [project] dynamic, without the attr: source",
        )
    ]


def _absent_version(files: list[str]) -> Location:
    """The version none of *files* gives: one ledger line, under the first file."""
    first, *others = (_NO_VERSION[f] for f in files)
    also = "".join(f", {other.render()}" for other in others)
    return replace(first, key=f"{first.key}{also} (absent)")


def _files_without_version(packaging: Packaging) -> list[str]:
    """The legacy files the packaging tables came from: none of them gave a version."""
    files = ["setup.cfg"] if packaging.consumed else []
    if any(f.origin and f.origin.path == "setup.py" for t in packaging.tables for f in t.fields):
        files.append("setup.py")
    return files or ["setup.cfg"]


_NO_VERSION = {
    "setup.cfg": Location("setup.cfg", section="metadata", key="version"),
    "setup.py": Location("setup.py", key="version="),
}
_LACKS_VERSION = {
    ("setup.cfg",): "[metadata] has no version",
    ("setup.py",): "setup() has no version",
    ("setup.cfg", "setup.py"): "neither [metadata] nor setup.py's setup() has a version",
}
_ADD_VERSION = {
    "setup.cfg": "`version = 1.0` (or `version = attr: pkg.__version__`) to setup.cfg [metadata]",
    "setup.py": '`version="1.0"` to setup()',
}


def version_source(packaging: Packaging, doc: TOMLDocument, in_setup_py: bool) -> list[Entry]:
    """[project] needs a version or ``dynamic = ["version"]``; setup.cfg could omit it.

    *in_setup_py*: setup() passes ``use_scm_version``.
    """
    project = next((t for t in packaging.tables if t.name == ("project",)), None)
    if project is None or project.get("name") is None or project.get("version") is not None:
        return []
    dynamic = project.get("dynamic")
    if dynamic is not None and any(item.value == "version" for item in dynamic.value):  # type: ignore[union-attr]
        return []
    existing = doc.get("project", {})
    if "version" in existing or "version" in existing.get("dynamic", []):
        return []
    files = _files_without_version(packaging)
    if not _uses_setuptools_scm(packaging, doc):
        raise InputError(
            files[0],
            f"{_LACKS_VERSION[tuple(files)]}, and pyproject.toml's [project] must have one",
            hint=f"add {' or '.join(_ADD_VERSION[f] for f in files)}, then run again",
        )
    if dynamic is None:
        project.add("dynamic", items(["version"]))
    else:
        assert isinstance(dynamic.value, list)
        dynamic.value.append(Item("version"))
    return [
        Entry(
            _absent_version(files),
            Action.TRANSFORMED,
            '[project] dynamic = ["version"]',
            "setuptools_scm sets the version at build time"
            if in_setup_py or "setuptools_scm" in doc.get("tool", {})
            else "setuptools_scm is a build requirement but not switched on (no "
            "[tool.setuptools_scm], no use_scm_version): the version stays unset (0.0.0), "
            "as before; add [tool.setuptools_scm] to let it set one",
        )
    ]


#: setup() fields declared dynamic -> the tables that must then not hold them statically.
_DYNAMIC_TABLES = {
    "urls": ("project", "urls"),
    "optional-dependencies": ("project", "optional-dependencies"),
    "scripts": ("project", "scripts"),
    "gui-scripts": ("project", "gui-scripts"),
}


def combine(packaging: Packaging, setup_py: SetupPy, doc: TOMLDocument) -> None:
    """Add setup.py's fields to setup.cfg's: setup() arguments win, as in setuptools."""
    has_name = (
        any(t.name == ("project",) and t.get("name") for t in packaging.tables)
        or any(t.name == ("project",) and t.get("name") for t in setup_py.tables)
        or "name" in doc.get("project", {})
    )
    wanted = [t for t in setup_py.tables if t.fields] or setup_py.dynamic
    if not wanted:
        return
    if "name" in setup_py.dynamic or not has_name:
        raise InputError(
            "setup.py",
            "setup() computes the project name, and [project] name must be a literal",
            hint="write the name as a string in setup() or setup.cfg [metadata], then run again",
        )
    by_name = {t.name: t for t in packaging.tables}
    if not packaging.tables:
        packaging.tables = [Table(("project",)), Table(("tool", "setuptools"))]
        by_name = {t.name: t for t in packaging.tables}
        if not setup_py.sets_include_package_data:
            # pyproject.toml's default is true; setup.py alone meant false.
            by_name[("tool", "setuptools")].add("include-package-data", False)
            packaging.entries.append(
                Entry(
                    Location("setup.py", key="include_package_data (absent)"),
                    Action.TRANSFORMED,
                    "[tool.setuptools] include-package-data = false",
                    "setup.py's default is false, pyproject.toml's is true",
                )
            )
    elif setup_py.sets_include_package_data:
        tool = by_name.get(("tool", "setuptools"))
        if tool is not None:
            tool.fields = [f for f in tool.fields if f.key != "include-package-data"]
    project = by_name[("project",)]
    static_over_dynamic(packaging, setup_py, by_name)
    for table in setup_py.tables:
        target = by_name.get(table.name)
        if target is None:
            target = Table(table.name)
            packaging.tables.append(target)
            by_name[table.name] = target
        for new in table.fields:
            target.fields = [f for f in target.fields if f.key != new.key]
            target.fields.append(new)
    license_text_beside_computed_classifiers(packaging, setup_py, project)
    license_files_beside_text(packaging, project, by_name)
    for role in ("author", "maintainer"):
        given = {k: v for k, v in setup_py.people.items() if k.startswith(role)}
        if given and role in packaging.people:
            # setup() arguments replace setup.cfg's key by key: its maintainer may
            # come with setup.cfg's maintainer_email.
            names, emails = packaging.people[role]
            people, _ = people_items(given.get(role, names), given.get(f"{role}_email", emails))
            field = project.get(f"{role}s")
            assert field is not None
            project.fields = [
                f if f.key != f"{role}s" else type(f)(f.key, people, f.comments, f.origin)
                for f in project.fields
            ]
    for name in setup_py.dynamic:
        project.fields = [f for f in project.fields if f.key != name]
        if name in _DYNAMIC_TABLES and _DYNAMIC_TABLES[name] in by_name:
            by_name[_DYNAMIC_TABLES[name]].fields = []
        if name == "entry-points":
            for table in packaging.tables:
                if table.name[:2] == ("project", "entry-points"):
                    table.fields = []
    dynamic = project.get("dynamic")
    listed = [str(i.value) for i in dynamic.value] if dynamic is not None else []  # type: ignore[union-attr]
    listed += [n for n in setup_py.dynamic if n not in listed]
    static = {f.key for t in setup_py.tables if t.name == ("project",) for f in t.fields}
    listed = [n for n in listed if n not in static]
    project.fields = [f for f in project.fields if f.key != "dynamic"]
    if listed:
        project.add("dynamic", items(listed))
    packaging.build_requires.extend(setup_py.build_requires)
    if setup_py.license_expression:
        packaging.setuptools_floor = max(packaging.setuptools_floor, 77)
        classifiers = project.get("classifiers")
        if classifiers is not None and isinstance(classifiers.value, list):
            kept = [i for i in classifiers.value if not str(i.value).startswith("License ::")]
            project.fields = [
                f if f.key != "classifiers" else type(f)(f.key, kept, f.comments, f.origin)
                for f in project.fields
            ]
    project.fields.sort(key=lambda f: PROJECT_ORDER.index(f.key))
    # [project] and its sub-tables first, then [tool.*], then [dependency-groups].
    packaging.tables.sort(key=lambda t: {"project": 0, "tool": 1}.get(t.name[0], 2))
