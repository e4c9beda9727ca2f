"""The legacy files a build still reads or ships, which a migration must never remove.

setup.py may open a requirements file while it runs (kombu and celery read
``requirements/default.txt`` through a helper), setup.cfg and pyproject.toml name
files with ``file:``, and MANIFEST.in puts files into the sdist. Knowing exactly
what setup.py opens would mean running it, so any string in it that names the file,
its folder or its stem counts: a file kept for nothing costs nothing, a file removed
that the build reads breaks every later build.
"""

from __future__ import annotations

import ast
import posixpath
import re
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

from setsquare.migrate.references import referenced_files

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

_GLOB = frozenset("*?[")
_FILE_DIRECTIVE = re.compile(r"\bfile:\s*(?P<names>[^#;\n]+)")


def _setup_py_strings(text: str) -> set[str]:
    """Every string constant in setup.py, and each path component of it."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return set()  # the setup.py half of the migration reports it
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value.strip()
            found.add(value)
            found.update(part for part in re.split(r"[\\/]", value) if part)
    return found


def _names(path: str) -> list[str]:
    """What setup.py may write to reach *path*, most telling first: the path, its name,
    its stem (``name + ".txt"``), its folders (``os.path.join("requirements", f)``)."""
    parts = path.split("/")
    return [path, parts[-1], posixpath.splitext(parts[-1])[0], *reversed(parts[:-1])]


def _named_by_setup_py(path: str, strings: set[str]) -> str | None:
    hit = next((name for name in _names(path) if name in strings), None)
    if hit is not None:
        return hit
    base = posixpath.basename(path)
    # A glob with something literal in it (`*.txt`, not `*` or `***`) may list the file.
    globs = (s for s in sorted(strings) if _GLOB & set(s) and any(c.isalnum() for c in s))
    return next((s for s in globs if fnmatchcase(base, posixpath.basename(s))), None)


def _manifest_ships(path: str, manifest: str) -> bool:
    """Whether an include line of MANIFEST.in matches *path* (excludes are not weighed)."""
    base = posixpath.basename(path)
    for raw in manifest.splitlines():
        words = raw.split("#", 1)[0].split()
        if not words:
            continue
        command, args = words[0], words[1:]
        if command == "include" and any(fnmatchcase(path, p) for p in args):
            return True
        if command == "global-include" and any(fnmatchcase(base, p) for p in args):
            return True
        if command == "recursive-include" and args:
            folder = args[0].strip("/")
            inside = folder in ("", ".") or path.startswith(f"{folder}/")
            if inside and any(fnmatchcase(base, p) for p in args[1:]):
                return True
        if command == "graft" and args:
            folder = args[0].strip("/")
            if folder in ("", ".") or path.startswith(f"{folder}/"):
                return True
    return False


def _named_by_file_directive(path: str, setup_cfg: str) -> bool:
    for match in _FILE_DIRECTIVE.finditer(setup_cfg):
        names = [name.strip() for name in match["names"].split(",")]
        if any(posixpath.normpath(name) == path for name in names if name):
            return True
    return False


def read_by_the_build(
    paths: Iterable[str],
    files: Mapping[str, str],
    sources: Mapping[str, str] | None,
    pyproject: dict[str, Any],
) -> dict[str, str]:
    """For each of *paths* the build still needs, why (for the ledger).

    *files* holds setup.py and setup.cfg, *sources* MANIFEST.in, *pyproject* the
    migrated pyproject.toml's data.
    """
    setup_py = files.get("setup.py")
    strings = _setup_py_strings(setup_py) if setup_py is not None else set()
    setup_cfg = files.get("setup.cfg", "")
    manifest = (sources or {}).get("MANIFEST.in", "")
    named = dict(referenced_files(pyproject))
    why: dict[str, str] = {}
    for path in paths:
        hit = _named_by_setup_py(path, strings)
        if hit is not None:
            why[path] = f"setup.py may read it at build time (it names {hit!r})"
        elif path in named:
            why[path] = f"the build reads it ({named[path]} in pyproject.toml)"
        elif _named_by_file_directive(path, setup_cfg):
            why[path] = "the build reads it (a `file:` in setup.cfg)"
        elif _manifest_ships(path, manifest):
            why[path] = "MANIFEST.in puts it in the sdist"
    return why


__all__ = ["read_by_the_build"]
