"""Every write setsquare makes goes through one `ChangeSet`, so the guarantees live here.

A command says *what* to write (`ChangeSet.write`, `ChangeSet.remove`); `commit`
then makes it so without ever losing a byte of the user's work:

1. **Confinement.** Paths are resolved (links included) and must stay inside the
   project root; anything else is refused before a byte is written.
2. **Validation.** Each new text is parsed in memory by the parser of its kind
   (TOML, YAML, Python, INI) before anything touches the disk; output that would not
   parse is our bug (`OutputError`, exit 3), never a corrupt file.
3. **A recoverable commit.** New content goes to temporary files beside the targets
   first. Then, in order (new and rewritten files, then removals), each target is
   swapped in, the old version kept under a backup name on the same file system.
   No information is ever only in memory: until the last step every old file can be
   put back, and a failure at any step puts back what was done. SIGINT and SIGTERM
   wait until the commit is complete or rolled back. No temporary file survives.
4. **Kept as they were:** file mode and owner (a new file gets ``0o666 & ~umask``),
   line endings, a UTF-8 BOM and a missing final newline; a linked file stays a link
   (its target, inside the project, is written).

`project_lock` keeps a second setsquare from changing the same project at once.
"""

from __future__ import annotations

import ast
import configparser
import contextlib
import errno
import os
import signal
import stat
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from setsquare import _text
from setsquare._text import BOM
from setsquare.errors import InputError, OutputError, SetsquareError, UsageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import FrameType

#: Temporary and backup files carry this in their names, so a leftover is recognisable.
MARK = ".setsquare-"
#: How long a second setsquare waits for the first to finish before giving up.
LOCK_WAIT_SECONDS = 10.0


class OutsideError(InputError):
    """A path that leaves the project: never read, changed or removed."""


class BusyError(SetsquareError):
    """Another setsquare is changing the same project."""


def _fault(step: str) -> None:
    """A seam for the fault-injection tests: they make it raise at a chosen step."""


# --- confinement ---------------------------------------------------------------------------


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


# --- validation ----------------------------------------------------------------------------


def _toml(text: str) -> None:
    from setsquare._toml import tomllib

    tomllib.loads(text)


def _yaml(text: str) -> None:
    import yaml

    list(yaml.safe_load_all(text))


def _precommit(text: str) -> None:
    from setsquare.adopt import precommit_config

    validate = getattr(precommit_config, "validate_config", None)
    if validate is None:
        _yaml(text)
    else:
        validate(text, ".pre-commit-config.yaml")


def _python(text: str) -> None:
    ast.parse(text)


def _ini(text: str) -> None:
    # setuptools and tox read these with ConfigParser; duplicate options are theirs to judge.
    configparser.RawConfigParser(strict=False).read_string(text)


def _validator(rel: str) -> Callable[[str], None] | None:
    name = Path(rel).name
    if name == ".pre-commit-config.yaml":
        return _precommit
    suffix = Path(rel).suffix
    table: dict[str, Callable[[str], None]] = {
        ".toml": _toml,
        ".yaml": _yaml,
        ".yml": _yaml,
        ".py": _python,
        ".cfg": _ini,
        ".ini": _ini,
    }
    if name in {".flake8", ".isort.cfg", ".coveragerc", ".pylintrc"}:
        return _ini
    return table.get(suffix)


def validate(rel: str, text: str) -> None:
    """Parse *text* as *rel*'s kind; an error is our bug, reported as `OutputError`."""
    check = _validator(rel)
    if check is None:
        return
    try:
        check(text)
    except Exception as error:  # every parser has its own error class
        detail = str(getattr(error, "message", "") or error).splitlines()
        raise OutputError(
            f"{rel}: setsquare produced text that does not parse ({type(error).__name__}: "
            f"{detail[0] if detail else ''}); nothing was written",
            hint="please report it with the command you ran",
        ) from error


def _check_schema(rel: str, text: str, target: Path) -> None:
    """validate-pyproject on a new pyproject.toml: refused when we made it invalid
    (a file that was already invalid is the user's to fix, and is not blocked)."""
    from setsquare._toml import tomllib
    from setsquare.pyproject_schema import validation_error

    error = validation_error(tomllib.loads(text))
    if error is None:
        return
    if target.is_file():
        try:
            before = validation_error(tomllib.loads(decode(rel, target.read_bytes())))
        except (ValueError, OSError):  # unreadable before: not ours either
            return
        if before is not None:
            return
    raise OutputError(
        f"{rel}: setsquare produced a pyproject.toml that validate-pyproject refuses "
        f"({error.summary}); nothing was written",
        hint="please report it with the command you ran",
    )


# --- line endings, BOM, final newline ------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a file's text is laid out on disk, beyond its content."""

    #: "\n" or "\r\n" when every line ends so; None for mixed endings, left as written
    newline: str | None = "\n"
    bom: bool = False
    final_newline: bool = True

    @classmethod
    def of(cls, data: bytes) -> Style:
        crlf = data.count(b"\r\n")
        lone = data.count(b"\n") - crlf
        newline = "\r\n" if crlf and not lone else "\n" if not crlf else None
        return cls(
            newline=newline,
            bom=data.startswith(BOM.encode()),
            final_newline=not data.strip() or data.endswith(b"\n"),
        )

    def apply(self, text: str) -> bytes:
        text = text.removeprefix(BOM)
        if self.newline is not None:
            text = text.replace("\r\n", "\n")
        if not self.final_newline:
            text = text.removesuffix("\r\n") if text.endswith("\r\n") else text.removesuffix("\n")
        if self.newline == "\r\n":
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")


# --- the change set ------------------------------------------------------------------------


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
                _check_schema(rel, text, targets[rel])
        staged: dict[str, Path] = {}
        steps: list[_Step] = []
        with deferred_signals():
            try:
                for rel, text in self.writes.items():
                    staged[rel] = self._stage(rel, targets[rel], text)
                for rel in self.writes:
                    steps.append(self._swap(rel, staged.pop(rel), targets[rel]))
                for rel in self.removals:
                    steps.append(self._set_aside(rel, targets[rel]))
                _sync_folders({step.target.parent for step in steps})
            except BaseException as error:
                _rollback(steps)
                for temporary in staged.values():
                    temporary.unlink(missing_ok=True)
                for folder in reversed(self._folders):
                    with contextlib.suppress(OSError):
                        folder.rmdir()
                if isinstance(error, OSError):
                    raise os_error(error) from error
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


# --- signals -------------------------------------------------------------------------------


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    kinds = [signal.SIGINT, signal.SIGTERM]

    def hold(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous: dict[signal.Signals, Any] = {kind: signal.signal(kind, hold) for kind in kinds}
    try:
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


# --- one writer at a time ------------------------------------------------------------------


@contextlib.contextmanager
def project_lock(root: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the project's lock: an advisory lock on its folder, so no file is added to it.

    A second setsquare waits up to *wait* seconds, then stops with `BusyError` (exit 2).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows has no flock; writes stay atomic
        yield
        return
    try:
        descriptor = os.open(root, os.O_RDONLY)
    except OSError as error:
        raise UsageError(
            f"{root}: cannot open the project folder ({error.strerror})",
            hint="pass the project's root directory",
        ) from error
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BusyError(
                        f"{root}: another setsquare is changing this project",
                        hint="wait for it to finish, then run again",
                    ) from None
                if not told:
                    print("waiting for another setsquare to finish...", file=sys.stderr)
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)


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
