"""Fail when packaging metadata or tool configuration still lives in legacy places.

Names every legacy file (and line) and points to `setsquare migrate`, which moves
them into pyproject.toml. Runs on the legacy files pre-commit passes, or on the
whole repository when given none.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare._git import listed_files
from setsquare._text import BOM, decode
from setsquare._toml import load_toml
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
    paths = legacy_candidates(args.filenames or _repository_files())
    try:
        pyproject = load_toml(Path("pyproject.toml"))
    except InputError as error:
        return report_error(error)
    files = {}
    for path in paths:
        try:
            # configparser and ast take a BOM as text; the tools that read these skip it.
            files[path] = decode(path, Path(path).read_bytes()).removeprefix(BOM)
        except InputError as error:
            return report_error(error)
    findings = find_legacy(files, pyproject)
    for finding in findings:
        print(finding.render())
    if findings:
        print("hint: run `setsquare migrate` to move them into pyproject.toml (--diff to preview)")
        return 1
    return 0
