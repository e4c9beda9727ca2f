"""How a hook reports a SetsquareError: the common message shape, then exit 1."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from setsquare.errors import SetsquareError


def report_error(error: SetsquareError) -> int:
    error.report()
    return 1
