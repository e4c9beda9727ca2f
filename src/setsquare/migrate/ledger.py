"""The migration ledger: what became of every input key or line. Nothing is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Action(str, Enum):
    MAPPED = "mapped"  # same meaning, new place
    TRANSFORMED = "transformed"  # new place and a new spelling; `reason` says why
    MOVED = "moved"  # a tool's config moved into its [tool.*] table
    DROPPED = "dropped"  # not carried over; `reason` says why
    KEPT = "kept"  # left where it is (not ours, or cannot be mapped); `reason` says why


@dataclass(frozen=True)
class Location:
    """Where a ledger item is: a file, a line in it, a section and a key.

    Code reads the fields; the text (``setup.cfg:12 [metadata] home_page``) is only
    for people, from `render`. *path* is ``""`` for an item of the planned
    pyproject.toml rather than of a file (``[tool.ruff.lint] select``).
    """

    path: str
    line: int | None = None
    section: str | None = None
    #: the key (``home_page``), or what else is on the line (``author=``, a requirement)
    key: str = ""

    @property
    def item(self) -> str:
        """What is there, without the file: ``[metadata] home_page``; ``""`` for a whole file."""
        section = f"[{self.section}]" if self.section is not None else ""
        return " ".join(part for part in (section, self.key) if part)

    def render(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return " ".join(part for part in (where, self.item) if part)


@dataclass(frozen=True)
class Entry:
    """One input item: where it is, what became of it, where it went and why."""

    source: Location
    action: Action
    target: str = ""
    reason: str = ""
    #: the next step for the user, printed on a line of its own below the entry
    hint: str = ""

    def render(self) -> str:
        arrow = f" -> {self.target}" if self.target else ""
        why = f" ({self.reason})" if self.reason else ""
        hint = f"\n{'':<11} hint: {self.hint}" if self.hint else ""
        return f"{self.action.value:<11} {self.source.render()}{arrow}{why}{hint}"
