"""How the hooks report an InputError: the shape every setsquare message has."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from setsquare.errors import SetsquareError


def report_error(error: SetsquareError) -> int:
    print(f"error: {error.message}", file=sys.stderr)
    if error.hint:
        print(f"hint: {error.hint}", file=sys.stderr)
    return 1
