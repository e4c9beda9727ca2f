"""Run mypy against the project's own environment, with the project's own options.

mirrors-mypy runs in an isolated environment, where third-party packages are
missing and their types silently become `Any`. This hook finds the project's
environment (an active virtualenv, uv's `UV_PROJECT_ENVIRONMENT`, or `.venv`)
and points mypy at it with `--python-executable` — the one flag it adds, and
one that is not part of mypy's cache key, so the hook, the editor and CI share
one warm cache. It passes no file names (mypy reads `files` from its config),
which avoids the "source file found twice" error.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


@dataclass(frozen=True)
class Environment:
    python: Path
    origin: str


def _python_in(env_dir: Path) -> Path | None:
    for candidate in (env_dir / "bin" / "python", env_dir / "Scripts" / "python.exe"):
        if candidate.is_file():
            return candidate
    return None


def find_environment(root: Path, environ: Mapping[str, str], own_prefix: str) -> Environment | None:
    """The project's environment: an active virtualenv, UV_PROJECT_ENVIRONMENT, or .venv.

    pre-commit sets VIRTUAL_ENV to the hook's own environment, so a VIRTUAL_ENV
    equal to *own_prefix* is not the user's.
    """
    candidates = []
    active = environ.get("VIRTUAL_ENV")
    if active and Path(active).resolve() != Path(own_prefix).resolve():
        candidates.append((Path(active), "the active virtualenv"))
    uv_env = environ.get("UV_PROJECT_ENVIRONMENT")
    if uv_env:
        candidates.append((root / uv_env, "UV_PROJECT_ENVIRONMENT"))
    candidates.append((root / ".venv", ".venv"))
    for env_dir, origin in candidates:
        python = _python_in(env_dir)
        if python is not None:
            return Environment(python, f"{origin} ({env_dir})")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from mypy import api

    args = list(sys.argv[1:] if argv is None else argv)
    env = find_environment(Path.cwd(), os.environ, sys.prefix)
    if env is None:
        print(
            "setsquare-mypy: no project environment found (no active virtualenv, "
            "UV_PROJECT_ENVIRONMENT or .venv); third-party packages are invisible, "
            "so their types count as missing",
            file=sys.stderr,
        )
        print("hint: create it with `uv sync` (or `python -m venv .venv`)", file=sys.stderr)
    elif "--python-executable" not in args:
        args = ["--python-executable", str(env.python), *args]
    stdout, stderr, status = api.run(args)
    sys.stdout.write(stdout)
    sys.stderr.write(stderr)
    if "Missing target module, package, files, or command" in stderr:
        print(
            "hint: list what to check in `files` under [tool.mypy] "
            "(`setsquare adopt` adds it); the hook passes no file names",
            file=sys.stderr,
        )
    return status
