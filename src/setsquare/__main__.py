"""Allow ``python -m setsquare``."""

from __future__ import annotations

from setsquare.main import main

raise SystemExit(main())
