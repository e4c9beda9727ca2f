"""Sphinx configuration: Markdown pages (MyST), the Furo theme, the API from docstrings.

CI builds strictly: warnings are errors and every cross-reference must resolve.

    uv run --group docs sphinx-build -W -n --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

from importlib.metadata import version as _installed_version

project = "acme-widgets"
author = "The acme-widgets developers"
project_copyright = author
# The installed package's version, so the pages never disagree with its metadata.
release = version = _installed_version(project)

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",  # the API reference, from the package's docstrings
    "sphinx.ext.viewcode",  # links from the reference to the highlighted source
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"

html_theme = "furo"
html_title = project
# A cross-reference that does not resolve is a warning, and -W makes it an error.
nitpicky = True
