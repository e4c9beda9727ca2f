"""The last word on comments: any comment a migration removes must reappear somewhere.

The mappers carry comments next to the keys they annotate; this check does not trust
that. It lists every comment in the legacy text a migration changes and looks for it
in what the project holds afterwards, so a comment left behind by a removed section
shows up in the ledger instead of vanishing.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Entry, Location

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

#: pip's comment rule: ``#`` at the start of a line or after whitespace
_REQUIREMENT_COMMENT = re.compile(r"(?:^|\s)#(?P<text>.*)$")
_INI_COMMENT = ("#", ";")


def _python_comments(text: str) -> Iterator[tuple[int, str]]:
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string[1:].strip()
    except (tokenize.TokenError, SyntaxError):  # setup.py was parsed before; be safe anyway
        return


def _line_comments(path: str, text: str) -> Iterator[tuple[int, str]]:
    requirements = path.endswith((".txt", ".in"))
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if requirements:
            match = _REQUIREMENT_COMMENT.search(line)
            if match is not None:
                yield number, match["text"].strip()
        elif stripped.startswith(_INI_COMMENT):
            yield number, stripped[1:].strip()


def _any_comments(path: str, text: str) -> Iterator[tuple[int, str]]:
    """Comments as *path*'s tool reads them; in TOML (and anything else) every ``#`` that
    starts a line or follows whitespace, which may take in a ``#`` inside a string: that
    only ever lets a comment count as kept, never reports one wrongly."""
    if not path.endswith(".toml"):
        yield from comments_of(path, text)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        match = _REQUIREMENT_COMMENT.search(line)
        if match is not None:
            yield number, match["text"].strip()


def comments_of(path: str, text: str) -> list[tuple[int, str]]:
    """(line, text) of every non-empty comment in *text*, read the way *path*'s tool reads it."""
    found = _python_comments(text) if path.endswith(".py") else _line_comments(path, text)
    return [(line, comment) for line, comment in found if comment]


def unplaced_comments(
    files: Mapping[str, str], changes: Mapping[str, str | None], *, skip: frozenset[str]
) -> list[Entry]:
    """A ledger entry for each comment of a changed file that is nowhere afterwards.

    *files* is the project before, *changes* the new text (None: deleted) of the files
    that change; files in *skip* are edited in place by a comment-keeping writer.
    """
    after = {path: text for path, text in files.items() if path not in changes}
    after.update({path: text for path, text in changes.items() if text is not None})
    # Among the comments only: `# pytest` is not kept by a `pytest==6.2.5` that stays.
    kept = "\n".join(
        comment for path, text in after.items() for _line, comment in _any_comments(path, text)
    )
    entries = []
    for path in sorted(changes.keys() & files.keys() - skip):
        for line, comment in comments_of(path, files[path]):
            if comment in kept:
                continue
            entries.append(
                Entry(
                    Location(path, line),
                    Action.DROPPED,
                    reason=f"comment `# {comment}`: what it stood next to was removed and it"
                    " had no key to travel with; copy it by hand if it still matters",
                )
            )
    return entries


__all__ = ["comments_of", "unplaced_comments"]
