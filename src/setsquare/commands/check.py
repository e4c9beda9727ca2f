"""``setsquare check``: run repo-review with setsquare's checks (and any other installed plugin)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from repo_review.processor import process

from setsquare.errors import UsageError


def _ids(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


def check(*, path: str = ".", select: str = "", ignore: str = "", show_all: bool = False) -> int:
    """Review the repository at *path*; 0 when no check fails, 1 otherwise."""
    root = Path(path)
    if not root.is_dir():
        raise UsageError(f"{path}: not a directory", hint="pass the root of a repository")
    _, results = process(root, select=_ids(select), ignore=_ids(ignore))
    failed = [r for r in results if r.result is False]
    passed = [r for r in results if r.result is True]
    skipped = [r for r in results if r.result is None]
    for result in results:
        if result.result is False:
            print(f"FAIL {result.name}: {result.description}")
            print(textwrap.indent(result.err_msg.strip(), "     "))
        elif show_all:
            state = "ok  " if result.result else "skip"
            reason = f" ({result.skip_reason})" if result.skip_reason else ""
            print(f"{state} {result.name}: {result.description}{reason}")
    print(f"{len(passed)} passed, {len(failed)} failed, {len(skipped)} skipped")
    return 1 if failed else 0
