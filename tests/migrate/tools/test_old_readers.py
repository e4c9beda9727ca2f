"""Settings moved where an old Python's coverage or an old pytest cannot read them."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.migrate.ledger import Action
from setsquare.migrate.tools import migrate_tools
from setsquare.migrate.tools.old_readers import old_pythons

COVERAGERC = "[run]\nbranch = true\n"
PYTEST_CFG = "[tool:pytest]\naddopts = -ra\n"


@pytest.mark.parametrize(
    ("requires_python", "expected"),
    [
        (None, None),
        (">=3.11", None),
        (">=3.10", "3.10"),
        (">=3.6", "3.6 to 3.10"),
        (">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", "2.7 to 3.10"),
        ("<3", "2.7"),
        ("not a specifier", None),
    ],
)
def test_old_pythons(requires_python: str | None, expected: str | None) -> None:
    assert old_pythons(requires_python) == expected


def _entries(files: dict[str, str], requires_python: str | None) -> list[str]:
    pyproject = (
        "" if requires_python is None else f'[project]\nrequires-python = "{requires_python}"\n'
    )
    doc = tomlkit.parse(pyproject)
    result = migrate_tools(files, doc)
    return [entry.render() for entry in result.entries]


#: (id, requires-python, other files, whether the coverage note is printed)
COVERAGE: list[tuple[str, str | None, dict[str, str], bool]] = [
    ("old python", ">=3.8", {}, True),
    ("new python only", ">=3.11", {}, False),
    ("no requires-python", None, {}, False),
    ("extra declared", ">=3.8", {"requirements-test.txt": "coverage[toml]>=5\n"}, False),
    ("bare coverage", ">=3.8", {"requirements-test.txt": "coverage==5.5\n"}, True),
    ("through pytest-cov", ">=3.8", {"tox.ini": "[testenv]\ndeps =\n    pytest-cov\n"}, False),
    (
        "pytest-cov beside bare coverage",
        ">=3.8",
        {"tox.ini": "[testenv]\ndeps = pytest-cov\n\n[testenv:report]\ndeps = coverage\n"},
        True,
    ),
    ("old pytest-cov", ">=3.8", {"requirements-test.txt": "pytest-cov<2.12\n"}, True),
]


@pytest.mark.parametrize(
    ("requires_python", "files", "noted"),
    [row[1:] for row in COVERAGE],
    ids=[r[0] for r in COVERAGE],
)
def test_coverage_moved_for_an_old_python_is_noted(
    requires_python: str | None, files: dict[str, str], noted: bool
) -> None:
    lines = _entries({".coveragerc": COVERAGERC, **files}, requires_python)
    note = [line for line in lines if "coverage reads pyproject.toml only with its toml" in line]
    assert bool(note) is noted
    if noted:
        assert note[0].startswith("moved       .coveragerc:1 [run] -> [tool.coverage] (")
        assert note[0].endswith(
            "\n            hint: require coverage[toml]>=5.0 wherever the tests install coverage "
            "(requirements files, tox.ini deps, the test group), or keep .coveragerc until "
            "those Pythons go"
        )
    # The settings move either way: the note says what the old Python needs.
    assert "moved       .coveragerc:2 [run] branch -> [tool.coverage.run] branch" in lines


#: (id, where pytest is declared, whether the pytest settings stay in setup.cfg)
PYTEST: list[tuple[str, dict[str, str], bool]] = [
    ("tox cap", {"tox.ini": "[testenv]\ndeps =\n    py27: pytest<6\n"}, True),
    ("pin for old pythons", {"req.txt": 'pytest==4.6.11; python_version < "3.5"\n'}, True),
    ("compatible release", {"requirements-dev.txt": "pytest~=5.4\n"}, True),
    ("wildcard pin", {"requirements-dev.txt": "pytest==5.*\n"}, True),
    ("six or later", {"requirements-dev.txt": "pytest>=6\n"}, False),
    ("cap that admits 6.0", {"requirements-dev.txt": "pytest<6.1\n"}, False),
    ("at most 6.0", {"requirements-dev.txt": "pytest<=6.0\n"}, False),
    ("unpinned", {"requirements-dev.txt": "pytest\n"}, False),
    ("not declared", {}, False),
]


@pytest.mark.parametrize(("files", "held"), [row[1:] for row in PYTEST], ids=[r[0] for r in PYTEST])
def test_pytest_settings_stay_for_a_pytest_before_6(files: dict[str, str], held: bool) -> None:
    doc = tomlkit.parse("")
    result = migrate_tools({"setup.cfg": PYTEST_CFG, **files}, doc)
    assert ("tool:pytest" in result.consumed.get("setup.cfg", set())) is not held
    assert ("pytest" in doc.get("tool", {})) is not held
    whole = [e for e in result.entries if e.source.item == "[tool:pytest]"]
    if held:
        assert [e.action for e in whole] == [Action.KEPT]
        assert "pytest < 6.0 does not read [tool.pytest.ini_options]" in whole[0].reason
        assert whole[0].hint.startswith("require pytest>=6 wherever pytest is installed")
        key = [e for e in result.entries if e.source.item == "[tool:pytest] addopts"]
        assert [e.action for e in key] == [Action.KEPT]
