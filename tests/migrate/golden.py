"""The golden case folders under tests/migrate/cases/: input/, expected/, ledger.txt, args.txt."""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "input").is_dir())


def tree(root: Path) -> dict[str, bytes]:
    """Every file under *root*, by its POSIX path relative to it, with its bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def case_args(case: Path) -> list[str]:
    """The command-line options a case runs migrate with (its args.txt), if any."""
    args = case / "args.txt"
    return args.read_text(encoding="utf-8").split() if args.exists() else []
