"""What `new` and `update` share about copier's errors."""

from __future__ import annotations

# Copier reports a failed answer validator, a choice outside the list, or a
# question left without an answer as a plain ValueError with one of these prefixes.
ANSWER_ERRORS = ("Validation error for question", "Invalid choice for", "Question ")


def is_answer_error(error: ValueError) -> bool:
    return str(error).startswith(ANSWER_ERRORS)
