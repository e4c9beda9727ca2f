"""Cutting moved arguments out of setup.py's setup() call, by their exact source spans.

A keyword's span runs from its name to the end of its value *including* the
parentheses around the value (``keywords=(\\n 'a'\\n)``): the ``ast.keyword`` node
covers them, its ``value`` node does not. Arguments alone on their lines go with
those lines and the comment lines right above them, which speak of them;
arguments sharing a line go up to the next argument kept. A module-level
``NAME = literal`` that only a cut argument used goes too. The result must parse
and hold the same setup() call minus the cut arguments, or nothing is cut.
"""

from __future__ import annotations

import ast
import re

from setsquare.migrate.setup_py.read import setup_calls

#: After an argument: its comma and a comment, then the end of the line.
_LINE_REST = re.compile(rb"[ \t]*,?[ \t]*(#[^\r\n]*)?(\r?\n|\Z)")
_BLANK_LINE = re.compile(rb"[ \t]*\r?\n")

#: (start, end, replacement) in UTF-8 bytes, as ast columns count.
Span = tuple[int, int, bytes]


class _Source:
    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self.starts = [0]
        for line in self.data.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def at(self, line: int | None, col: int | None) -> int:
        return self.starts[(line or 1) - 1] + (col or 0)

    def line_start(self, offset: int) -> int:
        return self.data.rfind(b"\n", 0, offset) + 1

    def starts_line(self, offset: int) -> bool:
        return not self.data[self.line_start(offset) : offset].strip()

    def line_rest(self, offset: int) -> int | None:
        """The end of the line, when only a comma and a comment follow *offset* on it."""
        match = _LINE_REST.match(self.data, offset)
        return match.end() if match else None

    def comments_above(self, offset: int) -> int:
        """The start of the full-line comments right above *offset*'s line (or of that line)."""
        start = self.line_start(offset)
        while start > 0:
            above = self.line_start(start - 1)
            if not self.data[above:start].strip().startswith(b"#"):
                break
            start = above
        return start


def _argument_spans(source: _Source, call: ast.Call, remove: set[str]) -> list[Span]:
    args = [
        (
            source.at(kw.lineno, kw.col_offset),
            source.at(kw.end_lineno, kw.end_col_offset),
            kw.arg in remove,
        )
        for kw in call.keywords
    ]
    if all(dropped for _, _, dropped in args):
        start = source.at(call.func.end_lineno, call.func.end_col_offset)
        return [(start, source.at(call.end_lineno, call.end_col_offset), b"()")]
    spans: list[Span] = []
    index = 0
    while index < len(args):
        if not args[index][2]:
            index += 1
            continue
        first = index
        while index < len(args) and args[index][2]:
            index += 1
        start, end = args[first][0], args[index - 1][1]
        rest = source.line_rest(end)
        if source.starts_line(start) and rest is not None:
            spans.append((source.comments_above(start), rest, b""))
        elif index < len(args):
            spans.append((start, args[index][0], b""))
        else:
            # The last ones, sharing a line: from the end of the last one kept.
            spans.append((args[first - 1][1], end, b""))
    return spans


def _only_use(text: str, tree: ast.Module, name: str) -> bool:
    """Whether *name* is written just twice: bound once and passed once."""
    # Any other mention (a second use, a comment, a string) keeps the binding;
    # `install_requires=` names an argument, not the variable.
    as_argument = sum(
        1 for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg == name
    )
    return len(re.findall(rf"(?<![\w.]){re.escape(name)}\b", text)) - as_argument == 2


def _dead_assignment_spans(
    source: _Source,
    tree: ast.Module,
    call: ast.Call,
    remove: set[str],
    bindings: dict[str, ast.Assign | None],
) -> list[Span]:
    text = source.data.decode("utf-8")
    spans = []
    for kw in call.keywords:
        if kw.arg not in remove or not isinstance(kw.value, ast.Name):
            continue
        assign = bindings.get(kw.value.id)
        if assign is None or len(assign.targets) != 1 or not _only_use(text, tree, kw.value.id):
            continue
        first, last = assign.lineno, assign.end_lineno or assign.lineno
        if any(
            statement is not assign
            and statement.lineno <= last
            and (statement.end_lineno or statement.lineno) >= first
            for statement in tree.body
        ):
            continue  # shares a line with another statement (`a = 1; b = 2`)
        start = source.at(first, 0)
        end = source.line_rest(source.at(last, assign.end_col_offset))
        if end is None:
            continue
        if start == 0 or not source.data[source.line_start(start - 1) : start].strip():
            # Blank above and below: one blank line stays where it stood, not two.
            blank = _BLANK_LINE.match(source.data, end)
            end = blank.end() if blank else end
        spans.append((start, end, b""))
    return spans


def _as_intended(new: str, call: ast.Call, remove: set[str], statements: int) -> bool:
    """*new* parses, with the one setup() call minus *remove* and *statements* statements."""
    try:
        tree = ast.parse(new)
    except SyntaxError:
        return False
    calls = setup_calls(tree)
    kept = [kw.arg for kw in call.keywords if kw.arg not in remove]
    return (
        len(tree.body) == statements
        and len(calls) == 1
        and [kw.arg for kw in calls[0].keywords] == kept
    )


def cut_arguments(
    text: str,
    tree: ast.Module,
    call: ast.Call,
    remove: set[str],
    bindings: dict[str, ast.Assign | None],
) -> str | None:
    """*text* without the arguments in *remove* (and what only they used); None if unsure."""
    source = _Source(text)
    spans = _argument_spans(source, call, remove)
    dead = _dead_assignment_spans(source, tree, call, remove, bindings)
    spans += dead
    data = source.data
    for start, end, replacement in sorted(spans, reverse=True):
        data = data[:start] + replacement + data[end:]
    new = data.decode("utf-8")
    return new if _as_intended(new, call, remove, len(tree.body) - len(dead)) else None
