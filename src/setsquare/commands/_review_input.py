"""The files `setsquare check` hands to repo-review's plugins, checked before any of them runs.

The plugins parse these files themselves and trust what they find: a syntax
error, a byte that is not UTF-8, or a string where a table belongs ends in a
traceback from deep inside one of them. Here each becomes ``path:line: problem``
with a hint, and exit 2. Which files, and the shape each must have, is the
table in `_review_files`; this module parses each one and holds it to its shape.
"""

from __future__ import annotations

import ast
import configparser
import re
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

import yaml

from setsquare._shape import TOML_WORDS, YAML_WORDS, dotted, problem, toml_line, yaml_line
from setsquare._text import BOM, decode
from setsquare._toml import tomllib
from setsquare.commands._review_files import PYPROJECT, present
from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from setsquare._shape import KeyPath
    from setsquare.commands._review_files import InputFile


def check_inputs(root: Path) -> None:
    """Raise `InputError` for the first file under *root* that a plugin would choke on."""
    for found in present(root):
        # Named as the user would type it: `pyproject.toml` when checking `.`.
        file = replace(found, name=str(root / found.name))
        text = _decode(file, (root / found.name).read_bytes())
        if file.parse == "toml":
            value = _toml(file, text)
            _check_value(file, value, TOML_WORDS, partial(toml_line, text))
        elif file.parse == "yaml":
            node, value = _yaml(file, text)
            _check_value(file, value, YAML_WORDS, partial(yaml_line, node))
        elif file.parse == "ini":
            _ini(file, text)
        else:
            _python(file, text)


def _decode(file: InputFile, data: bytes) -> str:
    text = decode(
        file.name, data, hint=f"save it as UTF-8: the tools that read {file.name} expect UTF-8"
    )
    if text.startswith(BOM) and file.parse == "toml":
        raise InputError(
            file.name,
            "starts with a byte-order mark, which TOML does not allow",
            line=1,
            hint="save it as UTF-8 without a BOM",
        )
    return text


# tomllib ends each message with where it happened.
_TOML_WHERE = re.compile(
    r"(?P<problem>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)\Z"
)


def _toml(file: InputFile, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_WHERE.match(str(error))
        message, line = str(error), None
        if found is not None:
            message = found["problem"]
            line = int(found["line"]) if found["line"] else text.count("\n") + 1
            if found["column"]:
                message += f" (column {found['column']})"
        raise InputError(
            file.name,
            f"not valid TOML: {message}",
            line=line,
            hint=f"fix the TOML there: every tool that reads {file.name} fails on it too",
        ) from error


def _yaml(file: InputFile, text: str) -> tuple[yaml.Node | None, Any]:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(
            file.name,
            f"not valid YAML: {error.problem or error.context}",
            line=None if mark is None else mark.line + 1,
            hint=f"fix the YAML there: every tool that reads {file.name} fails on it too",
        ) from error
    except yaml.YAMLError as error:
        # A ReaderError (a control character) knows the offset, not the line.
        offset = getattr(error, "position", None)
        raise InputError(
            file.name,
            f"not valid YAML: {str(error).splitlines()[0]}",
            line=text.count("\n", 0, offset) + 1 if isinstance(offset, int) else None,
            hint=f"fix the YAML there: every tool that reads {file.name} fails on it too",
        ) from error


def _check_value(
    file: InputFile, value: Any, words: dict[str, str], locate: Callable[[KeyPath], int | None]
) -> None:
    found = problem(value, file.spec, words)
    if found is None:
        return
    line = locate(found.path)
    hint = file.hint or f"see the documentation of the tool that reads {file.name}"
    if file.spec is PYPROJECT and found.path[:1] == ("tool",):
        hint = (
            "`[tool]` holds one table per tool, `[tool.NAME]`"
            if len(found.path) <= 2
            else f"see the documentation of the tool that reads `{dotted(found.path[:2])}`"
        )
    raise InputError(file.name, found.message, line=line, hint=hint)


def _ini(file: InputFile, text: str) -> None:
    try:
        configparser.ConfigParser().read_string(text, source=file.name)
    except configparser.MissingSectionHeaderError as error:
        raise _ini_error(
            file, "an option before the first `[section]` header", error.lineno
        ) from error
    except configparser.DuplicateSectionError as error:
        raise _ini_error(file, f"section [{error.section}] appears twice", error.lineno) from error
    except configparser.DuplicateOptionError as error:
        problem = f"option `{error.option}` appears twice in [{error.section}]"
        raise _ini_error(file, problem, error.lineno) from error
    except configparser.ParsingError as error:
        line = error.errors[0][0] if error.errors else None
        raise _ini_error(
            file, "a line that is not `[section]`, `key = value` or a continuation", line
        ) from error
    except configparser.Error as error:
        raise _ini_error(file, str(error).splitlines()[0], None) from error


def _ini_error(file: InputFile, message: str, line: int | None) -> InputError:
    return InputError(
        file.name,
        message,
        line=line,
        hint=f"fix {file.name} there; `setsquare migrate` moves its settings into pyproject.toml",
    )


def _python(file: InputFile, text: str) -> None:
    try:
        ast.parse(text, filename=file.name)
    except (SyntaxError, ValueError) as error:
        line = error.lineno if isinstance(error, SyntaxError) else None
        message = error.msg if isinstance(error, SyntaxError) else str(error)
        raise InputError(
            file.name,
            f"not valid Python: {message}",
            line=line,
            hint=f"fix the syntax there: nox cannot run {file.name} either",
        ) from error
