"""Allow ``python -m setsquare``."""

from __future__ import annotations

import sys

try:
    from setsquare.cli import run
except KeyboardInterrupt:
    # Ctrl-C before `run` has put its own guard in place: the same line and code.
    print("interrupted", file=sys.stderr)
    raise SystemExit(130) from None

run()
