"""Tool pins: the project's Ruff and mypy versions against the ones the bundle runs.

A hook running one Ruff while the editor and CI run another gives two verdicts on the
same code; Ruff's default rule set moved in 0.16 and again in 0.17, so a project
without an explicit `lint.select` changes what it checks whenever Ruff moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import requires
from typing import TYPE_CHECKING, Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from setsquare.errors import InputError
from setsquare.ruff_files import ruff_select

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from importlib.abc import Traversable

PINNED_TOOLS = ("ruff", "mypy")
FIX_HINT = "run `setsquare adopt` to align the pins and the Ruff rule selection"


@dataclass(frozen=True)
class PinProblem:
    source: str
    message: str

    def render(self) -> str:
        return f"{self.source}: {self.message}"


def bundle_pins() -> dict[str, Version]:
    """The exact Ruff and mypy versions setsquare (and so its bundle) depends on."""
    pins = {}
    for line in requires("setsquare") or []:
        req = Requirement(line)
        if req.name in PINNED_TOOLS and req.marker is None:
            (spec,) = req.specifier
            pins[req.name] = Version(spec.version)
    return pins


def _declared(pyproject: Mapping[str, Any]) -> Iterator[tuple[str, Requirement]]:
    """Every requirement the project declares, with where it is declared."""
    project = pyproject.get("project", {})
    places: list[tuple[str, Any]] = [("[project].dependencies", project.get("dependencies"))]
    for extra, reqs in (project.get("optional-dependencies") or {}).items():
        places.append((f"[project.optional-dependencies].{extra}", reqs))
    for group, reqs in (pyproject.get("dependency-groups") or {}).items():
        places.append((f"[dependency-groups].{group}", reqs))
    uv = pyproject.get("tool", {}).get("uv", {})
    places.append(("[tool.uv].dev-dependencies", uv.get("dev-dependencies")))
    for where, reqs in places:
        for item in reqs or []:
            if not isinstance(item, str):
                continue  # {include-group = ...}
            try:
                yield where, Requirement(item)
            except InvalidRequirement:
                continue


def locked_versions(lock: Mapping[str, Any]) -> dict[str, Version]:
    """The Ruff and mypy versions a parsed uv.lock locks."""
    versions: dict[str, Version] = {}
    for package in lock.get("package", []):
        name = canonicalize_name(str(package.get("name", "")))
        if name in PINNED_TOOLS and "version" in package:
            try:
                versions[name] = Version(str(package["version"]))
            except InvalidVersion:
                continue
    return versions


def pin_problems(
    pyproject: Mapping[str, Any],
    uv_lock: Mapping[str, Any] | None,
    bundle: Mapping[str, Version],
) -> list[PinProblem]:
    """Declared or locked Ruff/mypy versions that are not the bundle's."""
    problems = []
    for where, req in _declared(pyproject):
        name: str = canonicalize_name(req.name)
        if name in bundle and not req.specifier.contains(bundle[name], prereleases=True):
            problems.append(
                PinProblem(
                    f"pyproject.toml {where}",
                    f"`{req}` excludes {name} {bundle[name]}, the version the setsquare "
                    "bundle runs",
                )
            )
    for name, version in locked_versions(uv_lock or {}).items():
        if version != bundle.get(name, version):
            problems.append(
                PinProblem(
                    "uv.lock",
                    f"locks {name} {version}, but the setsquare bundle runs {name} {bundle[name]}",
                )
            )
    return problems


def explicit_ruff_select(root: Traversable) -> bool:
    """Whether Ruff's rule set is spelled out rather than left to Ruff's moving default, in
    the file Ruff reads at *root* (or one it extends within the project); a file that does
    not parse selects nothing (the check that reads it names it)."""
    try:
        return ruff_select(root).explicit
    except InputError:
        return False
