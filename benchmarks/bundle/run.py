"""The setsquare bundle against the hook sets it replaces, on a large real code base.

In one run, on an unpacked sdist from the package index (default: Django), this times
`pre-commit run --all-files` and the first `pre-commit install-hooks` for:

- the setsquare bundle (one repository, one environment);
- the upstream set it replaces: ruff-pre-commit, mirrors-mypy, pre-commit-hooks and
  validate-pyproject as separate hook repositories, each installed the same offline way
  (a local mirror repository pinning the same tool versions);
- the legacy stack users migrate away from: flake8, isort and black hooks.

It prints the times and the ratios against the bundle, and pre-commit's own fixed cost
(an empty run), which is part of every side.

    uv run python benchmarks/bundle/run.py [--sdist django==5.2.19] [--runs 3]

`install_cost.py` beside it times `pre-commit install-hooks` alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PRE_COMMIT = str(BIN / "pre-commit")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}
HYGIENE = {
    "trailing-whitespace": ("trailing-whitespace-fixer", "types: [text]"),
    "end-of-file-fixer": ("end-of-file-fixer", "types: [text]"),
    "mixed-line-ending": ("mixed-line-ending", "types: [text]"),
    "check-merge-conflict": ("check-merge-conflict", "types: [text]"),
    "check-added-large-files": ("check-added-large-files", "stages: [pre-commit]"),
    "check-toml": ("check-toml", "types: [toml]"),
    "check-yaml": ("check-yaml", "types: [yaml]"),
    "debug-statements": ("debug-statement-hook", "types: [python]"),
}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    return {**env, **GIT_ENV, **extra}


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=_env(), check=True, capture_output=True, text=True
    ).stdout.strip()


def _commit_all(repo: Path) -> str:
    if not (repo / ".git").exists():
        _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "bench", "--allow-empty")
    return _git(repo, "rev-parse", "HEAD")


def _pins() -> dict[str, str]:
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    pins = {}
    for line in requires("setsquare") or []:
        req = Requirement(line)
        if req.marker is None and str(req.specifier).startswith("=="):
            pins[req.name] = str(req.specifier)
    return pins


def _mirror(root: Path, name: str, requirements: list[str], manifest: str) -> str:
    """A hook repository like the upstream one: a manifest plus pinned requirements."""
    repo = root / name
    repo.mkdir(parents=True)
    deps = ", ".join(f'"{r}"' for r in requirements)
    (repo / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "{name}-mirror"\nversion = "0"\ndependencies = [{deps}]\n\n'
        "[tool.setuptools]\npy-modules = []\n",
        encoding="utf-8",
    )
    (repo / ".pre-commit-hooks.yaml").write_text(manifest, encoding="utf-8")
    return _commit_all(repo)


def _hook(hook_id: str, entry: str, extra: str = "") -> str:
    lines = [f"- id: {hook_id}", f"  name: {hook_id}", f"  entry: {entry}", "  language: python"]
    lines += [f"  {line}" for line in extra.splitlines() if line]
    return "\n".join(lines) + "\n"


def _config(
    repos: list[tuple[str, str, list[str]]], mypy_files: str = "", extra: Sequence[str] = ()
) -> str:
    """A pre-commit config; *extra*: `additional_dependencies` of every hook (one environment)."""
    out = ["repos:"]
    for url, rev, ids in repos:
        out += [f"  - repo: {url}", f"    rev: {rev}", "    hooks:"]
        for hook_id in ids:
            out.append(f"      - id: {hook_id}")
            if hook_id == "mypy" and mypy_files:
                out.append(f"        files: {mypy_files}")
            if extra:
                out.append(f"        additional_dependencies: {json.dumps(list(extra))}")
    return "\n".join(out) + "\n"


def _timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


def _side(project: Path, config: str, home: Path, runs: int) -> tuple[float, float, list[float]]:
    """(install-hooks seconds, cold run seconds, warm run seconds) for one hook set."""
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _commit_all(project)
    env = _env(PRE_COMMIT_HOME=str(home))
    install = _timed([PRE_COMMIT, "install-hooks"], project, env)
    shutil.rmtree(project / ".mypy_cache", ignore_errors=True)
    cold = _timed([PRE_COMMIT, "run", "--all-files"], project, env)
    warm = []
    for _ in range(runs):
        _git(project, "reset", "-q", "--hard")
        warm.append(_timed([PRE_COMMIT, "run", "--all-files"], project, env))
    _git(project, "reset", "-q", "--hard")
    return install, cold, warm


def _bundle_copy(work: Path) -> tuple[Path, str]:
    bundle = work / "setsquare"
    listed = _git(REPO_ROOT, "ls-files", "--cached", "--others", "--exclude-standard")
    for name in listed.splitlines():
        if (REPO_ROOT / name).is_file():
            (bundle / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, bundle / name)
    return bundle, _commit_all(bundle)


def _upstream_manifests(pins: dict[str, str]) -> list[tuple[str, list[str], str]]:
    """(name, requirements, manifest) of each upstream hook repository the bundle replaces."""
    hygiene = "".join(_hook(h, e, x) for h, (e, x) in HYGIENE.items())
    python_files = "types_or: [python, pyi]"
    mypy_extra = (
        f"{python_files}\nrequire_serial: true\n"
        "args: [--ignore-missing-imports, --scripts-are-modules]"
    )
    return [
        ("pre-commit-hooks", [f"pre-commit-hooks{pins['pre-commit-hooks']}"], hygiene),
        (
            "ruff-pre-commit",
            [f"ruff{pins['ruff']}"],
            _hook("ruff-check", "ruff check --force-exclude", python_files)
            + _hook("ruff-format", "ruff format --force-exclude", python_files),
        ),
        ("mirrors-mypy", [f"mypy{pins['mypy']}"], _hook("mypy", "mypy", mypy_extra)),
        (
            "validate-pyproject",
            [f"validate-pyproject[all]{pins['validate-pyproject']}"],
            _hook("validate-pyproject", "validate-pyproject", "files: ^pyproject\\.toml$"),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sdist", default="django==5.2.19", help="requirement to download")
    parser.add_argument("--mypy-files", default="^django/utils/", help="files mypy checks")
    parser.add_argument("--runs", type=int, default=3, help="warm runs per side (default 3)")
    args = parser.parse_args(argv)
    pins = _pins()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        python = shutil.which("python3") or sys.executable
        subprocess.run(
            [python, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
             "-d", str(work / "dl"), args.sdist],
            check=True,
        )  # fmt: skip
        (archive,) = (work / "dl").iterdir()
        with tarfile.open(archive) as tar:
            tar.extractall(work / "src", filter="data")
        (project,) = (work / "src").iterdir()
        files = sum(1 for _ in project.rglob("*.py"))
        mypy_dir = args.mypy_files.strip("^/")
        with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(f'\n[tool.mypy]\nfiles = ["{mypy_dir}"]\n')
        _commit_all(project)

        bundle, bundle_rev = _bundle_copy(work)
        mirrors = work / "mirrors"

        def hook_repo(name: str, requirement: str, manifest: str) -> tuple[str, str, list[str]]:
            ids = [line[6:] for line in manifest.splitlines() if line.startswith("- id: ")]
            return str(mirrors / name), _mirror(mirrors, name, [requirement], manifest), ids

        upstream = [
            hook_repo(name, requirement, manifest)
            for name, (requirement,), manifest in _upstream_manifests(pins)
        ]
        legacy = [
            hook_repo("flake8", "flake8==7.5.0", _hook("flake8", "flake8", "types: [python]")),
            hook_repo("isort", "isort==9.0.2", _hook("isort", "isort", "types: [python]")),
            hook_repo(
                "black",
                "black==26.10.1",
                _hook("black", "black", "types: [python]\nrequire_serial: true"),
            ),
        ]
        same_ids = [i for _, _, ids in upstream for i in ids]
        sides = {
            "setsquare bundle": _config([(str(bundle), bundle_rev, same_ids)], args.mypy_files),
            "upstream set (4 repos)": _config(upstream, args.mypy_files),
            "legacy flake8+isort+black": _config(legacy),
            "pre-commit alone (no hooks)": "repos: []\n",
        }
        print(f"project: {args.sdist} ({files} Python files); mypy on {mypy_dir}/")
        results: dict[str, tuple[float, float, list[float]]] = {}
        for name, config in sides.items():
            print(f"  running: {name} ...", file=sys.stderr)
            results[name] = _side(project, config, work / f"home-{len(results)}", args.runs)

    ours_install, _, ours_warm = results["setsquare bundle"]
    ours = statistics.median(ours_warm)
    header = ("hook set", "install-hooks", "cold run", "warm run", "warm ratio")
    print(f"{header[0]:<30} {header[1]:>14} {header[2]:>10} {header[3]:>10} {header[4]:>11}")
    for name, (install, cold, warm) in results.items():
        median = statistics.median(warm)
        print(f"{name:<30} {install:>13.1f}s {cold:>9.2f}s {median:>9.2f}s {median / ours:>10.2f}x")
    upstream_install, _, upstream_warm = results["upstream set (4 repos)"]
    legacy_warm = results["legacy flake8+isort+black"][2]
    fixed = statistics.median(results["pre-commit alone (no hooks)"][2])
    print(f"install-hooks, upstream set / bundle: {upstream_install / ours_install:.2f}x")
    print(f"warm run, upstream set / bundle:      {statistics.median(upstream_warm) / ours:.2f}x")
    print(f"warm run, legacy stack / bundle:      {statistics.median(legacy_warm) / ours:.2f}x")
    print(f"pre-commit's fixed cost (empty run):  {fixed:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
