"""The file Ruff reads its settings from, and whether they select Ruff's rules explicitly.

In one folder Ruff reads `.ruff.toml`, else `ruff.toml`, else `[tool.ruff]` of
`pyproject.toml`, and never merges them (Ruff's "Configuring Ruff" page): a `select` in
a file Ruff does not read selects nothing. A file that `extend`s another inherits its
settings, and its own `select` replaces the inherited one. adopt writes Ruff's select to
this file, and check-tool-pins and SQ310 look for it there: one finder, one answer.

Standard library only: the check-tool-pins hook imports it on its fast path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from setsquare._text import decode
from setsquare._toml import loads_toml

if TYPE_CHECKING:
    from importlib.abc import Traversable

#: Ruff's own files, in the order it looks for them in a folder (before pyproject.toml).
RUFF_FILES = (".ruff.toml", "ruff.toml")
PYPROJECT = "pyproject.toml"


def ruff_file(root: Traversable) -> str | None:
    """The Ruff file Ruff reads in *root* instead of pyproject.toml (None when there is none)."""
    return next((name for name in RUFF_FILES if root.joinpath(name).is_file()), None)


@dataclass(frozen=True)
class RuffSelect:
    """Whether the Ruff configuration at *path* selects its rules explicitly."""

    #: The file Ruff reads: one of `RUFF_FILES`, else pyproject.toml (present or not).
    path: str
    #: A `select` in it, or in a file it extends within the project.
    explicit: bool
    #: What it extends that cannot be read here (outside the project, or missing), when
    #: nothing readable selects: that file's rules are unknown.
    unread: str | None = None
    #: What the file Ruff reads `extend`s, when it selects nothing itself (a `select`
    #: written there would replace the inherited one).
    extends: str | None = None


def selects(settings: Mapping[str, Any]) -> bool:
    """Whether Ruff's settings (the keys of `[tool.ruff]`, or of a ruff.toml) hold a
    `select`, at the top or in their lint table."""
    lint = settings.get("lint")
    return "select" in settings or (isinstance(lint, Mapping) and "select" in lint)


def ruff_select(root: Traversable) -> RuffSelect:
    """Where Ruff reads its settings in the project at *root*, and whether they select
    rules explicitly, following `extend` within the project. Broken TOML is an
    `InputError` naming the file."""
    path = ruff_file(root) or PYPROJECT
    current, seen = path, set()
    first: str | None = None
    while True:
        settings = _settings(root, current)
        if selects(settings):
            return RuffSelect(path, explicit=True, extends=first)
        parent = settings.get("extend")
        if not isinstance(parent, str):
            return RuffSelect(path, explicit=False, extends=first)
        first = parent if current == path else first
        seen.add(current)
        # Ruff resolves `extend` against the folder of the file that names it.
        target = posixpath.normpath(posixpath.join(posixpath.dirname(current), parent))
        outside = posixpath.isabs(parent) or parent.startswith("~") or target.startswith("..")
        if outside or target in seen or not root.joinpath(target).is_file():
            return RuffSelect(path, explicit=False, unread=parent, extends=first)
        current = target


def _settings(root: Traversable, path: str) -> Mapping[str, Any]:
    """Ruff's settings in *path*: its `[tool.ruff]` for a pyproject.toml, else the file."""
    item = root.joinpath(path)
    if not item.is_file():
        return {}
    data = loads_toml(decode(path, item.read_bytes()), path)
    if posixpath.basename(path) != PYPROJECT:
        return data
    tool = data.get("tool")
    ruff = tool.get("ruff") if isinstance(tool, Mapping) else None
    return ruff if isinstance(ruff, Mapping) else {}
