"""The `cli` extra: what the command line needs beyond the pre-commit hooks.

pre-commit installs setsquare into every hook environment, so the distribution's own
dependencies are only what the hooks import; `setsquare[cli]` adds the rest. A command
that needs a package of the extra checks for it before it reads or prints anything,
and stops with one line naming the package and a hint instead of a traceback.
"""

from __future__ import annotations

import importlib.util

from setsquare.errors import SetsquareError

#: Import name -> distribution, for every package of `[project.optional-dependencies] cli`
#: in pyproject.toml (tests/test_extras.py keeps the two equal).
CLI_EXTRA: dict[str, str] = {
    "build": "build",
    "copier": "copier",
    "identify": "identify",
    "plumbum": "plumbum",
    "repo_review": "repo-review",
}

#: What each command (or command and option) imports from the extra.
NEEDS: dict[str, tuple[str, ...]] = {
    "new": ("copier", "plumbum"),
    "update": ("copier", "plumbum"),
    "check": ("repo_review",),
    "adopt --baseline": ("identify",),
    "migrate --verify": ("build",),
}

#: How to get the command line, in the words every message and the README use.
INSTALL_HINT = (
    "install the command line with `uv tool install 'setsquare[cli]'` "
    "(or `pipx install 'setsquare[cli]'`; in a project: `setsquare[cli]` as a dev dependency)"
)


class MissingExtraError(SetsquareError):
    """A command needs a package of the `cli` extra that is not installed."""


def _error(command: str, module: str) -> MissingExtraError:
    return MissingExtraError(
        f"`setsquare {command}` needs {CLI_EXTRA[module]}, which comes with the `cli` extra "
        "and is not installed",
        hint=INSTALL_HINT,
    )


def require(command: str) -> None:
    """Raise `MissingExtraError` if *command* (a key of `NEEDS`, or any other) lacks a package."""
    for module in NEEDS.get(command, ()):
        if importlib.util.find_spec(module) is None:
            raise _error(command, module)


def missing_extra(error: ModuleNotFoundError, command: str) -> MissingExtraError | None:
    """The user-facing error for *error* if it is a `cli` extra package, else None.

    The backstop for an import `NEEDS` does not list: still one line and a hint.
    """
    top = (error.name or "").partition(".")[0]
    return _error(command, top) if top in CLI_EXTRA else None
