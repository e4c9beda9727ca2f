"""A small, fully typed example to replace with your own code."""

from __future__ import annotations


def greet(name: str, *, excited: bool = False) -> str:
    """Return a greeting for *name*.

    >>> greet("world")
    'Hello, world.'
    """
    cleaned = name.strip()
    if not cleaned:
        msg = "name must not be empty"
        raise ValueError(msg)
    return f"Hello, {cleaned}{'!' if excited else '.'}"
