"""`setsquare adopt --baseline` on real projects, measured as a user would meet it.

Each project of ``repos.txt`` is prepared as its maintainers have it, migrated first
when ``setsquare migrate`` has something to move (the way in the docs describe), adopted
with the bundle from a local clone of this checkout, and then held to four promises,
one test each:

(a) the hooks pass on the first ``pre-commit run --all-files``;
(b) a second ``adopt --baseline`` changes no byte;
(c) ``setsquare check`` reports no ``SQ`` failure;
(d) files the project's own config keeps out (its top-level ``exclude:``, and the
    ``exclude:`` of a hook doing a job adopt also does) are left byte for byte.

Where a project does not hold a promise today, `EXPECTED_FAILURES` says why, as a
strict xfail: a fix that makes it pass fails the suite until its entry is removed.
``python -m tests.adopt_corpus.harness --json out.json`` prints the same outcomes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.adopt_corpus.harness import (
    Outcome,
    describe_hook,
    download,
    head,
    read_list,
    run_all,
)

if TYPE_CHECKING:
    from tests.adopt_corpus.harness import Entry

ENTRIES = read_list()
STEPS = ("a", "b", "c", "d")

#: Reviewed against a run of the corpus (migrate first where it has work, then adopt):
#: why each project does not hold a promise yet, by step ("a" to "d" as in the module
#: docstring). Steps b and d hold for all 24.
EXPECTED_FAILURES: dict[str, dict[str, str]] = {
    "pytest-mock==3.17.0": {
        "a": "check-legacy-config: tox.ini's [flake8] max-line-length differs from the project's "
        "own [tool.ruff]: a conflict for a person to settle, by design",
        "c": "SQ300: the same conflict",
    },
}


def _params(step: str) -> list[object]:
    params: list[object] = []
    for entry in ENTRIES:
        reason = EXPECTED_FAILURES.get(entry.requirement, {}).get(step)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(entry.requirement, id=entry.requirement, marks=marks))
    return params


def _wanted(session: pytest.Session) -> list[Entry]:
    """The entries whose tests this session runs: `-k pluggy` adopts pluggy alone."""
    here = Path(__file__)
    names = {
        item.callspec.params["entry"]
        for item in session.items
        if item.path == here
        and isinstance(item, pytest.Function)
        and hasattr(item, "callspec")
        and "entry" in item.callspec.params
    }
    return [entry for entry in ENTRIES if entry.requirement in names]


@pytest.fixture(scope="session")
def sdists(request: pytest.FixtureRequest) -> dict[str, Path | str]:
    """The wanted sdists, downloaded together (two pip processes) the first time."""
    return download(_wanted(request.session))


@pytest.fixture(scope="session")
def corpus(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sdists: dict[str, Path | str],
) -> dict[str, Outcome]:
    """Every wanted entry prepared, adopted and run once, two at a time."""
    work = tmp_path_factory.mktemp("adopt-corpus")
    return run_all(_wanted(request.session), work, sdists=sdists)


def _adopted(outcome: Outcome) -> Outcome:
    """*outcome*, or a failure naming why adopt did not get to finish."""
    if outcome.error:
        pytest.fail(f"{outcome.requirement}: {outcome.error}")
    code, output = outcome.adopt
    if code != 0:
        pytest.fail(f"{outcome.requirement}: `adopt --baseline` exited {code}:\n{head(output, 20)}")
    return outcome


def test_list_parses_with_at_least_20_pinned_sdists() -> None:
    assert len(ENTRIES) >= 20
    assert len({entry.requirement for entry in ENTRIES}) == len(ENTRIES)
    assert all(len(entry.sha256) == 64 and entry.why for entry in ENTRIES)
    assert set(EXPECTED_FAILURES) <= {entry.requirement for entry in ENTRIES}
    assert all(set(steps) <= set(STEPS) for steps in EXPECTED_FAILURES.values())


@pytest.mark.slow
@pytest.mark.parametrize("entry", [entry.requirement for entry in ENTRIES])
def test_sdist_matches_its_recorded_sha256(entry: str, sdists: dict[str, Path | str]) -> None:
    found = sdists[entry]
    assert not isinstance(found, str), f"{entry}: {found}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", _params("a"))
def test_a_hooks_pass_on_the_first_run(entry: str, corpus: dict[str, Outcome]) -> None:
    outcome = _adopted(corpus[entry])
    failed = outcome.failed_hooks()
    details = "\n\n".join(f"{describe_hook(h)}\n{head(h.output)}" for h in failed)
    assert outcome.run_code == 0, (
        f"{entry}: `pre-commit run --all-files` exited {outcome.run_code} after "
        f"`adopt --baseline`; failed: {', '.join(h.hook_id or h.name for h in failed)}\n\n"
        f"{details or head(outcome.run_output, 30)}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("entry", _params("b"))
def test_b_second_adopt_changes_no_byte(entry: str, corpus: dict[str, Outcome]) -> None:
    outcome = _adopted(corpus[entry])
    code, output = outcome.again
    assert (code, outcome.changed_again) == (0, []), (
        f"{entry}: the second `adopt --baseline` exited {code} and changed "
        f"{len(outcome.changed_again)} file(s): {', '.join(outcome.changed_again[:10])}\n"
        f"{head(output)}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("entry", _params("c"))
def test_c_check_has_no_sq_failure(entry: str, corpus: dict[str, Outcome]) -> None:
    outcome = _adopted(corpus[entry])
    assert not outcome.sq_failures, f"{entry}: `setsquare check` after adopt:\n" + "\n".join(
        f"FAIL {failure}" for failure in outcome.sq_failures
    )


@pytest.mark.slow
@pytest.mark.parametrize("entry", _params("d"))
def test_d_excluded_files_are_untouched(entry: str, corpus: dict[str, Outcome]) -> None:
    outcome = _adopted(corpus[entry])
    changed = outcome.excluded_changed
    assert not changed, (
        f"{entry}: `adopt --baseline` changed {len(changed)} file(s) the project's own "
        "pre-commit config keeps out:\n" + "\n".join(changed[:10])
    )
