"""One blank line before each table header the migration puts next to other content.

tomlkit files a new table straight after the values of its parent (``[tool.ruff]``
then ``[tool.ruff.lint]``) or right before an existing table, with no blank line
between them. This pass adds that line where the migration created the adjacency;
a header the user wrote flush against something keeps its place, since the same two
lines sat together in the original file.
"""

from __future__ import annotations

import itertools
import re

from setsquare._toml import tomllib

_HEADER = re.compile(r"\[\[?[^\[\]]+\]\]?\s*(#.*)?")


def _is_header(line: str) -> bool:
    return _HEADER.fullmatch(line.strip()) is not None and not line[:1].isspace()


def _pairs(lines: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(lines))


def separate_new_tables(original: str, text: str) -> str:
    """*text* (LF line ends) with a blank line above each header newly flush against content."""
    lines = text.split("\n")
    before = _pairs(original.replace("\r\n", "\n").split("\n"))
    out: list[str] = []
    for line in lines:
        if _is_header(line) and out:
            # Comments right above a header belong to it: look above them.
            top = len(out)
            while top and out[top - 1].lstrip().startswith("#"):
                top -= 1
            above = out[top - 1] if top else ""
            first = out[top] if top < len(out) else line
            if above.strip() and (above, first) not in before:
                out.insert(top, "")
        out.append(line)
    result = "\n".join(out)
    # A header line inside a multi-line string is not a header: keep the text as it was.
    try:
        same = tomllib.loads(result) == tomllib.loads(text)
    except tomllib.TOMLDecodeError:  # pragma: no cover - text was valid TOML
        same = False
    return result if same else text


__all__ = ["separate_new_tables"]
