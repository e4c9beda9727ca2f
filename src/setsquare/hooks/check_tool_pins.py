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
from setsquare.checks.pins import FIX_HINT, bundle_pins, pin_problems
from setsquare.errors import InputError
from setsquare.hooks._report import report_error
from setsquare.ruff_files import PYPROJECT, ruff_select

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check-tool-pins", description=__doc__)
    parser.add_argument("filenames", nargs="*", help="ignored: the repository root is checked")
    parser.parse_args(argv)
    try:
        pyproject = load_toml(Path("pyproject.toml"))
        uv_lock = load_toml(Path("uv.lock"))
        ruff = ruff_select(Path())
    except InputError as error:
        return report_error(error)
    problems = [p.render() for p in pin_problems(pyproject, uv_lock, bundle_pins())]
    if not ruff.explicit and ruff.unread is None:
        lint = "[tool.ruff.lint]" if ruff.path == PYPROJECT else "[lint]"
        problems.append(
            f"{ruff.path}: {lint} has no `select`, so the rules follow Ruff's "
            "default set, which changed in Ruff 0.16 and 0.17"
        )
    # What `setsquare adopt` sets right: a pin, or a select.
    hints = [FIX_HINT] if problems else []
    if ruff.unread is not None:
        # Its rules are in a file this hook cannot read: say so rather than guess.
        problems.append(
            f"{ruff.path}: Ruff's settings extend {ruff.unread}, outside the project or "
            "missing, and select no rules of their own, so the rules cannot be checked here"
        )
        hints.append(f"make sure {ruff.unread} selects its rules explicitly")
    for line in problems + [f"hint: {hint}" for hint in hints]:
        print(line)
    return 1 if problems else 0
