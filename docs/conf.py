"""Sphinx configuration for setsquare's documentation (Sphinx + MyST + Furo).

The reference parts (every command's ``--help``, the bundle's hooks, the template's
questions, the migrate mapping) are generated at build time from the code and the
reviewed golden cases by ``_ext/setsquare_docs.py``, so they cannot drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "setsquare"
author = "The setsquare developers"
copyright = "the setsquare developers"

extensions = ["myst_parser", "setsquare_docs"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
html_title = "setsquare"
# Warnings are errors in the build (`-W`); a broken cross-reference is one too.
nitpicky = True
