"""``migrate --verify``: build before and after in isolated environments and compare.

Both builds run on copies of the project, so the real tree is only written once
they agree. Each makes the sdist and then the wheel from it (the way an installer
sees the project) with the `build` package, as ``python -m build`` does but in one
isolated environment (`setsquare.commands._build_tree`); with uv available it
installs the build requirements with uv, which is several times faster. The two
builds run at the same time, one per core, in one environment when a fresh one for
the migrated project would hold the same packages, and every backend hook runs in a
fresh process forked from one that has imported the backend already
(`setsquare.commands._hook_runner`).

The copies leave out ``.git``, so setuptools_scm could not find a version in them;
the version it gives the real tree is computed first and handed to both builds as
``SETUPTOOLS_SCM_PRETEND_VERSION`` (what the migration changes is configuration,
never the version history, so both builds must see the same version).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from packaging.utils import canonicalize_name

from setsquare._toml import tomllib
from setsquare.errors import SetsquareError
from setsquare.migrate.compare import Artifacts, compare_artifacts

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

#: Never copied into the build trees: VCS data, environments, old build output.
_SKIP = shutil.ignore_patterns(
    ".git", ".hg", ".venv", "venv", ".tox", ".nox", "build", "dist", "*.egg-info", "__pycache__"
)
#: setuptools_scm, or hatch-vcs (which runs setuptools_scm), named in the build config
_SCM = re.compile(r"setuptools[-_]scm|hatch[-_]vcs", re.IGNORECASE)
_PRETEND = "SETUPTOOLS_SCM_PRETEND_VERSION"


class BuildError(SetsquareError):
    """A build failed; the message carries the builder's last lines."""

    exit_code = 1


def _uv() -> list[str] | None:
    if found := shutil.which("uv"):
        return [found]
    if importlib.util.find_spec("uv") is not None:
        return [sys.executable, "-m", "uv"]
    return None


def _finish(
    built: bool,
    log: IO[str],
    outdir: Path,
    label: str,
    *,
    migrated: bool,
    scm: bool = False,
) -> Artifacts:
    if not built:
        log.seek(0)
        tail = "\n".join(log.read().strip().splitlines()[-15:])
        if not migrated:
            hint = "--verify needs a project that builds as it is; fix that or run without it"
            if scm:
                hint = (
                    "setuptools_scm's version of the real tree could not be computed for the "
                    "copies --verify builds (they have no .git); install setuptools_scm next "
                    "to setsquare, or run without --verify"
                )
            raise SetsquareError(
                f"building {label} failed, so there is nothing to compare with:\n{tail}",
                hint=hint,
            )
        raise BuildError(
            f"building {label} failed:\n{tail}",
            hint="nothing was written; please report the migration that broke the build",
        )
    return read_artifacts(outdir)


def _log() -> IO[str]:
    return tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")


def build(project: Path, outdir: Path, label: str, *, migrated: bool) -> Artifacts:
    """Build *project*'s sdist and wheel into *outdir* and read what they publish."""
    from setsquare.commands._build_tree import Side, build_all  # imports `build`

    print(f"verify: building {label} (sdist, then wheel from it)...", file=sys.stderr, flush=True)
    with _log() as log:
        (built,) = build_all([Side(project, outdir, log)])
        return _finish(built, log, outdir, label, migrated=migrated)


