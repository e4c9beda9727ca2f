"""pip's requirements-file grammar: logical lines, options and the files they name.

Lines are read as pip reads them (``pip/_internal/req/req_file.py``): ``\\``
continuations joined, comments start at a ``#`` at the line start or after
whitespace, options split off after the requirement.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

_COMMENT = re.compile(r"(^|\s+)#(?P<text>.*)$")

#: Options with a value, long and short spellings.
INCLUDE = {"-r", "--requirement"}
CONSTRAINT = {"-c", "--constraint"}
EDITABLE = {"-e", "--editable"}


@dataclass(frozen=True)
class Line:
    """One logical line: a requirement or an option, where it came from and its comments."""

    text: str
    line: int
    comments: tuple[str, ...]
    inline: str
    #: blank lines separate it (with the comments above it) from the line before
    gap: bool = False


def logical_lines(text: str) -> list[Line]:
    """Join continuations, split off comments; pip's ``join_lines`` + ``ignore_comments``."""
    result: list[Line] = []
    pending: list[str] = []
    buffer = ""
    start = 0
    gap = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff") if number == 1 else raw
        if not buffer and not line.strip():
            gap = bool(result)
            continue
        if not buffer and line.strip().startswith("#"):
            pending.append(line.strip()[1:].strip())
            continue
        if not buffer:
            start = number
        if line.rstrip().endswith("\\") and not _COMMENT.search(line):
            buffer += line.rstrip()[:-1]
            continue
        buffer += line
        match = _COMMENT.search(buffer)
        inline = match["text"].strip() if match else ""
        content = buffer[: match.start()].strip() if match else buffer.strip()
        buffer = ""
        if not content:
            if inline:
                pending.append(inline)
            continue
        result.append(Line(content, start, tuple(pending), inline, gap))
        pending = []
        gap = False
    if buffer.strip():
        result.append(Line(buffer.strip(), start, tuple(pending), ""))
    return result


def split_option(text: str) -> tuple[str, str]:
    """``-r x`` / ``--requirement=x`` / ``-rx`` -> (``-r``, ``x``)."""
    if text.startswith("--"):
        name, sep, value = text.partition("=")
        if not sep:
            name, _, value = text.partition(" ")
        return name.strip(), value.strip()
    name, value = text[:2], text[2:].strip()
    return name, value.lstrip("=").strip()


def resolve(path: str, value: str) -> str:
    """Where ``-r``/``-c`` *value* in *path* points; pip fetches a URL, so it stays as written."""
    if "://" in value:
        # normpath would fold ``https://`` into ``https:/``, which no longer reads as a URL.
        return value
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), value))


def referenced(path: str, text: str) -> list[str]:
    """The files *path* names with ``-r`` or ``-c`` (repo-relative), for the reader to load."""
    found = []
    for line in logical_lines(text):
        if line.text.startswith("-"):
            name, value = split_option(line.text)
            if name in INCLUDE or name in CONSTRAINT:
                found.append(resolve(path, value))
    return found
