"""Read TOML files for checks (tomllib, or tomli before Python 3.11)."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

from setsquare._shape import ANY_TABLE, TOML_WORDS, Table, dotted, problem, toml_line
from setsquare._text import decode
from setsquare.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["check_shape", "load_toml", "loads_toml", "tomllib"]

#: The pyproject.toml tables migrate and adopt read or write into: each must be a table.
_TABLES = Table(
    {
        "build-system": ANY_TABLE,
        "project": ANY_TABLE,
        "dependency-groups": ANY_TABLE,
        "tool": Table(
            {
                **dict.fromkeys(("mypy", "coverage", "setuptools", "isort"), ANY_TABLE),
                "ruff": Table({"lint": ANY_TABLE}),
                "pytest": Table({"ini_options": ANY_TABLE}),
            }
        ),
    }
)


def check_shape(data: dict[str, Any], text: str, path: str = "pyproject.toml") -> None:
    """Refuse a pyproject.toml whose tables are not tables (``project = "x"``,
    ``tool = 5``), naming the line, before any code relies on their shape."""
    found = problem(data, _TABLES, TOML_WORDS)
    if found is not None:
        raise InputError(
            path,
            found.message,
            line=toml_line(text, found.path),
            hint=f"write it as a `[{dotted(found.path)}]` table, then run again",
        )


def load_toml(path: Path, *, missing_ok: bool = True) -> dict[str, Any]:
    """Parse *path*; an absent file is empty when *missing_ok*; broken TOML is an InputError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return {}
        raise InputError(str(path), "no such file") from None
    return loads_toml(decode(str(path), data), str(path))


def loads_toml(text: str, path: str) -> dict[str, Any]:
    """*text*, the TOML file *path*, parsed; broken TOML is an InputError naming its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib names the line only inside its message before Python 3.14.
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(found[1]) if found else None
        message = str(error).split(" (at ", 1)[0]
        raise InputError(
            path,
            f"invalid TOML: {message}",
            line=line,
            hint="fix the TOML syntax; `check-toml` shows the same error",
        ) from error
