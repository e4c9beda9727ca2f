"""Bytes to text: the one UTF-8 rule for every file setsquare reads.

Each tool that reads these files (pip, setuptools, pre-commit, Copier) expects UTF-8,
so anything else is refused with the line of the first bad byte. A leading BOM is
kept: whether it is allowed depends on the format, so the caller decides.
"""

from __future__ import annotations

from setsquare.errors import InputError

BOM = "\ufeff"


def decode(name: str, data: bytes, *, hint: str = "save the file as UTF-8") -> str:
    """*data* as text, or an `InputError` naming *name*, the line and the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[error.start]:02x})",
            line=data.count(b"\n", 0, error.start) + 1,
            hint=hint,
        ) from error
