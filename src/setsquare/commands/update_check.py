"""``setsquare update --check``: is a newer template release there? Read-only.

For CI and scripts, like copier's ``check-update``: exit 1 when the template has a
release newer than the one the project was last rendered from, 0 when it is current.
Nothing is written, so uncommitted changes do not matter.
"""

from __future__ import annotations

from pathlib import Path

from setsquare.commands._answers_file import read_answers
from setsquare.commands._copier import Worker
from setsquare.commands._update_errors import copier_errors
from setsquare.errors import TemplateError

EXIT_CURRENT = 0
EXIT_BEHIND = 1


def check_update(*, path: str = ".", vcs_ref: str | None = None) -> int:
    """Compare the project's template release with the newest one (or *vcs_ref*)."""
    root = Path(path)
    answers = read_answers(root, path)
    name = answers.values.get("project_name", root.resolve().name)
    with copier_errors(path, answers), Worker(dst_path=root, vcs_ref=vcs_ref, quiet=True) as worker:
        recorded = worker.subproject.template
        current = recorded.version if recorded is not None else None
        latest = worker.template.version
    if current is None or latest is None:
        missing = "the project's `_commit`" if current is None else "the template's release"
        raise TemplateError(
            f"{path}: cannot tell which release is newer: {missing} is not a version tag",
            hint="template releases are git tags such as v1.2.0 (PEP 440 after the `v`)",
        )
    old, new = answers.values["_commit"], worker.template.ref or f"v{latest}"
    if latest > current:
        print(f"{name} uses template {old}; {new} is available")
        print("hint: `setsquare update` applies it (review with `git diff`, then commit)")
        return EXIT_BEHIND
    print(f"{name} is at the newest template release ({old})")
    return EXIT_CURRENT
