"""`setsquare adopt --baseline` on real projects, measured as a user would meet it.

Each project of ``repos.txt`` is prepared as its maintainers have it, adopted with
the bundle from a local clone of this checkout, and then held to four promises,
one test each:

(a) the hooks pass on the first ``pre-commit run --all-files``;
(b) a second ``adopt --baseline`` changes no byte;
(c) ``setsquare check`` reports no ``SQ`` failure;
(d) files the project's own config keeps out (its top-level ``exclude:``, and the
    ``exclude:`` of a hook doing a job adopt also does) are left byte for byte.

Where a project does not hold a promise today, `EXPECTED_FAILURES` says why, as a
strict xfail: a fix that makes it pass fails the suite until its entry is removed.
``/tmp/adopt-corpus-findings.md`` (not in the repository) groups the causes.
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

_NOT_FIXPOINT = "one ruff format + --add-noqa pass is not a fixpoint"

#: Reviewed against a run of the corpus: why each project does not hold a promise
#: yet, by step ("a" to "d" as in the module docstring).
EXPECTED_FAILURES: dict[str, dict[str, str]] = {
    "pluggy==1.0.0": {
        "a": "ruff-check: (PGH004); check-legacy-config: legacy config left to migrate (.coveragerc, setup.cfg, tox.ini)",
        "c": "SQ300 (legacy config left to migrate)",
    },
    "filelock==3.4.0": {
        "a": "ruff-check: --fix rewrites adopt's `# noqa` (RUF102); check-legacy-config: legacy config left to migrate (setup.cfg, tox.ini)",
        "b": f"second adopt rewrote 2 file(s) (src/filelock/_api.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ200 (a pre-commit workflow exists, so adopt adds none with zizmor); SQ300 (legacy config left to migrate)",
    },
    "platformdirs==2.4.0": {
        "a": "ruff-check: --fix rewrites adopt's `# noqa` (RUF100, RUF102); mypy: 3 errors, not baselined; check-legacy-config: legacy config left to migrate (setup.cfg, tox.ini)",
        "b": f"second adopt rewrote 3 file(s) (src/platformdirs/android.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ200 (a pre-commit workflow exists, so adopt adds none with zizmor); SQ300 (legacy config left to migrate)",
    },
    "validate-pyproject==0.7.1": {
        "a": "ruff-check: --fix rewrites adopt's `# noqa` (PGH004, RUF100); mypy: 3 errors, not baselined; check-legacy-config: legacy config left to migrate (.coveragerc, .isort.cfg, setup.cfg)",
        "b": f"second adopt rewrote 2 file(s) (src/validate_pyproject/pre_compile/__init__.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ300 (legacy config left to migrate)",
        "d": "adopt changed 10 file(s) kept out by an exclude: (src/validate_pyproject/_vendor/fastjsonschema/__init__.py , ...)",
    },
    "configupdater==3.0.1": {
        "a": "ruff-check: --fix rewrites adopt's `# noqa` (PGH004, RUF100); mypy: 9 errors, not baselined; check-legacy-config: legacy config left to migrate (.coveragerc, .isort.cfg, setup.cfg)",
        "b": f"second adopt rewrote 2 file(s) (docs/conf.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ300 (legacy config left to migrate)",
        "d": "adopt changed 1 file(s) kept out by an exclude: (docs/conf.py )",
    },
    "pyjwt==2.3.0": {
        "a": "mypy: 12 errors, not baselined; check-legacy-config: legacy config left to migrate (setup.cfg, tox.ini)",
        "c": "SQ300 (legacy config left to migrate); SQ310 (no [tool.ruff.lint] select: .flake8 or no pyproject.toml)",
    },
    "pip-tools==6.4.0": {
        "a": "check-legacy-config: legacy config left to migrate (.coveragerc, setup.cfg)",
        "b": f"second adopt rewrote 6 file(s) (piptools/cache.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ200 (a pre-commit workflow exists, so adopt adds none with zizmor); SQ300 (legacy config left to migrate); SQ310 (no [tool.ruff.lint] select: .flake8 or no pyproject.toml)",
    },
    "zipp==3.6.0": {
        "a": "validate-pyproject: Invalid file: pyproject.toml; check-legacy-config: legacy config left to migrate (.coveragerc, .flake8, mypy.ini, pytest.ini, ...); check-tool-pins: no [tool.ruff.lint] select (adopt skips it while .flake8 exists)",
        "c": "SQ300 (legacy config left to migrate); SQ310 (no [tool.ruff.lint] select: .flake8 or no pyproject.toml)",
    },
    "tox-gh-actions==2.8.1": {
        "a": "check-legacy-config: legacy config left to migrate (pytest.ini, setup.cfg)",
        "c": "SQ300 (legacy config left to migrate)",
    },
    "pytest==7.0.1": {
        "a": "ruff-check: --fix rewrites adopt's `# noqa` (I001, PGH004, RUF100, T203, UP006); check-legacy-config: legacy config left to migrate (.coveragerc, setup.cfg, tox.ini)",
        "b": f"second adopt rewrote 40 file(s) (src/_pytest/_code/code.py, ...): {_NOT_FIXPOINT}",
        "c": "SQ300 (legacy config left to migrate)",
    },
    "attrs==26.1.0": {
        "a": "mypy: 188 errors, not baselined; check-tool-pins: uv.lock: locks mypy 1.19.1, but the setsquare bundle runs mypy 2.4.1",
        "c": "SQ320 (uv.lock pins other ruff/mypy)",
        "d": "adopt changed 6 file(s) kept out by an exclude: (docs/_static/sponsors/FilePreviews.svg (kept out by end-of-file-fixer exclude:), ...)",
    },
    "humanize==4.17.0": {
        "d": "adopt changed 2 file(s) kept out by an exclude: (.github/ISSUE_TEMPLATE.md (kept out by trailing-whitespace exclude:), ...)",
    },
    "pip-tools==7.6.2": {
        "a": "check-legacy-config: legacy config left to migrate (.coveragerc, .flake8); check-tool-pins: no [tool.ruff.lint] select (adopt skips it while .flake8 exists)",
        "b": f"second adopt rewrote 1 file(s) (piptools/repositories/local.py): {_NOT_FIXPOINT}",
        "c": "SQ300 (legacy config left to migrate); SQ310 (no [tool.ruff.lint] select: .flake8 or no pyproject.toml)",
    },
    "pytest-mock==3.17.0": {
        "a": "check-legacy-config: legacy config left to migrate (mypy.ini, tox.ini)",
        "c": "SQ300 (legacy config left to migrate)",
    },
    "validate-pyproject==0.27": {
        "a": "mypy: 3 errors, not baselined; check-legacy-config: legacy config left to migrate (.coveragerc)",
        "c": "SQ300 (legacy config left to migrate)",
    },
    "annotated-types==0.8.0": {
        "a": "validate-pyproject: Invalid file: pyproject.toml",
        "c": "SQ200 (a pre-commit workflow exists, so adopt adds none with zizmor)",
    },
    "sphinx-autodoc-typehints==3.6.1": {
        "a": "mypy: 17 errors, not baselined",
        "b": f"second adopt rewrote 3 file(s) (src/sphinx_autodoc_typehints/__init__.py, ...): {_NOT_FIXPOINT}",
    },
    "environ-config==26.1.0": {
        "a": "mypy: 68 errors, not baselined",
    },
    "zipp==4.1.2": {
        "a": "check-legacy-config: legacy config left to migrate (.coveragerc, mypy.ini, pytest.ini)",
        "c": "SQ300 (legacy config left to migrate)",
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
