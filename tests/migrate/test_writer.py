"""Writing into an existing pyproject.toml: only owned keys change; equal values are no-ops."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.errors import InputError
from setsquare.migrate.build_system import ensure_build_system
from setsquare.migrate.ledger import Location
from setsquare.migrate.model import Field, Item, Table, items
from setsquare.migrate.policy import Unit
from setsquare.migrate.writer import write


def project(**fields: object) -> list[Table]:
    table = Table(("project",))
    for key, value in fields.items():
        table.add(key.replace("_", "-"), value, origin=Location("setup.cfg", 1))  # type: ignore[arg-type]
    return [table]


def merged(text: str, tables: list[Table]) -> str:
    doc = tomlkit.parse(text)
    write(doc, Unit("packaging", tables))
    return doc.as_string()


FIXES = [
    pytest.param(
        '[project]\nname = "a"  # the name\n',
        project(name="a", version="1"),
        '[project]\nname = "a"  # the name\nversion = "1"\n',
        id="add-key-keep-inline-comment",
    ),
    pytest.param(
        "# top\n[tool.x]\nk = 1 # odd spacing kept\n",
        project(name="a"),
        '# top\n[tool.x]\nk = 1 # odd spacing kept\n\n[project]\nname = "a"\n',
        id="new-table-appended",
    ),
    pytest.param(
        '[build-system]\nrequires = ["setuptools"]\n\n[tool.x]\nk = 1\n',
        project(name="a"),
        '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "a"\n\n[tool.x]\nk = 1\n',
        id="project-after-build-system",
    ),
    pytest.param(
        '[project]\nname = "a"\ndynamic = ["readme"]\n',
        project(dynamic=items(["version"])),
        '[project]\nname = "a"\ndynamic = ["readme", "version"]\n',
        id="dynamic-is-a-union",
    ),
    pytest.param(
        '[project]\nname = "a"\ndependencies = [\n  "x",  # why\n]\n',
        project(dependencies=[Item("x", ("other comment",))]),
        '[project]\nname = "a"\ndependencies = [\n  "x",  # why\n]\n',
        id="equal-value-untouched",
    ),
    pytest.param(
        '[tool.setuptools]\nzip-safe = false\n[project]\nname = "a"\n',
        [Table(("tool", "setuptools", "packages", "find"), [])],
        '[tool.setuptools]\nzip-safe = false\n[project]\nname = "a"\n',
        id="empty-table-noop",
    ),
    pytest.param(
        '[build-system]\nrequires = ["setuptools"]\n[tool.x]\nk = 1\n',
        project(name="a"),
        '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "a"\n\n[tool.x]\nk = 1\n',
        id="project-after-build-system-blank-line-added",
    ),
    pytest.param(
        '[project.urls]\nHome = "https://x"\n\n[project]\nname = "a"\n',
        project(name="a", version="1"),
        '[project.urls]\nHome = "https://x"\n\n[project]\nname = "a"\nversion = "1"\n',
        id="out-of-order-table",
    ),
    pytest.param(
        '[project]\nname = "a"\n\n[tool.x]\nk = 1\n\n[project.urls]\nHome = "https://x"\n',
        [
            *project(version="1"),
            Table(("tool", "y"), [Field("k", 2, origin=Location("setup.cfg", 9))]),
        ],
        (
            '[project]\nname = "a"\nversion = "1"\n\n[tool.x]\nk = 1\n\n[tool.y]\nk = 2\n\n'
            '[project.urls]\nHome = "https://x"\n'
        ),
        id="new-table-before-a-split-piece-keeps-a-blank-line",
    ),
    pytest.param(
        'project.name = "a"\n',
        project(name="a"),
        'project.name = "a"\n',
        id="dotted-key-equal",
    ),
    pytest.param(
        '[project]\nurls = {Home = "https://x"}\n',
        [Table(("project", "urls"), [Field("Home", "https://x")])],
        '[project]\nurls = {Home = "https://x"}\n',
        id="inline-table-equal-to-a-table",
    ),
]


@pytest.mark.parametrize(("text", "tables", "expected"), FIXES)
def test_write(text: str, tables: list[Table], expected: str) -> None:
    out = merged(text, tables)
    assert out == expected
    assert merged(out, tables) == out  # idempotent


def test_conflict_inside_an_out_of_order_table_is_reported() -> None:
    with pytest.raises(
        InputError, match=r"\[project\] version is '2' here but setup.cfg:1 says '1'"
    ):
        merged(
            '[project.urls]\nHome = "https://x"\n[project]\nversion = "2"\n', project(version="1")
        )


def test_an_inline_table_is_compared_whole_with_the_table_that_would_replace_it() -> None:
    urls = Table(("project", "urls"), [Field("Home", "https://x", origin=Location("setup.cfg", 3))])
    with pytest.raises(InputError) as excinfo:
        merged('[project]\nurls = {Home = "https://y"}\n', [urls])
    assert excinfo.value.message == (
        "pyproject.toml: [project] urls is {'Home': 'https://y'} here but the legacy"
        " configuration says {'Home': 'https://x'}"
    )


def test_conflict_names_both_sides() -> None:
    with pytest.raises(InputError) as excinfo:
        merged('[project]\nname = "a"\nversion = "2"\n', project(version="1"))
    assert excinfo.value.message == (
        "pyproject.toml: [project] version is '2' here but setup.cfg:1 says '1'"
    )


@pytest.mark.parametrize(
    ("text", "floor", "expected"),
    [
        (
            "",
            61,
            (
                '[build-system]\nrequires = ["setuptools>=61"]\n'
                'build-backend = "setuptools.build_meta"\n\n'
            ),
        ),
        (
            '[build-system]\nrequires = ["setuptools>=40.8", "wheel"]  # hi\n',
            77,
            (
                '[build-system]\nrequires = ["setuptools>=77", "wheel"]  # hi\n'
                'build-backend = "setuptools.build_meta"\n'
            ),
        ),
        (
            (
                '[build-system]\nrequires = ["setuptools>=80,<90"]\n'
                'build-backend = "setuptools.build_meta"\n'
            ),
            77,
            (
                '[build-system]\nrequires = ["setuptools>=80,<90"]\n'
                'build-backend = "setuptools.build_meta"\n'
            ),
        ),
        (
            '[build-system]\nrequires = ["setuptools<70"]\n',
            61,
            (
                '[build-system]\nrequires = ["setuptools<70,>=61"]\n'
                'build-backend = "setuptools.build_meta"\n'
            ),
        ),
    ],
)
def test_build_system_floor(text: str, floor: int, expected: str) -> None:
    doc = tomlkit.parse(text)
    ensure_build_system(doc, floor=floor, extra=[], legacy_backend=False)
    assert doc.as_string() == expected


@pytest.mark.parametrize(
    ("requires", "setup_requires", "expected", "note"),
    [
        ('"cython"', "cython>=3", '"cython>=3"', "cython and setup_requires' cython>=3 combined"),
        ('"Cython>=3.1"', "cython>=3", '"Cython>=3.1"', None),
        ('"cython<4"', "Cython>=3", '"cython<4,>=3"', "combined into cython<4,>=3"),
        ('"numpy"', "numpy[x]", '"numpy", "numpy[x]"', "numpy[x] added next to numpy"),
        ('"wheel"', "numpy", '"wheel", "numpy"', "numpy added"),
        ('"setuptools>=61"', "setuptools>=40", "", None),
        ('"setuptools>=61"', "setuptools>=70", "", "combined into setuptools>=61,>=70"),
    ],
)
def test_setup_requires_join_build_requires_without_losing_a_bound(
    requires: str, setup_requires: str, expected: str, note: str | None
) -> None:
    # setuptools installed both lists into one build environment: both bounds held.
    doc = tomlkit.parse(f"[build-system]\nrequires = [{requires}]\n")
    notes = ensure_build_system(doc, floor=61, extra=[Item(setup_requires)], legacy_backend=False)
    if requires.startswith('"setuptools'):
        wanted = '"setuptools>=61,>=70"' if "70" in setup_requires else '"setuptools>=61"'
    else:
        wanted = ", ".join(['"setuptools>=61"', expected])
    assert doc.as_string().splitlines()[1] == f"requires = [{wanted}]"
    if note is None:
        assert not any(setup_requires in text for text in notes), notes
    else:
        assert any(note in text for text in notes), notes


def test_pinned_setuptools_below_the_floor_is_refused() -> None:
    doc = tomlkit.parse('[build-system]\nrequires = ["setuptools==58.0"]\n')
    with pytest.raises(InputError, match=r"pins .setuptools==58\.0."):
        ensure_build_system(doc, floor=61, extra=[], legacy_backend=False)
