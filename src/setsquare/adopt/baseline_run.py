"""One baseline job on the scratch tree: the whitespace fixers, `ruff format`, `ruff check`.

The fixers are pre-commit-hooks' own `main`s, called with the hook's arguments; Ruff
runs with `--force-exclude` and the hook's rule-choosing arguments, as the hooks run it.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from setsquare.adopt.baseline_jobs import (
    END_OF_FILE,
    MIXED_LINE_ENDING,
    RUFF_CHECK,
    RUFF_FORMAT,
    TRAILING_WHITESPACE,
)
from setsquare.adopt.baseline_names import codeless
from setsquare.adopt.baseline_noqa import blanket_spans, strip_blanket
from setsquare.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.baseline_jobs import Run
    from setsquare.adopt.baseline_report import Report

#: Rules whose fixes only edit comments, applied before `--add-noqa`: unused noqa codes
#: (RUF100), redirected ones (RUF101), unknown ones (RUF102), a code without the colon
#: (PGH004), as the ruff-check hook's `--fix` would; and a `# fmt: off` where Ruff's
#: formatter ignores it (RUF028, an "unsafe" fix): formatting already ignored it, and
#: the noqa comment `--add-noqa` gives it lands inside it, where it counts as unused.
COMMENT_FIXES = "PGH004,RUF028,RUF100,RUF101,RUF102"
#: Arguments of a Ruff hook that choose what it does, not which rules it applies.
_RUFF_ACTIONS = frozenset({
    "--fix", "--no-fix", "--unsafe-fixes", "--no-unsafe-fixes", "--show-fixes",
    "--no-show-fixes", "--exit-non-zero-on-fix", "--exit-non-zero-on-format", "--exit-zero",
    "--diff", "--check", "--quiet", "-q", "--silent", "-s", "--verbose", "-v", "--statistics",
    "--watch", "-w", "--no-cache", "-e", "-n",
})  # fmt: skip


def executable(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:  # pragma: no cover - ruff and mypy are dependencies of setsquare
        raise UsageError(f"{name} was not found", hint="reinstall setsquare")
    return found


def decoded(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _ruff_args(args: Sequence[str]) -> list[str]:
    return [arg for arg in args if arg not in _RUFF_ACTIONS and not arg.startswith("--output")]


class RuffError(Exception):
    """Ruff refused to run (exit 2): a broken config, an unknown option."""


def _ruff(scratch: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [executable("ruff"), *args],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode == 2:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        raise RuffError(" / ".join(lines[:4]) or "exit 2")
    return result


def _fixer(run: Run, scratch: Path) -> None:
    from pre_commit_hooks import end_of_file_fixer, mixed_line_ending, trailing_whitespace_fixer

    mains = {
        TRAILING_WHITESPACE: trailing_whitespace_fixer.main,
        END_OF_FILE: end_of_file_fixer.main,
        MIXED_LINE_ENDING: mixed_line_ending.main,
    }
    # The fixers print a line per file; adopt reports once instead.
    with redirect_stdout(io.StringIO()):
        mains[run.job]([*run.args, *(str(scratch / name) for name in run.files)])


def _ruff_check_command(run: Run) -> list[str]:
    return ["check", "--no-cache", "--force-exclude", *_ruff_args(run.args)]


def _diagnostics(run: Run, scratch: Path) -> list[dict[str, Any]]:
    found = _ruff(
        scratch, *_ruff_check_command(run), "--output-format=json", "--exit-zero", *run.files
    )
    try:
        diagnostics = json.loads(found.stdout or "[]")
    except ValueError:
        return []
    return [item for item in diagnostics if isinstance(item, dict)]


def unparsable(runs: Sequence[Run], scratch: Path) -> list[str]:
    """The files a Ruff job would see that Ruff cannot parse (Python 2 code, say).

    `ruff format` skips such a file and exits 2, having formatted the others, and
    `ruff check` neither fixes nor records anything in it: the baseline leaves these
    files out of every job, so the rest settles and they stay byte for byte. `ruff format
    --check` reports exactly the parse errors (a semantic error such as a duplicate
    parameter parses, and is formatted); a Ruff that refuses its configuration prints
    no JSON, and the rounds report that.
    """
    files = sorted(
        {name for run in runs if run.job in (RUFF_FORMAT, RUFF_CHECK) for name in run.files}
    )
    if not files:
        return []
    command = ["format", "--check", "--no-cache", "--force-exclude", "--output-format=json"]
    probe = subprocess.run(
        [executable("ruff"), *command, *files],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    try:
        diagnostics = json.loads(probe.stdout or "[]")
    except ValueError:
        return []
    base = scratch.resolve()
    broken = (item for item in diagnostics if isinstance(item, dict))
    return sorted(
        {_relative(item, base) for item in broken if item.get("code") == "invalid-syntax"}
    )


def remaining(run: Run, scratch: Path) -> list[str]:
    """Files where the ruff-check hook would still report or fix something: notebooks
    (`--add-noqa` skips them) and findings whose noqa comment cannot be placed."""
    if run.job != RUFF_CHECK or not run.files:
        return []
    try:
        diagnostics = _diagnostics(run, scratch)
    except RuffError:  # already reported by the rounds
        return []
    base = scratch.resolve()
    return sorted({_relative(item, base) for item in diagnostics})


def codeless_findings(run: Run, scratch: Path) -> dict[str, set[str]]:
    """Rule names of the findings without a code (`baseline_names`), by file."""
    if run.job != RUFF_CHECK or not run.files:
        return {}
    try:
        diagnostics = _diagnostics(run, scratch)
    except RuffError:  # already reported by the rounds
        return {}
    base = scratch.resolve()
    return codeless({**item, "filename": _relative(item, base)} for item in diagnostics)


def _relative(item: dict[str, Any], base: Path) -> str:
    path = Path(str(item.get("filename")))
    return path.resolve().relative_to(base).as_posix() if path.is_absolute() else path.as_posix()


def _ruff_check(run: Run, scratch: Path, report: Report) -> None:
    common = _ruff_check_command(run)
    for name, spans in blanket_spans(_diagnostics(run, scratch)).items():
        path = Path(name) if Path(name).is_absolute() else scratch / name
        text = decoded(path.read_bytes())
        if text is not None:
            path.write_bytes(strip_blanket(text, spans).encode("utf-8"))
    fixes = ("--fix-only", "--unsafe-fixes", f"--fixable={COMMENT_FIXES}")
    _ruff(scratch, *common, *fixes, *run.files)
    added = _ruff(scratch, *common, "--add-noqa", *run.files)
    for line in (added.stdout + added.stderr).splitlines():
        if line.startswith("Added ") and line.split()[1].isdigit():
            report.noqa_added += int(line.split()[1])


def do(run: Run, scratch: Path, report: Report) -> None:
    if not run.files:
        return
    if run.job == RUFF_FORMAT:
        _ruff(scratch, "format", "--no-cache", "--force-exclude", *_ruff_args(run.args), *run.files)
    elif run.job == RUFF_CHECK:
        _ruff_check(run, scratch, report)
    else:
        _fixer(run, scratch)
