"""Time `setsquare migrate` on large synthetic setup.cfg files, and `setsquare --help`.

Each size gets a fresh project whose setup.cfg is mostly what migrate converts
line by line: 40% ``install_requires`` lines (a marker and a comment each), 30%
``console_scripts`` entry points, 30% ``extras_require`` groups. The figures are
wall seconds, CPU seconds (user + system of the child) and the child's peak RSS;
the cost is linear when seconds and megabytes per MB of input stay flat as the
size grows.

    uv run python benchmarks/migrate/large.py [--sizes 1 10 50] [--help-runs 10]

Measured 2026-12-03 on 2 cores shared with other jobs (load 8-11, so wall times are
3-4x the CPU times): ``--help`` 88 ms CPU (median of 10); 1 MB 9.4 s CPU, 142 MB;
10 MB 81.5 s, 1072 MB; 50 MB 325 s, 5077 MB: 9.4, 8.2 and 6.5 s and about 100 MB per
MB of input. Before each section's values were interpolated against one dictionary
instead of one rebuilt per value, the cost was quadratic: 1 MB 61.8 s CPU, 2 MB 288.6 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SETSQUARE = str(Path(sys.executable).parent / "setsquare")

_HEAD = """\
[metadata]
name = bigdemo
version = 1.0
description = A very large setup.cfg
license = MIT
classifiers =
    Programming Language :: Python :: 3

[options]
packages = find:
python_requires = >=3.9
install_requires =
"""


def setup_cfg(size: int) -> str:
    """A setup.cfg of about *size* bytes (pure, so the shape is the same every run)."""
    parts = [_HEAD]
    total = len(_HEAD)

    def add(line: str) -> None:
        nonlocal total
        parts.append(line)
        total += len(line)

    index = 0
    while total < size * 0.4:
        add(f"    package-{index}>=1.{index % 10}; python_version >= '3.9'  # reason {index}\n")
        index += 1
    add("\n[options.entry_points]\nconsole_scripts =\n")
    index = 0
    while total < size * 0.7:
        add(f"    tool-{index} = bigdemo.cli:main_{index}\n")
        index += 1
    add("\n[options.extras_require]\n")
    index = 0
    while total < size:
        add(f"extra{index} =\n    dep-a-{index}\n    dep-b-{index}>=2\n")
        index += 1
    return "".join(parts)


def _run(cmd: list[str], cwd: Path) -> tuple[int, float, float, float]:
    """Exit code, wall seconds, CPU seconds and peak RSS in MB of one child."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait4 gives this child's own resource use (getrusage would mix all children).
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _project(root: Path, size_mb: float) -> Path:
    project = root / f"size-{size_mb:g}mb"
    (project / "bigdemo").mkdir(parents=True)
    (project / "bigdemo" / "__init__.py").write_text("", encoding="utf-8")
    (project / "setup.cfg").write_text(setup_cfg(int(size_mb * 1_000_000)), encoding="utf-8")
    return project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=float, nargs="+", default=[1, 10, 50], help="setup.cfg sizes in MB"
    )
    parser.add_argument("--help-runs", type=int, default=10, help="runs of `setsquare --help`")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-migrate-large-") as scratch:
        work = Path(scratch)
        helps = [_run([SETSQUARE, "--help"], work) for _ in range(args.help_runs)]
        walls = [wall for _, wall, _, _ in helps]
        cpus = [cpu for _, _, cpu, _ in helps]
        # CPU time too: on a shared machine the wall clock mostly measures the neighbours.
        print(
            f"setsquare --help: median {statistics.median(walls) * 1000:.0f} ms wall, "
            f"{statistics.median(cpus) * 1000:.0f} ms CPU ({len(helps)} runs; target < 100 ms)",
            flush=True,
        )
        print(
            f"{'setup.cfg':>10} {'wall':>9} {'CPU':>9} {'CPU/MB':>8} {'peak RSS':>10} {'RSS/MB':>8}"
        )
        for size in args.sizes:
            project = _project(work, size)
            code, wall, cpu, rss = _run([SETSQUARE, "migrate", str(project)], work)
            print(
                f"{size:8g} MB {wall:8.1f}s {cpu:8.1f}s {cpu / size:7.2f}s "
                f"{rss:7.0f} MB {rss / size:7.1f}" + ("" if code == 0 else f"   (exit {code})"),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
