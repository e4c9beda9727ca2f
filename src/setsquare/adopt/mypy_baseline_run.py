"""Run the bundle's mypy hook on the scratch tree and record its errors there.

The hook's own script runs, so the baseline checks what the hook will check (its
targets, its handling of a missing environment); only the environment is chosen
here, for the repository rather than the scratch copy, the way the hook chooses it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from setsquare.adopt.baseline_run import decoded, executable
from setsquare.adopt.mypy_baseline import apply, parse_errors, plan

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from setsquare.adopt.baseline_report import Report

#: mypy runs before the baseline gives up on recording its errors.
MAX_MYPY_RUNS = 3


def bundle_mypy_hook(config: Mapping[str, Any], bundle_url: str) -> dict[str, Any] | None:
    for repo in config.get("repos") or []:
        if isinstance(repo, dict) and str(repo.get("repo")) == bundle_url:
            for hook in repo.get("hooks") or []:
                if isinstance(hook, dict) and hook.get("id") == "mypy":
                    return hook
    return None


def _mypy(root: Path, scratch: Path, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """The bundle's mypy hook on *scratch*, with the environment it finds for *root*.

    pre-commit sets VIRTUAL_ENV to the hook's own environment, so the hook never
    sees the one active where adopt runs: neither does the baseline.
    """
    from setsquare.hooks.mypy import find_environment

    environ = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    found = find_environment(root, environ, sys.prefix)
    env = {k: v for k, v in environ.items() if k not in {"UV_PROJECT_ENVIRONMENT", "NO_COLOR"}}
    plain = ["--no-pretty", "--no-color-output", "--show-error-codes", "--no-error-summary"]
    chosen = ["--python-executable", str(found.python)] if found is not None else []
    return subprocess.run(
        [executable("setsquare-mypy"), *args, *plain, *chosen],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _relative(scratch: Path, path: str) -> str | None:
    full = Path(path) if Path(path).is_absolute() else scratch / path
    try:
        return full.resolve().relative_to(scratch.resolve()).as_posix()
    except ValueError:
        return None


def record(root: Path, scratch: Path, args: Sequence[str], names: set[str], report: Report) -> bool:
    """Record one mypy run's errors in *scratch*; whether anything changed."""
    result = _mypy(root, scratch, args)
    findings = parse_errors(result.stdout)
    if result.returncode not in {0, 1} or (result.returncode == 1 and not findings):
        said = (result.stdout + result.stderr).strip().splitlines() or ["(no output)"]
        report.notes.append(
            f"mypy: could not check the project ({said[-1]}); its errors are not baselined\n"
            "hint: fix what mypy reports, then run `setsquare adopt --baseline` again"
        )
        return False
    changed = False
    outside = 0
    for path, file_plan in plan(findings).items():
        name = _relative(scratch, path)
        if name is None or name not in names:
            outside += len(file_plan.add)
            continue
        target = scratch / name
        text = decoded(target.read_bytes())
        applied = None if text is None else apply(text, file_plan)
        if applied is None:
            outside += len(file_plan.add)
            continue
        new = applied.text.encode("utf-8")
        if new != target.read_bytes():
            target.write_bytes(new)
            changed = True
            report.mypy_files.add(name)
        report.mypy_recorded += sum(len(codes) for codes in file_plan.add.values())
        report.mypy_ignores_fixed += len(file_plan.unused) + len(file_plan.coded)
    if outside:
        report.notes.append(
            f"mypy: {outside} error(s) are in files adopt does not change (not in git, or "
            "not Python that parses); the mypy hook reports them\n"
            "hint: fix them, or add the files to `exclude` under [tool.mypy]"
        )
    return changed
