"""What to type-check when the mypy config names nothing: the project's own packages.

`src/` when the project keeps its code there; otherwise the top-level packages (folders
with an `__init__.py`) and top-level modules. Tests, the build script and pytest's and
nox's files are left out, as `setsquare adopt` leaves them out of the `files` it writes:
their imports (pytest, setuptools, nox) are often not in the project's environment.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

SUFFIXES = (".py", ".pyi")
NOT_PROJECT_PACKAGES = frozenset({"tests", "test"})
NOT_PROJECT_MODULES = frozenset({"setup", "conftest", "noxfile"})


def holds_python(folder: Path) -> bool:
    """Whether *folder*, at any depth, holds a Python module or stub."""
    # os.walk does not follow links to folders, so a link loop cannot hang the hook.
    return any(name.endswith(SUFFIXES) for _, _, names in os.walk(folder) for name in names)


def _excluded(name: str, patterns: Sequence[str]) -> bool:
    # mypy matches `exclude` against the relative path, with a trailing / for folders.
    for pattern in patterns:
        try:
            if re.search(pattern, name):
                return True
        except re.error:
            continue  # mypy itself reports the broken pattern
    return False


def _is_package(entry: Path, exclude: Sequence[str]) -> bool:
    return (
        entry.name.isidentifier()
        and entry.name not in NOT_PROJECT_PACKAGES
        and any((entry / f"__init__{suffix}").is_file() for suffix in SUFFIXES)
        and not _excluded(f"{entry.name}/", exclude)
    )


def _is_module(entry: Path, exclude: Sequence[str]) -> bool:
    return (
        entry.suffix in SUFFIXES
        and entry.stem.isidentifier()
        and entry.stem not in NOT_PROJECT_MODULES
        and entry.is_file()
        and not _excluded(entry.name, exclude)
    )


def project_targets(root: Path, exclude: Sequence[str] = ()) -> list[str]:
    """Paths, relative to *root*, of the project's own code; empty when there is none."""
    src = root / "src"
    if src.is_dir() and holds_python(src) and not _excluded("src/", exclude):
        return ["src"]
    packages: list[str] = []
    modules: dict[str, str] = {}
    for entry in sorted(root.iterdir()):
        if entry.is_dir():
            if _is_package(entry, exclude):
                packages.append(entry.name)
        # Given both, mypy reads the stub; passing both is "Duplicate module named".
        elif _is_module(entry, exclude) and (entry.suffix == ".pyi" or entry.stem not in modules):
            modules[entry.stem] = entry.name
    # A package shadows a module of the same name, as it does for `import`.
    return [*packages, *(path for stem, path in sorted(modules.items()) if stem not in packages)]
