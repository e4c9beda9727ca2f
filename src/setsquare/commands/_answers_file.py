"""The project's `.copier-answers.yml` as `update` reads it: values, key lines, provenance checked.

Copier records in it the template source (`_src_path`) and release (`_commit`) a project
was rendered from; an update needs both, so a missing or broken one is refused here,
with the line it is on, before copier runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from setsquare._shape import YAML_WORDS, describe_value
from setsquare._text import decode
from setsquare.errors import InputError, UsageError

ANSWERS_FILE = ".copier-answers.yml"
#: The next step whenever the answers file itself is broken.
_RESTORE = "restore the file from git (`git log -p .copier-answers.yml`): copier writes it"


@dataclass(frozen=True)
class Answers:
    """The answers file as read: its values, the line of each top-level key, its shown path."""

    values: dict[str, Any]
    lines: dict[str, int]
    shown: str

    def error(self, key: str, message: str, *, hint: str) -> InputError:
        return InputError(self.shown, message, line=self.lines.get(key), hint=hint)


def read_answers(root: Path, path: str) -> Answers:
    """The answers copier recorded in *root*, with the template provenance checked."""
    if not root.is_dir():
        problem = "is a file, not a folder" if root.exists() else "no such directory"
        raise UsageError(f"{path}: {problem}", hint="pass the project's directory")
    answers_path = root / ANSWERS_FILE
    if not answers_path.is_file():
        raise UsageError(
            f"{path}: not a project made from a Copier template (no {ANSWERS_FILE})",
            hint="`setsquare update` updates projects made by `setsquare new` or "
            "`copier copy`; to bring an existing project up to standard, use `setsquare adopt`",
        )
    shown = str(Path(path) / ANSWERS_FILE)
    text = decode(shown, answers_path.read_bytes(), hint=_RESTORE)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        values = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark is not None else None
        raise InputError(
            shown, f"not valid YAML: {error.problem}", line=line, hint=_RESTORE
        ) from error
    except yaml.YAMLError as error:
        # A ReaderError (a control character) knows the offset, not the line.
        offset = getattr(error, "position", None)
        line = text.count("\n", 0, offset) + 1 if isinstance(offset, int) else None
        reason = str(error).splitlines()[0]
        raise InputError(shown, f"not valid YAML: {reason}", line=line, hint=_RESTORE) from error
    if not isinstance(values, dict):
        raise InputError(shown, "expected a mapping of answers", hint=_RESTORE)
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    answers = Answers(values, lines, shown)
    missing = [key for key in ("_src_path", "_commit") if not values.get(key)]
    if missing:
        raise InputError(
            shown,
            f"no {' or '.join(f'`{key}`' for key in missing)}: the template source "
            "and version of the project are unknown",
            hint="render the project from a git-tagged template (`setsquare new`) to update it",
        )
    for key in ("_src_path", "_commit"):
        if not isinstance(values[key], str):
            raise answers.error(
                key,
                f"`{key}` must be a string, not {describe_value(values[key], YAML_WORDS)}",
                hint=_RESTORE,
            )
    src = values["_src_path"]
    # Copier reads a relative local source from the current folder, as we do.
    if _is_local(src) and not Path(src).expanduser().is_dir():
        raise answers.error(
            "_src_path",
            f"`_src_path` {src} is not a template directory"
            + ("" if Path(src).expanduser().is_absolute() else " (from the current folder)"),
            hint="point `_src_path` at a clone of the template (the same repository, "
            "with its tags), commit, and run the update again",
        )
    return answers


def _is_local(src: str) -> bool:
    """Whether copier reads *src* from the file system rather than cloning it."""
    return "://" not in src and not src.startswith(("git@", "gh:", "gl:"))
