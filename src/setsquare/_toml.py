"""Read TOML files for checks (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from setsquare.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["load_toml", "tomllib"]


def load_toml(path: Path, *, missing_ok: bool = True) -> dict[str, Any]:
    """Parse *path*; an absent file is empty when *missing_ok*; broken TOML is an InputError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return {}
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"is not UTF-8 text ({error.reason})") from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib names the line only inside its message before Python 3.14.
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(found[1]) if found else None
        message = str(error).split(" (at ", 1)[0]
        raise InputError(
            str(path),
            f"invalid TOML: {message}",
            line=line,
            hint="fix the TOML syntax; `check-toml` shows the same error",
        ) from error
