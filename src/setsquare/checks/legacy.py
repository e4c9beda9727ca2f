"""Find packaging metadata and tool configuration that `setsquare migrate` would move.

The answer is migrate's own: the findings are the ledger of a migration computed in
memory and never written, so this check, the ``check-legacy-config`` hook and
``setsquare migrate`` cannot disagree. What migrate leaves where it is (a computed
``version=`` in setup.py, ``packages=find_packages()``, a requirements file that is not
the project's dependencies) is not a finding: there is nothing to run migrate for.

Pure: it takes the repository's files as text; the hook and repo-review do the reading.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from setsquare.legacy_sources import is_legacy_source

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    message: str
    #: Settings pyproject.toml already has, differently: a person decides, not migrate.
    conflict: bool = False

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


#: How the ledger explains a setting migrate leaves because pyproject.toml differs.
_CONFLICT = "conflict:"
#: How many moved items a finding names before it counts the rest.
_SHOWN = 4


def find_legacy(
    files: Mapping[str, str], sources: Mapping[str, str] | None = None
) -> list[Finding]:
    """One finding per file `setsquare migrate` would change, at the first line it moves.

    *files* are migrate's inputs (``pyproject.toml`` included) and *sources* the files
    it only looks at, as `setsquare.commands.migrate.read_inputs`/``read_sources`` give.
    An input migrate refuses raises migrate's own `InputError` (file, line and hint).
    """
    from setsquare.migrate.ledger import Action
    from setsquare.migrate.project import migrate_project

    outcome = migrate_project(files, sources=sources)
    moved: dict[str, list[tuple[int | None, str]]] = {}
    conflicts: dict[str, list[tuple[int | None, str]]] = {}
    for entry in outcome.entries:
        source = entry.source
        # A file-level line (the pyproject.toml written) follows from the items themselves.
        if not source.path or not source.item:
            continue
        if entry.action is not Action.KEPT:
            moved.setdefault(source.path, []).append((source.line, source.item))
        elif entry.reason.startswith(_CONFLICT):
            # Legacy settings migrate will not move over different ones: a person decides.
            conflicts.setdefault(source.path, []).append((source.line, source.item))
    if outcome.changes:
        # A change no item accounts for (a default written out) is still a change.
        # (pyproject.toml changes anyway when anything moves into it.)
        unexplained = [path for path in outcome.changes if path not in moved]
        for path in unexplained if not moved else [p for p in unexplained if p != "pyproject.toml"]:
            moved[path] = []
    else:
        moved = {}
    findings = [_finding(path, items, "`setsquare migrate` moves") for path, items in moved.items()]
    findings += [
        replace(_finding(path, items, "pyproject.toml already sets, differently,"), conflict=True)
        for path, items in conflicts.items()
    ]
    return sorted(findings, key=lambda f: (f.path, f.line or 0))


def _finding(path: str, items: list[tuple[int | None, str]], verb: str) -> Finding:
    if not items:
        return Finding(path, None, "`setsquare migrate` changes it (`--diff` shows how)")
    lines = [line for line, _ in items if line is not None]
    names = list(dict.fromkeys(what for _, what in items))
    shown = ", ".join(names[:_SHOWN])
    if len(names) > _SHOWN:
        shown += f" and {len(names) - _SHOWN} more"
    count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    return Finding(path, min(lines) if lines else None, f"{verb} {count} ({shown})")


def legacy_candidates(paths: Iterable[str]) -> list[str]:
    """The files among *paths* migrate reads (at the project root, or requirements/): the
    one table of legacy sources, which the hook manifest's `files:` also comes from. A
    setup.py under docs/examples/ or a pytest.ini among test fixtures is data."""
    return sorted(p for p in paths if is_legacy_source(p))
