"""Which files each fixing job of `adopt --baseline` touches: exactly what the hooks would.

The baseline does, ahead of time, what the hooks of the adopted
`.pre-commit-config.yaml` would do on the first `pre-commit run --all-files`. So it
reads that config, not a list of its own: for every hook whose job it knows (by hook
id, from the bundle or from the repository's own repos), it takes the hook's `files`,
`exclude`, `types`, `types_or`, `exclude_types` and `args`, and the config's top-level
`files`/`exclude`, and selects files the way pre-commit does (`pre_commit/commands/
run.py` `Classifier`). A file a hook would not see is never touched, and a hook the
config does not have does no job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence


@dataclass(frozen=True)
class Job:
    """A job the baseline knows how to do, with the selection its hooks default to."""

    name: str
    types: tuple[str, ...] = ("file",)
    types_or: tuple[str, ...] = ()


TRAILING_WHITESPACE = Job("trailing-whitespace", types=("text",))
END_OF_FILE = Job("end-of-file-fixer", types=("text",))
MIXED_LINE_ENDING = Job("mixed-line-ending", types=("text",))
RUFF_FORMAT = Job("ruff-format", types_or=("python", "pyi", "jupyter"))
RUFF_CHECK = Job("ruff-check", types_or=("python", "pyi", "jupyter"))

#: Hook id -> job. The bundle and pre-commit-hooks share the first three ids (the
#: bundle runs pre-commit-hooks' code); ruff-pre-commit's legacy `ruff` id is ruff-check.
JOBS: dict[str, Job] = {
    "trailing-whitespace": TRAILING_WHITESPACE,
    "end-of-file-fixer": END_OF_FILE,
    "mixed-line-ending": MIXED_LINE_ENDING,
    "ruff-format": RUFF_FORMAT,
    "ruff-check": RUFF_CHECK,
    "ruff": RUFF_CHECK,
}

#: Stages in which `pre-commit run` (and a commit) runs a hook.
_COMMIT_STAGES = frozenset({"pre-commit", "commit"})


@dataclass(frozen=True)
class Run:
    """One hook's job: the arguments it passes and the files pre-commit would give it."""

    job: Job
    hook_id: str
    args: tuple[str, ...]
    files: tuple[str, ...]


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return ()


def _pattern(value: object, default: str) -> re.Pattern[str]:
    try:
        return re.compile(str(value) if value is not None else default)
    except re.error:
        # pre-commit refuses the config; the baseline then has no file to touch.
        return re.compile(r"(?!)")


def _selected(names: Sequence[str], files: re.Pattern[str], exclude: re.Pattern[str]) -> list[str]:
    return [name for name in names if files.search(name) and not exclude.search(name)]


def _runs_on_commit(hook: Mapping[str, Any], config: Mapping[str, Any]) -> bool:
    stages = hook.get("stages", config.get("default_stages"))
    return not isinstance(stages, list) or bool(_COMMIT_STAGES & {str(s) for s in stages})


def plan_runs(
    config: Mapping[str, Any],
    names: Sequence[str],
    tags: Callable[[str], Collection[str]],
    *,
    defaults: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Run]:
    """The baseline's runs for the parsed pre-commit *config*, in the config's order.

    *names* are the repository's files (git's list); *tags* gives a file's identify
    tags, as pre-commit computes them. *defaults* holds, per hook id, what a hook's
    manifest sets when the config does not (`files`, `exclude`, `types`...); the
    job's own defaults apply otherwise.
    """
    top = _selected(names, _pattern(config.get("files"), ""), _pattern(config.get("exclude"), "^$"))
    runs: list[Run] = []
    for repo in config.get("repos") or []:
        if not isinstance(repo, dict):
            continue
        for hook in repo.get("hooks") or []:
            if not isinstance(hook, dict):
                continue
            hook_id = str(hook.get("id"))
            job = JOBS.get(hook_id)
            if job is None or not _runs_on_commit(hook, config):
                continue
            merged = {**(defaults or {}).get(hook_id, {}), **hook}
            chosen = _selected(
                top, _pattern(merged.get("files"), ""), _pattern(merged.get("exclude"), "^$")
            )
            types = set(_strings(merged.get("types")) or job.types)
            types_or = set(_strings(merged.get("types_or")) or job.types_or)
            exclude_types = set(_strings(merged.get("exclude_types")))
            files = []
            for name in chosen:
                found = set(tags(name))
                if (
                    types <= found
                    and (not types_or or types_or & found)
                    and not exclude_types & found
                ):
                    files.append(name)
            runs.append(Run(job, hook_id, _strings(merged.get("args")), tuple(files)))
    return runs
