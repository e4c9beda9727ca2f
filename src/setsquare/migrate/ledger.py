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
class Entry:
    """One input item: ``source`` is ``file:line [section] key`` (or a requirement line)."""

    source: str
    action: Action
    target: str = ""
    reason: str = ""

    def render(self) -> str:
        arrow = f" -> {self.target}" if self.target else ""
        why = f" ({self.reason})" if self.reason else ""
        return f"{self.action.value:<11} {self.source}{arrow}{why}"


def source_of(path: str, line: int | None, section: str | None = None, key: str = "") -> str:
    """The ``source`` text for an entry: ``setup.cfg:12 [metadata] home_page``."""
    where = f"{path}:{line}" if line is not None else path
    parts = [where]
    if section is not None:
        parts.append(f"[{section}]")
    if key:
        parts.append(key)
    return " ".join(parts)
