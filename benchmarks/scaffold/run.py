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
sys.path.insert(0, str(REPO_ROOT))

from tests.helpers import tracked_files  # noqa: E402

COPIER = str(Path(sys.executable).parent / "copier")
#: What Copier reads to render the template: its config, the rendered tree and the macros.
TEMPLATE_ONLY = ("copier.yml", "template/", "partials/")
FLOOR = {"copier.yml": "name:\n  type: str\n  default: x\n", "README.md.jinja": "{{ name }}\n"}


def _git_commit(dest: Path) -> Path:
    env = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "bench"]):
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


def _time_copy(src: Path, dst: Path, data: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [COPIER, "copy", "--quiet", "--defaults", "--vcs-ref", "HEAD", *data, str(src), str(dst)],
        check=True,
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
        times: dict[str, list[float]] = {label: [] for label in sources}
        for i in range(args.runs):
            for n, (label, (src, data)) in enumerate(sources.items()):
                times[label].append(_time_copy(src, work / f"out-{n}-{i}", data))
    medians = {label: statistics.median(values) for label, values in times.items()}
    floor = medians["floor (one-file template)"]
    print(f"copier copy, median of {args.runs} runs each, round-robin")
    print(f"  files in the repository: {len(names)}; in the template alone: {len(template_names)}")
    for label, median in medians.items():
        print(f"  {label + ':':<28} {median:.3f} s  {median / floor:.2f}x the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
