"""Legacy tool configuration -> ``pyproject.toml`` ``[tool.*]`` tables (pure, no disk I/O).

The registry: `TOOLS` lists the tool modules, each with a ``NAME`` and a pure
``migrate(ctx: ToolContext) -> ToolPlan`` (`context`); Ruff's mapper takes in flake8,
isort and black. Each tool's config is read from the one file that tool itself would
read (flake8, isort, pytest, mypy and coverage each have their own discovery order); the
others are reported as dead config. Tables the user already has are never written into:
equal values count as migrated, different ones are conflicts, and a tool with a conflict
moves nothing at all (its legacy file would otherwise still win over half-moved tables).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from setsquare import legacy_sources
from setsquare.errors import InputError
from setsquare.migrate.ini import IniFile, parse_ini
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.tools import coverage, flake8, mypy, pytest, ruff
from setsquare.migrate.tools.context import Tool, ToolContext
from setsquare.migrate.tools.plan import Origin, tool_unit
from setsquare.migrate.writer import write

if TYPE_CHECKING:
    import tomlkit


#: the INI files this package reads, files that hold one tool's config only (removed
#: once every section in them has moved), and files their tool reads even with no
#: section in them (pytest, mypy and coverage discovery): from the one declared table
#: (any other path in `files` is only searched for plugins)
INI_FILES = legacy_sources.INI_FILES
STANDALONE = legacy_sources.STANDALONE
_SHADOW_WHEN_EMPTY = legacy_sources.READ_WHEN_EMPTY
#: TOML config files that outrank pyproject.toml; not migrated, only reported
_TOML_SHADOWS = {
    "pytest.toml": "pytest",
    ".pytest.toml": "pytest",
    ".coveragerc.toml": "coverage",
}
#: every file `migrate_tools` looks at, for the command to read and pass in `files`
#: (requirements files and .pre-commit-config.yaml are welcome too: they name plugins)
TOOL_FILES = (*INI_FILES, *_TOML_SHADOWS)
#: tools whose legacy files outrank pyproject.toml: their [tool.*] root must match exactly
_SHADOWED_ROOTS = {
    "pytest": ("tool", "pytest"),
    "mypy": ("tool", "mypy"),
    "coverage": ("tool", "coverage"),
}
_OWNED = ("black", "isort", "ruff", "mypy", "pytest", "coverage")
#: the tools, in the order their tables and ledger entries come out
TOOLS: tuple[Tool, ...] = (ruff, pytest, mypy, coverage)


def _dependency_texts(files: Mapping[str, str], pyproject: tomlkit.TOMLDocument) -> list[str]:
    """Where flake8 plugins are installed from: tox deps, requirements, extras, pre-commit.

    Comment lines are left out: a comment naming a plugin does not install it.
    """
    texts = [text for path, text in files.items() if path not in STANDALONE]
    texts.append(pyproject.as_string())
    return [
        "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("#", ";")))
        for text in texts
    ]


@dataclass(frozen=True)
class ToolsResult:
    """What `migrate_tools` did to the document, and what the caller may delete."""

    entries: list[Entry]
    #: path -> INI sections fully moved (to strip from setup.cfg / tox.ini)
    consumed: dict[str, set[str]]
    #: standalone tool files fully moved, which would otherwise shadow the new tables
    remove_files: set[str]


def _check_tables(pyproject: tomlkit.TOMLDocument) -> None:
    tool = pyproject.get("tool", {})
    bad: str | None = "tool"
    if isinstance(tool, Mapping):
        owned = (f"tool.{name}" for name in _OWNED if not isinstance(tool.get(name, {}), Mapping))
        bad = next(owned, None)
    if bad is not None:
        raise InputError(
            "pyproject.toml", f"`{bad}` is not a table", hint=f"[{bad}] must be a TOML table"
        )


def _context(
    files: Mapping[str, str],
    pyproject: tomlkit.TOMLDocument,
    requires_python: bool,
    declared_python: str | None,
) -> ToolContext:
    """What every tool reads, parsed once: an INI file parses the same for each tool."""
    inis: dict[str, IniFile] = {
        path: parse_ini(text, path) for path, text in files.items() if path in INI_FILES
    }
    # Flake8-pyproject's [tool.flake8] is one more flake8 source, read like an INI section.
    flake8_table = flake8.pyproject_ini(pyproject)
    lint_inis = inis if flake8_table is None else {**inis, flake8.PYPROJECT: flake8_table}
    texts = tuple(_dependency_texts(files, pyproject))
    if declared_python is None:
        project = pyproject.get("project", {})
        found = project.get("requires-python") if isinstance(project, Mapping) else None
        declared_python = str(found) if isinstance(found, str) else None
    return ToolContext(inis, lint_inis, pyproject, files, texts, requires_python, declared_python)


def migrate_tools(
    files: Mapping[str, str],
    pyproject: tomlkit.TOMLDocument,
    *,
    requires_python: bool = False,
    declared_python: str | None = None,
) -> ToolsResult:
    """Move the tool config in *files* (path -> text) into *pyproject*, in place.

    *requires_python*: the packaging half writes ``[project] requires-python`` in the
    same run (Ruff then takes its target version from there); *declared_python* is
    its value (by default, pyproject.toml's own), for the tools old Pythons limit.

    Raises `setsquare.errors.InputError` (naming file and line) on malformed input,
    before *pyproject* is touched.
    """
    _check_tables(pyproject)
    ctx = _context(files, pyproject, requires_python, declared_python)
    inis = ctx.inis
    # Everything is planned before anything is written: bad input leaves *pyproject* alone.
    plans = [(tool.NAME, tool.migrate(ctx)) for tool in TOOLS]
    entries: list[Entry] = []
    moved: set[Origin] = set()
    for name, plan in plans:
        verdict = write(pyproject, tool_unit(name, plan, _SHADOWED_ROOTS.get(name)))
        entries.extend(verdict.entries)
        if verdict.writes:
            moved |= plan.origins
    if (flake8.PYPROJECT, flake8.TABLE) in moved:
        flake8.remove_table(pyproject)
    consumed: dict[str, set[str]] = {}
    for path, section in sorted(moved):
        if path in inis:
            consumed.setdefault(path, set()).add(section)
    remove_files = {
        path
        for path in STANDALONE & consumed.keys()
        if {section.name for section in inis[path].sections} <= consumed[path]
    }
    for path in sorted(_TOML_SHADOWS.keys() & files.keys()):
        reason = (
            f"{_TOML_SHADOWS[path]} reads it before pyproject.toml; move its tables under"
            f" [tool.{_TOML_SHADOWS[path]}] by hand"
        )
        entries.append(Entry(Location(path), Action.KEPT, "", reason))
    for path in sorted(_SHADOW_WHEN_EMPTY & inis.keys()):
        if not inis[path].sections:
            remove_files.add(path)
            reason = "holds no settings, yet its tool would still read it instead of pyproject.toml"
            entries.append(Entry(Location(path), Action.DROPPED, "", reason))
    return ToolsResult(entries, consumed, remove_files)
