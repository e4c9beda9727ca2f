"""Whether setup.py reads setup.cfg itself, so setup.cfg's packaging must stay where it is.

Some setup.py files open setup.cfg while they run (astropy's package template
indexes ``[metadata]`` through ``ConfigParser``; others call setuptools'
``read_configuration`` or read it as text). Moving ``[metadata]`` out and removing
the file leaves the next build with ``KeyError: 'metadata'``. Knowing exactly what
setup.py reads would mean running it, so the test is conservative but syntactic
(comments, docstrings and other strings standing as statements never count):

- a string constant that is ``setup.cfg``, or has it as a path component
  (``os.path.join(here, "setup.cfg")``, ``f"{root}/setup.cfg"``);
- a ``read_configuration(...)`` call (setuptools reads a setup.cfg-format file);
- a ``ConfigParser`` whose ``read``/``read_file``/``read_string`` is given a computed
  path that names no file of its own (``cfg.read(path)``; ``cfg.read("tox.ini")`` does
  not count);
- ``setup(pbr=True)``: pbr builds setup()'s arguments from setup.cfg.
"""

from __future__ import annotations

import ast
import re

_NAME = "setup.cfg"
_PARSERS = frozenset({"ConfigParser", "RawConfigParser", "SafeConfigParser"})
_READS = frozenset({"read", "read_file", "read_string", "readfp"})
#: a string that names a file of its own (``tox.ini``, ``versioneer.cfg``)
_FILE_NAME = re.compile(r"[\w.-]+\.\w+")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of strings standing as statements: docstrings, and prose that does nothing."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _names_setup_cfg(value: str) -> bool:
    value = value.strip()
    return value == _NAME or _NAME in re.split(r"[\\/]", value)


def _names_a_file(node: ast.expr) -> bool:
    """Whether a string inside *node* names some file (then it is that file that is read)."""
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and _FILE_NAME.search(n.value)
        for n in ast.walk(node)
    )


def _literal(node: ast.expr) -> bool:
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_literal(item) for item in node.elts)
    return isinstance(node, ast.Constant)


def setup_cfg_reader(text: str) -> tuple[int, str] | None:
    """(line, what) of the first place setup.py reads setup.cfg, or None."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None  # the setup.py mapper reports it
    docstrings = _docstrings(tree)
    parser = False
    hits: list[tuple[int, str]] = []
    reads: list[ast.Call] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _names_setup_cfg(node.value)
        ):
            hits.append((node.lineno, f"it names {node.value.strip()!r}"))
        elif isinstance(node, ast.Call):
            name = _name(node.func)
            parser = parser or name in _PARSERS
            if name == "read_configuration":
                hits.append((node.lineno, "it calls read_configuration()"))
            elif name in _READS and isinstance(node.func, ast.Attribute) and node.args:
                reads.append(node)
            elif name == "setup" and any(kw.arg == "pbr" for kw in node.keywords):
                hits.append((node.lineno, "setup(pbr=...) has pbr read it"))
    if parser:
        hits += [
            (call.lineno, f"a ConfigParser's {_name(call.func)}() of a computed path")
            for call in reads
            if not all(_literal(arg) or _names_a_file(arg) for arg in call.args)
        ]
    return min(hits, default=None)


__all__ = ["setup_cfg_reader"]
