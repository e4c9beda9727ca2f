"""Blanket noqa comments out, so Ruff can write coded ones in their place.

A blanket noqa comment silences every rule on its line, which Ruff's PGH004 refuses
and `ruff check --add-noqa` leaves alone. Ruff has no fix for it (it cannot know
which codes were meant), but it knows which rules fire on the line once the blanket
is gone: so the baseline takes out exactly the comments PGH004 reports (where PGH004
is enabled, and nowhere else), then `--add-noqa` writes the codes that fire there.
A blanket that silenced nothing leaves nothing behind, as RUF100 would ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(frozen=True)
class Span:
    """A `# noqa` directive: 1-based row, 0-based start and end columns (characters)."""

    row: int
    start: int
    end: int


def blanket_spans(diagnostics: Iterable[dict[str, Any]]) -> dict[str, list[Span]]:
    """PGH004 reports without a fix (blanket directives), by file name as Ruff gave it.

    PGH004 also reports `# noqa E501` (no colon), with a fix: Ruff's own fix handles it.
    """
    spans: dict[str, list[Span]] = {}
    for item in diagnostics:
        if item.get("code") != "PGH004" or item.get("fix"):
            continue
        start, end = item["location"], item["end_location"]
        if start["row"] != end["row"]:
            continue
        span = Span(start["row"], start["column"] - 1, end["column"] - 1)
        spans.setdefault(str(item["filename"]), []).append(span)
    return spans


def lines_of(text: str) -> list[str]:
    """*text*'s lines with their endings, split where Ruff and mypy count lines (not at
    form feeds, as `str.splitlines` would)."""
    return _LINE.findall(text)


def _strip_line(line: str, spans: Sequence[Span]) -> str:
    body = line.rstrip("\r\n")
    newline = line[len(body) :]
    for span in sorted(spans, key=lambda span: span.start, reverse=True):
        if body[span.start : span.start + 1] != "#":
            continue  # not where Ruff saw it: leave the line alone
        before, after = body[: span.start], body[span.end :]
        # A comment after the directive stays; nothing after it: the line ends at the code.
        body = before + after.lstrip() if after.strip() else before.rstrip()
    return body + newline


def strip_blanket(text: str, spans: Sequence[Span]) -> str:
    """*text* without the blanket directives at *spans*."""
    by_row: dict[int, list[Span]] = {}
    for span in spans:
        by_row.setdefault(span.row, []).append(span)
    lines = lines_of(text)
    for row, found in by_row.items():
        if 0 < row <= len(lines):
            lines[row - 1] = _strip_line(lines[row - 1], found)
    return "".join(lines)
