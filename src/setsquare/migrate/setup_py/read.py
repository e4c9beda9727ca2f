"""Reading setup.py's syntax tree: the setup() calls and the literal values they pass."""

from __future__ import annotations

import ast
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

from setsquare.errors import InputError

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

MISSING = object()


def setup_calls(tree: ast.Module) -> list[ast.Call]:
    """Every call of a function named ``setup`` (``setup(...)``, ``setuptools.setup(...)``)."""
    calls = []
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
                calls.append(node)
    return sorted(calls, key=lambda call: (call.lineno, call.col_offset))


def _setup_keyword_values(tree: ast.Module) -> set[int]:
    """The ids of the nodes passed straight as a setup() keyword's value."""
    return {id(kw.value) for call in setup_calls(tree) for kw in call.keywords}


def _uses(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names stored more than once, and names used where a mutable value may change.

    Conservative, as the value is never run: a store in any form counts (a loop or
    ``with`` target, unpacking, ``del``, an import, a def); a value may change when
    an item of it is set or deleted (``x["all"] = ...``), when any attribute of it is
    touched (``x.append(...)``, ``x.update(...)``) and when it is handed to any call
    but as a setup() keyword's value.
    """
    stores: dict[str, int] = {}
    touched: set[str] = set()
    passed = _setup_keyword_values(tree)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names = [node.id]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [(alias.asname or alias.name).split(".")[0] for alias in node.names]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Attribute) or (
            isinstance(node, ast.Subscript) and not isinstance(node.ctx, ast.Load)
        ):
            # x.extend(...), x["a"].append(...), x["a"]["b"] = ...: x may change.
            base = node.value
            while isinstance(base, (ast.Subscript, ast.Attribute)):
                base = base.value
            if isinstance(base, ast.Name):
                touched.add(base.id)
        elif isinstance(node, ast.Call):
            for arg in [*node.args, *(kw.value for kw in node.keywords)]:
                value = arg.value if isinstance(arg, ast.Starred) else arg
                while isinstance(value, ast.Subscript):
                    value = value.value
                if isinstance(value, ast.Name) and id(arg) not in passed:
                    touched.add(value.id)
        for name in names:
            stores[name] = stores.get(name, 0) + 1
    return {name for name, count in stores.items() if count > 1}, touched


def _immutable(node: ast.expr) -> bool:
    """A literal nothing can change in place: str, bytes, numbers, None, tuples of those."""
    if isinstance(node, ast.Tuple):
        return all(_immutable(item) for item in node.elts)
    return isinstance(node, (ast.Constant, ast.UnaryOp, ast.BinOp, ast.JoinedStr))


def module_bindings(tree: ast.Module) -> dict[str, ast.Assign | None]:
    """Each name assigned anywhere: its one module-level ``name = value``, else None.

    None too when the value may be something else by the time setup() runs: the
    name is stored again, or a list, dict or set it holds may be changed in place.
    """
    rebound, touched = _uses(tree)
    bound: dict[str, list[ast.Assign | None]] = {}
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            # Rebinding (x += ...) makes the name's value unknown: count it.
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                top_level = isinstance(node, ast.Assign) and any(
                    node is statement for statement in tree.body
                )
                bound.setdefault(target.id, []).append(
                    node if top_level and isinstance(node, ast.Assign) else None
                )
    result: dict[str, ast.Assign | None] = {}
    for name, found in bound.items():
        assign = found[0] if len(found) == 1 and name not in rebound else None
        if assign is not None and name in touched and not _immutable(assign.value):
            assign = None
        result[name] = assign
    return result


def module_literals(bindings: dict[str, ast.Assign | None]) -> dict[str, Any]:
    """Names bound exactly once, at module level, to a literal."""
    found: dict[str, Any] = {}
    for name, assign in bindings.items():
        if assign is None:
            continue
        try:
            found[name] = ast.literal_eval(assign.value)
        except ValueError:
            continue
    return found


def literal(node: ast.expr, names: dict[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return names.get(node.id, MISSING)
    try:
        return ast.literal_eval(node)
    except ValueError:
        return MISSING


def yield_lines(text: str) -> list[str]:
    """Lines as setuptools reads a multi-line value: stripped, no blanks, no ``#`` comments."""
    return [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]


def strings(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value]
    return None


def requirements(value: Any, where: str, line: int) -> list[str] | None:
    found = strings(value)
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


#: Methods and functions whose result is a str whatever they are given.
_STR_METHODS = {"read", "read_text", "format", "strip", "lstrip", "rstrip", "join", "replace"}
_STR_FUNCTIONS = {"dedent", "str"}


def is_str_expression(
    node: ast.expr, bindings: dict[str, ast.Assign | None], seen: frozenset[str] = frozenset()
) -> bool:
    """Whether *node* surely evaluates to a str (``open(...).read()``, an f-string, ...)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return is_str_expression(node.left, bindings, seen)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute):
            return func.attr in _STR_METHODS
        return isinstance(func, ast.Name) and func.id in _STR_FUNCTIONS
    if isinstance(node, ast.Name) and node.id not in seen:
        assign = bindings.get(node.id)
        return assign is not None and is_str_expression(assign.value, bindings, seen | {node.id})
    return False
