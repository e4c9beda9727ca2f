"""Where the reviewed golden renders of the template live."""

from __future__ import annotations

from pathlib import Path

REFERENCES = Path(__file__).parent / "reference"
#: The default render, which other tests use as a ready-made project.
REFERENCE = REFERENCES / "default"
