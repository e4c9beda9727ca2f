"""Golden cases: tests/migrate/cases/<case>/{input/, expected/, ledger.txt[, args.txt]}.

Each case is migrated with the real command line; the tree must equal
``expected/`` byte for byte, the printed ledger must equal ``ledger.txt``, and a
second run must change nothing. The expected trees were reviewed by hand, and
those with a package were checked with ``--verify`` (see test_verify.py). A case
whose ledger ends in ``Nothing to migrate.`` expects its input unchanged.

The goldens also say two things beyond their bytes: the ledger names every key of
every section the migration took away, and the pyproject.toml tomlkit wrote is
what a TOML reader sees.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
import tomlkit
from pre_commit_hooks import end_of_file_fixer

from setsquare._toml import tomllib
from setsquare.main import main
from setsquare.migrate.ini import parse_ini
from tests.migrate.golden import CASES, NAMES, case_args, tree

if TYPE_CHECKING:
    from pathlib import Path

NOTHING = "Nothing to migrate.\n"

#: the legacy files read as INI, and the pyproject.toml tables the tool migration reads
INI_FILES = (".cfg", ".ini", ".flake8", ".coveragerc")
READ_TOOL_TABLES = ("black", "flake8", "isort")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def ledger(case: Path) -> str:
    return _text(case / "ledger.txt")


def test_cases_are_collected() -> None:
    assert len(NAMES) >= 5
    for name in NAMES:
        assert (CASES / name / "expected").is_dir(), name
        assert (CASES / name / "ledger.txt").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_case(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES / name
    work = tmp_path / "project"
    shutil.copytree(case / "input", work)

    assert main(["migrate", str(work), *case_args(case)]) == 0
    out = capsys.readouterr().out
    assert tree(work) == tree(case / "expected")
    assert out == ledger(case)

    # A second run is a no-op, byte for byte.
    assert main(["migrate", str(work), *case_args(case)]) == 0
    assert capsys.readouterr().out.endswith(NOTHING)
    assert tree(work) == tree(case / "expected")


def _writes_pyproject(name: str) -> bool:
    written, given = (
        CASES / name / "expected" / "pyproject.toml",
        CASES / name / "input" / "pyproject.toml",
    )
    return written.is_file() and not (
        given.is_file() and given.read_bytes() == written.read_bytes()
    )


@pytest.mark.parametrize("name", [name for name in NAMES if _writes_pyproject(name)])
def test_the_written_pyproject_passes_end_of_file_fixer(name: str, tmp_path: Path) -> None:
    """The bundle's own hook has nothing to fix in what migrate writes (one final newline)."""
    written = tmp_path / "pyproject.toml"
    shutil.copyfile(CASES / name / "expected" / "pyproject.toml", written)
    with written.open("rb+") as stream:
        assert end_of_file_fixer.fix_file(stream) == 0


@pytest.mark.parametrize("name", NAMES)
def test_diff_and_check_write_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES / name
    work = tmp_path / "project"
    shutil.copytree(case / "input", work)
    before = tree(work)
    nothing = ledger(case).endswith(NOTHING)

    assert main(["migrate", str(work), "--check"]) == (0 if nothing else 1)
    out = capsys.readouterr().out
    assert ("would rewrite pyproject.toml" in out) is not nothing
    assert tree(work) == before

    assert main(["migrate", str(work), "--diff", *case_args(case)]) == 0
    out = capsys.readouterr().out
    assert ("+++ b/pyproject.toml" in out) is not nothing
    assert tree(work) == before

    # On the migrated tree, --check has nothing left to do.
    expected = tmp_path / "expected"
    shutil.copytree(case / "expected", expected)
    assert main(["migrate", str(expected), "--check", *case_args(case)]) == 0
    assert capsys.readouterr().out.endswith(NOTHING)


def test_nothing_to_migrate_cases_expect_their_input() -> None:
    nothing = [name for name in NAMES if ledger(CASES / name).endswith(NOTHING)]
    assert nothing
    for name in nothing:
        assert tree(CASES / name / "input") == tree(CASES / name / "expected"), name


def _ledgered(lines: list[str], source: str) -> bool:
    """Whether an entry of the printed ledger reads from *source* (action, then source)."""
    return any(line[12:] == source or line[12:].startswith(f"{source} ") for line in lines)


def _sections_taken(case: Path, rel: str) -> list[str]:
    """The sections of input *rel* that are not in the expected tree any more."""
    after = case / "expected" / rel
    if not after.is_file():
        return [s.name for s in parse_ini(_text(case / "input" / rel), rel).sections]
    left = {s.name for s in parse_ini(_text(after), rel).sections}
    return [
        s.name for s in parse_ini(_text(case / "input" / rel), rel).sections if s.name not in left
    ]


@pytest.mark.parametrize("name", NAMES)
def test_ledger_names_every_key_it_took(name: str) -> None:
    """Nothing is dropped silently: each option of a section taken away is in the ledger."""
    case = CASES / name
    lines = ledger(case).splitlines()
    inputs = tree(case / "input")
    for rel in inputs:
        if not rel.endswith(INI_FILES):
            continue
        taken = set(_sections_taken(case, rel))
        for section in parse_ini(_text(case / "input" / rel), rel).sections:
            if section.name in taken:
                for option in section.options:
                    source = f"{rel}:{option.line} [{section.name}] {option.key}"
                    assert _ledgered(lines, source), source
    if "pyproject.toml" not in inputs:
        return
    tools = tomllib.loads(_text(case / "input" / "pyproject.toml")).get("tool", {})
    for table in READ_TOOL_TABLES:
        for key in tools.get(table, {}):
            # [tool.black] has no line numbers in the ledger; [tool.flake8]'s keys have.
            pattern = re.compile(
                rf"pyproject\.toml(:\d+)? \[tool\.{table}\] {re.escape(key)}(?: |$)"
            )
            assert any(pattern.match(line[12:]) for line in lines), (table, key)


@pytest.mark.parametrize("name", NAMES)
def test_expected_pyproject_reads_the_same_in_tomllib_and_tomlkit(name: str) -> None:
    # What tomlkit wrote is what a TOML reader sees.
    text = _text(CASES / name / "expected" / "pyproject.toml")
    assert tomllib.loads(text) == tomlkit.parse(text).unwrap()
