"""setsquare: start, adopt and modernise Python projects."""

from __future__ import annotations

from importlib.metadata import version

__all__ = ["__version__"]

__version__ = version("setsquare")
