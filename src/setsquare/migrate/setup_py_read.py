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


def module_bindings(tree: ast.Module) -> dict[str, ast.Assign | None]:
    """Each name assigned anywhere: its one module-level ``name = value``, else None."""
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
    return {name: found[0] if len(found) == 1 else None for name, found in bound.items()}


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
