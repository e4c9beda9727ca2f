"""Every new text is parsed before it is written: output that would not parse is our bug.

Each text is parsed in memory by the parser of its kind (TOML, YAML, Python, INI),
and a new pyproject.toml is run through validate-pyproject, before anything touches
the disk. A failure is `OutputError` (exit 3), never a corrupt file.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.changes._paths import decode
from setsquare.errors import OutputError

if TYPE_CHECKING:
    from collections.abc import Callable


def _toml(text: str) -> None:
    from setsquare._toml import tomllib

    tomllib.loads(text)


def _yaml(text: str) -> None:
    import yaml

    list(yaml.safe_load_all(text))


def _precommit(text: str) -> None:
    from setsquare.adopt import precommit_config

    validate = getattr(precommit_config, "validate_config", None)
    if validate is None:
        _yaml(text)
    else:
        validate(text, ".pre-commit-config.yaml")


def _python(text: str) -> None:
    ast.parse(text)


def _ini(text: str) -> None:
    # setuptools and tox read these with ConfigParser; duplicate options are theirs to judge.
    configparser.RawConfigParser(strict=False).read_string(text)


def _validator(rel: str) -> Callable[[str], None] | None:
    name = Path(rel).name
    if name == ".pre-commit-config.yaml":
        return _precommit
    suffix = Path(rel).suffix
    table: dict[str, Callable[[str], None]] = {
        ".toml": _toml,
        ".yaml": _yaml,
        ".yml": _yaml,
        ".py": _python,
        ".cfg": _ini,
        ".ini": _ini,
    }
    if name in {".flake8", ".isort.cfg", ".coveragerc", ".pylintrc"}:
        return _ini
    return table.get(suffix)


def validate(rel: str, text: str) -> None:
    """Parse *text* as *rel*'s kind; an error is our bug, reported as `OutputError`."""
    check = _validator(rel)
    if check is None:
        return
    try:
        check(text)
    except Exception as error:  # every parser has its own error class
        detail = str(getattr(error, "message", "") or error).splitlines()
        raise OutputError(
            f"{rel}: setsquare produced text that does not parse ({type(error).__name__}: "
            f"{detail[0] if detail else ''}); nothing was written",
            hint="please report it with the command you ran",
        ) from error


def check_schema(rel: str, text: str, target: Path) -> None:
    """validate-pyproject on a new pyproject.toml: refused when we made it invalid
    (a file that was already invalid is the user's to fix, and is not blocked)."""
    from setsquare._toml import tomllib
    from setsquare.pyproject_schema import validation_error

    error = validation_error(tomllib.loads(text))
    if error is None:
        return
    if target.is_file():
        try:
            before = validation_error(tomllib.loads(decode(rel, target.read_bytes())))
        except (ValueError, OSError):  # unreadable before: not ours either
            return
        if before is not None:
            return
    raise OutputError(
        f"{rel}: setsquare produced a pyproject.toml that validate-pyproject refuses "
        f"({error.summary}); nothing was written",
        hint="please report it with the command you ran",
    )
