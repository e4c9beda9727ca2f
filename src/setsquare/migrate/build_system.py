"""``[build-system]``: setuptools at the floor the migrated tables need, plus ``setup_requires``.

An existing table is edited in place (its layout and comments kept); a missing one is
written before the first table.
"""

from __future__ import annotations

import ast
import sys
from typing import TYPE_CHECKING, Any

import tomlkit
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import Specifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version
from tomlkit.items import AoT, Table

from setsquare.errors import InputError
from setsquare.migrate.policy import PYPROJECT
from setsquare.migrate.writer import set_apart

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tomlkit.toml_document import TOMLDocument

    from setsquare.migrate.model import Item


#: imports a setup.py may make under plain build_meta: all there in the build environment
_ALWAYS_THERE = frozenset({*sys.stdlib_module_names, "setuptools", "pkg_resources"})


def needs_legacy_backend(setup_py: str, build_requires: Iterable[str] = ()) -> bool:
    """Whether setup.py relies on what ``build_meta:__legacy__`` adds to ``build_meta``.

    The legacy backend only puts setup.py's folder first on ``sys.path`` and sets
    ``sys.argv[0]`` (``_BuildMetaLegacyBackend.run_setup``). A setup.py that imports
    only the standard library, setuptools and its build requirements, and never looks
    at ``sys.argv`` or ``sys.path``, builds the same with plain ``build_meta``, the
    backend setuptools documents; anything else (``import versioneer``, ``from pkg
    import __version__``) keeps ``__legacy__``.
    """
    try:
        tree = ast.parse(setup_py)
    except SyntaxError:
        return True
    allowed = _ALWAYS_THERE | {_import_name(text) for text in build_requires}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level or (node.module == "sys" and _sys_path_or_argv(node.names)):
                return True
            names = [node.module or ""]
        elif isinstance(node, ast.Attribute) and node.attr in ("argv", "path"):
            if isinstance(node.value, ast.Name) and node.value.id == "sys":
                return True
            continue
        else:
            continue
        if any(name.split(".")[0].lower() not in allowed for name in names):
            return True
    return False


def _sys_path_or_argv(names: list[ast.alias]) -> bool:
    return any(alias.name in ("argv", "path") for alias in names)


def _import_name(requirement: str) -> str:
    """``Cython>=3`` -> ``cython``: the import name most distributions use."""
    try:
        name = Requirement(requirement).name
    except InvalidRequirement:
        return ""
    return name.lower().replace("-", "_")


def _setuptools_requirement(requires: list[str]) -> tuple[int, Requirement] | None:
    for index, text in enumerate(requires):
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if requirement.name.lower() == "setuptools":
            return index, requirement
    return None


def _allows_below(specifier: SpecifierSet, floor: int) -> bool:
    """Whether some version below *floor* satisfies *specifier* (no lower bound at *floor*)."""
    lower = (">=", ">", "~=", "==", "===")
    return not any(s.operator in lower and _release(s.version) >= (floor,) for s in specifier)


def _release(version: str) -> tuple[int, ...]:
    try:
        return Version(version.removesuffix(".*")).release
    except InvalidVersion:
        return (0,)


