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

__all__ = ["check_shape", "load_toml", "tomllib"]

#: The pyproject.toml keys setsquare reads or writes, each of which must be a table.
_TABLES = (
    ("build-system",),
    ("project",),
    ("dependency-groups",),
    ("tool",),
    *(("tool", name) for name in ("ruff", "mypy", "pytest", "coverage", "setuptools", "isort")),
    ("tool", "ruff", "lint"),
    ("tool", "pytest", "ini_options"),
)


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "an array of tables" if value and isinstance(value[0], dict) else "an array"
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")


def check_shape(data: dict[str, Any], text: str, path: str = "pyproject.toml") -> None:
    """Refuse a pyproject.toml whose known keys are not tables (``project = "x"``,
    ``tool = 5``), naming the line, before any code relies on their shape."""
    for keys in _TABLES:
        value: Any = data
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                value = None
                break
            value = value[key]
        if value is None or isinstance(value, dict):
            continue
        dotted = ".".join(keys)
        pattern = rf"^\s*(\[\[\s*{re.escape(dotted)}\s*\]\]|{re.escape(keys[-1])}\s*=)"
        found = re.search(pattern, text, flags=re.MULTILINE)
        raise InputError(
            path,
            f"[{dotted}] must be a table, not {_kind(value)}",
            line=text.count("\n", 0, found.start()) + 1 if found else None,
            hint=f"write it as a `[{dotted}]` table, then run again",
        )


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
