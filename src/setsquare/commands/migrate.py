"""``setsquare migrate``: legacy packaging and tool configuration into pyproject.toml.

The thin I/O shell around `setsquare.migrate.project.migrate_project`: read the
legacy files, print the ledger, then diff, check, verify by building, or write
atomically. Nothing is written unless the whole migration succeeded.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare._toml import tomllib
from setsquare.changes import ChangeSet, deferred_signals, inside, read_text
from setsquare.errors import UsageError
from setsquare.legacy_sources import REQUIREMENTS_FOLDER, is_requirements_file
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.project import migrate_project
from setsquare.migrate.references import referenced_files
from setsquare.migrate.requirements import lines as reqs
from setsquare.migrate.setup_cfg import sources_wanted
from setsquare.migrate.tools import TOOL_FILES

if TYPE_CHECKING:
    from collections.abc import Mapping

EXIT_OK = 0
EXIT_CHANGES = 1

#: Files read besides the requirements files (which are found by name); the
#: pre-commit config only tells the tool-config half which flake8 plugins are used.
_INPUTS = ("pyproject.toml", "setup.py", ".pre-commit-config.yaml", *TOOL_FILES)


def _kept_outside(rel: str, why: str) -> Entry:
    return Entry(
        Location(rel),
        Action.KEPT,
        reason=f"{why}; setsquare never reads, changes or removes anything outside the project",
    )


def _leaves(root: Path, rel: str) -> bool:
    return posixpath.isabs(rel) or rel.startswith("..") or not inside(root, root / rel)


def _readable(root: Path, rel: str) -> bool:
    """Whether *rel* is a file setsquare may read: inside *root*, links resolved."""
    return not _leaves(root, rel) and (root / rel).is_file()


def read_inputs(root: Path, kept: list[Entry] | None = None) -> dict[str, str]:
    """The legacy files present under *root*, by repo-relative path.

    A file outside the project (an absolute ``-r``, a ``..`` include, a link that leads
    out) is never read. A requirements file that needs one stays as it is, and so does
    every file that includes it; each is added to *kept* with the reason.
    """
    kept = [] if kept is None else kept
    found = [rel for rel in _INPUTS if (root / rel).exists() or (root / rel).is_symlink()]
    for candidate in sorted(root.glob("*.txt")) + sorted(root.glob("*.in")):
        if is_requirements_file(candidate.name):
            found.append(candidate.name)
    folder = root / REQUIREMENTS_FOLDER
    if folder.is_dir():
        found.extend(
            f"{REQUIREMENTS_FOLDER}/{p.name}"
            for p in sorted(folder.iterdir())
            if is_requirements_file(f"{REQUIREMENTS_FOLDER}/{p.name}")
        )
    files: dict[str, str] = {}
    for rel in found:
        if is_requirements_file(rel) and not _readable(root, rel):
            if not inside(root, root / rel):
                kept.append(_kept_outside(rel, "a link to outside the project"))
            continue
        text = read_text(root, rel)  # refuses a configuration file that leads outside
        if text is not None:
            files[rel] = text
    # Files named by -r / -c, whatever they are called; a missing one is reported by the core.
    outside: dict[str, str] = {}
    queue = [rel for rel in files if is_requirements_file(rel)]
    while queue:
        rel = queue.pop()
        for target in reqs.referenced(rel, files[rel]):
            if target in files:
                continue
            if (
                posixpath.isabs(target)
                or target.startswith("..")
                or not inside(root, root / target)
            ):
                outside.setdefault(rel, target)
            elif (root / target).is_file():
                files[target] = read_text(root, target) or ""
                queue.append(target)
    # A file that includes one outside cannot be migrated, nor can a file including it.
    while outside:
        rel, target = outside.popitem()
        if rel not in files:
            continue
        del files[rel]
        shown = "a file" if posixpath.isabs(target) else target
        kept.append(_kept_outside(rel, f"it includes {shown} outside the project"))
        for other, text in list(files.items()):
            if is_requirements_file(other) and rel in reqs.referenced(other, text):
                outside.setdefault(other, rel)
    return files


def read_sources(root: Path, files: Mapping[str, str]) -> dict[str, str]:
    """The files the mapping looks at besides the inputs (MANIFEST.in, the ``attr:``
    version module); read leniently, as only their presence and Python syntax matter
    and they are never rewritten."""
    cfg = files.get("setup.cfg")
    # MANIFEST.in also tells which requirements files the sdist ships (never removed).
    wanted = sources_wanted(cfg) if cfg is not None else ["MANIFEST.in"]
    return {
        rel: (root / rel).read_bytes().decode("utf-8", errors="replace")
        for rel in wanted
        if _readable(root, rel)
    }


def _diff(path: str, old: str | None, new: str | None) -> str:
    import difflib  # --diff only

    return "".join(
        difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            (new or "").splitlines(keepends=True),
            fromfile=f"a/{path}" if old is not None else "/dev/null",
            tofile=f"b/{path}" if new is not None else "/dev/null",
        )
    )


def write_changes(root: Path, changes: Mapping[str, str | None]) -> None:
    """Write and remove *changes* through one `ChangeSet`: all of them, or none."""
    change_set = ChangeSet(root)
    # The new pyproject.toml goes in before any legacy file is stripped or removed.
    for rel in sorted(changes, key=lambda rel: rel != "pyproject.toml"):
        text = changes[rel]
        if text is None:
            change_set.remove(rel)
        else:
            change_set.write(rel, text)
    change_set.commit()


def _missing_references(root: Path, pyproject: str | None) -> list[Entry]:
    """A ledger line for each file the new pyproject.toml names that is not there."""
    if pyproject is None:
        return []
    return [
        Entry(
            Location(path),
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
    kept: list[Entry] = []
    files = read_inputs(root, kept)
    outcome = migrate_project(files, remove_legacy=remove_legacy, sources=read_sources(root, files))
    outcome.entries[:0] = kept
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
    # A Ctrl-C or SIGTERM while the files are written waits until they are reported: the
    # user reads what changed before "interrupted", not "interrupted" alone over a
    # project that was migrated whole (found by a field test on docker 5.0.3).
    with deferred_signals():
        write_changes(root, changes)
        for rel, text in changes.items():
            print(f"{'removed' if text is None else 'wrote'} {rel}")
    return EXIT_OK
