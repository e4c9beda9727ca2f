"""Remove migrated sections from an INI file's text, leaving every other byte alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.migrate.ini import OPTION, SECTION

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

_COMMENT = ("#", ";")


def _is_comment(line: str) -> bool:
    return line.strip().startswith(_COMMENT)


def _kept_lines(lines: list[str], start: int, end: int, keys: Collection[str]) -> set[int]:
    """Indexes of the header and of the options in *keys* (with their comments) in a section."""
    kept: set[int] = set()
    comments: list[int] = []
    index = start
    while index < end:
        line = lines[index]
        if SECTION.fullmatch(line.strip()) is not None and not line[:1].isspace():
            kept.update([*comments, index])
            comments = []
        elif _is_comment(line) and not line[:1].isspace():
            comments.append(index)
        elif line.strip() and not line[:1].isspace():
            option = OPTION.match(line.strip())
            block = [index]
            while index + 1 < end and lines[index + 1][:1].isspace() and lines[index + 1].strip():
                index += 1
                block.append(index)
            if option is not None and option["key"].strip() in keys:
                kept.update([*comments, *block])
            comments = []
        else:
            comments = []
        index += 1
    # The blank lines that set the section off from the next one stay with what is kept.
    tail = end - 1
    while kept and tail >= start and not lines[tail].strip():
        kept.add(tail)
        tail -= 1
    return kept


def remove_sections(
    text: str,
    names: Collection[str],
    *,
    keep_comments: bool = False,
    keep: Mapping[str, Collection[str]] | None = None,
) -> str | None:
    """*text* without the sections in *names*; None when nothing but comments would be left.

    With *keep_comments*, a file left with only comments keeps them (None only when
    nothing at all is left): files such as tox.ini mean more than their sections.
    *keep* names options that stay, with their section header, in a removed section.

    A section runs from its header to the next header; the comment lines right
    above a header (no blank line between) belong to it and go with it.
    """
    keep = keep or {}
    lines = text.splitlines(keepends=True)
    headers = [
        (index, match["name"])
        for index, line in enumerate(lines)
        if not line[:1].isspace() and (match := SECTION.fullmatch(line.strip())) is not None
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
    wanted = [True] * len(lines)
    for position, (start, name) in enumerate(starts):
        if name not in names:
            continue
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        stays = _kept_lines(lines, start, end, keep[name]) if keep.get(name) else set()
        for index in range(start, end):
            if index not in stays:
                wanted[index] = False
    if all(wanted):
        return text
    if not any(h not in names or keep.get(h) for _, h in headers) and not keep_comments:
        return None
    result = [line for line, kept in zip(lines, wanted, strict=True) if kept]
    # Blank lines left at the end by a removed last section.
    while result and not result[-1].strip():
        result.pop()
    if not result:
        return None
    if not result[-1].endswith(("\n", "\r")):
        result[-1] += "\n"
    return "".join(result)
