"""What `adopt --baseline` did, said once in adopt's summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.adopt.baseline_jobs import (
    END_OF_FILE,
    MIXED_LINE_ENDING,
    RUFF_CHECK,
    RUFF_FORMAT,
    TRAILING_WHITESPACE,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


@dataclass
class Report:
    """What the baseline did, for adopt's summary."""

    #: Job name -> files it changed.
    changed: dict[str, set[str]] = field(default_factory=dict)
    noqa_added: int = 0
    mypy_recorded: int = 0
    #: Existing ignores made right: unused codes dropped, code-less ones coded.
    mypy_ignores_fixed: int = 0
    mypy_files: set[str] = field(default_factory=set)
    #: Findings of rules without a code, recorded in pyproject.toml by rule name.
    names_recorded: dict[str, set[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def touched(self, job: str, names: Iterable[str]) -> None:
        if names:
            self.changed.setdefault(job, set()).update(names)


def summary(report: Report) -> list[str]:
    actions = []
    whitespace_jobs = (TRAILING_WHITESPACE, END_OF_FILE, MIXED_LINE_ENDING)
    whitespace = set().union(*(report.changed.get(job.name, set()) for job in whitespace_jobs))
    if whitespace:
        actions.append(f"whitespace: fixed {len(whitespace)} file(s) as the whitespace hooks would")
    formatted = report.changed.get(RUFF_FORMAT.name, set())
    if formatted:
        actions.append(f"ruff format: reformatted {len(formatted)} file(s)")
    noqa = report.changed.get(RUFF_CHECK.name, set())
    if noqa:
        actions.append(
            f"ruff check: recorded today's findings as `# noqa: CODE` comments in {len(noqa)} "
            f"file(s) ({report.noqa_added} added; blanket and unused ones made specific first)"
        )
    if report.names_recorded:
        count = sum(len(names) for names in report.names_recorded.values())
        actions.append(
            f"ruff check: recorded {count} rule(s) without a code for "
            f"{some(sorted(report.names_recorded))} in pyproject.toml's [tool.ruff.lint] "
            "extend-per-file-ignores (a `# noqa` comment cannot name them)"
        )
    if report.mypy_files:
        fixed = report.mypy_ignores_fixed
        actions.append(
            f"mypy: recorded {report.mypy_recorded} error(s) as `# type: ignore[code]` "
            f"in {len(report.mypy_files)} file(s)"
            + (f"; {fixed} existing ignore(s) made specific or removed as unused" if fixed else "")
        )
    return actions


def some(names: Sequence[str]) -> str:
    shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    return f"{len(names)} file(s) ({shown})"
