"""Tools that cannot read a setting once it is in pyproject.toml: on an old Python, or when old.

- coverage reads pyproject.toml on Python 3.10 and older only with its ``toml`` extra
  installed (tomli; ``coverage/tomlconfig.py``: a ``[tool.coverage.*]`` table without
  a TOML library stops it with "Can't read 'pyproject.toml' without TOML support.
  Install with [toml] extra"), and before 5.0 not at all. A project whose declared
  requires-python admits such a Python gets a ledger note and a hint, unless it
  already declares ``coverage[toml]``, or installs coverage only through a pytest-cov
  that may be 2.12 or later (which requires ``coverage[toml]>=5.2.1``); a bare
  ``coverage`` anywhere (tox's ``[testenv:report] deps = coverage``) still gets it.
  The extra is not written into the migrated requirements: they are copied
  verbatim, a pinned set may not resolve with one more package, and the
  requirements file that stays would disagree with its group.
- pytest before 6.0 never reads ``[tool.pytest.ini_options]``. A project that pins or
  caps pytest below 6 anywhere migrate reads runs that pytest somewhere, so its
  pytest settings stay where every pytest it declares reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from setsquare.migrate.python_floor import admitted_below
from setsquare.migrate.tools.pytest.native import declared

if TYPE_CHECKING:
    from collections.abc import Iterator

    from setsquare.migrate.ledger import Location
    from setsquare.migrate.tools.context import ToolContext

#: the first Python with tomllib in its standard library
_TOMLLIB = (3, 11)
#: the first pytest that reads [tool.pytest.ini_options]
PYTEST_TOML = Version("6.0")
#: the first pytest-cov that requires coverage[toml] (not merely coverage)
_PYTEST_COV_TOML = Version("2.12")


def _requirements(ctx: ToolContext, name: str) -> Iterator[tuple[str, Requirement]]:
    """(file, requirement) of each declaration of *name* in what migrate reads."""
    for path, text in declared(ctx.files, ctx.inis, ctx.pyproject):
        try:
            requirement = Requirement(text.strip())
        except InvalidRequirement:
            continue
        if canonicalize_name(requirement.name) == name:
            yield path, requirement


def old_pythons(requires_python: str | None) -> str | None:
    """The Pythons before 3.11 that *requires-python* admits (``3.7 to 3.10``), or None.

    None too when nothing is declared: migrate makes no claim about such a project.
    """
    if requires_python is None:
        return None
    names = admitted_below(requires_python, _TOMLLIB)
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"


def coverage_note(ctx: ToolContext, where: Location) -> tuple[str, str] | None:
    """(reason, hint) when moved coverage settings are unreadable on a declared Python."""
    pythons = old_pythons(ctx.declared_python)
    if pythons is None:
        return None
    coverage = [requirement for _, requirement in _requirements(ctx, "coverage")]
    if any("toml" in requirement.extras for requirement in coverage):
        return None
    cov = [r for _, r in _requirements(ctx, "pytest-cov") if not _caps_below(r, _PYTEST_COV_TOML)]
    if cov and not coverage:
        return None  # coverage comes only through a pytest-cov that requires coverage[toml]
    reason = (
        f"requires-python {ctx.declared_python!r} admits Python {pythons}, where coverage "
        "reads pyproject.toml only with its toml extra: without it, coverage stops with "
        "\"Can't read 'pyproject.toml' without TOML support\""
    )
    hint = (
        "require coverage[toml]>=5.0 wherever the tests install coverage (requirements "
        f"files, tox.ini deps, the test group), or keep {where.path} until those Pythons go"
    )
    return reason, hint


def _caps_below(requirement: Requirement, version: Version) -> bool:
    """Whether *requirement* admits no release from *version* on (``<6``, ``==5.4``, ``~=5.0``)."""
    for spec in requirement.specifier:
        text = spec.version.removesuffix(".*")
        try:
            bound = Version(text)
        except InvalidVersion:
            continue
        operator = spec.operator
        if (
            (operator == "<" and bound <= version)
            or (operator in ("<=", "==", "===") and bound < version)
            or (operator == "~=" and bound.release[0] < version.release[0])
        ):
            return True
    return False


def old_pytests(ctx: ToolContext) -> list[str]:
    """``file: requirement`` of each pytest the project pins or caps below 6."""
    found = (
        f"{path}: {requirement}"
        for path, requirement in _requirements(ctx, "pytest")
        if _caps_below(requirement, PYTEST_TOML)
    )
    return list(dict.fromkeys(found))


__all__ = ["PYTEST_TOML", "coverage_note", "old_pytests", "old_pythons"]
