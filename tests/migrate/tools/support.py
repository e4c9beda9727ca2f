"""Run `migrate_tools` the way the command does, and a second time on its result; run
flake8 and Ruff on the same sample to compare what they report."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tomlkit

from setsquare.migrate.tools import ToolsResult, migrate_tools
from tests.helpers import child_env, tool

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


#: A module that trips flake8's and Ruff's common rules, and some plugins'.
SAMPLE = '''\
import os
import sys


def f(x=[]):  # B006
    """Return the thing.

    More words here.
    """
    if x == None:  # E711
        return x{space}
    return sys.argv


def g(a, b):
    return a[1 :] + b


LONG_BUT_UNDER_FLAKE8_LIMIT = "{short}"
TOO_LONG_FOR_BOTH = "{long}"


class Thing:
    def method(self):
        try:
            return 1
        except Exception:
            raise ValueError("no")
'''.format(space="   ", short="x" * 78, long="y" * 110)


Finding = tuple[str, int, str]  # file, line, code


def _report(project: Path, *command: str) -> str:
    """What *command* prints on *project* (exit 1 means findings; anything else is broken)."""
    done = subprocess.run(
        list(command), cwd=project, capture_output=True, text=True, env=child_env(), check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def flake8_findings(project: Path) -> set[Finding]:
    """What flake8 reports on *project*'s ``pkg`` folder, with its plugins and config."""
    out = _report(project, tool("flake8"), "--format=%(path)s:%(row)d:%(code)s", "pkg")
    found = (line.split(":") for line in out.split())
    return {(Path(path).as_posix(), int(row), code) for path, row, code in found}


def ruff_findings(project: Path) -> set[Finding]:
    """What Ruff reports on *project*'s ``pkg`` folder, with the project's config."""
    out = _report(project, tool("ruff"), "check", "--output-format", "concise", "--no-cache", "pkg")
    found = re.findall(r"^(pkg/\S+\.py):(\d+):\d+: ([A-Z]+[0-9]+)", out, re.MULTILINE)
    return {(path, int(row), code) for path, row, code in found}
