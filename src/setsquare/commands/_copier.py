"""What `new` and `update` share about copier: its worker, and its errors."""

from __future__ import annotations

import ast
import re

# copier's public `run_copy`/`run_update` ask, render and write in one call; its
# Worker (internal in copier 9, pinned below 10) lets us read the template's
# questions from the very source it renders, and refuse bad answers before a write.
from copier._main import Worker

__all__ = ["ANSWER_ERRORS", "Worker", "is_answer_error", "unknown_revision"]

# Copier reports a failed answer validator, a choice outside the list, or a
# question left without an answer as a plain ValueError with one of these prefixes.
ANSWER_ERRORS = ("Validation error for question", "Invalid choice for", "Question ")

# ... and a ref it cannot find in the template repository like this.
_UNKNOWN_REVISION = re.compile(r"Unknown revision: (?P<ref>'.*'|\".*\")\Z", re.DOTALL)


def is_answer_error(error: ValueError) -> bool:
    return str(error).startswith(ANSWER_ERRORS)


def unknown_revision(error: ValueError) -> str | None:
    """The git ref copier could not resolve in the template, if that is what *error* says."""
    match = _UNKNOWN_REVISION.match(str(error))
    if match is None:
        return None
    ref = ast.literal_eval(match["ref"])
    return ref if isinstance(ref, str) else None
