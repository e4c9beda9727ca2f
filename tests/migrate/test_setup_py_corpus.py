"""Real setup.py-heavy projects: a plain ``setsquare migrate`` never changes what builds publish.

``corpus/setup_py_sdists.txt`` lists released sdists whose setup.py computes values,
reads ``requirements/`` files, runs setuptools_scm, passes entry points as an INI
string, names several people in one string or gives ``license=`` as free text. Each
is unpacked, a copy is migrated with plain ``setsquare migrate`` (no ``--verify``:
what most users run), and the original and the migrated copy are built (sdist, then
wheel from it, isolated: `setsquare.commands._verify.build`) and compared with the
comparison ``--verify`` uses. Migrate may leave what it cannot prove where it is; it
may never write a project that builds differently. A second run must find nothing
to do.

Two reviewed lists say where migrate rightly does less: ``LEFT_ALONE`` (setup()
hides what it sets, so no packaging moves, setup.cfg's neither, and the ledger says
so) and ``REFUSED`` (invalid input: a one-line error, exit 2, nothing written).
Projects that cannot be migrated faithfully yet would be strict xfails in
``EXPECTED_FAILURES``, each with its reviewed reason.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from setsquare._toml import tomllib
from setsquare.commands._verify import BuildError, build
from setsquare.errors import SetsquareError
from setsquare.migrate.compare import compare_artifacts
from tests.helpers import child_env, tool, unpack
from tests.sdists import cache_dir, download, params, read_list, selected

pytestmark = pytest.mark.slow

LIST = Path(__file__).parent / "corpus" / "setup_py_sdists.txt"
#: ``name==version  # why it is in the list``
ENTRIES = read_list(LIST)

#: Reviewed: why each of these cannot be migrated faithfully (yet).
EXPECTED_FAILURES: dict[str, str] = {}

#: Reviewed: setup() hides what it sets; the ledger line that says nothing moved.
LEFT_ALONE: dict[str, str] = {
    "CherryPy==18.8.0": "setup() takes positional or **keyword arguments",
    "docutils==0.19": "setup() takes positional or **keyword arguments",
    "requests==2.28.2": "setup() computes the project name",
}

#: Reviewed: input pip refuses too; the error migrate stops with (nothing written).
REFUSED: dict[str, str] = {
    "celery==5.2.7": "error: requirements/dev.txt:1: invalid requirement 'pytz>dev'",
    "kombu==5.2.4": "error: requirements/test.txt:1: invalid requirement 'pytz>dev'",
}


@dataclass
class Outcome:
    """One project: plain migrate, the second run, and the two builds compared."""

    returncode: int
    output: str
    #: `migrate --check` after the migration: exit code and output.
    second: tuple[int, str] = (-1, "")
    #: what the two builds publish differently (or why a build failed)
    problems: list[str] = field(default_factory=list)
    pyproject: dict[str, object] = field(default_factory=dict)


def _setsquare(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("setsquare"), "migrate", *args],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(),
        stdin=subprocess.DEVNULL,
    )


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def migrate_and_build(sdist: Path | str, work: Path) -> Outcome:
    """Plain migrate on a copy of *sdist*'s tree; build both trees; compare them."""
    if isinstance(sdist, str):
        return Outcome(-1, f"download failed:\n{sdist}")
    original = unpack(sdist, work / "original")
    migrated = work / "migrated" / original.name
    shutil.copytree(original, migrated, symlinks=True)
    result = _setsquare(str(migrated))
    outcome = Outcome(result.returncode, result.stdout + result.stderr)
    if result.returncode != 0:
        if _files(original) != _files(migrated):
            outcome.problems = ["migrate failed and still changed files"]
        return outcome
    again = _setsquare(str(migrated), "--check")
    outcome.second = (again.returncode, again.stdout + again.stderr)
    pyproject = migrated / "pyproject.toml"
    if pyproject.is_file():
        outcome.pyproject = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    old, new = _files(original), _files(migrated)
    changed = {rel for rel in old.keys() | new.keys() if old.get(rel) != new.get(rel)}
    try:
        before = build(original, work / "out-before", "the project as shipped", migrated=False)
        after = build(migrated, work / "out-after", "the migrated project", migrated=True)
    except (BuildError, SetsquareError) as error:
        outcome.problems = [str(error)]
        return outcome
    # setuptools adds a setup.cfg ([egg_info] tags) to every sdist, as --verify allows.
    allowed = {*changed, "pyproject.toml", "setup.cfg"}
    outcome.problems = compare_artifacts(before, after, sdist_allowed=allowed)
    return outcome


@pytest.fixture(scope="session")
def setup_py_corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Outcome]:
    """Every entry migrated and built, two projects at a time (one build per core)."""
    entries = selected(request, ENTRIES)
    sdists = download(entries, cache_dir("migrate-corpus"))
    base = tmp_path_factory.mktemp("setup-py-corpus")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            entry: pool.submit(migrate_and_build, sdists[entry], base / f"{index:02d}")
            for index, entry in enumerate(entries)
        }
        return {entry: future.result() for entry, future in futures.items()}


def test_the_list_is_big_enough_and_its_failures_are_reviewed() -> None:
    migrated = set(ENTRIES) - set(REFUSED) - set(LEFT_ALONE)
    assert len(migrated) >= 20
    assert len(set(ENTRIES)) == len(ENTRIES)
    for reviewed in (EXPECTED_FAILURES, LEFT_ALONE, REFUSED):
        assert set(reviewed) <= set(ENTRIES)
        assert all(reason.strip() for reason in reviewed.values())


@pytest.mark.parametrize("entry", params(ENTRIES, EXPECTED_FAILURES))
def test_plain_migrate_builds_the_same_wheel_and_sdist(
    entry: str, setup_py_corpus: dict[str, Outcome]
) -> None:
    outcome = setup_py_corpus[entry]
    if entry in REFUSED:
        assert (outcome.returncode, outcome.problems) == (2, []), outcome.output
        assert outcome.output.startswith(REFUSED[entry]), outcome.output
        return
    assert outcome.returncode == 0, outcome.output
    assert outcome.problems == [], outcome.output
    code, output = outcome.second
    assert (code, output.splitlines()[-1:]) == (0, ["Nothing to migrate."]), output
    project = outcome.pyproject.get("project")
    if entry in LEFT_ALONE:
        assert project is None, outcome.output
        kept = [line for line in outcome.output.splitlines() if line.startswith("kept")]
        assert any(f"setup() ({LEFT_ALONE[entry]}" in line for line in kept), outcome.output
        return
    assert isinstance(project, dict), f"no [project] was written:\n{outcome.output}"
    assert "name" in project
