"""setup.py, read by its syntax tree and never executed.

Arguments of the ``setup()`` call that are ``[project]`` metadata move to
pyproject.toml when they are literals (or names bound once to a literal at module
level) and are cut out of the call; computed ones stay where they are and their
field is declared ``dynamic``, which is how setuptools lets setup.py fill a
``[project]`` field. Every other argument (``packages``, ``cmdclass``,
``use_scm_version``, ``ext_modules``...) stays in setup.py, which setuptools
keeps reading. When setup() hides which fields it sets (``setup(**kwargs)``, a
computed name, more than one setup() call, of which only running setup.py tells
which runs), nothing is taken from it, and setup.cfg's packaging stays beside it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.setup_cfg.base import PROJECT_ORDER
from setsquare.migrate.setup_py.comments import ListComments
from setsquare.migrate.setup_py.cut import cut_arguments
from setsquare.migrate.setup_py.entry_points import computed_str
from setsquare.migrate.setup_py.mapper import Mapper
from setsquare.migrate.setup_py.read import (
    MISSING,
    PATH,
    PROJECT_FIELDS,
    is_str_expression,
    literal,
    module_bindings,
    module_literals,
    setup_calls,
)
from setsquare.migrate.setup_py.reads_cfg import setup_cfg_reader

if TYPE_CHECKING:
    from setsquare.migrate.model import Item, Table

#: setup() arguments with no effect on what a wheel publishes, and why they stay.
_KEPT_NOTES = {
    "zip_safe": "obsolete (eggs only), but setuptools still records it in the sdist's "
    "egg-info (not-zip-safe): left in setup.py",
}


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
    #: setup() hides which fields it sets (two calls, ``**kwargs``, a computed name), or
    #: setup.py reads setup.cfg itself: no packaging may move, setup.cfg's neither.
    opaque: bool = False
    #: why setup.cfg's packaging stays too, for its ledger lines
    held_because: str = "setup.py's setup() hides what it sets"
    #: setup.py opens setup.cfg: the file may be emptied, never removed
    reads_setup_cfg: bool = False


def _parse(text: str) -> ast.Module:
    try:
        return ast.parse(text, filename=PATH)
    except SyntaxError as error:
        raise InputError(
            PATH,
            f"is not valid Python: {error.msg}",
            line=error.lineno,
            hint="fix the syntax error",
        ) from error


def _left_alone(
    call: ast.Call, reason: str, calls: list[ast.Call] | None = None, *, opaque: bool = True
) -> SetupPy:
    """Nothing taken from setup.py; the ledger says why, on one line."""
    given = {kw.arg for c in calls or [call] for kw in c.keywords}
    return SetupPy(
        entries=[Entry(Location(PATH, call.lineno, key="setup()"), Action.KEPT, reason=reason)],
        uses_scm_version="use_scm_version" in given,
        opaque=opaque,
    )


def _reads_setup_cfg(line: int, how: str, calls: list[ast.Call]) -> SetupPy:
    """setup.py reads setup.cfg while it runs: neither file's packaging moves."""
    reason = (
        f"setup.py reads setup.cfg itself ({how}): nothing packaging moves out of setup.py "
        "or setup.cfg, or the next build would not find what setup.py reads there"
    )
    hint = (
        "give setup() those values as literals (or move them to [project] by hand) so "
        "setup.py no longer reads setup.cfg, then run setsquare migrate again"
    )
    given = {kw.arg for call in calls for kw in call.keywords}
    return SetupPy(
        entries=[
            Entry(Location(PATH, line, key="setup.cfg"), Action.KEPT, reason=reason, hint=hint)
        ],
        uses_scm_version="use_scm_version" in given,
        opaque=True,
        held_because="setup.py reads setup.cfg itself",
        reads_setup_cfg=True,
    )


