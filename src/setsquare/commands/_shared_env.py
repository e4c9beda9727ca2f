"""When the builds ``--verify`` runs may share one isolated environment, and when not.

The project as it is and as migrated usually need the same build environment; then
one environment, made and filled once, serves both builds. Sharing must not let one
build see anything a fresh environment of its own would not hold, so:

- the ``[build-system].requires`` of the migrated project must resolve to what the
  shared environment holds (`shareable`), else it gets an environment of its own;
- a requirement a backend asks for later (``get_requires_for_build_*``) is only taken
  from the shared environment when it is already met there (`met`), which is what
  installing it would leave anyway; otherwise that build moves to an environment of
  its own, made from its ``[build-system].requires`` plus the new requirement, and the
  shared one stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


def _applicable(
    requirements: Iterable[str], environment: Mapping[str, str] | None
) -> dict[tuple[str, frozenset[str]], Requirement] | None:
    """The requirements whose markers hold, by name and extras (None: one is unusual)."""
    found: dict[tuple[str, frozenset[str]], Requirement] = {}
    for text in requirements:
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            return None
        if requirement.marker is not None and not requirement.marker.evaluate(
            {**(environment or {}), "extra": ""}
        ):
            continue
        key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
        if requirement.url or key in found:
            return None
        found[key] = requirement
    return found


def _newest_wins(requirement: Requirement) -> bool:
    """Whether a resolver picks the newest release for *requirement*: lower bounds only."""
    return all(
        spec.operator in {">=", ">"} and not Version(spec.version).is_prerelease
        for spec in requirement.specifier
    )


def shareable(
    first: Iterable[str],
    second: Iterable[str],
    installed: Mapping[str, str],
    environment: Mapping[str, str] | None = None,
) -> bool:
    """Whether the environment made for *first* is the one a fresh *second* would make.

    The migration typically raises a lower bound (``setuptools>=46.4`` becomes
    ``setuptools>=77``) or adds a bound to a bare name. With the same packages and
    extras on both sides and nothing but lower bounds, a resolver installs the newest
    release of each for either list; so when what *installed* holds (canonical names
    to versions) also meets *second*'s bounds, a fresh environment for *second*
    would hold exactly that. Upper bounds, pins, exclusions, pre-releases, URLs, a
    package on one side only: not shared.
    """
    ours, theirs = _applicable(first, environment), _applicable(second, environment)
    if ours is None or theirs is None or ours.keys() != theirs.keys():
        return False
    for key, requirement in theirs.items():
        version = installed.get(key[0])
        if not (_newest_wins(requirement) and _newest_wins(ours[key])) or version is None:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


def met(
    requirements: Iterable[str],
    installed: Mapping[str, str],
    environment: Mapping[str, str] | None = None,
) -> bool:
    """Whether installing *requirements* would change nothing where *installed* is there.

    *installed* maps canonical names to versions; markers are evaluated for this
    interpreter (the build environment's base), *environment*'s values over it. A
    requirement with extras, a URL or one that does not parse counts as unmet: only a
    full installation is sure to give what it asks.
    """
    for text in requirements:
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            return False
        if requirement.marker is not None and not requirement.marker.evaluate(
            {**(environment or {}), "extra": ""}
        ):
            continue
        if requirement.extras or requirement.url:
            return False
        version = installed.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            return False
    return True
