"""Remove migrated sections from an INI file's text, leaving every other byte alone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

_HEADER = re.compile(r"\[(?P<name>[^]]+)\]\s*")
_COMMENT = ("#", ";")


def _is_comment(line: str) -> bool:
    return line.strip().startswith(_COMMENT)


def remove_sections(
    text: str, names: Collection[str], *, keep_comments: bool = False
) -> str | None:
    """*text* without the sections in *names*; None when nothing but comments would be left.

    With *keep_comments*, a file left with only comments keeps them (None only when
    nothing at all is left): files such as tox.ini mean more than their sections.

    A section runs from its header to the next header; the comment lines right
    above a header (no blank line between) belong to it and go with it.
    """
    lines = text.splitlines(keepends=True)
    headers = [
        (index, match["name"])
        for index, line in enumerate(lines)
        if not line[:1].isspace() and (match := _HEADER.fullmatch(line.rstrip("\r\n"))) is not None
    ]
    starts = []
    for position, (index, name) in enumerate(headers):
        start = index
        # Comments above the first header are the file's own; they never go with a section.
        while (
            position > 0
            and start > 0
            and _is_comment(lines[start - 1])
            and not lines[start - 1][:1].isspace()
        ):
            start -= 1
        starts.append((start, name))
    keep = [True] * len(lines)
    for position, (start, name) in enumerate(starts):
        if name not in names:
            continue
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        for index in range(start, end):
            keep[index] = False
    if all(keep):
        return text
    if not any(h not in names for _, h in headers) and not keep_comments:
        return None
    result = [line for line, kept in zip(lines, keep, strict=True) if kept]
    # Blank lines left at the end by a removed last section.
    while result and not result[-1].strip():
        result.pop()
    if not result:
        return None
    if not result[-1].endswith(("\n", "\r")):
        result[-1] += "\n"
    return "".join(result)
