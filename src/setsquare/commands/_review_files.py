"""The files repo-review's plugins read, and the shape each must have before they run.

Each entry says how the file is parsed, the types its keys must have (a `setsquare._shape`
spec), and where to read up when they do not. `setsquare check` checks them in
`_review_input`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from setsquare._shape import ANY_TABLE, BOOL, STR, STRINGS, Array, Either, Kind, Spec, Table

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

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


_RUFF_HINT = "see Ruff's settings: https://docs.astral.sh/ruff/settings/"
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
class InputFile:
    """A file a plugin reads: how to parse it, what it must look like, where to read up."""

    name: str
    parse: str
    spec: Spec = ANY_TABLE
    hint: str = ""


_FILES = (
    InputFile(
        "pyproject.toml",
        "toml",
        PYPROJECT,
        f"the packaging specification gives the types of its standard tables: {_SPEC_URL}",
    ),
    InputFile("ruff.toml", "toml", RUFF, _RUFF_HINT),
    InputFile(".ruff.toml", "toml", RUFF, _RUFF_HINT),
    InputFile("pytest.toml", "toml", Table({"pytest": Table(_PYTEST_OPTIONS)})),
    InputFile(".pytest.toml", "toml", Table({"pytest": Table(_PYTEST_OPTIONS)})),
    InputFile("uv.lock", "toml", Table({"package": Array(Table({"name": STR}))}), "run `uv lock`"),
    InputFile(
        ".pre-commit-config.yaml",
        "yaml",
        PRE_COMMIT,
        "see the file's layout: https://pre-commit.com/#adding-pre-commit-plugins-to-your-project",
    ),
    *(InputFile(name, "yaml", _READTHEDOCS, _READTHEDOCS_HINT) for name in _READTHEDOCS_NAMES),
    *(InputFile(name, "yaml", _DEPENDABOT, _DEPENDABOT_HINT) for name in _DEPENDABOT_NAMES),
    InputFile("setup.cfg", "ini"),
    InputFile("noxfile.py", "python"),
)
_WORKFLOW = Table({"jobs": Table(each=Table({"steps": Array(ANY_TABLE)}))})
_WORKFLOW_HINT = (
    "see the workflow syntax: "
    "https://docs.github.com/actions/reference/workflow-syntax-for-github-actions"
)


def present(root: Path) -> Iterator[InputFile]:
    """The files under *root* that a plugin reads, in the order they are checked."""
    yield from (file for file in _FILES if (root / file.name).is_file())
    workflows = root / ".github" / "workflows"
    if workflows.is_dir():
        for path in sorted(workflows.iterdir()):
            if path.name.endswith((".yml", ".yaml")) and path.is_file():
                yield InputFile(f".github/workflows/{path.name}", "yaml", _WORKFLOW, _WORKFLOW_HINT)
