"""Inline comments in flake8's code lists: ``ignore = E501  # long lines``.

flake8 reads its INI files with configparser's defaults, which keep an inline comment
in the value (``flake8/options/config.py``: ``RawConfigParser()``), and splits code
lists on commas and whitespace, so every word of the comment becomes a code. Only a
word shaped like a code can ever match one; flake8 6 and later refuse any other in
``ignore``/``extend-ignore`` (``VALID_CODE_PREFIX``).
"""

from __future__ import annotations

import re

from setsquare.migrate.tools import values

#: flake8's VALID_CODE_PREFIX (``flake8/defaults.py``): the only words that can match a code
_CODE_SHAPED = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")


def line_codes(text: str) -> tuple[list[str], str, list[str]]:
    """The codes flake8 takes from one line of a code list, its inline comment, and the
    comment's words that flake8 counts as codes.

    ``E501  # long lines`` gives flake8 the codes ``E501``, ``#``, ``long`` and ``lines``;
    ``long`` never matches a code, so the rest is the comment it looks like. A
    code-shaped word in it (``# W503 too``) did count, and still counts.
    """
    value, comment = values.inline_comment(text)
    counted = [word for word in values.commas_or_space(comment) if _CODE_SHAPED.match(word)]
    return [*values.commas_or_space(value), *counted], comment, counted


def comment_note(key: str, comment: str, counted: list[str]) -> str:
    """The ledger's word on an inline comment in option *key*."""
    note = f"the inline comment {comment!r} stays a comment"
    if counted:
        # flake8 matched them as code prefixes, so dropping them would change the selection.
        note += f"; flake8 counted {', '.join(counted)} in it as codes, so they still count"
    elif key.lower().replace("_", "-") in ("ignore", "extend-ignore"):
        note += f" (flake8 6 and later refuse it in `{key}`: they read it as codes)"
    return note


__all__ = ["comment_note", "line_codes"]
