"""`pre-commit install-hooks` alone: the bundle against the upstream repos it replaces.

Interleaved round by round, so every side meets the same load on a shared machine:

- the setsquare bundle as it is packaged: its environment installs setsquare with its
  own dependencies, which are only what the hooks need;
- the same bundle with the `cli` extra added to every hook (`additional_dependencies`,
  one environment): what the bundle installed before the command line's dependencies
  became an extra;
- the upstream set: pre-commit-hooks, ruff-pre-commit, mirrors-mypy and
  validate-pyproject as local mirrors pinning the bundle's tool versions.

Each side gets a fresh PRE_COMMIT_HOME every round; pip's own cache is shared, so after
the first round no side downloads anything. Prints the median and every round.

    uv run python -m benchmarks.bundle.install_cost [--runs 3]
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

from benchmarks.bundle.run import (
    PRE_COMMIT,
    _bundle_copy,
    _commit_all,
    _config,
    _env,
    _mirror,
    _pins,
    _upstream_manifests,
)
from setsquare._toml import tomllib


def _cli_extra() -> list[str]:
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["project"]["optional-dependencies"]["cli"])


def measure(pins: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Seconds of each round, by side."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = work / "project"
        project.mkdir()
        (project / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "1"\n')
        _commit_all(project)
        bundle, bundle_rev = _bundle_copy(work)
        mirrors = work / "mirrors"
        upstream = []
        for name, requirements, hooks in _upstream_manifests(pins):
            ids = [line[6:] for line in hooks.splitlines() if line.startswith("- id: ")]
            upstream.append((str(mirrors / name), _mirror(mirrors, name, requirements, hooks), ids))
        same_ids = [i for _, _, ids in upstream for i in ids]
        bundle_repo = [(str(bundle), bundle_rev, same_ids)]
        sides = {
            "setsquare bundle as packaged": _config(bundle_repo),
            "bundle with the cli extra": _config(bundle_repo, extra=_cli_extra()),
            "upstream set (4 repos)": _config(upstream),
        }
        times: dict[str, list[float]] = {name: [] for name in sides}
        for round_ in range(runs):
            for name, config in sides.items():
                print(f"  round {round_ + 1}: {name} ...", file=sys.stderr)
                (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
                _commit_all(project)
                home = work / f"home-{round_}-{list(sides).index(name)}"
                start = time.perf_counter()
                # A failed install would look fast: it must not count.
                subprocess.run(
                    [PRE_COMMIT, "install-hooks"],
                    cwd=project,
                    env=_env(PRE_COMMIT_HOME=str(home)),
                    capture_output=True,
                    check=True,
                )
                times[name].append(time.perf_counter() - start)
                shutil.rmtree(home, ignore_errors=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    args = parser.parse_args(argv)
    times = measure(_pins(), args.runs)
    upstream_median = statistics.median(times["upstream set (4 repos)"])
    print(f"{'hook set':<34} {'install-hooks (median)':>22} {'each run':>24} {'/ upstream':>11}")
    for name, found in times.items():
        median = statistics.median(found)
        each = ", ".join(f"{t:.1f}" for t in found)
        print(f"{name:<34} {median:>21.1f}s {each:>24} {median / upstream_median:>10.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
