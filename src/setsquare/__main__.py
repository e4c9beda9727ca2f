"""Allow ``python -m setsquare``."""

from __future__ import annotations

from setsquare.cli import run

run()
