"""The file Ruff reads its settings from, and the tables adopt writes there.

In one folder Ruff reads `.ruff.toml`, else `ruff.toml`, else `[tool.ruff]` of
`pyproject.toml`, and never merges them: with a `ruff.toml` present, a `select` or a
moved black setting written to pyproject.toml would never be read. So adopt writes
Ruff's settings to the file Ruff reads, where the keys of `[tool.ruff]` sit at the top
level and its tables are `[lint]`, `[format]`, `[lint.isort]` (Ruff's "Configuring
Ruff" page). `RuffConfig` says which file that is and how its tables are named.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError

from setsquare.errors import InputError
from setsquare.ruff_files import RUFF_FILES, ruff_file, selects

__all__ = [
    "PYPROJECT",
    "RUFF_FILES",
    "RUFF_SELECT",
    "RuffConfig",
    "SelectChange",
    "add_select",
    "extend_words",
    "located",
    "parse_toml",
    "ruff_file",
    "ruff_select_in",
]

#: The rule families the template selects: explicit, never Ruff's moving default set.
RUFF_SELECT = (
    "F", "E", "W", "I", "UP", "B", "C4", "SIM", "RET", "PT", "PTH", "TC", "FA", "PGH", "RUF",
    "ISC", "T20",
)  # fmt: skip
_RUFF = ("tool", "ruff")
_WHY_SELECT = "Explicit rules: Ruff's default set moved in 0.16 and 0.17."


@dataclass(frozen=True)
class RuffConfig:
    """Where Ruff's settings live: *path*, under *prefix* (`[tool.ruff]` or the top)."""

    path: str
    prefix: tuple[str, ...]

    def name(self, *keys: str) -> str:
        """A table as this file spells it: `[tool.ruff.lint]`, or `[lint]` of ruff.toml."""
        dotted = ".".join((*self.prefix, *keys))
        return f"[{dotted}]" if dotted else "the top level"

    def root(self, doc: Any, *, create: bool = False) -> Any:
        """The table holding Ruff's top-level keys (None when there is none)."""
        node = doc
        for depth, key in enumerate(self.prefix, start=1):
            if not isinstance(node, MutableMapping):
                return None
            if key not in node:
                if not create:
                    return None
                node[key] = tomlkit.table(is_super_table=depth < len(self.prefix))
            node = node[key]
        return node

    def said(self, text: str) -> str:
        """One of `migrate`'s ledger texts about `[tool.ruff...]` of pyproject.toml, said
        of this file (`[tool.ruff.lint]` is `[lint]` of a ruff.toml, `[tool.ruff]` its top)."""
        if self.prefix == _RUFF:
            return text
        for have in ("with", "without"):
            text = text.replace(
                f"pyproject.toml already has [tool.ruff] {have} ",
                f"{self.path} already has settings of its own, {have} ",
            )
        text = text.replace("[tool.ruff] ", "").replace("[tool.ruff.", "[")
        return text.replace("pyproject.toml", self.path)


PYPROJECT = RuffConfig("pyproject.toml", _RUFF)


def located(name: str) -> RuffConfig:
    """The `RuffConfig` of the file *name* (pyproject.toml or one of `RUFF_FILES`)."""
    return PYPROJECT if name == PYPROJECT.path else RuffConfig(name, ())


def parse_toml(text: str, path: str) -> tomlkit.TOMLDocument:
    """A TOML file adopt edits (pyproject.toml or Ruff's own), or one line naming its line."""
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        raise InputError(
            path,
            f"invalid TOML: {error.args[0] if error.args else error}".split(" at line ")[0],
            line=error.line,
            hint="fix the TOML syntax, then run adopt again",
        ) from error


def has_select(doc: Any, config: RuffConfig) -> bool:
    root = config.root(doc)
    return isinstance(root, Mapping) and selects(root)


def extend_words(config: RuffConfig, parent: str) -> tuple[str, str]:
    """Why adopt sets no select in a Ruff config that extends *parent*, and the `hint:`:
    the one wording for adopt's note and SQ310's message."""
    why = (
        f"Ruff's settings extend {parent}, so adopt set no {config.name('lint')} select "
        "(one here would replace the one inherited)"
    )
    return why, f"make sure {parent} selects its rules explicitly"


@dataclass
class SelectChange:
    """What `add_select` did (*actions*) and what it left to the user (*notes*, a `hint:`)."""

    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def add_select(doc: Any, config: RuffConfig) -> SelectChange:
    """*doc* given an explicit `select` in its lint table where it has none.

    Not where the config `extend`s another: a `select` here would replace the one it
    inherits, so the rules would change behind the user's back.
    """
    change = SelectChange()
    if has_select(doc, config):
        return change
    root = config.root(doc)
    if root is not None and "extend" in root:
        why, hint = extend_words(config, str(root["extend"]))
        change.notes.append(f"{config.path}: {why}; hint: {hint}")
        return change
    root = config.root(doc, create=True)
    lint = root.get("lint")
    if lint is None:
        lint = tomlkit.table()
        root["lint"] = lint
    select = tomlkit.array()
    select.extend(RUFF_SELECT)
    select.multiline(True)
    if isinstance(lint, tomlkit.items.Table) and not lint.is_super_table():
        if any(isinstance(value, tomlkit.items.Table) for value in lint.value.values()):
            # tomlkit files a comment after the table's sub-tables, far from the key it
            # explains (above the next table's header): said on the key's own line instead.
            select.comment(_WHY_SELECT)
            select.trivia.comment_ws = "  "
        else:
            lint.add(tomlkit.comment(_WHY_SELECT))
        lint.add("select", select)
    else:
        # `lint.x = ...` dotted keys (pyproject-fmt's style): add one more, no comment.
        lint["select"] = select
    change.actions.append(f"{config.path}: set {config.name('lint')} select (explicit rule list)")
    return change


@dataclass
class RuffTomlChange:
    text: str
    select: SelectChange


def ruff_select_in(text: str, path: str, *, left: str | None = None) -> RuffTomlChange:
    """*text*, the ruff.toml at *path*, with an explicit select where it has none, as
    `add_tables` adds one to pyproject.toml (and, as there, not while flake8's settings
    wait for `setsquare migrate`: then *left* is the note that says so)."""
    doc = parse_toml(text, path)
    config = located(path)
    if left is None:
        change = add_select(doc, config)
    else:
        change = SelectChange([], [] if has_select(doc, config) else [left])
    return RuffTomlChange(tomlkit.dumps(doc) if change.actions else text, change)
