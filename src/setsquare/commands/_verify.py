"""``migrate --verify``: build before and after in isolated environments and compare.

Both builds run on copies of the project, so the real tree is only written once
they agree. ``python -m build`` makes the sdist and then the wheel from it (the
way an installer sees the project); with uv available it installs the build
requirements with uv, which is several times faster.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.errors import SetsquareError
from setsquare.migrate.compare import Artifacts, compare_artifacts

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Never copied into the build trees: VCS data, environments, old build output.
_SKIP = shutil.ignore_patterns(
    ".git", ".hg", ".venv", "venv", ".tox", ".nox", "build", "dist", "*.egg-info", "__pycache__"
)


class BuildError(SetsquareError):
    """A build failed; the message carries the builder's last lines."""

    exit_code = 1


def _installer() -> list[str]:
    if shutil.which("uv") or importlib.util.find_spec("uv") is not None:
        return ["--installer", "uv"]
    return []


def build(project: Path, outdir: Path, label: str, *, migrated: bool) -> Artifacts:
    """Build *project*'s sdist and wheel into *outdir* and read what they publish."""
    if importlib.util.find_spec("build") is None:
        raise SetsquareError(
            "--verify needs the `build` package in setsquare's environment",
            hint="install it next to setsquare (pip install build), or run without --verify",
        )
    print(f"verify: building {label} (sdist, then wheel from it)...", file=sys.stderr, flush=True)
    command = [sys.executable, "-m", "build", "--outdir", str(outdir), *_installer(), str(project)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        if not migrated:
            raise SetsquareError(
                f"building {label} failed, so there is nothing to compare with:\n{tail}",
                hint="--verify needs a project that builds as it is; fix that or run without it",
            )
        raise BuildError(
            f"building {label} failed:\n{tail}",
            hint="nothing was written; please report the migration that broke the build",
        )
    return read_artifacts(outdir)


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


def verify_migration(root: Path, changes: Mapping[str, str | None]) -> bool:
    """Build *root* as it is and as migrated; print differences; True when there are none."""
    with tempfile.TemporaryDirectory(prefix="setsquare-verify-") as scratch:
        base = Path(scratch)
        before_tree, after_tree = base / "before", base / "after"
        shutil.copytree(root, before_tree, ignore=_SKIP, symlinks=True)
        shutil.copytree(root, after_tree, ignore=_SKIP, symlinks=True)
        _apply(after_tree, changes)
        before = build(before_tree, base / "out-before", "the project as it is", migrated=False)
        after = build(after_tree, base / "out-after", "the migrated project", migrated=True)
    allowed = {*changes, "pyproject.toml", "setup.cfg"}
    problems = compare_artifacts(before, after, sdist_allowed=allowed)
    for problem in problems:
        print(f"verify: {problem}")
    if not problems:
        print("verify: the migrated project builds the same wheel and sdist")
    return not problems
