"""Run `migrate_tools` the way the command does, and a second time on its result."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import tomlkit

from setsquare.migrate.tools import ToolsResult, migrate_tools

if TYPE_CHECKING:
    from collections.abc import Mapping

_HEADER = re.compile(r"\[(?P<name>[^]]+)\]\s*")


def strip_sections(text: str, names: set[str]) -> str:
    """*text* without the sections *names* (header to next header), as the command strips them."""
    kept: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        match = _HEADER.fullmatch(line.rstrip("\n")) if not line[:1].isspace() else None
        if match is not None:
            skipping = match["name"] in names
        if not skipping:
            kept.append(line)
    return "".join(kept)


@dataclass(frozen=True)
class Run:
    text: str
    result: ToolsResult
    files_after: dict[str, str]

    def ledger(self) -> str:
        lines = [entry.render() for entry in self.result.entries]
        for path in sorted(self.result.consumed):
            lines.append(f"consumed    {path} {sorted(self.result.consumed[path])}")
        lines.extend(f"remove      {path}" for path in sorted(self.result.remove_files))
        return "\n".join(lines) + "\n"


def run(files: Mapping[str, str], pyproject: str = "") -> Run:
    doc = tomlkit.parse(pyproject)
    result = migrate_tools(files, doc)
    after = {
        path: strip_sections(text, result.consumed.get(path, set()))
        for path, text in files.items()
        if path not in result.remove_files
    }
    return Run(doc.as_string(), result, after)
