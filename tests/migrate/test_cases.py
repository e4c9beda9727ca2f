"""Golden cases: tests/migrate/cases/<case>/{input/, expected/, ledger.txt[, args.txt]}.

Each case is migrated with the real command line; the tree must equal
``expected/`` byte for byte, the printed ledger must equal ``ledger.txt``, and a
second run must change nothing. The expected trees were reviewed by hand, and
those with a package were checked with ``--verify`` (see test_verify.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from setsquare.main import main

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "input").is_dir())


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def case_args(case: Path) -> list[str]:
    args = case / "args.txt"
    return args.read_text(encoding="utf-8").split() if args.exists() else []


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
    assert out == (case / "ledger.txt").read_text(encoding="utf-8")

    # A second run is a no-op, byte for byte.
    assert main(["migrate", str(work), *case_args(case)]) == 0
    assert capsys.readouterr().out.endswith("Nothing to migrate.\n")
    assert tree(work) == tree(case / "expected")


@pytest.mark.parametrize("name", NAMES)
def test_diff_and_check_write_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES / name
    work = tmp_path / "project"
    shutil.copytree(case / "input", work)
    before = tree(work)

    assert main(["migrate", str(work), "--check"]) == 1
    out = capsys.readouterr().out
    assert "would rewrite pyproject.toml" in out
    assert tree(work) == before

    assert main(["migrate", str(work), "--diff", *case_args(case)]) == 0
    out = capsys.readouterr().out
    assert "+++ b/pyproject.toml" in out
    assert tree(work) == before

    # On the migrated tree, --check has nothing left to do.
    expected = tmp_path / "expected"
    shutil.copytree(case / "expected", expected)
    assert main(["migrate", str(expected), "--check", *case_args(case)]) == 0
    assert capsys.readouterr().out.endswith("Nothing to migrate.\n")
