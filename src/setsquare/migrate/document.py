"""pyproject.toml into and out of the document a migration builds: parsed, rendered, checked.

Pure, like `setsquare.migrate.project`, whose first and last stages these are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import tomlkit
from tomlkit.exceptions import ParseError

from setsquare._toml import check_shape, tomllib
from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.policy import PYPROJECT
from setsquare.pyproject_schema import validation_error

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from tomlkit.toml_document import TOMLDocument

    from setsquare.pyproject_schema import ValidationError

_LONE_LF = re.compile(r"(?<!\r)\n")


def parse_pyproject(text: str | None) -> TOMLDocument:
    """*text* as a document to build on (an empty one when there is none), or refused."""
    if text is None:
        return tomlkit.document()
    try:
        doc = tomlkit.parse(text)
    except ParseError as error:
        raise InputError(
            PYPROJECT,
            f"invalid TOML: {str(error).split(' at line')[0]}",
            line=error.line,
            hint="fix the TOML syntax first; setsquare only merges into a valid file",
        ) from error
    check_shape(doc.unwrap(), text, PYPROJECT)
    return doc


def render_pyproject(doc: TOMLDocument, original: str | None, header: Iterable[str] = ()) -> str:
    """*doc* as text, the one place it becomes text (issue #11).

    A new file opens with *header*, the comments that opened the setup.cfg it replaces.
    The text ends in one newline (unless the file had more) and keeps the file's line
    endings; what a TOML reader sees in it must be what was built, or the run stops.
    """
    text = doc.as_string()
    if text != (original or ""):
        # tomlkit's model and its text can disagree (tomlkit#145, #361).
        if tomllib.loads(text) != doc.unwrap():  # pragma: no cover - a tomlkit bug
            msg = "tomlkit wrote a pyproject.toml that reads differently from what it built"
            raise AssertionError(msg)
        text = text.replace("\r\n", "\n")
        # One newline at the end, as end-of-file-fixer wants, unless the user's file had more.
        if text.endswith("\n\n") and not (original or "").replace("\r\n", "\n").endswith("\n\n"):
            text = text.rstrip("\n") + "\n"
    if original is not None and "\r\n" in original:
        # tomlkit writes new lines with "\n"; a CRLF file stays CRLF throughout.
        text = _LONE_LF.sub("\r\n", text)
    opening = tomlkit.document()
    for comment in header:
        opening.add(tomlkit.comment(comment))
    return opening.as_string() + "\n" + text if opening.body else text


def _origin_of(
    error: ValidationError, origins: Mapping[tuple[str, ...], Location | None]
) -> Location | None:
    """``setup.cfg:4`` for ``project.classifiers[0]``, when we wrote that key."""
    path = tuple(re.sub(r"\[\d+\]", "", str(error.name)).strip("`").split("."))
    while path and path not in origins:
        path = path[:-1]
    return origins.get(path)


def check_result(
    text: str, original: str | None, origins: Mapping[tuple[str, ...], Location | None]
) -> list[Entry]:
    """Validate the result (validate-pyproject).

    A file that was already invalid before we touched it is reported, not refused:
    its problem is not ours to fix, and refusing would block every migration.
    """
    error = validation_error(tomllib.loads(text))
    if error is None:
        return []
    if original is not None:
        before = validation_error(tomllib.loads(original))
        if before is not None and before.summary == error.summary:
            return [
                Entry(
                    Location(PYPROJECT),
                    Action.KEPT,
                    reason=f"already failed validate-pyproject before the migration: "
                    f"{error.summary}",
                )
            ]
    origin = _origin_of(error, origins) or Location(PYPROJECT)
    raise InputError(
        origin.path,
        f"the migrated pyproject.toml would not be valid: {error.summary}",
        line=origin.line,
        hint="fix that value (the build backends refuse it too), then run again",
    ) from error
