"""The files `setsquare check` hands to repo-review's plugins, checked before any of them runs.

The plugins parse these files themselves and trust what they find: a syntax
error, a byte that is not UTF-8, or a string where a table belongs ends in a
traceback from deep inside one of them. Here each becomes ``path:line: problem``
with a hint, and exit 2.
"""

from __future__ import annotations

import ast
import configparser
import re
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

import yaml

from setsquare._shape import (
    ANY_TABLE,
    BOOL,
    STR,
    STRINGS,
    TOML_WORDS,
    YAML_WORDS,
    Array,
    Either,
    Kind,
    Spec,
    Table,
    dotted,
    problem,
    toml_line,
    yaml_line,
)
from setsquare._text import BOM, decode
from setsquare._toml import tomllib
from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from setsquare._shape import KeyPath

_SPEC_URL = "https://packaging.python.org/en/latest/specifications/pyproject-toml/"

_RULE_LISTS = ("select", "extend-select", "ignore", "extend-ignore", "fixable", "unfixable")
_RULES = dict.fromkeys(_RULE_LISTS, STRINGS)
RUFF = Table({"lint": Table(_RULES), "format": ANY_TABLE, "extend": STR, **_RULES})
_PYTEST_OPTIONS = {"addopts": Either((STR, STRINGS))}

PYPROJECT = Table(
    {
        "build-system": Table({"requires": STRINGS, "build-backend": STR, "backend-path": STRINGS}),
        "project": Table(
            {
                **dict.fromkeys(("name", "version", "description", "requires-python"), STR),
                **dict.fromkeys(
                    ("keywords", "classifiers", "dependencies", "dynamic", "license-files"),
                    STRINGS,
                ),
                **dict.fromkeys(("readme", "license"), Either((STR, ANY_TABLE))),
                **dict.fromkeys(
                    ("authors", "maintainers"), Array(Table({"name": STR, "email": STR}))
                ),
                **dict.fromkeys(("urls", "scripts", "gui-scripts"), Table(each=STR)),
                "entry-points": Table(each=Table(each=STR)),
                "optional-dependencies": Table(each=STRINGS),
            }
        ),
        "dependency-groups": Table(each=Array(Either((STR, Table({"include-group": STR}))))),
        "tool": Table(
            {
                "repo-review": Table(
                    {"select": STRINGS, "ignore": Either((STRINGS, Table(each=STR)))}
                ),
                "ruff": RUFF,
                "pytest": Table({"ini_options": Table(_PYTEST_OPTIONS), **_PYTEST_OPTIONS}),
                "mypy": Table({"enable_error_code": STRINGS}),
                "uv": Table({"dev-dependencies": STRINGS}),
            },
            each=ANY_TABLE,
        ),
    }
)

PRE_COMMIT = Table(
    {
        "repos": Array(
            Table(
                {
                    "repo": STR,
                    "rev": STR,
                    "hooks": Array(
                        Table(
                            {
                                **dict.fromkeys(
                                    ("id", "name", "entry", "language", "files", "exclude"), STR
                                ),
                                **dict.fromkeys(
                                    (
                                        "args",
                                        "types",
                                        "types_or",
                                        "exclude_types",
                                        "additional_dependencies",
                                        "stages",
                                    ),
                                    STRINGS,
                                ),
                            },
                            required=("id",),
                        )
                    ),
                },
                required=("repo", "hooks"),
            )
        ),
        "ci": ANY_TABLE,
        "default_stages": STRINGS,
        "default_language_version": Table(each=STR),
        "files": STR,
        "exclude": STR,
        "fail_fast": BOOL,
        "minimum_pre_commit_version": STR,
    }
)


_READTHEDOCS = Table({"version": Kind((int, float), "a number")})
_READTHEDOCS_NAMES = (".readthedocs.yaml", ".readthedocs.yml")
_READTHEDOCS_HINT = (
    "see the file's layout: https://docs.readthedocs.com/platform/stable/config-file/v2.html"
)
_DEPENDABOT = Table({"updates": Array(ANY_TABLE)})
_DEPENDABOT_NAMES = (".github/dependabot.yml", ".github/dependabot.yaml")
_DEPENDABOT_HINT = (
    "see the file's layout: https://docs.github.com/code-security/dependabot/"
    "working-with-dependabot/dependabot-options-reference"
)


@dataclass(frozen=True)
class _File:
    """A file a plugin reads: how to parse it, what it must look like, where to read up."""

    name: str
    parse: str
    spec: Spec = ANY_TABLE
    hint: str = ""


_FILES = (
    _File(
        "pyproject.toml",
        "toml",
        PYPROJECT,
        f"the packaging specification gives the types of its standard tables: {_SPEC_URL}",
    ),
    _File("ruff.toml", "toml", RUFF, "see Ruff's settings: https://docs.astral.sh/ruff/settings/"),
    _File(".ruff.toml", "toml", RUFF, "see Ruff's settings: https://docs.astral.sh/ruff/settings/"),
    _File("pytest.toml", "toml", Table({"pytest": Table(_PYTEST_OPTIONS)})),
    _File(".pytest.toml", "toml", Table({"pytest": Table(_PYTEST_OPTIONS)})),
    _File("uv.lock", "toml", Table({"package": Array(Table({"name": STR}))}), "run `uv lock`"),
    _File(
        ".pre-commit-config.yaml",
        "yaml",
        PRE_COMMIT,
        "see the file's layout: https://pre-commit.com/#adding-pre-commit-plugins-to-your-project",
    ),
    *(_File(name, "yaml", _READTHEDOCS, _READTHEDOCS_HINT) for name in _READTHEDOCS_NAMES),
    *(_File(name, "yaml", _DEPENDABOT, _DEPENDABOT_HINT) for name in _DEPENDABOT_NAMES),
    _File("setup.cfg", "ini"),
    _File("noxfile.py", "python"),
)
_WORKFLOW = Table({"jobs": Table(each=Table({"steps": Array(ANY_TABLE)}))})
_WORKFLOW_HINT = (
    "see the workflow syntax: "
    "https://docs.github.com/actions/reference/workflow-syntax-for-github-actions"
)


def check_inputs(root: Path) -> None:
    """Raise `InputError` for the first file under *root* that a plugin would choke on."""
    for found in _present(root):
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


def _present(root: Path) -> Iterator[_File]:
    yield from (file for file in _FILES if (root / file.name).is_file())
    workflows = root / ".github" / "workflows"
    if workflows.is_dir():
        for path in sorted(workflows.iterdir()):
            if path.name.endswith((".yml", ".yaml")) and path.is_file():
                yield _File(f".github/workflows/{path.name}", "yaml", _WORKFLOW, _WORKFLOW_HINT)


def _decode(file: _File, data: bytes) -> str:
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


def _toml(file: _File, text: str) -> dict[str, Any]:
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


def _yaml(file: _File, text: str) -> tuple[yaml.Node | None, Any]:
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
    file: _File, value: Any, words: dict[str, str], locate: Callable[[KeyPath], int | None]
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


def _ini(file: _File, text: str) -> None:
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


def _ini_error(file: _File, message: str, line: int | None) -> InputError:
    return InputError(
        file.name,
        message,
        line=line,
        hint=f"fix {file.name} there; `setsquare migrate` moves its settings into pyproject.toml",
    )


def _python(file: _File, text: str) -> None:
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
