"""The one root of every error setsquare reports to a user.

Each error carries a one-line message and an optional ``hint`` with the next
step; ``main.error_handler`` prints both and maps the error to an exit code.
"""

from __future__ import annotations

import sys

from setsquare.redact import redact


class SetsquareError(Exception):
    """An error the user can act on; printed without a traceback."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def report(self) -> None:
        """Print the message and its hint to stderr, in the shape every command uses."""
        # A message may quote a line of the user's files: never a credential in it.
        print(redact(f"error: {self.message}"), file=sys.stderr)
        if self.hint:
            print(redact(f"hint: {self.hint}"), file=sys.stderr)


class UsageError(SetsquareError, ValueError):
    """A command line that cannot be carried out as given."""


class TemplateError(SetsquareError):
    """The template could not be rendered: bad answers, bad source or ref."""


class OutputError(SetsquareError):
    """setsquare computed output that would not parse: our bug, refused before any write."""

    exit_code = 3


class InputError(SetsquareError, ValueError):
    """A file setsquare reads is malformed; the message names the file and line."""

    def __init__(
        self, path: str, message: str, *, line: int | None = None, hint: str | None = None
    ):
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.line = line
