"""Refresh uv.lock when it locks another Ruff or mypy than the bundle's.

A project with a uv.lock installs what the lock says (`uv sync`), so re-pinning
pyproject.toml alone leaves the editor and CI on the old tools, a lock that no longer
matches its pyproject.toml (`uv sync --locked` fails), and check-tool-pins and SQ320
failing with a hint that points back at adopt. adopt therefore does what the user
would do next: ``uv lock --no-build --upgrade-package ruff==X --upgrade-package
mypy==Y``, which moves those packages (and what they need) and keeps every other locked
version.

uv writes uv.lock itself, atomically, after adopt's own files are written (it reads
the re-pinned pyproject.toml); if uv is missing, offline or cannot resolve those
versions, uv.lock is left as it was and adopt prints the exact command to run.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from setsquare._toml import tomllib
from setsquare.checks.pins import locked_versions

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from packaging.version import Version

LOCK = "uv.lock"
#: uv resolves against the package index: a slow index is not a hung adopt.
TIMEOUT_SECONDS = 300


def stale(lock_text: str, bundle: Mapping[str, Version]) -> dict[str, Version]:
    """The tools *lock_text* locks at another version than the bundle's: name -> locked."""
    try:
        lock = tomllib.loads(lock_text)
    except tomllib.TOMLDecodeError:
        return {}  # check-tool-pins and `uv` report a broken lock themselves
    return {
        name: version
        for name, version in locked_versions(lock).items()
        if name in bundle and version != bundle[name]
    }


def command(names: list[str], bundle: Mapping[str, Version]) -> list[str]:
    upgrades = [arg for name in names for arg in ("--upgrade-package", f"{name}=={bundle[name]}")]
    # --no-build: resolve from wheel metadata alone. Without it, uv may backtrack through
    # years of sdist-only releases, building each (attrs 26.1.0: ancient hypothesis sdists
    # for minutes; with it the same lock takes 13 s), and no package's code runs.
    return ["uv", "lock", "--no-build", *upgrades]


def relock(root: Path, uv: str | None, bundle: Mapping[str, Version]) -> list[str]:
    """Lock the bundle's tools in *root*'s uv.lock with *uv*; adopt's lines to print."""
    path = root / LOCK
    if not path.is_file():
        return []
    before = stale(path.read_text(encoding="utf-8", errors="replace"), bundle)
    if not before:
        return []
    names = sorted(before)
    cmd = command(names, bundle)
    shown = " ".join(cmd)
    old = ", ".join(f"{name} {before[name]}" for name in names)
    if uv is None:
        return [f"{LOCK}: locks {old}; hint: run `{shown}` (uv was not found on PATH)"]
    try:
        result = subprocess.run(
            [uv, *cmd[1:]],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return [f"{LOCK}: `{shown}` did not finish ({error}); hint: run it yourself"]
    if result.returncode != 0:
        why = _first_error(result.stderr) or f"exit {result.returncode}"
        message = (
            f"{LOCK}: `{shown}` failed: {why}; hint: fix what uv says, or run it without "
            "`--no-build` (uv then builds packages that publish no wheel)"
        )
        return [message]
    after = stale(path.read_text(encoding="utf-8", errors="replace"), bundle)
    if after:
        kept = ", ".join(f"{name} {version}" for name, version in sorted(after.items()))
        message = (
            f"{LOCK}: `{shown}` still locks {kept}: the project's requirements allow "
            "no other; hint: loosen the requirement that holds it back, then run it again"
        )
        return [message]
    new = ", ".join(f"{name} {bundle[name]}" for name in names)
    return [f"{LOCK}: locked {new} (was {old}) with `{shown}`"]


def _first_error(stderr: str) -> str:
    """uv's error line (``error: ...``, or its cross mark for a failed build), else its
    last line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("error", "\N{MULTIPLICATION SIGN}"))]
    return (errors or lines or [""])[0 if errors else -1]