def ensure_build_system(
    doc: TOMLDocument, *, floor: int, extra: list[Item], legacy_backend: bool
) -> list[str]:
    """Use setuptools at *floor* or later, plus the ``setup_requires`` in *extra*.

    Returns what was changed, for the ledger. An existing backend other than
    setuptools is refused: the migrated tables are setuptools'.
    """
    notes: list[str] = []
    system = doc.get("build-system")
    backend = "setuptools.build_meta:__legacy__" if legacy_backend else "setuptools.build_meta"
    if system is None:
        requires = tomlkit.array()
        requires.append(f"setuptools>={floor}")
        for item in extra:
            requires.append(item.value)
        requires.multiline(len(requires) > 2)
        table = tomlkit.table()
        table.add("requires", requires)
        table.add("build-backend", backend)
        set_apart(table)
        _insert_first(doc, "build-system", table)
        notes.append(f"[build-system] written: setuptools>={floor}, backend {backend}")
        return notes
    current_backend = system.get("build-backend")
    if current_backend is not None and not str(current_backend).startswith("setuptools.build_meta"):
        raise InputError(
            PYPROJECT,
            f"[build-system] uses {current_backend!r}, but the legacy configuration is setuptools'",
            hint="switch back to setuptools.build_meta, migrate, then change backends "
            "as a step of its own",
        )
    requires = system.get("requires")
    if requires is None:
        requires = tomlkit.array()
        system.add("requires", requires)
    found = _setuptools_requirement([str(r) for r in requires])
    if found is None:
        requires = _prepend(system, requires, f"setuptools>={floor}")
        notes.append(f"[build-system] requires: setuptools>={floor} added")
    else:
        index, requirement = found
        if _allows_below(requirement.specifier, floor):
            kept = [
                s for s in requirement.specifier if s.operator not in (">=", ">", "~=", "==", "===")
            ]
            if any(s.operator in ("==", "===") for s in requirement.specifier):
                raise InputError(
                    PYPROJECT,
                    f"[build-system] pins {requires[index]!r}, but the migrated tables need "
                    f"setuptools>={floor}",
                    hint=f"allow setuptools>={floor} in [build-system] requires",
                )
            new = Requirement(str(requirement))
            new.specifier = SpecifierSet(",".join([f">={floor}", *map(str, kept)]))
            requires[index] = str(new)
            notes.append(f"[build-system] requires: {requirement} raised to {new}")
    for item in extra:
        notes.extend(_add_build_requirement(requires, str(item.value)))
    if current_backend is None:
        system.add("build-backend", backend)
        why = (
            "what pip used"
            if legacy_backend
            else "pip used its __legacy__ variant, which only adds setup.py's folder to "
            "sys.path; nothing here imports from there"
        )
        notes.append(f"[build-system] build-backend = {backend!r} written ({why})")
    return notes


def _add_build_requirement(requires: Any, text: str) -> list[str]:
    """Add one ``setup_requires`` line to [build-system] requires; return notes.

    setuptools installed both lists into the same build environment, so a name in
    both means both constraints held: the stricter one must not be dropped.
    """
    wanted = Requirement(text)
    index = next(
        (
            i
            for i, r in enumerate(requires)
            if _parses(str(r)) and _same_name(Requirement(str(r)), wanted)
        ),
        None,
    )
    if index is None:
        requires.append(text)
        return [f"[build-system] requires: {text} added"]
    have = Requirement(str(requires[index]))
    if have.marker != wanted.marker or have.url or wanted.url or wanted.extras - have.extras:
        if str(have) == str(wanted):
            return []
        requires.append(text)
        return [f"[build-system] requires: {text} added next to {have} (setup_requires)"]
    new_specs = [spec for spec in wanted.specifier if not _implied(spec, have.specifier)]
    if not new_specs:
        return []
    combined = Requirement(str(have))
    combined.specifier = have.specifier & SpecifierSet(",".join(map(str, new_specs)))
    requires[index] = str(combined)
    return [f"[build-system] requires: {have} and setup_requires' {text} combined into {combined}"]


def _same_name(a: Requirement, b: Requirement) -> bool:
    return canonicalize_name(a.name) == canonicalize_name(b.name)


def _implied(spec: Specifier, specifier: SpecifierSet) -> bool:
    """Whether *specifier* already says *spec* (the same clause, or a higher lower bound)."""
    if any(spec == clause for clause in specifier):  # `in` would test a version
        return True
    if spec.operator != ">=":
        return False
    floor = _release(spec.version)
    return any(s.operator in (">=", ">", "==") and _release(s.version) >= floor for s in specifier)


def _prepend(table: Any, array: Any, value: str) -> Any:
    """Put *value* first in *table*'s ``requires`` array, spaced like the rest."""
    if "\n" in array.as_string():
        array.insert(0, value)  # a multi-line array keeps its layout and comments
        return array
    # tomlkit's insert(0) on a one-line array writes `["a","b"]`: rebuild it instead.
    new = tomlkit.array()
    for item in [value, *array.unwrap()]:
        new.append(item)
    new.trivia.comment_ws = array.trivia.comment_ws
    new.trivia.comment = array.trivia.comment
    new.trivia.trail = array.trivia.trail
    table["requires"] = new
    return new


def _parses(text: str) -> bool:
    try:
        Requirement(text)
    except InvalidRequirement:
        return False
    return True


def _insert_first(doc: TOMLDocument, key: str, table: Table) -> None:
    """Put a new table before the first table (after any header comments)."""
    index = next(
        (i for i, (k, v) in enumerate(doc.body) if k is not None and isinstance(v, (Table, AoT))),
        None,
    )
    if index is None:
        doc.add(key, table)
        return
    doc._insert_at(index, key, table)
