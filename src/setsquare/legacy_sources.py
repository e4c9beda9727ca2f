"""The one declared table of legacy configuration sources.

`setsquare migrate` reads these files, the check-legacy-config hook and `check`'s
SQ300 flag them, and `adopt` names the tools they configure: all four read this
table, so they cannot disagree about which files count. Requirements files are found
by name (``requirements*.txt``, ``*-requirements.in``, ``requirements/*.txt``...),
see `is_requirements_file`.

Pure data and string functions only: imported by hooks and commands on their fast path.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ToolSections:
    """The sections of one legacy file that hold one tool's settings."""

    tool: str
    #: Repo-relative path: only the project root's copy counts (a setup.py under
    #: docs/examples/ or a pytest.ini among test fixtures is data, not configuration).
    path: str
    #: Section names, and name prefixes, that are the tool's (none: the file is Python).
    names: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()

    def holds(self, section: str) -> bool:
        """Whether the section named *section* holds this tool's settings."""
        return section in self.names or section.startswith(self.prefixes)


_PYTEST = ("pytest",)
_MYPY = {"names": ("mypy",), "prefixes": ("mypy-",)}
_ISORT = ("isort", "tool:isort")
_FLAKE8 = ("flake8", "flake8:local-plugins")
_COVERAGE = ("coverage:",)
#: Each tool's files in the order the tool itself looks for them: the first one with a
#: section of the tool's is the one it reads, and the others are shadowed.
SECTIONS: tuple[ToolSections, ...] = (
    ToolSections(
        "packaging",
        "setup.cfg",
        names=(
            "metadata",
            "options",
            "options.packages.find",
            "options.package_data",
            "options.exclude_package_data",
            "options.data_files",
            "options.entry_points",
            "options.extras_require",
        ),
    ),
    ToolSections("packaging", "setup.py"),
    ToolSections("flake8", "setup.cfg", names=_FLAKE8),
    ToolSections("flake8", "tox.ini", names=_FLAKE8),
    ToolSections("flake8", ".flake8", names=_FLAKE8),
    ToolSections("isort", ".isort.cfg", names=("settings", "isort")),
    ToolSections("isort", "setup.cfg", names=_ISORT),
    ToolSections("isort", "tox.ini", names=_ISORT),
    ToolSections("pytest", "pytest.ini", names=_PYTEST),
    ToolSections("pytest", ".pytest.ini", names=_PYTEST),
    ToolSections("pytest", "tox.ini", names=_PYTEST),
    ToolSections("pytest", "setup.cfg", names=("tool:pytest",)),
    ToolSections("mypy", "mypy.ini", **_MYPY),
    ToolSections("mypy", ".mypy.ini", **_MYPY),
    ToolSections("mypy", "setup.cfg", **_MYPY),
    ToolSections(
        "coverage",
        ".coveragerc",
        names=("run", "report", "html", "xml", "json", "lcov", "paths"),
        prefixes=_COVERAGE,
    ),
    ToolSections("coverage", "setup.cfg", prefixes=_COVERAGE),
    ToolSections("coverage", "tox.ini", prefixes=_COVERAGE),
)

#: Where each tool's settings go in pyproject.toml (flake8's and isort's: to Ruff).
TARGETS = {
    "packaging": "project",
    "flake8": "tool.ruff",
    "isort": "tool.ruff",
    "pytest": "tool.pytest",
    "mypy": "tool.mypy",
    "coverage": "tool.coverage",
}


def sections_of(tool: str) -> tuple[ToolSections, ...]:
    """*tool*'s rows of `SECTIONS`, in the order the tool looks."""
    return tuple(row for row in SECTIONS if row.tool == tool)


@dataclass(frozen=True)
class LegacySource:
    path: str
    #: The tools (or "packaging") whose configuration the file holds.
    tools: tuple[str, ...]
    #: The whole file is one tool's configuration: removed once all of it has moved.
    standalone: bool = False
    #: The tool reads the file even with no section in it, so it outranks pyproject.toml.
    read_when_empty: bool = False


def _source(path: str, *, standalone: bool = False, read_when_empty: bool = False) -> LegacySource:
    tools = tuple(dict.fromkeys(row.tool for row in SECTIONS if row.path == path))
    return LegacySource(path, tools, standalone, read_when_empty)


#: Every legacy file, in the order the check-legacy-config hook's ``files:`` lists them.
SOURCES: tuple[LegacySource, ...] = (
    _source("setup.cfg"),
    _source("setup.py"),
    _source("tox.ini"),
    _source(".flake8", standalone=True),
    _source(".isort.cfg", standalone=True),
    _source("pytest.ini", standalone=True, read_when_empty=True),
    _source(".pytest.ini", standalone=True, read_when_empty=True),
    _source("mypy.ini", standalone=True, read_when_empty=True),
    _source(".mypy.ini", standalone=True, read_when_empty=True),
    _source(".coveragerc", standalone=True, read_when_empty=True),
)

BY_PATH = {source.path: source for source in SOURCES}
#: Files that hold one tool's configuration only.
STANDALONE = frozenset(source.path for source in SOURCES if source.standalone)
#: Files their tool reads even when empty (pytest, mypy and coverage discovery).
READ_WHEN_EMPTY = frozenset(source.path for source in SOURCES if source.read_when_empty)
#: The INI files among them (setup.py is Python).
INI_FILES = tuple(source.path for source in SOURCES if source.path != "setup.py")

#: The folder whose ``*.txt``/``*.in`` files are all requirements files.
REQUIREMENTS_FOLDER = "requirements"


def is_requirements_file(path: str) -> bool:
    """requirements.txt, requirements-dev.in, dev-requirements.txt, requirements/*.txt."""
    name = posixpath.basename(path)
    parent = posixpath.dirname(path)
    stem, ext = posixpath.splitext(name)
    if ext not in (".txt", ".in"):
        return False
    if parent == REQUIREMENTS_FOLDER:
        return True
    if parent:
        return False
    stem = stem.lower()
    return (
        stem == "requirements"
        or stem.startswith(("requirements-", "requirements_"))
        or stem.endswith(("-requirements", "_requirements"))
    )


def files_pattern() -> str:
    """A regex (pre-commit's ``files:``) matching every legacy source, as pre-commit passes
    paths: repo-relative with ``/``. The hook manifest carries it verbatim (a test checks).
    """
    names = "|".join(re.escape(source.path) for source in SOURCES)
    requirements = (
        r"(?i:requirements([-_][^/]*)?)\.(txt|in)"
        r"|[^/]*(?i:[-_]requirements)\.(txt|in)"
        rf"|{REQUIREMENTS_FOLDER}/[^/]+\.(txt|in)"
    )
    return rf"^({names}|{requirements})$"


def is_legacy_source(path: str) -> bool:
    """Whether *path* (repo-relative, ``/``) is one of the files migrate reads."""
    return path in BY_PATH or is_requirements_file(path)
