"""Whether re-pinning a tool to the bundle's version would leave a set that cannot install.

A set that pins everything (`mypy==0.910` beside `mypy-extensions==0.4.3`, as pip-compile
writes it) cannot take the bundle's mypy alone: mypy 2.4.1 requires mypy_extensions>=1.0.0,
so the re-pinned set has no solution and `uv lock`, `uv sync` and `pip install` fail. The
bundle's tool is the one installed beside setsquare (setsquare pins it exactly), so its own
requirements are read from the installed metadata: no resolver, no network.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, requires, version
from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import InvalidVersion, Version

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


@functools.cache
def _needs(name: str, wanted: Version) -> tuple[Requirement, ...]:
    """What the installed *name* requires here (no extras), when it is version *wanted*."""
    try:
        if Version(version(name)) != wanted:
            return ()  # not the bundle's: its requirements say nothing about the bundle's
        lines = requires(name) or []
    except (PackageNotFoundError, InvalidVersion):
        return ()
    needs = []
    for line in lines:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            needs.append(req)
    return tuple(needs)


def _exact(item: str) -> tuple[NormalizedName, Version] | None:
    """(name, version) of a requirement pinned to one version (``x==1.0``)."""
    try:
        req = Requirement(item)
        (spec,) = req.specifier
    except (InvalidRequirement, ValueError):
        return None
    if spec.operator not in ("==", "===") or "*" in spec.version:
        return None
    try:
        return canonicalize_name(req.name), Version(spec.version)
    except InvalidVersion:
        return None


def clash(name: str, others: Iterable[str], bundle: Mapping[str, Version]) -> str | None:
    """Why *name* (a tool of the *bundle*) cannot be re-pinned among *others* (the other
    requirements of its group or file): the first exact pin the bundle's version of the
    tool excludes, said as `mypy-extensions==0.4.3` (mypy 2.4.1 requires
    mypy_extensions>=1.0.0); None when the re-pinned set can still install."""
    wanted = bundle[name]
    needs = {canonicalize_name(req.name): req for req in _needs(name, wanted)}
    for item in others:
        pinned = _exact(item)
        if pinned is None or pinned[0] not in needs:
            continue
        need = needs[pinned[0]]
        if not need.specifier.contains(pinned[1], prereleases=True):
            return f"`{item.strip()}` ({name} {wanted} requires {need.name}{need.specifier})"
    return None
