"""``setsquare update``: apply a newer template release to a project made from it.

A thin shell over copier's ``run_update`` with the flags that make updating
boring: questions already answered are not asked again, new questions take
their defaults, conflicts are written inline. Unlike copier, a conflict left
in the tree is a failure: the files are listed and the exit code is 1.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import copier
import yaml
from copier.errors import CopierError, UnsafeTemplateError
from plumbum import ProcessExecutionError

from setsquare.commands._copier import is_answer_error
from setsquare.errors import InputError, TemplateError, UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

ANSWERS_FILE = ".copier-answers.yml"

# ... and a local template source that is not a directory like this.
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
    before = _read_answers(root, path)
    top = _git_toplevel(git, root, path)
    dirty = [_relative(top / name, root) for _, name in _status(git, root)]
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise UsageError(
            f"{path}: uncommitted changes in {shown}",
            hint="commit or stash them first, so the update is a diff of its own to review",
        )
    _run_copier(root, path, str(before["_src_path"]), dict(data or {}), vcs_ref)
    after = _read_answers(root, path)
    name = after.get("project_name", root.resolve().name)
    old, new = before["_commit"], after["_commit"]
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


def _run_copier(root: Path, path: str, src: str, data: dict[str, str], vcs_ref: str | None) -> None:
    """Copier's update with setsquare's flags; its failures as `TemplateError`s."""
    try:
        copier.run_update(
            root,
            data=data,
            vcs_ref=vcs_ref,
            defaults=True,
            skip_answered=True,
            overwrite=True,
            conflict="inline",
            quiet=True,
            unsafe=False,
        )
    except ValueError as error:
        text = str(error)
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


def _read_answers(root: Path, path: str) -> dict[str, Any]:
    """The answers copier recorded in *root*, with the template provenance checked."""
    if not root.is_dir():
        raise UsageError(f"{path}: no such directory", hint="pass the project's directory")
    answers_path = root / ANSWERS_FILE
    if not answers_path.is_file():
        raise UsageError(
            f"{path}: not a project made from a Copier template (no {ANSWERS_FILE})",
            hint="`setsquare update` updates projects made by `setsquare new` or "
            "`copier copy`; to bring an existing project up to standard, use `setsquare adopt`",
        )
    shown = str(Path(path) / ANSWERS_FILE)
    try:
        answers = yaml.safe_load(answers_path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark is not None else None
        raise InputError(
            shown,
            f"not valid YAML: {error.problem}",
            line=line,
            hint="restore the file from git: copier writes it, it is not edited by hand",
        ) from error
    if not isinstance(answers, dict):
        raise InputError(shown, "expected a mapping of answers", hint="restore it from git")
    missing = [key for key in ("_src_path", "_commit") if not answers.get(key)]
    if missing:
        raise InputError(
            shown,
            f"no {' or '.join(f'`{key}`' for key in missing)}: the template source "
            "and version of the project are unknown",
            hint="render the project from a git-tagged template (`setsquare new`) to update it",
        )
    src = str(answers["_src_path"])
    local = Path(src).expanduser()
    if _is_local(src) and local.is_absolute() and not local.is_dir():
        raise InputError(
            shown,
            f"`_src_path` {src} is not a template directory any more",
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