def read_artifacts(outdir: Path) -> Artifacts:
    wheel = next(outdir.glob("*.whl"))
    sdist = next(outdir.glob("*.tar.gz"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
        metadata = archive.read(f"{info}/METADATA").decode("utf-8")
        entry_points = (
            archive.read(f"{info}/entry_points.txt").decode("utf-8")
            if f"{info}/entry_points.txt" in names
            else ""
        )
        wheel_files = frozenset(n for n in names if n != f"{info}/RECORD")
    with tarfile.open(sdist) as archive:
        sdist_files = frozenset(
            m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile() and "/" in m.name
        )
    return Artifacts(metadata, entry_points, wheel_files, sdist_files)


def _apply(tree: Path, changes: Mapping[str, str | None]) -> None:
    for rel, text in changes.items():
        target = tree / rel
        if text is None:
            target.unlink()
        else:
            target.write_text(text, encoding="utf-8")


def _uses_scm(root: Path) -> bool:
    texts = (
        (root / name).read_text(encoding="utf-8", errors="replace")
        for name in ("pyproject.toml", "setup.py", "setup.cfg")
        if (root / name).is_file()
    )
    return any(_SCM.search(text) for text in texts)


def scm_version(root: Path) -> str | None:
    """The version setuptools_scm gives *root*, when it has VCS data and uses setuptools_scm.

    ``python -m setuptools_scm`` runs in setsquare's environment when setuptools_scm is
    there, else in a throwaway one uv makes (cached after the first time).
    """
    # git and hg look upwards, and setuptools_scm with them: a project may sit in a repo.
    folders = [root, *root.resolve().parents]
    if not any((p / vcs).exists() for p in folders for vcs in (".git", ".hg")):
        return None
    if not _uses_scm(root):
        return None
    commands = []
    if importlib.util.find_spec("setuptools_scm") is not None:
        commands.append([sys.executable, "-m", "setuptools_scm"])
    uv = _uv()
    if uv is not None:
        with_scm = ["run", "--no-project", "--quiet", "--with", "setuptools-scm"]
        commands.append(
            [*uv, *with_scm, "--python", sys.executable, "python", "-m", "setuptools_scm"]
        )
    for command in commands:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        lines = result.stdout.strip().splitlines()
        if result.returncode == 0 and lines:
            return lines[-1].strip()
    return None


def _build_env(version: str | None, changes: Mapping[str, str | None]) -> dict[str, str] | None:
    if version is None:
        return None
    env = {**os.environ, _PRETEND: version}
    text = changes.get("pyproject.toml")
    name = tomllib.loads(text).get("project", {}).get("name") if text else None
    if isinstance(name, str):
        # setuptools_scm prefers the per-project variable, which the user's shell may set.
        env[f"{_PRETEND}_FOR_{canonicalize_name(name).replace('-', '_').upper()}"] = version
    return env


def _build_both(
    trees: Mapping[str, Path], base: Path, env: Mapping[str, str] | None, *, scm: bool
) -> dict[str, Artifacts]:
    """Run the two builds at once; a failure of the first stops the other."""
    from setsquare.commands._build_tree import Side, build_all  # imports `build`

    labels = {"before": "the project as it is", "after": "the migrated project"}
    with contextlib.ExitStack() as stack:
        sides = {
            side: Side(tree, base / f"out-{side}", stack.enter_context(_log()))
            for side, tree in trees.items()
        }
        for side in sides:
            message = f"verify: building {labels[side]} (sdist, then wheel from it)..."
            print(message, file=sys.stderr, flush=True)
        built = dict(zip(sides, build_all(list(sides.values()), env), strict=True))
        return {
            side: _finish(
                built[side],
                value.log,
                value.outdir,
                labels[side],
                migrated=side == "after",
                scm=scm,
            )
            for side, value in sides.items()
        }


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is over (in the main thread, where POSIX
    lets them be held): a clean-up they cut short would leave half a folder behind."""
    if not hasattr(signal, "pthread_sigmask") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield  # pragma: no cover - Windows, or a caller's thread no signal handler runs in
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held signal is raised here


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    """A temporary folder for the builds, removed whole however the run ends.

    `build_all` returns only once no build thread or hook process writes in it.
    """
    scratch = tempfile.TemporaryDirectory(prefix="setsquare-verify-")
    try:
        yield Path(scratch.name)
    finally:
        with _signals_held():
            scratch.cleanup()


def verify_migration(root: Path, changes: Mapping[str, str | None]) -> bool:
    """Build *root* as it is and as migrated; print differences; True when there are none."""
    version = scm_version(root)
    if version is not None:
        print(f"verify: setuptools_scm version {version} (from the real tree)", file=sys.stderr)
    with _scratch() as base:
        trees = {"before": base / "before", "after": base / "after"}
        for tree in trees.values():
            shutil.copytree(root, tree, ignore=_SKIP, symlinks=True)
        _apply(trees["after"], changes)
        scm = version is None and _uses_scm(root)
        results = _build_both(trees, base, _build_env(version, changes), scm=scm)
    before, after = results["before"], results["after"]
    allowed = {*changes, "pyproject.toml", "setup.cfg"}
    problems = compare_artifacts(before, after, sdist_allowed=allowed)
    for problem in problems:
        print(f"verify: {problem}")
    if not problems:
        print("verify: the migrated project builds the same wheel and sdist")
    return not problems
