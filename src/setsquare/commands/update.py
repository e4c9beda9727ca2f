"""``setsquare update``: apply a newer template release to a project made from it.

A thin shell over copier's update with the flags that make updating boring:
questions already answered are not asked again, new questions take their
defaults, conflicts are written inline. Unlike copier, a conflict left in the
tree is a failure: the files are listed and the exit code is 1; and a `--data`
key the new release does not ask, or a broken answers file, is refused before
anything is written.
"""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from copier.errors import CopierError, UnsafeTemplateError
from plumbum import ProcessExecutionError

from setsquare._shape import YAML_WORDS, describe_value
from setsquare._text import decode
from setsquare.commands._answers import check_answers
from setsquare.commands._copier import Worker, is_answer_error, unknown_revision
from setsquare.errors import InputError, SetsquareError, TemplateError, UsageError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

ANSWERS_FILE = ".copier-answers.yml"
#: The next step whenever the answers file itself is broken.
_RESTORE = "restore the file from git (`git log -p .copier-answers.yml`): copier writes it"

# Copier's ValueError for a local template source that is not a directory.
_MISSING_TEMPLATE = "Local template must be a directory"
# `git status --porcelain` codes of paths a merge left unmerged.
_UNMERGED = {"DD", "AU", "UD", "UA", "DU", "AA", "UU"}
# Lines that open or close a conflict block; copier labels its own
# "before updating" and "after updating", other merges name their sides.
_MARKERS = (b"<<<<<<< ", b">>>>>>> ")


def update(
    *,
    path: str = ".",
    vcs_ref: str | None = None,
    data: Mapping[str, str] | None = None,
) -> int:
    """Update the project at *path*; return 0, or 1 when conflicts are left to resolve."""
    root = Path(path)
    git = shutil.which("git")
    if git is None:
        raise UsageError("git was not found", hint="install git: template updates are git merges")
    before = read_answers(root, path)
    top = _git_toplevel(git, root, path)
    dirty = [_relative(top / name, root) for _, name in _status(git, root)]
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise UsageError(
            f"{path}: uncommitted changes in {shown}",
            hint="commit or stash them first, so the update is a diff of its own to review",
        )
    _run_copier(root, path, before, dict(data or {}), vcs_ref)
    after = read_answers(root, path).values
    name = after.get("project_name", root.resolve().name)
    old, new = before.values["_commit"], after["_commit"]
    status = _status(git, root, ignored=True)
    if not any(code != "!!" or changed.endswith(".rej") for code, changed in status):
        print(f"{name} is already at template {new}: nothing to update")
        return 0
    if old != new:
        print(f"Updated {name} from template {old} to {new}")
    else:
        print(f"Re-rendered {name} at template {new} with the changed answers")
    conflicts = _conflicts(root, top, status)
    if conflicts:
        print(f"{len(conflicts)} file(s) need a manual merge:")
        for conflict in conflicts:
            print(f"  {conflict}")
        print(
            "hint: resolve the blocks between `<<<<<<< before updating` and "
            "`>>>>>>> after updating` (and apply or drop the hunks of each .rej file, "
            "then delete it), then commit"
        )
        return 1
    print("Review the changes with `git diff`, run `uv sync`, then commit them.")
    return 0


@dataclass(frozen=True)
class _Answers:
    """The answers file as read: its values, the line of each top-level key, its shown path."""

    values: dict[str, Any]
    lines: dict[str, int]
    shown: str

    def error(self, key: str, message: str, *, hint: str) -> InputError:
        return InputError(self.shown, message, line=self.lines.get(key), hint=hint)


def _run_copier(
    root: Path, path: str, answers: _Answers, data: dict[str, str], vcs_ref: str | None
) -> None:
    """Copier's update with setsquare's flags; its failures as `SetsquareError`s."""
    with (
        copier_errors(path, answers),
        Worker(
            dst_path=root,
            data=data,
            vcs_ref=vcs_ref,
            defaults=True,
            skip_answered=True,
            overwrite=True,
            conflict="inline",
            quiet=True,
            unsafe=False,
        ) as worker,
    ):
        # The questions of the release updated to: a key it does not ask is a typo.
        check_answers(worker.template.questions_data, data)
        worker.run_update()


@contextmanager
def copier_errors(path: str, answers: _Answers) -> Iterator[None]:
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


def read_answers(root: Path, path: str) -> _Answers:
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
    answers = _Answers(values, lines, shown)
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


def _git_toplevel(git: str, root: Path, path: str) -> Path:
    result = subprocess.run(
        [git, "rev-parse", "--show-toplevel"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise UsageError(
            f"{path}: not inside a git repository",
            hint='copier updates are git merges: `git init && git add -A && git commit -m "Start"`',
        )
    return Path(result.stdout.strip())


def _status(git: str, root: Path, *, ignored: bool = False) -> list[tuple[str, str]]:
    """``(code, path)`` of each path under *root* that differs from HEAD; paths from the top.

    Without *ignored* this is copier's own dirtiness test, so we refuse exactly
    when copier would. With it, ignored files that match an ignore pattern come
    too (code ``!!``), so a `*.rej` rule cannot hide a rejected hunk.
    """
    cmd = [git, "status", "--porcelain=v1", "-z", "--untracked-files=all"]
    if ignored:
        cmd.append("--ignored=matching")
    out = subprocess.run([*cmd, "--", "."], cwd=root, capture_output=True, check=True).stdout
    entries = out.decode("utf-8", "surrogateescape").split("\0")
    status: list[tuple[str, str]] = []
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if not entry:
            continue
        if entry[0] in "RC":
            index += 1  # the source path of a rename or copy follows
        status.append((entry[:2], entry[3:]))
    return status


def _conflicts(root: Path, top: Path, status: list[tuple[str, str]]) -> list[str]:
    """The paths (relative to *root*) left with conflict markers or rejected hunks."""
    found: set[str] = set()
    for code, name in status:
        full = top / name
        if name.endswith(".rej") or code in _UNMERGED:
            found.add(_relative(full, root))
        elif code == "!!" or not full.is_file():
            continue
        elif any(line.startswith(_MARKERS) for line in full.read_bytes().splitlines()):
            found.add(_relative(full, root))
    return sorted(found)


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


def _is_local(src: str) -> bool:
    """Whether copier reads *src* from the file system rather than cloning it."""
    return "://" not in src and not src.startswith(("git@", "gh:", "gl:"))


def _relative(full: Path, root: Path) -> str:
    return full.resolve().relative_to(root.resolve()).as_posix()
