"""One writer at a time: `project_lock` keeps a second setsquare from changing the same project."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import TYPE_CHECKING

from setsquare.errors import SetsquareError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

#: How long a second setsquare waits for the first to finish before giving up.
LOCK_WAIT_SECONDS = 10.0


class BusyError(SetsquareError):
    """Another setsquare is changing the same project."""


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
