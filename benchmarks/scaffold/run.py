"""Time `copier copy` of the setsquare template against copier's own floor.

Three templates are rendered the same way, round-robin in one run so that a
change in the machine's load hits all three alike:

- the floor: a one-file template, the cost of starting copier at all;
- the template alone: `copier.yml`, `template/` and `partials/` in a repository
  of their own, the cost of asking the questions and rendering the files;
- the setsquare repository as users get it: the same template, but Copier
  clones and checks out the whole repository (code, tests, docs) first.

The gap between the last two is what the repository's size costs, not the
template's rendering.

Each template is given to Copier as a `git+file://` URL, which Copier treats as it treats
`gh:` or `https://` (its `_is_remote`): it keeps a bare mirror in its cache and checks
the template out of it with `git worktree add`. A plain path would take Copier's other
road, a `--filter=blob:none` clone whose checkout fetches every blob one batch at a
time, which no user of a published template takes and which made the whole repository
look 0.5 s slower than it is. Two rounds are timed: the first use (an empty cache, so the
mirror is cloned: what a new user waits for, less the network) and a later use (the
mirror is there and is refreshed).

    uv run python benchmarks/scaffold/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from tests.helpers import tracked_files  # noqa: E402

COPIER = str(Path(sys.executable).parent / "copier")
#: What Copier reads to render the template: its config, the rendered tree and the macros.
TEMPLATE_ONLY = ("copier.yml", "template/", "partials/")
FLOOR = {"copier.yml": "name:\n  type: str\n  default: x\n", "README.md.jinja": "{{ name }}\n"}


def _git_commit(dest: Path) -> Path:
    env = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    # Packed, as a clone from a host would have it.
    steps = (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "bench"])
    for cmd in (*steps, ["git", "gc", "-q"]):
        subprocess.run(cmd, cwd=dest, check=True, env={**env, "PATH": "/usr/bin:/bin"})
    return dest


def _copy_checkout(dest: Path, names: list[str]) -> Path:
    dest.mkdir(parents=True)
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, dest / name)
    return _git_commit(dest)


def _write_files(dest: Path, files: dict[str, str]) -> Path:
    dest.mkdir(parents=True)
    for name, text in files.items():
        (dest / name).write_text(text, encoding="utf-8")
    return _git_commit(dest)


def _time_copy(src: Path, dst: Path, data: list[str], cache: Path) -> float:
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
            "git+" + src.as_uri(),
            dst,
        ],
        check=True,
        env={**os.environ, "COPIER_CACHE_DIR": str(cache)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="renders per template (default 5)")
    args = parser.parse_args(argv)
    # The checkout's files as a commit would hold them: tracked plus new, not ignored.
    names = tracked_files(REPO_ROOT)
    template_names = [n for n in names if n.startswith(TEMPLATE_ONLY)]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = {
            "floor (one-file template)": (_write_files(work / "floor", FLOOR), []),
            "setsquare template alone": (
                _copy_checkout(work / "template-only", template_names),
                ["-d", "project_name=bench"],
            ),
            "setsquare repository": (
                _copy_checkout(work / "setsquare", names),
                ["-d", "project_name=bench"],
            ),
        }
        rounds = ("first use", "later use")
        times: dict[tuple[str, str], list[float]] = {
            (r, label): [] for r in rounds for label in sources
        }
        for i in range(args.runs):
            for n, (label, (src, data)) in enumerate(sources.items()):
                cache = work / f"cache-{n}-{i}"  # empty: the first use clones the mirror
                for r in rounds:
                    dst = work / f"out-{n}-{i}-{rounds.index(r)}"
                    times[r, label].append(_time_copy(src, dst, data, cache))
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"copier copy from a git+file:// URL, median of {args.runs} runs each, round-robin")
    print(f"  files in the repository: {len(names)}; in the template alone: {len(template_names)}")
    for r in rounds:
        floor = medians[r, "floor (one-file template)"]
        print(f"  {r}:")
        for label in sources:
            median = medians[r, label]
            print(f"    {label + ':':<28} {median:.3f} s  {median / floor:.2f}x the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
