"""setup.py, read by its syntax tree and never executed.

A ``setup()`` call without arguments is a stub that only hands over to
setup.cfg and pyproject.toml: it stays. Arguments passed to ``setup()`` are not
migrated yet, so the run refuses rather than lose them (setuptools ignores
``setup()`` arguments for fields ``[project]`` declares).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry

PATH = "setup.py"


@dataclass
class SetupPy:
    entries: list[Entry] = field(default_factory=list)


def _setup_calls(tree: ast.Module) -> list[ast.Call]:
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
    return calls


def inspect_setup_py(text: str) -> SetupPy:
    """Classify setup.py; raise `InputError` when it carries metadata we cannot move yet."""
    try:
        tree = ast.parse(text, filename=PATH)
    except SyntaxError as error:
        raise InputError(
            PATH,
            f"is not valid Python: {error.msg}",
            line=error.lineno,
            hint="fix the syntax error",
        ) from error
    calls = _setup_calls(tree)
    result = SetupPy()
    if not calls:
        result.entries.append(Entry(PATH, Action.KEPT, reason="no setup() call; left as it is"))
        return result
    call = calls[0]
    names = [kw.arg or "**" for kw in call.keywords]
    if call.args or names:
        listed = ", ".join(names) if names else "positional arguments"
        raise InputError(
            PATH,
            f"setup() is given {listed}; setsquare does not migrate setup() arguments yet",
            line=call.lineno,
            hint="move them to setup.cfg [metadata]/[options] (or pyproject.toml) by hand, "
            "leaving a bare setup() call, then run setsquare migrate again",
        )
    result.entries.append(
        Entry(
            f"{PATH}:{call.lineno} setup()",
            Action.KEPT,
            reason="a stub with no arguments; kept for old tools",
        )
    )
    return result