def _kept_reason(key: str, mapper: Mapper) -> str:
    if key in mapper.kept:
        return mapper.kept[key].reason
    if key in PROJECT_FIELDS:
        return f"computed in setup.py: kept there, [project] {PROJECT_FIELDS[key]} is dynamic"
    return _KEPT_NOTES.get(key, "not a [project] field: setuptools keeps reading it from setup.py")


def inspect_setup_py(text: str, *, beside_setup_cfg: bool = False) -> SetupPy:
    """Map setup.py's literal metadata, or leave it all alone when setup() hides what it sets.

    *beside_setup_cfg*: the project has a setup.cfg, which setup.py may read itself.
    """
    tree = _parse(text)
    calls = setup_calls(tree)
    reader = setup_cfg_reader(text) if beside_setup_cfg else None
    if reader is not None:
        return _reads_setup_cfg(*reader, calls)
    if not calls:
        return SetupPy(
            entries=[Entry(Location(PATH), Action.KEPT, reason="no setup() call; left as it is")]
        )
    call = calls[0]
    if len(calls) > 1:
        at = ", ".join(str(c.lineno) for c in calls)
        return _left_alone(
            call,
            f"setup() is called {len(calls)} times (lines {at}): which call runs is only "
            "known when setup.py runs, so nothing is migrated from setup.py",
            calls,
        )
    if call.args or any(kw.arg is None for kw in call.keywords):
        return _left_alone(
            call,
            "setup() takes positional or **keyword arguments, which hide what it sets, so "
            "nothing is migrated from setup.py (pass them by name to migrate them)",
        )
    if not call.keywords:
        return _left_alone(call, "a stub with no arguments; kept for old tools", opaque=False)
    bindings = module_bindings(tree)
    names = module_literals(bindings)
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    nodes: dict[str, ast.expr] = {}
    for kw in call.keywords:
        assert kw.arg is not None
        lines[kw.arg] = kw.lineno
        bound = bindings.get(kw.value.id) if isinstance(kw.value, ast.Name) else None
        nodes[kw.arg] = bound.value if bound is not None else kw.value
        value = literal(kw.value, names)
        if value is not MISSING:
            values[kw.arg] = value
        elif kw.arg == "entry_points" and is_str_expression(kw.value, bindings):
            raise computed_str(kw.lineno)
    if "name" in lines and not isinstance(values.get("name"), str):
        return _left_alone(
            call,
            "setup() computes the project name, and [project] name must be a literal, so "
            "nothing is migrated from setup.py (write the name as a string to migrate it)",
        )
    mapper = Mapper(values, lines, nodes, ListComments(text))
    dynamic = sorted(mapper.map())
    new_text = cut_arguments(text, tree, call, mapper.moved, bindings) if mapper.moved else None
    if mapper.moved and new_text is None:
        return _left_alone(
            call,
            "the moved arguments could not be cut out exactly (setup.py would not parse "
            "or would change otherwise): setup.py is left unchanged and nothing is migrated "
            "from it",
        )
    kept = [
        Entry(
            Location(PATH, lines[key], key=f"{key}="), Action.KEPT, reason=_kept_reason(key, mapper)
        )
        for key in lines
        if key not in mapper.moved
    ]
    if "entry-points" in dynamic:
        dynamic += ["scripts", "gui-scripts"]
    entries = sorted(mapper.entries + kept, key=lambda e: e.source.line or 0)
    mapper.project.fields.sort(key=lambda f: PROJECT_ORDER.index(f.key))
    return SetupPy(
        entries=entries,
        tables=[
            mapper.project,
            mapper.urls,
            mapper.extras,
            mapper.scripts,
            mapper.gui_scripts,
            *mapper.groups,
            mapper.dependency_groups,
        ],
        build_requires=mapper.build_requires,
        dynamic=dynamic,
        text=new_text,
        sets_include_package_data="include_package_data" in lines,
        license_expression=mapper.license_expression,
        people={
            key: values[key]
            for key in ("author", "author_email", "maintainer", "maintainer_email")
            if key in mapper.moved and isinstance(values.get(key), str)
        },
        uses_scm_version="use_scm_version" in lines,
    )
