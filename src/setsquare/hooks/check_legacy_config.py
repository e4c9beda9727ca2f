"""Fail while `setsquare migrate` has packaging metadata or tool configuration to move.

Names every file (and first line) migrate would change, from migrate's own ledger
computed in memory, and points to `setsquare migrate`. Runs when pre-commit passes a
legacy file at the project root, or on the whole repository when given none.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare._git import listed_files
from setsquare.checks.legacy import find_legacy, legacy_candidates
from setsquare.errors import InputError
from setsquare.hooks._report import report_error

if TYPE_CHECKING:
    from collections.abc import Sequence


def _repository_files() -> list[str]:
    listed = listed_files(Path())
    if listed is not None:
        return listed
    return [str(p) for p in Path().iterdir() if p.is_file()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check-legacy-config", description=__doc__)
    parser.add_argument("filenames", nargs="*", help="files to check (default: the repository)")
    args = parser.parse_args(argv)
    if not legacy_candidates(args.filenames or _repository_files()):
        return 0
    from setsquare.commands.migrate import read_inputs, read_sources

    root = Path()
    try:
        files = read_inputs(root)
        findings = find_legacy(files, read_sources(root, files))
    except InputError as error:
        return report_error(error)
    for finding in findings:
        print(finding.render())
    if any(finding.conflict for finding in findings):
        print(
            "hint: settle each conflicting setting in pyproject.toml by hand, then delete the "
            "legacy one (`setsquare migrate --diff` lists them)"
        )
    if any(not finding.conflict for finding in findings):
        print("hint: run `setsquare migrate` to move them into pyproject.toml (--diff to preview)")
    return 1 if findings else 0
