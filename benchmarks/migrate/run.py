"""Time `setsquare migrate` (without and with --verify) against ini2toml on the same sdists.

For each project of the migrate corpus (tests/migrate/corpus/sdists.txt, downloaded
into the user cache as the corpus test does) this unpacks fresh copies and, in the
same run:

- times ``setsquare migrate DIR`` and ``setsquare migrate DIR --verify``;
- times ``ini2toml setup.cfg -o pyproject.toml`` (ini2toml 0.15 with its extras,
  installed into a throwaway virtual environment), used the way its README says,
  with setup.cfg removed afterwards since its content now lives in pyproject.toml;
  plain ``setsquare migrate`` and ini2toml both run with Python's bytecode cache on
  and warmed by one untimed run each, as an installed tool runs, and their ratio is
  printed per project;
- builds the project as shipped and each tool's output (sdist, then wheel from it,
  isolated) and counts how many publish the same METADATA, entry points and file
  lists as the original, with the comparison ``--verify`` uses;
- times that one build of the project as shipped (the driver ``--verify`` runs twice,
  at once, on two cores) and prints ``migrate --verify`` beside it as a ratio: the
  cost of verifying in builds of the project (both with the bytecode cache on, as
  the tools run);
- times ``python -m build`` on another copy (sdist, then wheel from it, each in an
  isolated environment of its own, uv installing when uv is there) as a second
  yardstick: the build a user runs by hand.

    uv run python benchmarks/migrate/run.py [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO_ROOT = Path(__file__).resolve().parents[2]
# The corpus lists and the sdist cache are the tests'; the benchmark reuses them.
sys.path.insert(0, str(REPO_ROOT))

from setsquare.commands._verify import BuildError, build  # noqa: E402
from setsquare.errors import SetsquareError  # noqa: E402
from setsquare.migrate.compare import Artifacts, compare_artifacts  # noqa: E402
from tests.helpers import unpack  # noqa: E402
from tests.sdists import cache_dir, download, read_list  # noqa: E402

ENTRIES = read_list(REPO_ROOT / "tests" / "migrate" / "corpus" / "sdists.txt")

if TYPE_CHECKING:
    from collections.abc import Iterator

SETSQUARE = str(Path(sys.executable).parent / "setsquare")
INI2TOML = "ini2toml[full]==0.15"


def ini2toml_venv(work: Path) -> Path:
    """A virtual environment with ini2toml, made with uv from the package index."""
    venv = work / "ini2toml-venv"
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    subprocess.run([uv, "venv", "-q", str(venv)], check=True)
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), INI2TOML],
        check=True,
    )
    return venv / "bin" / "ini2toml"


def _timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)
    return time.perf_counter() - start, result.returncode


def bytecode_env(work: Path) -> dict[str, str]:
    """Python writing and reusing bytecode (in *work*), as an installed tool does: with
    PYTHONDONTWRITEBYTECODE set, every run of either tool compiles all it imports."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _changed(original: Path, converted: Path) -> set[str]:
    old, new = _files(original), _files(converted)
    return {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


@contextlib.contextmanager
def _environ(env: dict[str, str]) -> Iterator[None]:
    """This process's environment is *env* meanwhile (the builds it runs inherit it)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _build_original(
    original: Path, out: Path, env: dict[str, str]
) -> tuple[Artifacts | None, float]:
    """One build of the project as shipped, on a copy, and the seconds it took.

    In *env*, the environment ``migrate --verify`` gets, so that both run their builds
    the same way (bytecode written or not).
    """
    shutil.copytree(original, out / "original")
    start = time.perf_counter()
    try:
        with _environ(env):
            artifacts = build(out / "original", out / "before", "original", migrated=False)
    except (BuildError, SetsquareError):
        artifacts = None
    return artifacts, time.perf_counter() - start


def _python_m_build(original: Path, out: Path, env: dict[str, str]) -> float:
    """Seconds ``python -m build`` takes on a copy of the project as shipped."""
    shutil.copytree(original, out / "by-hand")
    installer = ["--installer", "uv"] if shutil.which("uv") else []
    command = [sys.executable, "-m", "build", *installer, "--outdir", str(out / "dist")]
    seconds, _ = _timed([*command, str(out / "by-hand")], out, env)
    return seconds


def _spread(ratios: list[float]) -> str:
    low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
    return (
        f"median {statistics.median(ratios):.2f}x, quartiles {low:.2f}x-{high:.2f}x,"
        f" range {min(ratios):.2f}x-{max(ratios):.2f}x"
    )


def _same_build(before: Artifacts | None, original: Path, converted: Path, out: Path) -> bool:
    """Build a copy of *converted*; the files the tool changed may differ in the sdist."""
    if before is None:
        return False
    changed = _changed(original, converted)
    shutil.copytree(converted, out / "converted")
    try:
        after = build(out / "converted", out / "after", "converted", migrated=True)
    except (BuildError, SetsquareError):
        return False
    problems = compare_artifacts(before, after, sdist_allowed=changed)
    if problems:
        print(f"    {converted.name}: {problems[0]}", flush=True)
    return not problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=10, help="projects to use (default 10)")
    args = parser.parse_args(argv)
    entries = ENTRIES[: args.limit]
    found = download(entries, cache_dir("migrate-corpus"))
    sdists = {entry: path for entry, path in found.items() if isinstance(path, Path)}
    entries = [entry for entry in entries if entry in sdists]
    times: dict[str, list[float]] = {
        "setsquare": [],
        "setsquare --verify": [],
        "ini2toml": [],
        "one build": [],
        "python -m build": [],
    }
    same = {"setsquare": 0, "ini2toml": 0}
    with tempfile.TemporaryDirectory(prefix="bench-migrate-") as scratch:
        work = Path(scratch)
        ini2toml = ini2toml_venv(work)
        warm = bytecode_env(work)
        if entries:  # one untimed run of each fills the bytecode cache
            first = unpack(sdists[entries[0]], work / "warm-up")
            _timed([SETSQUARE, "migrate", "--check", str(first)], work, warm)
            _timed([str(ini2toml), "setup.cfg", "-o", "/dev/null"], first, warm)
        for index, entry in enumerate(entries):
            base = work / f"{index:02d}"
            copies = {}
            for name in ("original", "setsquare", "verify", "ini2toml"):
                copies[name] = unpack(sdists[entry], base / name)
            seconds, code = _timed([SETSQUARE, "migrate", str(copies["setsquare"])], base, warm)
            times["setsquare"].append(seconds)
            seconds, verify_code = _timed(
                [SETSQUARE, "migrate", "--verify", str(copies["verify"])], base, warm
            )
            times["setsquare --verify"].append(seconds)
            converted = copies["ini2toml"]
            cfg = converted / "setup.cfg"
            seconds, ini_code = _timed(
                [str(ini2toml), "setup.cfg", "-o", "pyproject.toml"], converted, warm
            )
            times["ini2toml"].append(seconds)
            if ini_code == 0 and cfg.exists():
                cfg.unlink()
            before, seconds = _build_original(copies["original"], base / "b0", warm)
            times["one build"].append(seconds)
            times["python -m build"].append(_python_m_build(copies["original"], base / "b3", warm))
            ours = code == 0 and _same_build(
                before, copies["original"], copies["setsquare"], base / "b1"
            )
            theirs = ini_code == 0 and _same_build(
                before, copies["original"], converted, base / "b2"
            )
            same["setsquare"] += ours
            same["ini2toml"] += theirs
            print(
                f"{entry:40} setsquare {'same' if ours else 'DIFF'}"
                f" (--verify exit {verify_code})   ini2toml {'same' if theirs else 'DIFF'}",
                flush=True,
            )
    floor = statistics.median(times["ini2toml"])
    print(f"\n{len(entries)} projects; median seconds per project, ratio to ini2toml:")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:20} {median:7.3f} s   {median / floor:6.2f}x")
    plain = [
        ours / theirs for ours, theirs in zip(times["setsquare"], times["ini2toml"], strict=True)
    ]
    print(f"setsquare / ini2toml per project: {_spread(plain)} (target <= 0.2x)")
    for yardstick in ("one build", "python -m build"):
        ratios = [
            verify / one
            for verify, one in zip(times["setsquare --verify"], times[yardstick], strict=True)
        ]
        print(f"setsquare --verify / {yardstick} of the same project: {_spread(ratios)}")
    print("(target: --verify <= 1.5x one build)")
    print("builds with identical metadata, entry points and file lists:")
    for name, count in same.items():
        print(f"  {name:20} {count}/{len(entries)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
