"""Real sdists from the package index for the corpus tests and benchmarks.

Each list (``name==version`` per line, ``#`` comments) is downloaded once into the
user cache with ``pip download --no-deps --no-binary <the projects>`` and reused by
every later run. An entry the index cannot serve becomes pip's error text instead of
a path, so only that project's tests fail.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename

from tests.helpers import child_env

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from _pytest.mark.structures import ParameterSet

#: pip prepares each sdist's metadata, which is a build: bounded so a hung build fails.
_TIMEOUT = 900


def read_list(path: Path) -> list[str]:
    """The ``name==version`` entries of *path*, without comments and blank lines."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def cache_dir(name: str) -> Path:
    """A folder of the user cache that survives between runs (and CI steps)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "setsquare" / name


def params(entries: Sequence[str], expected_failures: Mapping[str, str]) -> list[ParameterSet]:
    """One test parameter per entry; a reviewed failure is a strict xfail, so a fix shows."""
    return [
        pytest.param(
            entry,
            id=entry,
            marks=[pytest.mark.xfail(reason=expected_failures[entry], strict=True)]
            if entry in expected_failures
            else [],
        )
        for entry in entries
    ]


def selected(request: pytest.FixtureRequest, entries: Sequence[str]) -> list[str]:
    """The entries this session runs, in list order: `-k pluggy` builds only pluggy.

    A session fixture builds every selected project up front (two at a time); building
    the deselected ones as well would make one project's rerun cost the whole corpus.
    """
    wanted = {
        item.callspec.params.get("entry")
        for item in request.session.items
        if hasattr(item, "callspec")
    }
    return [entry for entry in entries if entry in wanted]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find(folder: Path, entry: str) -> Path | None:
    """The sdist of *entry* (``name==version``) in *folder*, if it is there."""
    wanted = Requirement(entry)
    version = next(iter(wanted.specifier)).version
    for path in folder.iterdir():
        try:
            name, found = parse_sdist_filename(path.name)
        except ValueError:
            continue
        if name == canonicalize_name(wanted.name) and str(found) == version:
            return path
    return None


def _pip_download(folder: Path, entries: Sequence[str]) -> subprocess.CompletedProcess[str]:
    # --no-binary names only the projects themselves: their build requirements (pip
    # prepares each sdist's metadata) may come as wheels; `:all:` would build those
    # from source too, which fails for some of them.
    names = ",".join(Requirement(entry).name for entry in entries)
    return subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", names),
            *("--disable-pip-version-check", "--quiet", "--dest", str(folder), *entries),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        timeout=_TIMEOUT,
    )


def download(
    entries: Sequence[str], folder: Path, sha256: Mapping[str, str] | None = None
) -> dict[str, Path | str]:
    """The sdist of every entry, downloaded into *folder* the first time (or why not).

    With *sha256*, a file whose digest differs from the recorded one is an error: the
    index served another file under the same version, or the cached one is damaged.
    """
    folder.mkdir(parents=True, exist_ok=True)
    missing = [entry for entry in entries if find(folder, entry) is None]
    errors: dict[str, str] = {}
    # Two pip processes, one per core.
    halves = [half for half in (missing[::2], missing[1::2]) if half]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda half: _pip_download(folder, half), halves))
    if any(result.returncode != 0 for result in results):
        # One at a time, so one project the index cannot serve fails only its own test.
        for entry in missing:
            if find(folder, entry) is None:
                result = _pip_download(folder, [entry])
                if result.returncode != 0:
                    errors[entry] = result.stdout + result.stderr
    found: dict[str, Path | str] = {}
    for entry in entries:
        path = find(folder, entry)
        expected = (sha256 or {}).get(entry)
        if path is None:
            found[entry] = errors.get(entry, "pip gave no sdist")
        elif expected is not None and (digest := sha256_of(path)) != expected:
            found[entry] = (
                f"{path.name}: sha256 {digest}, but the list records {expected}: the index "
                "served another file for this version (or the cached one is damaged; delete "
                "it to download again)"
            )
        else:
            found[entry] = path
    return found
