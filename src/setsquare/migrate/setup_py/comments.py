"""The comments written among the elements of a literal list in setup.py.

``install_requires=['hupper >= 1.5',  # ignore_files support`` loses nothing when
the requirement moves to ``[project] dependencies`` with its comment: a comment
after an element, on the line where it ends, travels beside it; comment lines
above an element travel above it; a blank line before it starts a group. A
comment that sits inside an element written over several lines has no such
place, and the list then moves without comments (the ledger names them).
"""

from __future__ import annotations

import ast
import io
import tokenize

from setsquare.migrate.model import Item


def _comments(text: str) -> list[tuple[int, str]]:
    """(line, text without ``#``) of every comment in *text*."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                found.append((token.start[0], token.string[1:].strip()))
    except (tokenize.TokenError, SyntaxError):
        return []
    return found


class ListComments:
    """The comments of setup.py, handed out per literal list."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.comments = _comments(text)

    def items(self, node: ast.expr | None, values: list[str]) -> list[Item]:
        """*values* (the list *node* spells) as items with the comments written among them."""
        plain = [Item(value) for value in values]
        if not isinstance(node, (ast.List, ast.Tuple)) or len(node.elts) != len(values):
            return plain
        elts = node.elts
        above: list[list[str]] = [[] for _ in elts]
        inline: list[list[str]] = [[] for _ in elts]
        for line, comment in self.comments:
            if not node.lineno <= line <= (node.end_lineno or node.lineno):
                continue
            if any(e.lineno <= line < (e.end_lineno or e.lineno) for e in elts):
                return plain  # inside an element written over several lines
            ending = [i for i, e in enumerate(elts) if e.end_lineno == line]
            if ending:
                inline[ending[-1]].append(comment)
                continue
            after = [i for i, e in enumerate(elts) if e.lineno > line]
            if not after:
                continue  # below the last element: no place to go, the ledger names it
            above[after[0]].append(comment)
        result = []
        for index, (value, elt) in enumerate(zip(values, elts, strict=True)):
            gap = index > 0 and any(
                not self.lines[number - 1].strip()
                for number in range((elts[index - 1].end_lineno or 0) + 1, elt.lineno)
            )
            result.append(Item(value, tuple(above[index]), "; ".join(inline[index]), gap))
        return result
