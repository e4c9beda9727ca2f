"""The files a migrated pyproject.toml names: readme, license files, ``file:`` sources.

setuptools quietly skips a ``file:`` it cannot find, so a legacy project can build
for years with a readme or requirements file that is long gone. The migration keeps
that behaviour (the build stays the same) but says so, rather than writing the
dangling name into a new file without a word.
"""

from __future__ import annotations

from typing import Any

_GLOB = frozenset("*?[")


def _files(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def referenced_files(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, the key naming it) for each plain file path in *data* (a parsed pyproject)."""
    project = data.get("project", {})
    found: list[tuple[str, str]] = []
    readme = project.get("readme")
    if isinstance(readme, str):
        found.append((readme, "[project] readme"))
    elif isinstance(readme, dict):
        found += [(path, "[project] readme") for path in _files(readme.get("file"))]
    license_table = project.get("license")
    if isinstance(license_table, dict):
        found += [(path, "[project] license") for path in _files(license_table.get("file"))]
    found += [
        (path, "[project] license-files")
        for path in _files(project.get("license-files"))
        if not _GLOB & set(path)
    ]
    dynamic = data.get("tool", {}).get("setuptools", {}).get("dynamic", {})
    for key, source in dynamic.items():
        if isinstance(source, dict):
            where = f"[tool.setuptools.dynamic] {key}"
            found += [(path, where) for path in _files(source.get("file"))]
    for extra, source in dynamic.get("optional-dependencies", {}).items():
        if isinstance(source, dict):
            where = f"[tool.setuptools.dynamic.optional-dependencies] {extra}"
            found += [(path, where) for path in _files(source.get("file"))]
    return found


__all__ = ["referenced_files"]
