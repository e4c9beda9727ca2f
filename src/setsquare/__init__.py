"""setsquare: start, adopt and modernise Python projects."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # Read from the installed metadata on first use only: `setsquare --help` and an
    # early Ctrl-C should not wait for importlib.metadata.
    if name == "__version__":
        from importlib.metadata import version

        return version("setsquare")
    raise AttributeError(name)
