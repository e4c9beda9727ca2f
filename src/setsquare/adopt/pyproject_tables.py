"""Add the Ruff, mypy and pytest tables a pyproject.toml lacks, and align tool pins.

Only what is missing is added; nothing the project set is changed, except Ruff or
mypy requirements that exclude the bundle's versions, which are re-pinned so the
hooks, the editor and CI run the same tools. tomlkit keeps comments and order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from setsquare._toml import check_shape
from setsquare.adopt.pin_clash import clash
from setsquare.adopt.ruff_config import PYPROJECT, add_select, has_select, parse_toml
from setsquare.adopt.tables_place import left_to_migrate

if TYPE_CHECKING:
    from collections.abc import Mapping

    from packaging.version import Version


@dataclass
class TablesChange:
    text: str
    actions: list[str] = field(default_factory=list)
    #: what was left to the user, one line each with a `hint:`
    notes: list[str] = field(default_factory=list)


def parse(text: str, path: str) -> tomlkit.TOMLDocument:
    doc = parse_toml(text, path)
    check_shape(doc.unwrap(), text, path)
    return doc


def _table(doc: Any, *keys: str) -> Any:
    node = doc
    for key in keys:
        if key not in node:
            return None
        node = node[key]
    return node


def add_tables(
    text: str,
    path: str,
    *,
    bundle: Mapping[str, Version],
    mypy_files: list[str],
    has_tests: bool,
    legacy_tools: Mapping[str, str] | None = None,
    ruff_elsewhere: bool = False,
) -> TablesChange:
    """*text* with the missing tool tables added. *legacy_tools* maps the tables whose
    tool a legacy file configures (mypy: "setup.cfg [mypy]") to that file: those are left
    to `setsquare migrate`, one note each. *ruff_elsewhere*: Ruff reads a ruff.toml."""
    legacy = legacy_tools or {}
    doc = parse(text, path)
    change = TablesChange(text)
    tool = doc.get("tool")
    if tool is None:
        tool = tomlkit.table(is_super_table=True)
        doc["tool"] = tool
    present = {
        "ruff": ruff_elsewhere or has_select(doc, PYPROJECT),
        "mypy": "mypy" in tool,
        "pytest": "pytest" in tool,
    }
    for table, there in present.items():
        if table in legacy and not there:
            change.notes.append(left_to_migrate(path, table, legacy[table]))

    if "ruff" not in legacy and not ruff_elsewhere:
        select = add_select(doc, PYPROJECT)
        change.actions.extend(select.actions)
        change.notes.extend(select.notes)

    if "mypy" not in tool and "mypy" not in legacy:
        mypy = tomlkit.table()
        mypy["files"] = mypy_files
        mypy["warn_unused_ignores"] = True
        mypy.add(tomlkit.comment("Tighten to `strict = true` when the code base is ready."))
        tool["mypy"] = mypy
        change.actions.append(f"pyproject.toml: added [tool.mypy] (files = {mypy_files})")

    if "pytest" not in tool and "pytest" not in legacy:
        options = tomlkit.table()
        options["minversion"] = "7"
        if has_tests:
            options["testpaths"] = ["tests"]
        options["addopts"] = ["-ra"]
        pytest_table = tomlkit.table(is_super_table=True)
        pytest_table["ini_options"] = options
        tool["pytest"] = pytest_table
        change.actions.append("pyproject.toml: added [tool.pytest.ini_options]")

    pins = _align_pins(doc, bundle)
    change.actions.extend(pins.actions)
    change.notes.extend(pins.notes)
    if change.actions:
        change.text = tomlkit.dumps(doc)
    return change


def _align_pins(doc: Any, bundle: Mapping[str, Version]) -> TablesChange:
    """The re-pins made (*actions*) and the ones left because the re-pinned list could not
    install (*notes*); the change's text is unused."""
    change = TablesChange("")
    groups = doc.get("dependency-groups") or {}
    places = [(f"[dependency-groups].{name}", reqs) for name, reqs in groups.items()]
    extras = _table(doc, "project", "optional-dependencies") or {}
    places += [(f"[project.optional-dependencies].{name}", reqs) for name, reqs in extras.items()]
    for where, reqs in places:
        for index, item in enumerate(reqs):
            if not isinstance(item, str):
                continue
            pinned = repinned(item, bundle)
            if pinned is None:
                continue
            others = [str(other) for other in reqs if isinstance(other, str) and other != item]
            why = clash(canonicalize_name(Requirement(item).name), others, bundle)
            if why is not None:
                change.notes.append(left_pin(f"pyproject.toml {where}", item, pinned, why))
                continue
            reqs[index] = pinned
            change.actions.append(f"pyproject.toml: {where}: `{item}` -> `{pinned}` (the bundle's)")
    return change


def left_pin(where: str, item: str, pinned: str, why: str) -> str:
    """adopt's one line for a pin it left because *pinned* would clash with *why*."""
    return (
        f"{where}: `{item}` not re-pinned: `{pinned}` cannot install beside {why}; hint: "
        f"pin `{pinned}` together with versions of what it requires that fit it"
    )


def repinned(item: str, bundle: Mapping[str, Version]) -> str | None:
    """*item* pinned to the bundle's version of its tool, when its specifier excludes that
    version; None when it allows it, names another package or is not a requirement.
    The one rule for pyproject.toml and the requirements files migrate mirrors."""
    try:
        req = Requirement(item)
    except InvalidRequirement:
        return None
    name = canonicalize_name(req.name)
    if name not in bundle or req.specifier.contains(bundle[name], prereleases=True):
        return None
    marker = f"; {req.marker}" if req.marker else ""
    extras_text = f"[{','.join(sorted(req.extras))}]" if req.extras else ""
    return f"{req.name}{extras_text}=={bundle[name]}{marker}"
