"""The one contract between the registry and the tool mappers: what a mapper may read.

Every registered tool module has a ``NAME`` (how the ledger names the tool) and a pure
``migrate(ctx: ToolContext) -> ToolPlan``: it reads the context and returns what it
wants written, and `setsquare.migrate.tools.migrate_tools` writes the plans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile
    from setsquare.migrate.tools.plan import ToolPlan


@dataclass(frozen=True)
class ToolContext:
    """Everything a tool mapper may read, built once per run and shared by every tool."""

    #: the INI files tools read (setup.cfg, tox.ini, pytest.ini...), parsed, by path
    inis: Mapping[str, IniFile]
    #: *inis* plus Flake8-pyproject's ``[tool.flake8]``, read like one more INI file
    lint_inis: Mapping[str, IniFile]
    #: pyproject.toml as it is before the tools move (the plans are written after)
    pyproject: tomlkit.TOMLDocument
    #: every file the command read, path -> text (requirements files among them)
    files: Mapping[str, str]
    #: where flake8 plugins are installed from, comment lines left out
    dependency_texts: tuple[str, ...]
    #: the packaging half writes ``[project] requires-python`` in the same run
    requires_python: bool
    #: the requires-python the project declares (migrated or already there), if any
    declared_python: str | None = None


class Tool(Protocol):
    """A registered tool module."""

    NAME: str

    def migrate(self, ctx: ToolContext) -> ToolPlan: ...
