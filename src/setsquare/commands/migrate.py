"""``setsquare migrate``: legacy packaging and tool configuration into pyproject.toml.

The thin I/O shell around `setsquare.migrate.project.migrate_project`: read the
legacy files, print the ledger, then diff, check, verify by building, or write
atomically. Nothing is written unless the whole migration succeeded.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare._toml import tomllib
from setsquare.errors import InputError, UsageError
from setsquare.migrate import requirements as reqs
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.project import migrate_project
from setsquare.migrate.references import referenced_files
from setsquare.migrate.setup_cfg import sources_wanted
from setsquare.migrate.tools import TOOL_FILES

if TYPE_CHECKING:
    from collections.abc import Mapping

EXIT_OK = 0
EXIT_CHANGES = 1

#: Files read besides the requirements files (which are found by name); the
#: pre-commit config only tells the tool-config half which flake8 plugins are used.
_INPUTS = ("pyproject.toml", "setup.py", ".pre-commit-config.yaml", *TOOL_FILES)


def _decode(root: Path, rel: str) -> str:
    data = (root / rel).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            rel, f"is not UTF-8 text ({error.reason})", line=line, hint="save the file as UTF-8"
        ) from error


def read_inputs(root: Path) -> dict[str, str]:
    """The legacy files present under *root*, by repo-relative path."""
    found = [rel for rel in _INPUTS if (root / rel).is_file()]
    for candidate in sorted(root.glob("*.txt")) + sorted(root.glob("*.in")):
        if reqs.is_requirements_file(candidate.name):
            found.append(candidate.name)
    folder = root / "requirements"
    if folder.is_dir():
        found.extend(
            f"requirements/{p.name}"
            for p in sorted(folder.iterdir())
            if reqs.is_requirements_file(f"requirements/{p.name}")
        )
    files = {rel: _decode(root, rel) for rel in found}
    # Files named by -r / -c, whatever they are called; a missing one is reported by the core.
    queue = [rel for rel in files if reqs.is_requirements_file(rel)]
    while queue:
        rel = queue.pop()
        for target in reqs.referenced(rel, files[rel]):
            if target not in files and not target.startswith("..") and (root / target).is_file():
                files[target] = _decode(root, target)
                queue.append(target)
    return files


def read_sources(root: Path, files: Mapping[str, str]) -> dict[str, str]:
    """The files setup.cfg's mapping looks at besides the inputs (MANIFEST.in, the
    ``attr:`` version module); read leniently, as only their presence and Python
    syntax matter and they are never rewritten."""
    cfg = files.get("setup.cfg")
    if cfg is None:
        return {}
    return {
        rel: (root / rel).read_bytes().decode("utf-8", errors="replace")
        for rel in sources_wanted(cfg)
        if (root / rel).is_file()
    }


def _diff(path: str, old: str | None, new: str | None) -> str:
    return "".join(
        difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            (new or "").splitlines(keepends=True),
            fromfile=f"a/{path}" if old is not None else "/dev/null",
            tofile=f"b/{path}" if new is not None else "/dev/null",
        )
    )


def write_changes(root: Path, changes: Mapping[str, str | None]) -> None:
    """Write every new file to a temporary sibling first, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, text in changes.items():
            if text is None:
                continue
            target = root / rel
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed later
                "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
            )
            with handle:
                handle.write(text.encode("utf-8"))
            if target.exists():
                Path(handle.name).chmod(target.stat().st_mode & 0o7777)
            staged.append((Path(handle.name), target))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        temporary.replace(target)
    for rel, text in changes.items():
        if text is None:
            (root / rel).unlink()


def _missing_references(root: Path, pyproject: str | None) -> list[Entry]:
    """A ledger line for each file the new pyproject.toml names that is not there."""
    if pyproject is None:
        return []
    return [
        Entry(
            path,
            Action.KEPT,
            reason=f"named by {where} but missing: setuptools skips a missing file, as it did "
            "before, so the build is unchanged; restore the file or drop the name",
        )
        for path, where in referenced_files(tomllib.loads(pyproject))
        if not (root / path).is_file()
    ]


def migrate(
    *,
    path: str = ".",
    diff: bool = False,
    check: bool = False,
    verify: bool = False,
    remove_legacy: bool = False,
) -> int:
    """Migrate the project at *path*; return an exit code, or raise a `SetsquareError`."""
    root = Path(path)
    if not root.is_dir():
        raise UsageError(f"{path}: no such directory", hint="pass the project's root directory")
    files = read_inputs(root)
    outcome = migrate_project(files, remove_legacy=remove_legacy, sources=read_sources(root, files))
    outcome.entries.extend(_missing_references(root, outcome.changes.get("pyproject.toml")))
    for entry in outcome.entries:
        print(entry.render())
    changes = outcome.changes
    if not changes:
        print("Nothing to migrate.")
        return EXIT_OK
    if diff:
        for rel, text in changes.items():
            sys.stdout.write(_diff(rel, files.get(rel), text))
    if check:
        for rel, text in changes.items():
            print(f"would {'remove' if text is None else 'rewrite'} {rel}")
        return EXIT_CHANGES
    if diff:
        return EXIT_OK
    if verify:
        from setsquare.commands._verify import verify_migration  # builds are slow to import

        if not verify_migration(root, changes):
            print("Nothing written: the migrated project builds differently (see above).")
            return EXIT_CHANGES
    write_changes(root, changes)
    for rel, text in changes.items():
        print(f"{'removed' if text is None else 'wrote'} {rel}")
    return EXIT_OK
