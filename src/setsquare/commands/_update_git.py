"""The project's git state around an update: where the repository starts, what differs
from HEAD before copier runs, and which conflicts the merge left behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

from setsquare.errors import UsageError

# `git status --porcelain` codes of paths a merge left unmerged.
_UNMERGED = {"DD", "AU", "UD", "UA", "DU", "AA", "UU"}
# Lines that open or close a conflict block; copier labels its own
# "before updating" and "after updating", other merges name their sides.
_MARKERS = (b"<<<<<<< ", b">>>>>>> ")


def git_toplevel(git: str, root: Path, path: str) -> Path:
    """The top folder of the git repository *root* is in; a `UsageError` when there is none."""
    result = subprocess.run(
        [git, "rev-parse", "--show-toplevel"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise UsageError(
            f"{path}: not inside a git repository",
            hint='copier updates are git merges: `git init && git add -A && git commit -m "Start"`',
        )
    return Path(result.stdout.strip())


def status(git: str, root: Path, *, ignored: bool = False) -> list[tuple[str, str]]:
    """``(code, path)`` of each path under *root* that differs from HEAD; paths from the top.

    Without *ignored* this is copier's own dirtiness test, so we refuse exactly
    when copier would. With it, ignored files that match an ignore pattern come
    too (code ``!!``), so a `*.rej` rule cannot hide a rejected hunk.
    """
    cmd = [git, "status", "--porcelain=v1", "-z", "--untracked-files=all"]
    if ignored:
        cmd.append("--ignored=matching")
    out = subprocess.run([*cmd, "--", "."], cwd=root, capture_output=True, check=True).stdout
    entries = out.decode("utf-8", "surrogateescape").split("\0")
    found: list[tuple[str, str]] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if not entry:
            continue
        if entry[0] in "RC":
            index += 1  # the source path of a rename or copy follows
        found.append((entry[:2], entry[3:]))
    return found


def conflicts(root: Path, top: Path, status: list[tuple[str, str]]) -> list[str]:
    """The paths (relative to *root*) left with conflict markers or rejected hunks."""
    found: set[str] = set()
    for code, name in status:
        full = top / name
        if name.endswith(".rej") or code in _UNMERGED:
            found.add(relative(full, root))
        elif code == "!!" or not full.is_file():
            continue
        elif any(line.startswith(_MARKERS) for line in full.read_bytes().splitlines()):
            found.add(relative(full, root))
    return sorted(found)


def relative(full: Path, root: Path) -> str:
    """*full* as a path from *root*, with forward slashes."""
    return full.resolve().relative_to(root.resolve()).as_posix()
