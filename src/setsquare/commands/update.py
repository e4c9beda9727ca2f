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
from pathlib import Path
from typing import TYPE_CHECKING

from setsquare.commands._answers import check_answers
from setsquare.commands._answers_file import read_answers
from setsquare.commands._copier import Worker
from setsquare.commands._update_errors import copier_errors
from setsquare.commands._update_git import conflicts, git_toplevel, relative, status
from setsquare.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from setsquare.commands._answers_file import Answers


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
    top = git_toplevel(git, root, path)
    dirty = [relative(top / name, root) for _, name in status(git, root)]
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
    entries = status(git, root, ignored=True)
    if not any(code != "!!" or changed.endswith(".rej") for code, changed in entries):
        print(f"{name} is already at template {new}: nothing to update")
        return 0
    if old != new:
        print(f"Updated {name} from template {old} to {new}")
    else:
        print(f"Re-rendered {name} at template {new} with the changed answers")
    conflicted = conflicts(root, top, entries)
    if conflicted:
        print(f"{len(conflicted)} file(s) need a manual merge:")
        for conflict in conflicted:
            print(f"  {conflict}")
        print(
            "hint: resolve the blocks between `<<<<<<< before updating` and "
            "`>>>>>>> after updating` (and apply or drop the hunks of each .rej file, "
            "then delete it), then commit"
        )
        return 1
    print("Review the changes with `git diff`, run `uv sync`, then commit them.")
    return 0


def _run_copier(
    root: Path, path: str, answers: Answers, data: dict[str, str], vcs_ref: str | None
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
