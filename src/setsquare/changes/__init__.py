"""Every write setsquare makes goes through one `ChangeSet`, so the guarantees live here.

A command says *what* to write (`ChangeSet.write`, `ChangeSet.remove`); `commit`
then makes it so without ever losing a byte of the user's work:

1. **Confinement** (`_paths`). Paths are resolved (links included) and must stay
   inside the project root; anything else is refused before a byte is written.
2. **Validation** (`_validation`). Each new text is parsed in memory by the parser of
   its kind (TOML, YAML, Python, INI) before anything touches the disk; output that
   would not parse is our bug (`OutputError`, exit 3), never a corrupt file.
3. **A recoverable commit** (this module). New content goes to temporary files beside
   the targets first. Then, in order (new and rewritten files, then removals), each
   target is swapped in, the old version kept under a backup name on the same file
   system. No information is ever only in memory: until the last step every old file
   can be put back, and a failure at any step puts back what was done. SIGINT and
   SIGTERM wait until the commit is complete or rolled back (`_signals`). No
   temporary file survives.
4. **Kept as they were** (`_style`): file mode and owner (a new file gets
   ``0o666 & ~umask``), line endings, a UTF-8 BOM and a missing final newline; a
   linked file stays a link (its target, inside the project, is written).

`project_lock` (`_lock`) keeps a second setsquare from changing the same project at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from setsquare.changes._lock import BusyError, project_lock
from setsquare.changes._paths import OutsideError, confine, decode, inside, os_error, read_text
from setsquare.changes._signals import deferred_signals
from setsquare.changes._style import Style
from setsquare.changes._validation import check_schema, validate
from setsquare.errors import InputError

#: Temporary and backup files carry this in their names, so a leftover is recognisable.
MARK = ".setsquare-"


def _fault(step: str) -> None:
    """A seam for the fault-injection tests: they make it raise at a chosen step."""


@dataclass
class _Step:
    """One applied swap, with what undoes it."""

    target: Path
    backup: Path | None  # the old file, hard-linked or moved aside
    created: bool


@dataclass
class ChangeSet:
    """The files one command writes and removes inside *root*, applied by `commit`."""

    root: Path
    writes: dict[str, str] = field(default_factory=dict)
    removals: list[str] = field(default_factory=list)
    #: writes whose line endings, BOM and final newline are content (a fixer changed them)
    exact: set[str] = field(default_factory=set)
    #: folders the commit created, deepest last, removed again on a rollback
    _folders: list[Path] = field(default_factory=list)

    def write(self, rel: str, text: str, *, exact: bool = False) -> None:
        """Write *text* to *rel*; the file's line endings, BOM and missing final newline
        are kept unless *exact* (then *text* is written as it is, in UTF-8)."""
        self.writes[rel] = text
        if exact:
            self.exact.add(rel)

    def remove(self, rel: str) -> None:
        self.removals.append(rel)

    def __bool__(self) -> bool:
        return bool(self.writes or self.removals)

    def commit(self) -> None:
        """Validate, stage and apply every change, or none; see the module docstring."""
        targets = {rel: self._target(rel) for rel in [*self.writes, *self.removals]}
        for rel, text in self.writes.items():
            validate(rel, text)
            if Path(rel).name == "pyproject.toml":
                check_schema(rel, text, targets[rel])
        staged: dict[str, Path] = {}
        steps: list[_Step] = []
        under_way: tuple[str, bool] | None = None  # (the user's file, removing it)
        with deferred_signals():
            try:
                for rel, text in self.writes.items():
                    under_way = (rel, False)
                    staged[rel] = self._stage(rel, targets[rel], text)
                for rel in self.writes:
                    under_way = (rel, False)
                    steps.append(self._swap(rel, staged.pop(rel), targets[rel]))
                for rel in self.removals:
                    under_way = (rel, True)
                    steps.append(self._set_aside(rel, targets[rel]))
                under_way = None
                _sync_folders({step.target.parent for step in steps})
            except BaseException as error:
                _rollback(steps)
                for temporary in staged.values():
                    temporary.unlink(missing_ok=True)
                for folder in reversed(self._folders):
                    with contextlib.suppress(OSError):
                        folder.rmdir()
                if isinstance(error, OSError):
                    raise _commit_error(error, under_way) from error
                raise
            for step in steps:
                if step.backup is not None:
                    with contextlib.suppress(OSError):
                        step.backup.unlink()

    def _target(self, rel: str) -> Path:
        path = confine(self.root, rel)
        if path.is_symlink():
            # A linked file stays a link: write where it points (inside, as confine checked).
            path = path.resolve()
        if path.is_dir():
            raise InputError(rel, "is a folder", hint="move the folder away, then run again")
        return path

    def _stage(self, rel: str, target: Path, text: str) -> Path:
        existing = target.is_file()
        style = Style.of(target.read_bytes()) if existing else Style()
        data = text.encode("utf-8") if rel in self.exact else style.apply(text)
        missing = [
            folder for folder in [target.parent, *target.parent.parents] if not folder.exists()
        ]
        for folder in reversed(missing):
            folder.mkdir()
            self._folders.append(folder)
        temporary = _sibling(target, "tmp")
        _fault(f"stage {rel}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if existing:
                info = target.stat()
                os.chmod(temporary, stat.S_IMODE(info.st_mode))  # noqa: PTH101 - fd closed
                with contextlib.suppress(OSError):  # only root can give a file away
                    os.chown(temporary, info.st_uid, info.st_gid)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return temporary

    def _swap(self, rel: str, temporary: Path, target: Path) -> _Step:
        backup = None
        created = not target.exists()
        try:
            if not created:
                backup = _sibling(target, "bak")
                os.link(target, backup)
            _fault(f"write {rel}")
            temporary.replace(target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            if backup is not None:
                backup.unlink(missing_ok=True)
            raise
        return _Step(target, backup, created)

    def _set_aside(self, rel: str, target: Path) -> _Step:
        link = confine(self.root, rel)
        # Removing a link removes the link, never what it points to.
        victim = link if link.is_symlink() else target
        backup = _sibling(victim, "bak")
        _fault(f"remove {rel}")
        victim.replace(backup)
        return _Step(victim, backup, created=False)


def _commit_error(error: OSError, under_way: tuple[str, bool] | None) -> InputError:
    """*error* in the user's words: it names the user's file under way, never the temporary
    or backup file beside it that the failing call was given."""
    if under_way is None:
        return os_error(error)
    rel, removing = under_way
    if error.errno not in _DENIED:
        return os_error(error, rel)
    # Every write and removal creates and renames files beside the user's (that is what
    # makes the commit recoverable), so a folder the user cannot write to fails there.
    name = Path(rel).name
    folder = Path(rel).parent.as_posix()
    where = "the project folder" if folder == "." else f"its folder `{folder}`"
    how = (
        f"setsquare renames {name} aside before removing it"
        if removing
        else f"setsquare writes {name} under a temporary name beside it, then renames it"
    )
    return InputError(
        rel,
        (error.strerror or str(error)).lower(),
        hint=f"{how}, so {where} must be writable too: check its permissions, then run again",
    )


_DENIED = frozenset({errno.EACCES, errno.EPERM})


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}{MARK}{uuid.uuid4().hex[:8]}.{kind}")


def _rollback(steps: list[_Step]) -> None:
    for step in reversed(steps):
        with contextlib.suppress(OSError):
            if step.backup is not None:
                step.backup.replace(step.target)
            elif step.created:
                step.target.unlink(missing_ok=True)


def _sync_folders(folders: set[Path]) -> None:
    """Make the renames durable (POSIX); a platform without directory fsync skips it."""
    for folder in folders:
        try:
            descriptor = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            os.close(descriptor)


# The helpers' names are the layer's interface: commands, `main` and the tests import them
# from here. `_fault` is defined here for the same reason: the tests patch it here.
__all__ = [
    "BusyError",
    "ChangeSet",
    "OutsideError",
    "Style",
    "confine",
    "decode",
    "deferred_signals",
    "inside",
    "os_error",
    "project_lock",
    "read_text",
    "validate",
]
