"""``setsquare check``: run repo-review with setsquare's checks (and any other installed plugin)."""

from __future__ import annotations

import difflib
import importlib.metadata
import textwrap
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from repo_review.processor import collect_all, process

from setsquare.commands._review_input import check_inputs
from setsquare.errors import SetsquareError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from repo_review.processor import Result

# The entry point groups through which repo-review loads a plugin's code.
_PLUGIN_GROUPS = ("repo_review.checks", "repo_review.fixtures", "repo_review.families")


def _ids(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


def check(*, path: str = ".", select: str = "", ignore: str = "", show_all: bool = False) -> int:
    """Review the repository at *path*; 0 when no check fails, 1 otherwise."""
    root = Path(path)
    if not root.is_dir():
        problem = "is a file, not a folder" if root.exists() else "not a directory"
        raise UsageError(f"{path}: {problem}", hint="pass the root of a repository")
    selected, ignored = _ids(select), _ids(ignore)
    if selected or ignored:
        # Every check of every installed plugin, by id, with its family.
        families = {name: check.family for name, check in collect_all().checks.items()}
        _check_selectors("--select", selected, families, star=True)
        _check_selectors("--ignore", ignored, families, star=False)
    check_inputs(root)
    results = _process(root, selected, ignored)
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


def _check_selectors(
    option: str, selectors: Iterable[str], families: Mapping[str, str], *, star: bool
) -> None:
    """Refuse a selector that matches no check: repo-review would silently run all or none.

    repo-review matches a selector against a check's whole id (`SQ100`) or its
    letters (`SQ`), nothing in between, so `SQ1` selects nothing.
    """
    known = frozenset(families)
    prefixes = {name.rstrip("0123456789") for name in known}
    for selector in sorted(selectors):
        if selector in known or selector in prefixes or (star and selector == "*"):
            continue
        hint = _selector_hint(selector, families, prefixes)
        raise UsageError(f"{option} {selector}: no check has this id or prefix", hint=hint)


def _selector_hint(selector: str, families: Mapping[str, str], prefixes: set[str]) -> str:
    listing = ", ".join(sorted(prefixes))
    if selector == "*":
        return "`*` works with --select only; to skip every check, do not run `check`"
    letters = selector.rstrip("0123456789")
    started = sorted(name for name in families if name.startswith(selector))
    if started and letters in prefixes:
        return (
            f"a prefix is the letters alone: `{letters}` selects all {letters} checks; "
            f"or name checks in full, like `{started[0]}`"
        )
    family = sorted({n.rstrip("0123456789") for n, f in families.items() if f == selector})
    if family:
        return f"`{selector}` is a family name; select its checks by prefix: {', '.join(family)}"
    names = {*families, *prefixes}
    upper = {name.upper(): name for name in names}
    if selector.upper() in upper:
        return f"ids are case-sensitive: did you mean `{upper[selector.upper()]}`?"
    close = difflib.get_close_matches(selector, sorted(names), n=1)
    if close:
        return f"did you mean `{close[0]}`? The prefixes are: {listing}"
    return f"`setsquare check --all` lists the checks; the prefixes are: {listing}"


def _process(root: Path, select: frozenset[str], ignore: frozenset[str]) -> list[Result]:
    """repo-review's results; a plugin that crashes on this repository is reported, not raised."""
    try:
        _, results = process(root, select=select, ignore=ignore)
    except Exception as error:
        plugin = _culprit(error)
        if plugin is None or plugin == "setsquare":
            raise
        lines = str(error).strip().splitlines()
        reason = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
        raise SetsquareError(
            f"{root}: the repo-review plugin `{plugin}` failed on this repository ({reason})",
            hint="a file it reads probably has a value of an unexpected type; "
            f"`repo-review {root}` shows where (and report it to `{plugin}`'s authors)",
        ) from error
    return results


def _culprit(error: BaseException) -> str | None:
    """The top-level package of the innermost plugin frame in *error*'s traceback."""
    plugins = set()
    for group in _PLUGIN_GROUPS:
        for entry in importlib.metadata.entry_points(group=group):
            plugins.add(entry.module.partition(".")[0])
    plugins.discard("repo_review")
    found = None
    for frame, _ in traceback.walk_tb(error.__traceback__):
        package = str(frame.f_globals.get("__name__", "")).partition(".")[0]
        if package in plugins:
            found = package
    return found
