"""The console script: `main`, with Ctrl-C while Python is still importing it handled too.

Importing the command line takes a noticeable moment (argparse, YAML, the error
types); a Ctrl-C or SIGTERM in that moment must end with the documented exit code
and one line, not a traceback, so the imports happen inside the handler.
"""

from __future__ import annotations

import signal
import sys


def _terminated(_signum: int, _frame: object) -> None:
    raise SystemExit(143)


def run() -> None:
    """Entry point of the ``setsquare`` script and of ``python -m setsquare``."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from setsquare.main import main
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except SystemExit:
        print("terminated", file=sys.stderr)
        raise
    raise SystemExit(main())
