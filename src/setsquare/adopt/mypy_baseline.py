"""Today's mypy errors recorded as `# type: ignore[code]` comments, where mypy reads them.

Pure: mypy's report and a file's text in, the new text out. mypy honours an ignore
only on the line it reports the error on (not on the first line of a multi-line
statement), and only when the comment *starts* with `type: ignore`: so the ignore
goes at the start of the line's trailing comment, before a `# noqa` Ruff put there.
A line that cannot carry a comment (inside a multi-line string, or ending in a
backslash) gets none; its codes go into one `# mypy: disable-error-code=...` line at
the top of the file instead (mypy's inline configuration), so nothing is left out.

Errors about ignores themselves are fixed, not ignored: an unused ignore (with
`warn_unused_ignores`) loses its unused codes, and a code-less one (with the
`ignore-without-code` error code) gets the codes mypy suggests.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.adopt.baseline_noqa import lines_of

if TYPE_CHECKING:
    from collections.abc import Iterable

_ERROR = re.compile(
    r"^(?P<path>[^\n]+?):(?P<line>\d+)(?::\d+)*: error: (?P<text>.*?)"
    r"(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)
_UNUSED = re.compile(r'^Unused "type: ignore(?:\[(?P<codes>[^\]]*)\])?" comment')
_SUGGESTED = re.compile(r'consider "type: ignore\[(?P<codes>[^\]]*)\]" instead')
_IGNORE = re.compile(r"#\s*type:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")
_INLINE_CONFIG = "# mypy: disable-error-code="


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    code: str
    text: str


def parse_errors(stdout: str) -> list[Finding]:
    """The errors of a plain-text mypy report (notes and the summary are skipped)."""
    found = []
    for line in stdout.splitlines():
        match = _ERROR.match(line)
        if match is not None:
            code = match["code"] or "misc"
            found.append(Finding(match["path"], int(match["line"]), code, match["text"]))
    return found


@dataclass
class FilePlan:
    """What to change in one file, by 1-based line."""

    #: Codes to ignore on the line.
    add: dict[int, set[str]] = field(default_factory=dict)
    #: Codes of the line's ignore that mypy found unused (empty: the whole ignore).
    unused: dict[int, set[str]] = field(default_factory=dict)
    #: Code-less ignores and the codes mypy suggests for them.
    coded: dict[int, set[str]] = field(default_factory=dict)


def _codes(text: str | None) -> set[str]:
    return {code.strip() for code in (text or "").split(",") if code.strip()}


def plan(findings: Iterable[Finding]) -> dict[str, FilePlan]:
    """Per file, the changes that record *findings*."""
    plans: dict[str, FilePlan] = {}
    for finding in findings:
        file_plan = plans.setdefault(finding.path, FilePlan())
        if finding.code == "unused-ignore" and (unused := _UNUSED.match(finding.text)):
            file_plan.unused.setdefault(finding.line, set()).update(_codes(unused["codes"]))
        elif finding.code == "ignore-without-code" and (hint := _SUGGESTED.search(finding.text)):
            file_plan.coded.setdefault(finding.line, set()).update(_codes(hint["codes"]))
        else:
            file_plan.add.setdefault(finding.line, set()).add(finding.code)
    return plans


@dataclass(frozen=True)
class Layout:
    """Where comments can go: each line's comment column, and the lines that take none."""

    comments: dict[int, int]
    closed: frozenset[int]


def layout(text: str) -> Layout | None:
    """*text*'s comments and comment-less lines, or None when it does not tokenize."""
    comments: dict[int, int] = {}
    closed: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.start[1]
            elif token.end[0] > token.start[0]:
                # Every line of a multi-line token but its last is inside it.
                closed.update(range(token.start[0], token.end[0]))
    except (tokenize.TokenError, SyntaxError):
        return None
    for number, line in enumerate(lines_of(text), 1):
        if line.rstrip("\r\n").endswith("\\"):
            closed.add(number)
    return Layout(comments, frozenset(closed))


def _render(codes: Iterable[str]) -> str:
    return f"# type: ignore[{', '.join(sorted(codes))}]"


def _edit_line(
    line: str,
    column: int | None,
    plan_add: set[str],
    plan_drop: set[str] | None,
    plan_code: set[str],
) -> str:
    body = line.rstrip("\r\n")
    newline = line[len(body) :]
    comment = body[column:] if column is not None else ""
    match = _IGNORE.match(comment)
    if match is None:
        if not plan_add:
            return line
        if column is None:
            return f"{body.rstrip()}  {_render(plan_add)}{newline}"
        return f"{body[:column]}{_render(plan_add)}  {comment}{newline}"
    assert column is not None
    blanket = match["codes"] is None
    codes = _codes(match["codes"])
    if plan_drop is not None:
        codes = set() if not plan_drop else codes - plan_drop
        blanket = blanket and bool(plan_drop)
    if blanket and plan_code:
        blanket, codes = False, set(plan_code)
    if not blanket:
        codes |= plan_add
    rest = comment[match.end() :]
    if blanket:
        ignore = "# type: ignore"
    elif codes:
        ignore = _render(codes)
    else:  # nothing left to ignore: the comment goes, anything after it stays
        return (body[:column] + rest.lstrip() if rest.strip() else body[:column].rstrip()) + newline
    return f"{body[:column]}{ignore}{rest}{newline}"


@dataclass(frozen=True)
class Applied:
    text: str
    #: Lines whose codes went into the file's inline `disable-error-code` instead.
    moved: tuple[int, ...] = ()


def _with_inline_config(lines: list[str], codes: set[str]) -> list[str]:
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    at = 0
    # After a shebang and an encoding cookie, which must stay on the first lines.
    while at < min(2, len(lines)) and re.match(r"#!|#.*coding[:=]", lines[at]):
        at += 1
    for index, line in enumerate(lines):
        if line.startswith(_INLINE_CONFIG):
            existing = _codes(line.removeprefix(_INLINE_CONFIG).strip().strip("\"'"))
            codes = codes | existing
            del lines[index]
            at = min(at, index)
            break
    return [*lines[:at], f'{_INLINE_CONFIG}"{", ".join(sorted(codes))}"{newline}', *lines[at:]]


def apply(text: str, file_plan: FilePlan) -> Applied | None:
    """*text* with *file_plan* applied; None when *text* does not tokenize."""
    found = layout(text)
    if found is None:
        return None
    lines = lines_of(text)
    moved = tuple(sorted(row for row in file_plan.add if row in found.closed))
    # A code disabled for the file would leave the same code's line ignores unused.
    file_codes = set().union(*(file_plan.add[row] for row in moved))
    rows = set(file_plan.add) | set(file_plan.unused) | set(file_plan.coded)
    for row in sorted(rows):
        if not 0 < row <= len(lines):
            continue
        add = set() if row in moved else file_plan.add.get(row, set()) - file_codes
        lines[row - 1] = _edit_line(
            lines[row - 1],
            found.comments.get(row),
            add,
            file_plan.unused.get(row),
            file_plan.coded.get(row, set()),
        )
    if file_codes:
        lines = _with_inline_config(lines, file_codes)
    return Applied("".join(lines), moved)
