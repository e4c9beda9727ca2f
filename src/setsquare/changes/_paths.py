"""Which paths a change set may touch, and reading them: confinement to the project root.

Paths are resolved (links included) and must stay inside the project root; anything
else is refused before a byte is read or written. An `OSError` becomes a
user-facing ``path: problem`` with what to do about it (`os_error`).
"""

from __future__ import annotations

import errno
from pathlib import Path

from setsquare import _text
from setsquare._text import BOM
from setsquare.errors import InputError


class OutsideError(InputError):
    """A path that leaves the project: never read, changed or removed."""


def inside(root: Path, path: Path) -> bool:
    """Whether *path*, links resolved, is *root* or below it (a link loop is not)."""
    try:
        real_root = root.resolve()
        real = path.resolve()
    except (OSError, RuntimeError):  # a link loop: RuntimeError before Python 3.13
        return False
    return real == real_root or real_root in real.parents


def confine(root: Path, rel: str) -> Path:
    """*root* / *rel*, refused (`OutsideError`) when it is absolute, climbs out with
    ``..``, or reaches outside *root* through a link."""
    if Path(rel).is_absolute() or rel.startswith(("/", "\\")):
        raise OutsideError(
            rel, "is outside the project", hint="setsquare reads and writes only inside it"
        )
    path = root / rel
    try:
        real, real_root = path.resolve(), root.resolve()
    except (OSError, RuntimeError) as error:  # a link loop: RuntimeError before Python 3.13
        raise InputError(
            rel, "is a link that loops", hint="remove the link, then run again"
        ) from error
    if real != real_root and real_root not in real.parents:
        raise OutsideError(
            rel,
            "leads outside the project (through `..` or a link); setsquare neither reads "
            "nor changes it",
            hint="replace the link with a copy of the file inside the project, then run again",
        )
    return path


def decode(rel: str, data: bytes) -> str:
    """*data* as text; a BOM is dropped (`ChangeSet` puts it back); not UTF-8 is an InputError."""
    return _text.decode(rel, data).removeprefix(BOM)


def read_text(root: Path, rel: str) -> str | None:
    """The text of *rel* inside *root*, or None when there is no such file."""
    path = confine(root, rel)
    if not path.exists():
        return None
    if not path.is_file():
        raise InputError(rel, "is not a file", hint="move the folder or link away, then run again")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise os_error(error, rel) from error
    return decode(rel, data)


def os_error(error: OSError, rel: str | None = None) -> InputError:
    """A user-facing error for *error*: ``path: problem`` and what to do about it."""
    where = rel or error.filename or "?"
    hints = {
        errno.ENOSPC: "free some disk space, then run again",
        errno.EDQUOT: "free some disk space, then run again",
        errno.EROFS: "the file system is read-only; run setsquare where it can write",
        errno.EACCES: "check the file's and its folder's permissions",
        errno.EPERM: "check the file's and its folder's permissions",
        errno.EISDIR: "a folder stands where a file is expected; move it away",
        errno.ENOTDIR: "a file stands where a folder is expected; move it away",
    }
    return InputError(
        str(where),
        (error.strerror or str(error)).lower(),
        hint=hints.get(error.errno or 0, "fix the file system problem, then run again"),
    )
