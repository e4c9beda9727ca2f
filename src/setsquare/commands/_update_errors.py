"""Copier's failures while it updates a project (or looks for a newer release) as `SetsquareError`s.

Shared by `update` and `update --check`: each failure becomes one line saying what
went wrong, pointing at the answer or option to change when that is the cause.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from copier.errors import CopierError, UnsafeTemplateError
from plumbum import ProcessExecutionError

from setsquare.commands._answers_file import ANSWERS_FILE
from setsquare.commands._copier import is_answer_error, unknown_revision
from setsquare.errors import SetsquareError, TemplateError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from setsquare.commands._answers_file import Answers

# Copier's ValueError for a local template source that is not a directory.
_MISSING_TEMPLATE = "Local template must be a directory"


@contextmanager
def copier_errors(path: str, answers: Answers) -> Iterator[None]:
    """Copier's failures around a project's template as `SetsquareError`s."""
    src = str(answers.values["_src_path"])
    try:
        yield
    except SetsquareError:
        raise
    except ValueError as error:
        text = str(error)
        missing = unknown_revision(error)
        if missing is not None and missing == answers.values["_commit"]:
            raise answers.error(
                "_commit",
                f"`_commit` {missing} is not a tag or commit of the template {src}",
                hint="restore `_commit` from git (`git log -p .copier-answers.yml`); if the "
                "template's history was rewritten, set it to the tag the project was made from",
            ) from error
        if missing is not None:
            raise UsageError(
                f"--vcs-ref {missing}: no such tag, branch or commit in the template {src}",
                hint="`git ls-remote --tags SRC` lists the template's releases",
            ) from error
        if text.startswith(_MISSING_TEMPLATE):
            raise TemplateError(
                f"{path}: could not update from {src}: {text}",
                hint=f"point `_src_path` in {ANSWERS_FILE} at a clone of the template, commit, "
                "and run the update again",
            ) from error
        if not is_answer_error(error):
            raise
        raise TemplateError(
            text.splitlines()[0], hint="pass a valid answer with --data KEY=VALUE"
        ) from error
    except UnsafeTemplateError as error:
        raise TemplateError(
            f"{path}: the update runs template code: {_reason(error)}",
            hint="read the template's changelog; if you trust it, run "
            "`copier update --trust --defaults --skip-answered` yourself",
        ) from error
    except (CopierError, ProcessExecutionError, OSError) as error:
        raise TemplateError(
            f"{path}: could not update from {src}: {_reason(error)}",
            hint=f"check --vcs-ref and that the template source in {ANSWERS_FILE} can be reached",
        ) from error


def _reason(error: Exception) -> str:
    """One line saying why copier failed."""
    if isinstance(error, ProcessExecutionError):
        # plumbum's own message starts "Unexpected exit code: 128"; git's first
        # "fatal:" line says what went wrong.
        lines = [line.strip() for line in str(error.stderr).splitlines() if line.strip()]
        for line in lines:
            if line.startswith(("fatal:", "error:")):
                return line
        if lines:
            return lines[-1]
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
