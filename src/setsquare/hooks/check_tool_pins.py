"""Flag Ruff/mypy pins that drift from the bundle's, and Ruff left on its default rules.

Ruff's default rule set changed in 0.16 and again in 0.17: a project with no
explicit `lint.select` lints differently after every upgrade, and a project
whose own dev dependencies (or uv.lock) hold another Ruff or mypy than the
bundle gets different verdicts from the hook and from the editor or CI.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare._toml import load_toml
from setsquare.checks.pins import FIX_HINT, bundle_pins, has_explicit_ruff_select, pin_problems
from setsquare.errors import InputError
from setsquare.hooks._report import report_error

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check-tool-pins", description=__doc__)
    parser.add_argument("filenames", nargs="*", help="ignored: the repository root is checked")
    parser.parse_args(argv)
    try:
        pyproject = load_toml(Path("pyproject.toml"))
        uv_lock = load_toml(Path("uv.lock"))
        ruff_toml = load_toml(Path("ruff.toml")) or load_toml(Path(".ruff.toml"))
    except InputError as error:
        return report_error(error)
    problems = [p.render() for p in pin_problems(pyproject, uv_lock, bundle_pins())]
    if not has_explicit_ruff_select(pyproject, ruff_toml):
        problems.append(
            "pyproject.toml: [tool.ruff.lint] has no `select`, so the rules follow Ruff's "
            "default set, which changed in Ruff 0.16 and 0.17"
        )
    for problem in problems:
        print(problem)
    if problems:
        print(f"hint: {FIX_HINT}")
        return 1
    return 0
