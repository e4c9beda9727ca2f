"""The ledger names the declared Pythons a migrated sdist no longer builds on."""

from __future__ import annotations

import pytest

from setsquare.migrate.model import Table
from setsquare.migrate.python_floor import stranded_pythons
from setsquare.migrate.setup_cfg import Packaging


def _packaging(requires_python: str | None, floor: int) -> Packaging:
    project = Table(("project",))
    project.add("name", "demo")
    if requires_python is not None:
        project.add("requires-python", requires_python)
    return Packaging(tables=[project], entries=[], setuptools_floor=floor)


#: requires-python, setuptools floor -> the Pythons the note names (None: no note)
CASES = [
    (None, 61, None),  # no claim made
    (">=3.7", 61, None),
    (">=3.9", 77, None),
    (">=3.6", 61, "3.6"),
    (">=3.8", 77, "3.8"),
    (">=3.5", 77, "3.5, 3.6, 3.7 and 3.8"),
    (">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*", 61, "2.7, 3.4, 3.5 and 3.6"),
    ("~=3.6", 61, "3.6"),
    ("<4", 61, "2.7, 3.0, 3.1, 3.2, 3.3, 3.4, 3.5 and 3.6"),
    ("not a specifier", 61, None),  # validate-pyproject reports it where it is written
]


@pytest.mark.parametrize(("requires_python", "floor", "pythons"), CASES)
def test_stranded_pythons(requires_python: str | None, floor: int, pythons: str | None) -> None:
    note = stranded_pythons(_packaging(requires_python, floor))
    if pythons is None:
        assert note is None
    else:
        assert note == (
            f"requires-python {requires_python!r} admits Python {pythons}, where "
            f"setuptools>={floor} does not install: the wheel is the same, but the sdist no "
            "longer builds there; drop those Pythons from requires-python, or keep the legacy "
            "files"
        )


def test_no_packaging_no_note() -> None:
    assert stranded_pythons(Packaging(tables=[], entries=[], setuptools_floor=77)) is None
