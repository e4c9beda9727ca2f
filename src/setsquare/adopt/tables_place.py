"""Where adopt adds its tool tables, and what the user must do where it cannot.

adopt adds Ruff's explicit `select`, `[tool.mypy]` and `[tool.pytest.ini_options]` to
an existing `pyproject.toml` only, and never creates one: pip builds a project that has
a `pyproject.toml` (even one holding only tool tables) through the `pyproject.toml`
interface, in an isolated environment, and one without it through `setup.py` in the
user's own environment (pip's "Build System Interface"; the Python Packaging User
Guide's "How to modernize a setup.py based project?"). A file of tool tables would
change how the project builds. `setsquare adopt` and SQ310 both read the rule here, so
a check never promises what adopt does not do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from setsquare import legacy_sources
from setsquare._toml import tomllib
from setsquare.adopt.ruff_config import PYPROJECT, extend_words, extended, located, ruff_file

if TYPE_CHECKING:
    from importlib.abc import Traversable

#: The table adopt would add for each tool a standalone legacy file configures.
_TABLE_OF_TOOL = {"flake8": "ruff", "pytest": "pytest", "mypy": "mypy"}
#: Standalone files that configure a tool adopt would otherwise add a table for: the tool
#: reads its own file before pyproject.toml, so adopt leaves that tool to migrate.
LEGACY_TOOL_FILES = {
    source.path: _TABLE_OF_TOOL[source.tools[0]]
    for source in legacy_sources.SOURCES
    if source.standalone and source.tools[0] in _TABLE_OF_TOOL
}

TABLES = "the Ruff, mypy and pytest tables"
#: The same, where Ruff reads a ruff.toml, which gets Ruff's `select` without a pyproject.toml.
TABLES_BESIDE_RUFF_TOML = "the mypy and pytest tables"


def legacy_tools(root: Traversable) -> frozenset[str]:
    """The tables adopt leaves to `setsquare migrate` in the project at *root*."""
    return frozenset(
        tool for name, tool in LEGACY_TOOL_FILES.items() if root.joinpath(name).is_file()
    )


class Step(NamedTuple):
    """Why adopt did not add a table, and the user's next step (a `hint:`)."""

    why: str
    hint: str


def without_pyproject(*, migrate_moves: bool) -> Step:
    """Why adopt adds no tables without a pyproject.toml, and what the user must do:
    *migrate_moves* says whether `setsquare migrate` would create one."""
    if migrate_moves:
        return Step(
            "`setsquare migrate` creates it from the legacy files",
            "run `setsquare migrate`, then `setsquare adopt` again",
        )
    return Step(
        "`setsquare migrate` has nothing to move into one, and adopt does not create one: "
        "its presence changes how pip builds the project",
        'create it with a `[build-system]` table (`requires = ["setuptools"]` and '
        '`build-backend = "setuptools.build_meta"` for a setup.py project), check that the '
        "project still builds, then run `setsquare adopt` again",
    )


def ruff_select_step(root: Traversable, *, migrate_moves: bool) -> Step | None:
    """Why `setsquare adopt` does not set an explicit Ruff `select`, and what the user must
    do; None where adopt sets it: in the file Ruff reads (a ruff.toml or .ruff.toml, even
    without a pyproject.toml, else pyproject.toml: from `.flake8` when there is one, as
    migrate maps it, or the template's rules), unless that file `extend`s another."""
    name = ruff_file(root)
    config = located(name or PYPROJECT.path)
    if name is not None or root.joinpath(PYPROJECT.path).is_file():
        try:
            data = tomllib.loads(root.joinpath(config.path).read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None  # the check that reads the file names it
        parent = extended(data, config)
        return None if parent is None else Step(*extend_words(config, parent))
    step = without_pyproject(migrate_moves=migrate_moves)
    return Step(f"there is no pyproject.toml to set it in; {step.why}", step.hint)
