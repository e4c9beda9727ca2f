"""Golden cases: ``cases/<case>/input/`` -> ``expected/pyproject.toml`` + ``expected/ledger.txt``.

Each case also runs a second time on its own result (sections stripped, files removed, as
the command does) and must change nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import tomlkit

from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import source_of
from tests.migrate.tools.support import run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES = Path(__file__).parent / "cases"


def _read(folder: Path) -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


@pytest.fixture(params=sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def case(request: pytest.FixtureRequest) -> Path:
    return CASES / str(request.param)


def test_case_matches_golden(case: Path) -> None:
    files = _read(case / "input")
    pyproject = files.pop("pyproject.toml", "")
    first = run(files, pyproject)
    assert first.text == (case / "expected" / "pyproject.toml").read_text(encoding="utf-8")
    assert first.ledger() == (case / "expected" / "ledger.txt").read_text(encoding="utf-8")
    # What tomlkit wrote is what a TOML reader sees.
    assert tomllib.loads(first.text) == tomlkit.parse(first.text).unwrap()


def test_case_second_run_is_a_noop(case: Path) -> None:
    files = _read(case / "input")
    first = run(files, files.pop("pyproject.toml", ""))
    second = run(first.files_after, first.text)
    assert second.text == first.text
    assert second.files_after == first.files_after


def test_case_ledger_names_every_input_key(case: Path) -> None:
    """Nothing is dropped silently: every option of every file read is in the ledger."""
    files = _read(case / "input")
    pyproject = files.pop("pyproject.toml", "")
    first = run(files, pyproject)
    sources = {entry.source for entry in first.result.entries}
    black = tomllib.loads(pyproject).get("tool", {}).get("black", {})
    for key in black:
        assert source_of("pyproject.toml", None, "tool.black", key) in sources
    moved = {path: first.result.consumed.get(path, set()) for path in files}
    for path, text in files.items():
        if not path.endswith((".cfg", ".ini", ".flake8", ".coveragerc")):
            continue
        parsed = parse_ini(text, path)
        for section in parsed.sections:
            if section.name not in moved[path]:
                continue
            for option in section.options:
                assert source_of(path, option.line, section.name, option.key) in sources
