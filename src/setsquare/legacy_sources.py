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
class LegacySource:
    #: Repo-relative path: only the project root's copy counts (a setup.py under
    #: docs/examples/ or a pytest.ini among test fixtures is data, not configuration).
    path: str
    #: The tools (or "packaging") whose configuration the file holds.
    tools: tuple[str, ...]
    #: The whole file is one tool's configuration: removed once all of it has moved.
    standalone: bool = False
    #: The tool reads the file even with no section in it, so it outranks pyproject.toml.
    read_when_empty: bool = False


SOURCES: tuple[LegacySource, ...] = (
    LegacySource("setup.cfg", ("packaging", "flake8", "isort", "pytest", "mypy", "coverage")),
    LegacySource("setup.py", ("packaging",)),
    LegacySource("tox.ini", ("flake8", "isort", "pytest", "coverage")),
    LegacySource(".flake8", ("flake8",), standalone=True),
    LegacySource(".isort.cfg", ("isort",), standalone=True),
    LegacySource("pytest.ini", ("pytest",), standalone=True, read_when_empty=True),
    LegacySource(".pytest.ini", ("pytest",), standalone=True, read_when_empty=True),
    LegacySource("mypy.ini", ("mypy",), standalone=True, read_when_empty=True),
    LegacySource(".mypy.ini", ("mypy",), standalone=True, read_when_empty=True),
    LegacySource(".coveragerc", ("coverage",), standalone=True, read_when_empty=True),
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
