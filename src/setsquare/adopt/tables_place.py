"""Where adopt adds its tool tables, and what the user must do where it cannot.

adopt adds Ruff's explicit `select`, `[tool.mypy]` and `[tool.pytest.ini_options]` to
an existing `pyproject.toml` only, and never creates one: pip before 25.3 (what many
distributions and CI images still ship) builds a project that has a `pyproject.toml`
(even one holding only tool tables) through the `pyproject.toml` interface, in an
isolated environment, and one without it through `setup.py` in the user's own
environment (pip's "Build System Interface"; the Python Packaging User Guide's "How to
modernize a setup.py based project?"). pip 25.3 and later, uv and build use the
interface for every project, but for those older pips a file of tool tables would
change how the project builds. `setsquare adopt` and SQ310 both read the rule here, so
a check never promises what adopt does not do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from setsquare import legacy_sources
from setsquare._text import decode
from setsquare.adopt.ruff_config import PYPROJECT, extend_words, located, ruff_file
from setsquare.errors import InputError
from setsquare.migrate.ini import IniFile, parse_ini
from setsquare.ruff_files import ruff_select

if TYPE_CHECKING:
    from importlib.abc import Traversable

#: The tables adopt adds, by where `legacy_sources.TARGETS` sends a tool's settings.
_ADOPT_TABLES = {"tool.ruff": "ruff", "tool.mypy": "mypy", "tool.pytest": "pytest"}
#: The table adopt would add for each tool a legacy file configures (flake8 and isort: Ruff's).
_TABLE_OF_TOOL = {
    tool: _ADOPT_TABLES[target]
    for tool, target in legacy_sources.TARGETS.items()
    if target in _ADOPT_TABLES
}

#: Ruff reads no legacy file, so none shadows its select: only a `.flake8`, which adopt's
#: superseded-hook step maps into Ruff's select itself (as migrate does), keeps adopt's
#: template select out. A `[flake8]` in setup.cfg or tox.ini does not: with it out, a
#: replaced isort hook would leave Ruff selecting no `I` (nothing sorting imports).
_RUFF_SELECT_FROM = ".flake8"

TABLES = "the Ruff, mypy and pytest tables"
#: The same, where Ruff reads a ruff.toml, which gets Ruff's `select` without a pyproject.toml.
TABLES_BESIDE_RUFF_TOML = "the mypy and pytest tables"


def legacy_tools(root: Traversable) -> dict[str, str]:
    """The tables adopt leaves to `setsquare migrate` in the project at *root*, each with
    the first legacy file (and section) that configures its tool.

    mypy and pytest read pyproject.toml as soon as it holds their table, before setup.cfg
    (and pytest before tox.ini): a table added there would silently switch off the
    project's own settings, and migrate would then drop them as never read. Which
    sections count is `legacy_sources.SECTIONS`.
    """
    found: dict[str, str] = {}
    inis: dict[str, IniFile | None] = {}
    for row in legacy_sources.SECTIONS:
        table = _TABLE_OF_TOOL.get(row.tool)
        if table is None or table in found or not root.joinpath(row.path).is_file():
            continue
        if table == "ruff" and row.path != _RUFF_SELECT_FROM:
            continue
        if row.path in legacy_sources.READ_WHEN_EMPTY:
            found[table] = row.path
            continue
        if row.path not in inis:
            inis[row.path] = _parsed(root, row.path)
        ini = inis[row.path]
        if ini is None:  # unreadable: the tools may still read it, so adopt stays out
            found[table] = row.path
            continue
        names = [s.name for s in ini.sections if row.holds(s.name)]
        # A shared file counts only with the tool's own section in it: mypy skips a
        # setup.cfg without [mypy], [mypy-pkg.*] sections and all.
        if row.names and not any(name in row.names for name in names):
            continue
        if names:
            found[table] = f"{row.path} [{names[0]}]"
    return found


def _parsed(root: Traversable, path: str) -> IniFile | None:
    """*path* as migrate reads it; None when migrate refuses it (its ledger says why)."""
    try:
        return parse_ini(decode(path, root.joinpath(path).read_bytes()), path)
    except InputError:
        return None


def left_to_migrate(path: str, table: str, where: str) -> str:
    """adopt's one line for the *table* ("ruff", "mypy" or "pytest") of *path* it did not
    add because *where* (a legacy file and section) configures that tool."""
    if table == "ruff":  # Ruff reads no legacy file: the clash is with migrate's mapping
        why = (
            f"Ruff's select not added: `setsquare migrate` maps {where} to Ruff's rules, "
            "which a select set now would clash with"
        )
    else:
        why = (
            f"{table}'s table not added: {table} would read it, not {where}, which "
            "`setsquare migrate` would then drop as never read"
        )
    return f"{path}: {why}; hint: run `setsquare migrate`, then `setsquare adopt` again"


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
        "its presence changes how pip before 25.3 builds the project",
        'create it with a `[build-system]` table (`requires = ["setuptools"]` and '
        '`build-backend = "setuptools.build_meta"` for a setup.py project), check that the '
        "project still builds, then run `setsquare adopt` again",
    )


def ruff_select_step(root: Traversable, *, migrate_moves: bool) -> Step | None:
    """Why `setsquare adopt` does not set an explicit Ruff `select`, and what the user must
    do; None where adopt sets it: in the file Ruff reads (a ruff.toml or .ruff.toml, even
    without a pyproject.toml, else pyproject.toml: from `.flake8` when there is one, as
    migrate maps it, or the template's rules), unless that file `extend`s another."""
    if ruff_file(root) is not None or root.joinpath(PYPROJECT.path).is_file():
        try:
            found = ruff_select(root)
        except InputError:
            return None  # the check that reads the file names it
        if found.explicit or found.extends is None:
            return None
        return Step(*extend_words(located(found.path), found.extends))
    step = without_pyproject(migrate_moves=migrate_moves)
    return Step(f"there is no pyproject.toml to set it in; {step.why}", step.hint)
