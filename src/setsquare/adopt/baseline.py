"""`adopt --baseline`: leave a repository on which its hooks pass, changing only what they would.

Whitespace and formatting cannot be suppressed line by line, so they are fixed;
Ruff's and mypy's findings are recorded where they are (`# noqa: CODE`, `# type:
ignore[code]`), so new code is held to the rules from the first commit.

What is touched comes from the adopted `.pre-commit-config.yaml` (`baseline_jobs`):
each fixing hook's own files, excludes, types and arguments, and Ruff's own
`exclude` (`--force-exclude`, as the hooks run it). The jobs run on a scratch copy
of the work tree, round after round, until a round changes nothing: formatting
moves comments, a `# noqa` can make a line too long, a blanket `# noqa` becomes
coded ones. Then mypy runs there the way the bundle's hook runs it (same targets,
same project environment), its errors are recorded, and the jobs run again. Only
then is the difference written, through one `ChangeSet`.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from setsquare._git import listed_files
from setsquare.adopt.baseline_jobs import plan_runs
from setsquare.adopt.baseline_names import record_by_name
from setsquare.adopt.baseline_report import Report, some, summary
from setsquare.adopt.baseline_run import (
    RuffError,
    codeless_findings,
    decoded,
    do,
    remaining,
    unparsable,
)
from setsquare.adopt.mypy_baseline_run import MAX_MYPY_RUNS, bundle_mypy_hook, record
from setsquare.changes import ChangeSet, read_text, validate
from setsquare.errors import OutputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from setsquare.adopt.baseline_jobs import Run

CONFIG = ".pre-commit-config.yaml"
PYPROJECT = "pyproject.toml"
#: Ruff's own configuration files, which win over pyproject.toml in their folder.
RUFF_TOMLS = ("ruff.toml", ".ruff.toml")
#: Rounds of the fixing jobs before the baseline gives up on a fixed point.
MAX_ROUNDS = 4
#: Folders never copied to the scratch tree: git's, caches, and environments.
_NOT_COPIED = frozenset({".git", ".mypy_cache", ".ruff_cache", ".tox", ".nox", "node_modules"})


def _tags(root: Path) -> Callable[[str], frozenset[str]]:
    """A file's identify tags, as pre-commit computes them to pick a hook's files."""
    from identify.identify import tags_from_path

    def tags(name: str) -> frozenset[str]:
        try:
            return frozenset(tags_from_path(str(root / name)))
        except ValueError:  # listed by git but gone from the work tree
            return frozenset()

    return tags


def _copy_tree(root: Path, scratch: Path) -> None:
    """The work tree, ignored files too (mypy sees them: a generated `_version.py`)."""

    def skipped(folder: str, names: list[str]) -> set[str]:
        return {
            name
            for name in names
            if name in _NOT_COPIED or (Path(folder, name, "pyvenv.cfg")).is_file()
        }

    shutil.copytree(root, scratch, symlinks=True, ignore=skipped)


def _read(scratch: Path, names: Iterable[str]) -> dict[str, bytes]:
    found = {}
    for name in names:
        path = scratch / name
        if path.is_file() and not path.is_symlink():
            found[name] = path.read_bytes()
    return found


def _changed(before: Mapping[str, bytes], after: Mapping[str, bytes]) -> set[str]:
    return {name for name, data in after.items() if before.get(name) != data}


def _fixpoint(runs: Sequence[Run], scratch: Path, report: Report) -> None:
    """Run every job until a round changes nothing (or `MAX_ROUNDS` rounds did)."""
    last: set[str] = set()
    for _ in range(MAX_ROUNDS):
        last = set()
        for run in runs:
            before = _read(scratch, run.files)
            try:
                do(run, scratch, report)
            except RuffError as error:
                report.notes.append(
                    f"baseline: ruff could not run ({error}); nothing was formatted or "
                    "recorded for it\nhint: fix what ruff reports, then run "
                    "`setsquare adopt --baseline` again"
                )
                return
            changed = _changed(before, _read(scratch, run.files))
            report.touched(run.job.name, changed)
            last |= changed
        if not last:
            return
    report.notes.append(
        f"baseline: the hooks still change {some(sorted(last))} after {MAX_ROUNDS} rounds; "
        "the first `pre-commit run` will change them again\n"
        "hint: run `pre-commit run --all-files` and commit what it changes"
    )


def _record_codeless(runs: Sequence[Run], scratch: Path, report: Report) -> bool:
    """Findings of rules without a code, recorded by name in the scratch pyproject.toml
    (`baseline_names`); whether anything was."""
    pyproject = scratch / PYPROJECT
    if not pyproject.is_file() or any((scratch / name).exists() for name in RUFF_TOMLS):
        return False  # Ruff reads ruff.toml first: an entry in pyproject.toml would not count
    found: dict[str, set[str]] = {}
    for run in runs:
        for name, rules in codeless_findings(run, scratch).items():
            found.setdefault(name, set()).update(rules)
    text = decoded(pyproject.read_bytes())
    new = record_by_name(text, found) if text is not None else None
    if new is None:
        return False
    pyproject.write_bytes(new.encode("utf-8"))
    for name, rules in found.items():
        report.names_recorded.setdefault(name, set()).update(rules)
    return True


def _parsable(runs: Sequence[Run], scratch: Path, report: Report) -> list[Run]:
    """*runs* without the files Ruff cannot parse, which are left byte for byte and named:
    Ruff would skip them (`ruff format` exiting 2 midway through a round), so a fixed
    point is reached only without them, and a half-baselined file helps nobody."""
    broken = unparsable(runs, scratch)
    if not broken:
        return list(runs)
    report.notes.append(
        f"baseline: Ruff cannot parse {len(broken)} file(s), left as they are: "
        f"{', '.join(broken)}; the ruff hooks will fail on them\n"
        "hint: port them to Python 3, or add them to the hooks' `exclude:` and to "
        "`extend-exclude` under [tool.ruff], then run `setsquare adopt --baseline` again"
    )
    skipped = frozenset(broken)
    return [
        dataclasses.replace(run, files=tuple(name for name in run.files if name not in skipped))
        for run in runs
    ]


def _settle(
    root: Path, scratch: Path, config: Mapping[str, Any], bundle_url: str, report: Report
) -> list[Run]:
    """Run the jobs, then mypy and the jobs again, on *scratch* until nothing moves."""
    names = [name for name in listed_files(root) or [] if (root / name).is_file()]
    runs = _parsable(plan_runs(config, names, _tags(root)), scratch, report)
    _fixpoint(runs, scratch, report)
    mypy_hook = bundle_mypy_hook(config, bundle_url)
    if mypy_hook is not None:
        args = [str(arg) for arg in mypy_hook.get("args") or []]
        for _ in range(MAX_MYPY_RUNS):
            if not record(root, scratch, args, set(names), report):
                break
            _fixpoint(runs, scratch, report)
    if _record_codeless(runs, scratch, report):
        _fixpoint(runs, scratch, report)
    left = sorted({name for run in runs for name in remaining(run, scratch)})
    if left:
        report.notes.append(
            f"ruff check: findings remain in {some(left)} (`--add-noqa` cannot record "
            "them: a notebook, or a line that takes no comment)\n"
            "hint: fix them, or add the files to `extend-exclude` under [tool.ruff]"
        )
    return runs


def _write(
    root: Path, before: Mapping[str, bytes], after: Mapping[str, bytes], report: Report
) -> None:
    """Write what changed through one `ChangeSet`; say what could not be written as is."""
    changes = ChangeSet(root)
    unparsed: list[str] = []
    for name in sorted(_changed(before, after)):
        text = decoded(after[name])
        if text is None:
            continue
        try:
            validate(name, text)
        except OutputError:
            # A test fixture broken on purpose, or syntax newer than the Python setsquare
            # runs on: ChangeSet refuses to write what it cannot parse.
            unparsed.append(name)
            continue
        changes.write(name, text, exact=True)
    changes.commit()
    # ChangeSet keeps a file's own line endings and missing final newline.
    kept = [name for name in changes.writes if (root / name).read_bytes() != after[name]]
    if kept:
        report.notes.append(
            f"whitespace: {some(kept)} keep their line endings or missing final newline; "
            "the first `pre-commit run` fixes them\n"
            "hint: commit what `pre-commit run --all-files` changes"
        )
    if unparsed:
        for names in report.changed.values():  # the summary counts what was written
            names.difference_update(unparsed)
        report.notes.append(
            f"baseline: {some(unparsed)} left as they are: they do not parse here "
            f"(Python {sys.version_info.major}.{sys.version_info.minor}), so the hooks "
            "will change them on their first run\n"
            "hint: commit what `pre-commit run --all-files` changes"
        )


def apply_baseline(root: Path, *, bundle_url: str) -> list[str]:
    """Baseline the repository at *root*, whose config names the bundle at *bundle_url*.

    Returns adopt's action lines; notes that need the user come with a `hint:`.
    """
    config = yaml.safe_load(read_text(root, CONFIG) or "") or {}
    report = Report()
    with tempfile.TemporaryDirectory(prefix="setsquare-baseline-") as temporary:
        scratch = Path(temporary) / "tree"
        _copy_tree(root, scratch)
        runs = _settle(root, scratch, config, bundle_url, report)
        touched = sorted(
            {name for run in runs for name in run.files}
            | report.mypy_files
            | ({PYPROJECT} if report.names_recorded else set())
        )
        _write(root, _read(root, touched), _read(scratch, touched), report)
    return [*summary(report), *dict.fromkeys(report.notes)]
