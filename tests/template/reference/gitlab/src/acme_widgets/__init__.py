"""acme-widgets."""

from __future__ import annotations

from importlib.metadata import version

from acme_widgets._greeting import greet

__all__ = ["__version__", "greet"]

__version__ = version("acme-widgets")
