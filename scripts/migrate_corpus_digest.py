"""One sha256 per corpus project of what plain ``setsquare migrate`` would write and report.

A refactor of the migrate core that must not change its output (issue #11) runs this
before and after and diffs the two listings: no wheels are built, so it takes seconds,
not the corpus test's hour. It reads the sdists the corpus tests cached
(``tests/migrate/test_corpus.py``, ``test_setup_py_corpus.py``); run those once to fill
the cache. Nothing is written: each sdist is unpacked into a temporary folder and
migrated in memory, as the command does before it writes.

Usage (from the repository root): uv run python -m scripts.migrate_corpus_digest > before.txt
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.commands.migrate import read_inputs, read_sources
from setsquare.errors import SetsquareError
from setsquare.migrate.project import migrate_project
from tests.helpers import unpack
from tests.sdists import cache_dir, find, read_list

if TYPE_CHECKING:
    from setsquare.migrate.ledger import Entry

_LISTS = ("sdists.txt", "setup_py_sdists.txt")
_CORPUS = Path(__file__).parent.parent / "tests" / "migrate" / "corpus"


def _outcome(project: Path) -> str:
    """The new files and the ledger, as text; a refusal is its message."""
    kept: list[Entry] = []
    files = read_inputs(project, kept)
    try:
        outcome = migrate_project(files, sources=read_sources(project, files))
    except SetsquareError as error:
        return f"refused: {error.message}\nhint: {error.hint}\n"
    chunks = [entry.render() + "\n" for entry in [*kept, *outcome.entries]]
    for path, text in sorted(outcome.changes.items()):
        chunks.append(f"--- {path}\n{'(removed)' if text is None else text}\n")
    return "".join(chunks)


def digest(entry: str, folder: Path) -> str:
    sdist = find(folder, entry)
    if sdist is None:
        return "not cached"
    with tempfile.TemporaryDirectory() as work:
        text = _outcome(unpack(sdist, Path(work)))
    return hashlib.sha256(text.encode()).hexdigest()


def main() -> int:
    folder = cache_dir("migrate-corpus")
    entries = dict.fromkeys(entry for name in _LISTS for entry in read_list(_CORPUS / name))
    for entry in entries:
        sys.stdout.write(f"{entry} {digest(entry, folder)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
