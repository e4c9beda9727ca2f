"""Time plain `setsquare migrate` against ini2toml, CPU seconds, interleaved per project.

`run.py` times the whole story (``--verify``, builds, build equality) in wall seconds;
this one times only what issue 11 compares: one plain ``setsquare migrate DIR`` against
one ``ini2toml setup.cfg -o pyproject.toml`` on fresh copies of the same project, in CPU
seconds (user + system of the child, from ``wait4``), because on a shared machine the
wall clock mostly measures the neighbours. Each run of each project times every side
once, back to back, so they meet the same load; the ratio is the median of the
per-run ratios. Both sides write and reuse bytecode (warmed by an untimed run), as an
installed tool does.

``--baseline REV`` adds a third side: setsquare's ``src/`` at git revision REV
(``git archive``, read-only for the repository), or in a folder REV holding a ``src/``
(a copy of the working tree with one file put back, say), run by the same interpreter
ahead of the working tree on ``PYTHONPATH``. That gives a before/after of a change in
one run.

    uv run python benchmarks/migrate/plain.py [--limit 8] [--runs 3] [--baseline HEAD]

Measured 2026-12-03 (8 projects x 5 runs, four runs at load 3-10): median 0.98x ini2toml
with the pre-compiled validator, 1.55x for the code before it in the same runs
(docs/benchmarks.md, "Plain migrate").
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.migrate.run import ENTRIES, SETSQUARE, bytecode_env, ini2toml_venv  # noqa: E402
from tests.helpers import unpack  # noqa: E402
from tests.sdists import cache_dir, download  # noqa: E402


def _cpu(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and exit code of one child."""
    start = time.perf_counter()
    child = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # wait4 gives this child's own resource use (getrusage would mix all children).
    _, status, usage = os.wait4(child.pid, 0)
    return (
        usage.ru_utime + usage.ru_stime,
        time.perf_counter() - start,
        os.waitstatus_to_exitcode(status),
    )


def _export_src(revision: str, into: Path) -> Path:
    """``src/`` of *revision* (a folder, or a git revision unpacked into *into* with
    git archive, which changes neither the index nor HEAD)."""
    if (Path(revision) / "src").is_dir():
        return Path(revision).resolve() / "src"
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}x (range {min(values):.2f}x-{max(values):.2f}x)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=8, help="projects to use (default 8)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side per project")
    parser.add_argument(
        "--baseline", metavar="REV", help="also time setsquare at git REV (or in folder REV)"
    )
    args = parser.parse_args(argv)
    entries = ENTRIES[: args.limit]
    found = download(entries, cache_dir("migrate-corpus"))
    sdists = {entry: path for entry, path in found.items() if isinstance(path, Path)}
    entries = [entry for entry in entries if entry in sdists]
    with tempfile.TemporaryDirectory(prefix="bench-migrate-plain-") as scratch:
        work = Path(scratch)
        ini2toml = str(ini2toml_venv(work))
        env = bytecode_env(work)
        sides = {
            "setsquare": ([SETSQUARE, "migrate", "."], env),
            "ini2toml": ([ini2toml, "setup.cfg", "-o", "pyproject.toml"], env),
        }
        if args.baseline:
            src = _export_src(args.baseline, work / "baseline")
            sides[f"setsquare@{Path(args.baseline).name or args.baseline}"] = (
                [SETSQUARE, "migrate", "."],
                {**env, "PYTHONPATH": str(src)},
            )
        cpu: dict[str, list[float]] = {name: [] for name in sides}
        failed: dict[str, int] = dict.fromkeys(sides, 0)
        for index, entry in enumerate(entries):
            for run in range(args.runs + 1):  # run 0 is untimed: it fills the bytecode cache
                for name, (cmd, side_env) in sides.items():
                    copy = unpack(sdists[entry], work / f"{index:02d}-{run}-{name}")
                    seconds, _, code = _cpu(cmd, copy, side_env)
                    if run:
                        cpu[name].append(seconds)
                        failed[name] += code != 0
            print(
                f"{entry:40} "
                + "  ".join(
                    f"{name} {statistics.median(values[-args.runs :]) * 1000:4.0f} ms"
                    for name, values in cpu.items()
                ),
                flush=True,
            )
    print(f"\n{len(entries)} projects x {args.runs} runs; median CPU per run (non-zero exits):")
    for name, values in cpu.items():
        print(f"  {name:24} {statistics.median(values) * 1000:6.0f} ms   ({failed[name]})")
    floor = cpu["ini2toml"]
    for name, values in cpu.items():
        if name != "ini2toml":
            ratios = [ours / theirs for ours, theirs in zip(values, floor, strict=True)]
            print(f"{name} / ini2toml per run: {_spread(ratios)} (target <= 0.2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
