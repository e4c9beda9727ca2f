"""Time `copier copy` of the setsquare template against copier's own floor.

The floor is a one-file template rendered the same way, in the same run, so the
ratio shows what this template costs on top of starting copier at all.

    uv run python benchmarks/scaffold/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COPIER = str(Path(sys.executable).parent / "copier")


def _git_copy(files: dict[str, str] | None, dest: Path) -> Path:
    """A committed template: the checkout's files, or the given ones."""
    dest.mkdir(parents=True)
    if files is None:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        for name in filter(None, listed.split("\0")):
            if (REPO_ROOT / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO_ROOT / name, dest / name)
    else:
        for name, text in files.items():
            (dest / name).write_text(text, encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "bench"]):
        subprocess.run(cmd, cwd=dest, check=True, env={**env, "PATH": "/usr/bin:/bin"})
    return dest


def _time_copy(src: Path, work: Path, runs: int, data: list[str]) -> list[float]:
    times = []
    for i in range(runs):
        dst = work / f"out-{i}"
        start = time.perf_counter()
        subprocess.run(
            [
                COPIER,
                "copy",
                "--quiet",
                "--defaults",
                "--vcs-ref",
                "HEAD",
                *data,
                str(src),
                str(dst),
            ],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="renders per template (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours = _git_copy(None, work / "setsquare")
        floor = _git_copy(
            {"copier.yml": "name:\n  type: str\n  default: x\n", "README.md.jinja": "{{ name }}\n"},
            work / "floor",
        )
        floor_times = _time_copy(floor, work / "floor-out", args.runs, [])
        our_times = _time_copy(ours, work / "ours-out", args.runs, ["-d", "project_name=bench"])
    floor_median = statistics.median(floor_times)
    our_median = statistics.median(our_times)
    print(f"copier copy, median of {args.runs} runs each")
    print(f"  floor (one-file template): {floor_median:.3f} s")
    print(f"  setsquare template:        {our_median:.3f} s")
    print(f"  ratio setsquare / floor:   {our_median / floor_median:.2f}x")
    print(f"  rendering adds:            {our_median - floor_median:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
