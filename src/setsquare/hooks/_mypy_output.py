"""Take mypy's complaints about missing third-party packages out of its report.

Used only when the project has no environment: then every third-party import is
missing, and failing the commit on each would make the hook useless. Dropping these
errors, rather than running mypy with `--ignore-missing-imports`, keeps three things:
a missing module of the project itself is still an error; the names of what was not
checked come from mypy, for the one-line report; and mypy's cache key is unchanged
(`ignore_missing_imports` is part of it), so the hook and a later `mypy` share the cache.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

IMPORT_CODES = frozenset({"import-not-found", "import-untyped"})

_MESSAGE = re.compile(
    r"^(?P<where>.+?):(?P<line>\d+)(?::\d+)*: (?P<severity>error|note|warning): (?P<text>.*)$"
)
_CONTEXT = re.compile(r"^.+?: note: (In |At top level)")
_CODE = re.compile(r"  \[(?P<code>[a-z-]+)\]$")
_MODULE = re.compile(r'"(?P<module>[\w.]+)"')
_SUMMARY = re.compile(
    r"^Found \d+ errors? in \d+ files? \(checked (?P<checked>\d+) source files?\)$"
)
# Notes that introduce the message after them rather than explain the one before.
_LEADING = ("In module imported here", "In function", "In member", "In class", "At top level")


@dataclass(frozen=True)
class Filtered:
    """mypy's report without the dropped errors."""

    text: str
    #: The module named by each dropped error, in report order.
    skipped: tuple[str, ...]
    #: Errors left in the report.
    errors: int


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _summary(errors: int, files: int, checked: str) -> str:
    sources = _plural(int(checked), "source file")
    if errors:
        return f"Found {_plural(errors, 'error')} in {_plural(files, 'file')} (checked {sources})"
    return f"Success: no issues found in {sources}"


def _third_party_module(text: str, code: object, is_project: Callable[[str], bool]) -> str:
    """The module a missing-import error names, or "" when it is not third-party."""
    match = _MODULE.search(text)
    if code not in IMPORT_CODES or match is None:
        return ""
    module = match["module"]
    return "" if is_project(module.partition(".")[0]) else module


def _filter_json(stdout: str, is_project: Callable[[str], bool]) -> Filtered:
    kept: list[str] = []
    skipped: list[str] = []
    errors = 0
    for line in stdout.splitlines(keepends=True):
        try:
            item = json.loads(line)
        except ValueError:
            kept.append(line)
            continue
        if not isinstance(item, dict):
            kept.append(line)
            continue
        error = item.get("severity") == "error"
        code = item.get("code")
        module = _third_party_module(str(item.get("message")), code, is_project) if error else ""
        if module:
            skipped.append(module)
            continue
        kept.append(line)
        errors += error
    return Filtered("".join(kept), tuple(skipped), errors)


def drop_missing_third_party(
    stdout: str, is_project: Callable[[str], bool], *, json_output: bool = False
) -> Filtered:
    """Drop *stdout*'s missing-import errors whose top-level module is not the project's.

    *is_project* tells a top-level module name of the project's own. Text output must
    carry error codes and no `--pretty` wrapping; the notes that belong to a dropped
    error go with it, and the summary line is recounted.
    """
    if json_output:
        return _filter_json(stdout, is_project)
    kept: list[str] = []
    leading: list[str] = []
    skipped: list[str] = []
    dropped_at: tuple[str, str] | None = None
    error_files: set[str] = set()
    errors = 0
    for line in stdout.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        summary = _SUMMARY.match(bare)
        if summary:
            kept.append(_summary(errors, len(error_files), summary["checked"]) + "\n")
            continue
        if _CONTEXT.match(bare) and not _MESSAGE.match(bare):
            leading.append(line)
            continue
        message = _MESSAGE.match(bare)
        if message is None:
            # A continuation of the message above (source lines, wrapped text).
            if dropped_at is None:
                kept.append(line)
            continue
        where = (message["where"], message["line"])
        text = message["text"]
        if message["severity"] == "note":
            if where == dropped_at:
                continue
            if text.startswith(_LEADING):
                leading.append(line)
                continue
        code = _CODE.search(text)
        module = (
            _third_party_module(text, code["code"] if code else None, is_project)
            if message["severity"] == "error"
            else ""
        )
        if module:
            skipped.append(module)
            dropped_at = where
            leading.clear()
            continue
        dropped_at = None
        kept.extend(leading)
        leading.clear()
        kept.append(line)
        if message["severity"] == "error":
            errors += 1
            error_files.add(message["where"])
    kept.extend(leading)
    return Filtered("".join(kept), tuple(skipped), errors)
