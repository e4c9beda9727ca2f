"""Run mypy against the project's own environment, with the project's own options.

mirrors-mypy runs in an isolated environment, where third-party packages are
missing and their types silently become `Any`. This hook finds the project's
environment and points mypy at it with `--python-executable`, one flag that is
not part of mypy's cache key, so the hook, the editor and CI share one warm cache.
It looks for, in order: an active virtualenv (`VIRTUAL_ENV`, unless it is the
hook's own: pre-commit points it there), `UV_PROJECT_ENVIRONMENT`, `.venv`, `venv`.

What is checked: the config's `files` (or `packages`/`modules`, or targets in the
hook's `args`) when it names them; the hook then passes nothing, as mypy reads them
itself. When nothing is named it checks the project's packages: `src/`, or the
top-level packages (folders with `__init__.py`, not tests) and top-level modules.
Never the file names pre-commit would pass: checking only the changed files misses
errors they cause elsewhere, and a tree's scripts, docs and tests files collide as
"Duplicate module named" or "found twice under different module names".

With no environment at all, mypy runs with `--no-site-packages` (so it never checks
against the hook's own copies of packages), and its errors for imports of
third-party packages are dropped and reported in one line; the exit code then
counts only the remaining errors.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.hooks._mypy_config import read_settings
from setsquare.hooks._mypy_output import drop_missing_third_party
from setsquare.hooks._mypy_targets import SUFFIXES, holds_python, project_targets

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from setsquare.hooks._mypy_config import MypySettings

PROG = "setsquare-mypy"
#: Without an environment the output is read back, so it must be plain, coded lines.
NO_ENVIRONMENT_FLAGS = (
    "--no-site-packages",
    "--show-error-codes",
    "--no-pretty",
    "--no-color-output",
)
_NAMES_SHOWN = 5


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
    """The project's environment: an active virtualenv, UV_PROJECT_ENVIRONMENT, .venv or venv.

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
    candidates.append((root / "venv", "venv"))
    for env_dir, origin in candidates:
        python = _python_in(env_dir)
        if python is not None:
            return Environment(python, f"{origin} ({env_dir})")
    return None


def _project_dirs(root: Path, settings: MypySettings) -> list[Path]:
    dirs = [root, root / "src"]
    for entry in settings.source_dirs:
        path = root / entry
        dirs.extend((path, path.parent))
    return dirs


def _is_project_module(dirs: Sequence[Path], name: str) -> bool:
    for folder in dirs:
        if any((folder / f"{name}{suffix}").is_file() for suffix in SUFFIXES):
            return True
        if (folder / name).is_dir() and holds_python(folder / name):
            return True
    return False


def _report_skipped(skipped: Sequence[str]) -> None:
    names = sorted({module.partition(".")[0] for module in skipped})
    shown = ", ".join(names[:_NAMES_SHOWN]) + (", ..." if len(names) > _NAMES_SHOWN else "")
    imports, are = ("1 import", "is") if len(skipped) == 1 else (f"{len(skipped)} imports", "are")
    print(
        f"{PROG}: no project environment found (no active virtualenv, UV_PROJECT_ENVIRONMENT, "
        f".venv or venv); {imports} of third-party packages ({shown}) {are} treated as untyped"
    )
    print(
        "hint: create .venv with the project's dependencies (`uv sync`, or `python -m venv "
        ".venv` then `.venv/bin/pip install -e .` or `-r requirements.txt`) so mypy checks them"
    )


def main(argv: Sequence[str] | None = None) -> int:
    from mypy import api

    args = list(sys.argv[1:] if argv is None else argv)
    root = Path.cwd()
    settings = read_settings(args)
    if settings is None:
        # mypy refuses these arguments (or was asked for --help/--version): let it say so.
        stdout, stderr, status = api.run(args)
        sys.stdout.write(stdout)
        sys.stderr.write(stderr)
        return status

    targets: list[str] = []
    if not settings.has_targets:
        targets = project_targets(root, settings.exclude)
        place = f"`{settings.config_file}`" if settings.config_file else "any mypy config"
        if not targets:
            print(
                f"{PROG}: nothing to check: no `files` in {place}, and no Python package or "
                "module in src/ or at the top level (tests/, setup.py, conftest.py and "
                "noxfile.py do not count)"
            )
            print("hint: list what to check in `files` under [tool.mypy]")
            return 0
        print(
            f"{PROG}: no `files` in {place}, so checking the project's packages: "
            f"{' '.join(targets)}"
        )

    env = None if settings.interpreter_chosen else find_environment(root, os.environ, sys.prefix)
    no_environment = env is None and not settings.interpreter_chosen
    flags: Sequence[str] = ()
    if env is not None:
        flags = ("--python-executable", str(env.python))
    elif no_environment:
        flags = NO_ENVIRONMENT_FLAGS
    # Ours come last and win: without an environment the output must stay parseable.
    stdout, stderr, status = api.run([*args, *flags, *targets])

    skipped: Sequence[str] = ()
    if no_environment:
        dirs = _project_dirs(root, settings)
        filtered = drop_missing_third_party(
            stdout, lambda name: _is_project_module(dirs, name), json_output=settings.json_output
        )
        stdout, skipped = filtered.text, filtered.skipped
        if status == 1 and skipped and filtered.errors == 0:
            status = 0
    sys.stdout.write(stdout)
    sys.stderr.write(stderr)
    if skipped:
        _report_skipped(skipped)
    return status
