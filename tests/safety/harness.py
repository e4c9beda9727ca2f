"""The hostile-input contract, as data: one `Case` a row, checked by `run_case`.

Every case builds a project folder and a sibling folder outside it, runs one
setsquare command in-process, and asserts what the README promises: the exit
code, the first line of the message, no traceback, nothing outside the project
changed (bytes, modes, links), and, unless the case expects a write, nothing in
the project changed either. Placeholders in argv and link targets: ``{project}``
and ``{outside}`` are the two folders' absolute paths (in text file contents too).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.main import main

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import pytest


@dataclass(frozen=True)
class Link:
    """A symbolic link to *target* (placeholders allowed)."""

    target: str


@dataclass(frozen=True)
class Dir:
    """An empty folder (a folder where a file is expected, for instance)."""


@dataclass(frozen=True)
class Fifo:
    """A named pipe: reading it would block for ever."""


@dataclass(frozen=True)
class Mode:
    """A file with explicit permission bits."""

    data: bytes
    mode: int


Entry = bytes | str | Link | Dir | Fifo | Mode
Snapshot = dict[str, tuple[str, object, int]]


@dataclass(frozen=True)
class Case:
    """One hostile input and what setsquare must do with it."""

    id: str
    argv: tuple[str, ...]
    project: Mapping[str, Entry] = field(default_factory=dict)
    outside: Mapping[str, Entry] = field(default_factory=dict)
    exit: int = 2
    #: a regular expression the first line of stderr (or of stdout, when stderr is
    #: empty) must match from its start
    first_line: str = ""
    #: the project paths the command may create, change or remove; None: any
    changes: frozenset[str] | None = frozenset()
    #: text that must appear nowhere in the output (a password, an outside path's content)
    secret: str | None = None
    #: extra checks on the project after the run
    after: Callable[[Path], None] | None = None


def _place(text: str, names: Mapping[str, str]) -> str:
    """*text* with ``{project}`` and ``{outside}`` filled in (other braces left alone)."""
    for key, value in names.items():
        text = text.replace(f"{{{key}}}", value)
    return text


def fill(
    root: Path, tree: Mapping[str, bytes | str | Link | Dir | Fifo | Mode], names: dict[str, str]
) -> None:
    """Create *tree* under *root*."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, entry in tree.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(entry, Link):
            path.symlink_to(_place(entry.target, names))
        elif isinstance(entry, Dir):
            path.mkdir(exist_ok=True)
        elif isinstance(entry, Fifo):
            os.mkfifo(path)
        elif isinstance(entry, Mode):
            path.write_bytes(entry.data)
            path.chmod(entry.mode)
        else:
            path.write_bytes(_place(entry, names).encode() if isinstance(entry, str) else entry)


def snapshot(root: Path) -> Snapshot:
    """Every entry under *root*, without following links: kind, content, mode."""
    found: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            info = path.lstat()
            mode = stat.S_IMODE(info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", str(path.readlink()), mode)
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", None, mode)
            elif stat.S_ISFIFO(info.st_mode):
                found[rel] = ("fifo", None, mode)
            else:
                found[rel] = ("file", path.read_bytes(), mode)
        # os.walk does not descend into linked folders: they are recorded as links above.
    return found


def changed(
    before: dict[str, tuple[str, object, int]], after: dict[str, tuple[str, object, int]]
) -> set[str]:
    return {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}


def run_case(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Run *case*; assert the contract; return (exit code, stdout, stderr) for extra checks."""
    project = tmp_path / "project"
    outside = tmp_path / "outside"
    names = {"project": str(project), "outside": str(outside)}
    fill(outside, case.outside, names)
    fill(project, case.project, names)
    before_project, before_outside = snapshot(project), snapshot(outside)

    argv = [_place(arg, names) for arg in case.argv]
    code = main(argv)
    out, err = capsys.readouterr()

    assert "Traceback" not in out + err, f"{case.id}: traceback\n{err}"
    assert code == case.exit, f"{case.id}: exit {code}, expected {case.exit}\n{out}\n{err}"
    message = (err or out).splitlines()
    first = message[0] if message else ""
    assert re.match(case.first_line, first), f"{case.id}: first line {first!r}"
    if case.secret is not None:
        assert case.secret not in out + err, f"{case.id}: the secret was printed"
    assert changed(before_outside, snapshot(outside)) == set(), f"{case.id}: outside changed"
    touched = changed(before_project, snapshot(project))
    if case.changes is not None:
        assert touched <= case.changes, f"{case.id}: changed {sorted(touched - case.changes)}"
    leftovers = [
        rel for rel in snapshot(project) if rel.endswith(".tmp") and rel not in before_project
    ]
    assert leftovers == [], f"{case.id}: temporary files left: {leftovers}"
    if case.after is not None:
        case.after(project)
    return code, out, err
