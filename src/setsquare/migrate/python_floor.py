"""Whether the setuptools the migrated tables need installs on every Python the project declares.

`[project]` needs setuptools 61 and a licence expression setuptools 77, and those releases
install only on Python 3.7 and 3.9 or later. A project whose `python_requires` still admits
an older Python publishes an sdist that no longer builds there: the wheel is the same, so
`--verify` cannot see it, but pip on that Python stops with "requires a different Python".
The ledger says so, next to the `[build-system]` it writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from packaging.specifiers import InvalidSpecifier, SpecifierSet

if TYPE_CHECKING:
    from setsquare.migrate.setup_cfg import Packaging

#: setuptools floor -> the oldest Python that release installs on (its own Requires-Python)
SETUPTOOLS_PYTHON: dict[int, tuple[int, int]] = {61: (3, 7), 77: (3, 9)}

#: the Python releases a `python_requires` may still admit below a tool's floor
_OLD_PYTHONS = ((2, 7), *((3, minor) for minor in range(11)))


def admitted_below(requires_python: str, floor: tuple[int, int]) -> list[str]:
    """The Pythons older than *floor* that *requires_python* admits (``["3.6", "3.7"]``);
    none for a specifier that does not parse (validate-pyproject reports it where it is)."""
    try:
        specifier = SpecifierSet(requires_python)
    except InvalidSpecifier:
        return []
    return [
        ".".join(map(str, python))
        for python in _OLD_PYTHONS
        if python < floor and specifier.contains(".".join(map(str, python)), prereleases=True)
    ]


def stranded_pythons(packaging: Packaging) -> str | None:
    """A ledger note naming the declared Pythons the new sdist cannot build on, or None."""
    declared = packaging.requires_python()
    if declared is None or not packaging.tables:
        return None  # no claim made: nothing the sdist stops honouring
    floor = packaging.setuptools_floor
    oldest = max(
        (python for release, python in SETUPTOOLS_PYTHON.items() if release <= floor),
        default=None,
    )
    names = admitted_below(declared, oldest) if oldest is not None else []
    if not names:
        return None
    pythons = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return (
        f"requires-python {declared!r} admits Python {pythons}, where setuptools>={floor} "
        "does not install: the wheel is the same, but the sdist no longer builds there; "
        "drop those Pythons from requires-python, or keep the legacy files"
    )
