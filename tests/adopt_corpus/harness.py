"""The adopt corpus: real projects as their maintainers have them, adopted as a user would.

Every entry of ``repos.txt`` is a released sdist, pinned by version and sha256. For each:

1. ``download``: the sdist, once, into ``~/.cache/setsquare/adopt-corpus/sdists``
   (``pip download --no-deps --no-binary NAME``), checked against its sha256;
2. ``prepare``: unpacked, the files only an sdist has taken out (``SDIST_ONLY``), then
   ``git init`` and everything committed that the project's own ``.gitignore`` lets in;
3. ``adopt_and_run``: for a legacy project, ``setsquare migrate`` first (committed), as
   the getting-started page says; then ``setsquare adopt --baseline`` against a local clone of this
   checkout (``bundle_clone``), a second ``adopt --baseline``, ``pre-commit run
   --all-files`` with the bundle (plus the ``local``/``meta`` hooks that need nothing
   from the network), ``setsquare check``, and byte comparisons of the tree.

The tests in ``test_adopt_corpus.py`` assert on the `Outcome`; ``python -m
tests.adopt_corpus.harness [NAME==VERSION ...]`` prints the same outcomes as a report,
to measure a fix without pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tests import sdists
from tests.helpers import REPO_ROOT, child_env, run, tool, tracked_files, unpack

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

LIST = Path(__file__).with_name("repos.txt")
CONFIG = ".pre-commit-config.yaml"

_LINE = re.compile(
    r"^(?P<req>[A-Za-z0-9._-]+==[^\s]+)\s+sha256=(?P<sha>[0-9a-f]{64})\s+#\s*(?P<why>\S.*)$"
)
# What setuptools' sdist appends to setup.cfg (it rewrites the whole file with
# configparser, which also leaves a blank line after the last section).
_EGG_INFO_TAGS = re.compile(r"\n*\[egg_info\]\ntag_build = \ntag_date = 0\n*\Z")
#: A date for the bundle clone's commit, so its sha depends on the tree alone and
#: pre-commit's environment (keyed by repo path and rev) is reused while the tree is.
_FIXED_DATE = "2000-01-01T00:00:00+00:00"
#: Local hook languages that need no environment: anything else needs tools or
#: packages from outside the bundle, which is not what the corpus measures.
_SELF_CONTAINED = frozenset({"pygrep", "fail"})
#: Meta hooks that clone every repo in the config: impossible offline.
_CLONING_META = frozenset({"check-hooks-apply"})
#: Hook ids of other repos that do a job `adopt --baseline` also does: "text" for the
#: whitespace fixers (every text file), "python" for formatters and linters (whose
#: findings adopt formats away or marks with noqa comments). Their `exclude:` is the
#: maintainers saying that job must stay off those files.
SAME_JOB = {
    "trailing-whitespace": "text",
    "end-of-file-fixer": "text",
    "mixed-line-ending": "text",
    "fix-byte-order-marker": "text",
    "black": "python",
    "ruff-format": "python",
    "ruff": "python",
    "ruff-check": "python",
    "flake8": "python",
    "isort": "python",
    "autoflake": "python",
    "pyupgrade": "python",
    "reorder-python-imports": "python",
    "autopep8": "python",
    "yapf": "python",
    "pylint": "python",
    "add-trailing-comma": "python",
}
#: Other repos' hooks that do a bundle hook's job on the same files: kept beside it,
#: the two disagree (formatters rewrite each other's output, two mypy runs with
#: different options thrash one cache) or do the work twice.
BESIDE = {
    "black": ("ruff-format",),
    "isort": ("ruff-check",),
    "reorder-python-imports": ("ruff-check",),
    "flake8": ("ruff-check",),
    "autoflake": ("ruff-check",),
    "pyupgrade": ("ruff-check",),
    "mypy": ("mypy",),
}
PUBLIC_URL = "https://github.com/setsquare-dev/setsquare"
_PYTHON_SUFFIXES = (".py", ".pyi")
_HEADER = re.compile(
    r"^(?P<name>.+?)\.{2,}(?:\((?P<why>[^)]*)\))?(?P<status>Passed|Failed|Skipped)$"
)
_TIMEOUT = 900


# The list ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    requirement: str
    sha256: str
    why: str

    @property
    def name(self) -> str:
        return self.requirement.partition("==")[0]

    @property
    def version(self) -> str:
        return self.requirement.partition("==")[2]


def read_list(path: Path = LIST) -> list[Entry]:
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            msg = f"{path.name}:{number}: expected `name==version  sha256=<64 hex>  # why`"
            raise ValueError(f"{msg}, got {line!r}")
        entries.append(Entry(match["req"], match["sha"], match["why"].strip()))
    return entries


# Downloads ---------------------------------------------------------------------


def cache_dir() -> Path:
    return sdists.cache_dir("adopt-corpus")


def download(entries: Sequence[Entry]) -> dict[str, Path | str]:
    """Each entry's sdist (downloaded the first time, its sha256 checked), or why there is none."""
    return sdists.download(
        [entry.requirement for entry in entries],
        cache_dir() / "sdists",
        {entry.requirement: entry.sha256 for entry in entries},
    )


# The maintainers' repository ---------------------------------------------------

#: What `prepare` removes, and why: files the sdist build made, never in the repository.
SDIST_ONLY = (
    "PKG-INFO (every backend writes it into the sdist)",
    "*.egg-info/ at the root or one level down, holding SOURCES.txt (setuptools' egg_info)",
    (
        "setup.cfg's last section when it is exactly `[egg_info] tag_build = / tag_date = 0`, "
        "with the blank lines configparser leaves after it; setup.cfg itself when nothing else "
        "is left (setuptools' sdist rewrites setup.cfg with configparser to add it, so the "
        "comments of a legacy setup.cfg are already gone in the sdist: that cannot be undone)"
    ),
)


def strip_sdist_files(root: Path) -> list[str]:
    """Remove what only the sdist build adds (see `SDIST_ONLY`); the removed paths."""
    removed = []
    if (root / "PKG-INFO").is_file():
        (root / "PKG-INFO").unlink()
        removed.append("PKG-INFO")
    for folder in sorted((*root.glob("*.egg-info"), *root.glob("*/*.egg-info"))):
        if folder.is_dir() and (folder / "SOURCES.txt").is_file():
            shutil.rmtree(folder)
            removed.append(f"{folder.relative_to(root).as_posix()}/")
    cfg = root / "setup.cfg"
    if cfg.is_file():
        text = cfg.read_bytes().decode("utf-8", errors="surrogateescape")
        kept = _EGG_INFO_TAGS.sub("", text)
        if kept != text:
            if kept.strip():
                cfg.write_bytes((kept.rstrip("\n") + "\n").encode("utf-8", "surrogateescape"))
                removed.append("setup.cfg [egg_info]")
            else:
                cfg.unlink()
                removed.append("setup.cfg")
    return removed


@dataclass(frozen=True)
class Prepared:
    root: Path
    removed: tuple[str, ...]


def _git(args: list[str], cwd: Path, **env: str) -> str:
    cmd = ["git", "-c", "commit.gpgsign=false", *args]
    result = subprocess.run(
        cmd, cwd=cwd, env=child_env(**env), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {result.returncode}\n{result.stderr}")
    return result.stdout


def prepare(sdist: Path, work: Path) -> Prepared:
    """The project as its maintainers have it: unpacked, sdist-only files gone, committed.

    `git add -A` honours the project's own .gitignore, so a version file written by
    setuptools-scm or hatch-vcs stays in the tree untracked, as in a maintainer's
    checkout after an install.
    """
    root = unpack(sdist, work / "unpacked")
    removed = strip_sdist_files(root)
    _git(["init", "-q", "-b", "main"], root)
    _git(["add", "-A"], root)
    _git(["commit", "-q", "--no-verify", "-m", f"{sdist.name} as released"], root)
    return Prepared(root, tuple(removed))


# The bundle --------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    url: Path
    rev: str
    hook_ids: tuple[str, ...]


def bundle_clone(source: Path = REPO_ROOT) -> Bundle:
    """A committed copy of *source*'s work tree, uncommitted changes included.

    Its path and sha depend on the tree alone, so pre-commit reuses the hook
    environment an earlier run installed for the same tree.
    """
    folder = cache_dir() / "bundle"
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=folder))
    try:
        for name in tracked_files(source):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target)
        _git(["init", "-q", "-b", "main"], staging)
        _git(["add", "-A"], staging)
        tree = _git(["write-tree"], staging).strip()
        clone = folder / tree[:16]
        if not (clone / ".git").is_dir():
            dates = {"GIT_AUTHOR_DATE": _FIXED_DATE, "GIT_COMMITTER_DATE": _FIXED_DATE}
            _git(["commit", "-q", "--no-verify", "-m", "bundle under test"], staging, **dates)
            # An OSError: another session made the same clone first.
            with contextlib.suppress(OSError):
                staging.rename(clone)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    rev = _git(["rev-parse", "HEAD"], clone).strip()
    manifest = yaml.safe_load((clone / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return Bundle(clone, rev, tuple(str(hook["id"]) for hook in manifest))


def pre_commit_home() -> Path:
    return cache_dir() / "pre-commit"


def install_bundle(bundle: Bundle, work: Path) -> float:
    """Install the bundle's hook environment once, before the repos share it; seconds.

    The config naming it stays beside the clone: `pre-commit gc` keeps the
    environments of configs that still exist, so `prune_bundles` can drop the others.
    """
    repo = work / "install"
    repo.mkdir(parents=True)
    _git(["init", "-q", "-b", "main"], repo)
    hooks = "".join(f"      - id: {hook_id}\n" for hook_id in bundle.hook_ids)
    config = bundle.url.with_suffix(".yaml")
    config.write_text(
        f"repos:\n  - repo: {bundle.url}\n    rev: {bundle.rev}\n    hooks:\n{hooks}", "utf-8"
    )
    start = time.monotonic()
    home = str(pre_commit_home())
    run([tool("pre-commit"), "install-hooks", "--config", str(config)], repo, PRE_COMMIT_HOME=home)
    return time.monotonic() - start


def prune_bundles(keep: Bundle, *, newest: int = 3) -> None:
    """Drop all but the *newest* clones and their hook environments (about 100 MB each).

    A clone is made per work tree, so every edit of the checkout adds one. The
    newest are kept in case another session still uses one.
    """
    folder = keep.url.parent
    keep.url.touch()
    clones = sorted(
        (path for path in folder.iterdir() if path.is_dir() and (path / ".git").is_dir()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in clones[newest:]:
        if old != keep.url:
            shutil.rmtree(old, ignore_errors=True)
            old.with_suffix(".yaml").unlink(missing_ok=True)
    # Removes every environment whose configs are gone: old clones' and old runs'.
    run([tool("pre-commit"), "gc"], folder, PRE_COMMIT_HOME=str(pre_commit_home()))


# One repository ----------------------------------------------------------------


@dataclass
class HookResult:
    hook_id: str
    name: str
    status: str
    output: str
    modified: bool


@dataclass
class Outcome:
    requirement: str
    error: str = ""
    root: str = ""
    removed: tuple[str, ...] = ()
    #: `setsquare migrate`, run before adopt when it has something to move (else not run).
    migrate: tuple[int, str] | None = None
    adopt: tuple[int, str] = (-1, "")
    again: tuple[int, str] = (-1, "")
    #: Files the second `adopt --baseline` changed, added or removed.
    changed_again: list[str] = field(default_factory=list)
    #: Hooks of the adopted config left out of the offline run, as `repo: hook id`.
    left_out: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    run_code: int = -1
    run_output: str = ""
    hooks: list[HookResult] = field(default_factory=list)
    check_code: int = -1
    check_output: str = ""
    #: `FAIL SQ...` lines of `setsquare check`, each with its message.
    sq_failures: list[str] = field(default_factory=list)
    #: The same with the bundle's entry pointing at its public URL (a diagnostic:
    #: what a user of the public bundle would see).
    sq_failures_public_url: list[str] = field(default_factory=list)
    #: Hook ids adopt put in the bundle's entry.
    bundle_hooks: list[str] = field(default_factory=list)
    #: Hooks of other repos kept beside a bundle hook that does the same job.
    kept_beside: list[str] = field(default_factory=list)
    #: Files a same-job hook's or the top-level `exclude:` keeps out, that adopt changed.
    excluded_changed: list[str] = field(default_factory=list)
    #: The same for the `exclude:` of hooks doing other jobs (reported, not asserted).
    other_excluded_changed: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def failed_hooks(self) -> list[HookResult]:
        return [hook for hook in self.hooks if hook.status == "Failed"]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under *root* but .git, by relative path."""
    files = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if relative.parts[0] != ".git" and path.is_file() and not path.is_symlink():
            files[relative.as_posix()] = path.read_bytes()
    return files


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


def _setsquare(args: list[str], cwd: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "setsquare", *args],
        cwd=cwd,
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=_TIMEOUT,
    )
    return result.returncode, result.stdout + result.stderr


def run_config(
    config: dict[str, Any], bundle: Bundle
) -> tuple[dict[str, Any], list[str], list[str]]:
    """What of the adopted *config* can run offline: the config, what was left out, notes."""
    kept: dict[str, Any] = {key: value for key, value in config.items() if key != "repos"}
    repos, left_out, notes = [], [], []
    for repo in config.get("repos") or []:
        url = str(repo["repo"])
        if url == str(bundle.url):
            repos.append(repo)
            continue
        hooks = []
        for hook in repo.get("hooks") or []:
            hook_id = str(hook.get("id"))
            offline = (url == "meta" and hook_id not in _CLONING_META) or (
                url == "local" and hook.get("language") in _SELF_CONTAINED
            )
            if offline:
                hooks.append(hook)
            else:
                left_out.append(f"{url}: {hook_id}")
        if hooks:
            repos.append({**repo, "hooks": hooks})
    kept["repos"] = repos
    python = (kept.get("default_language_version") or {}).get("python")
    if python and shutil.which(str(python)) is None:
        # The maintainers have that interpreter; this machine does not.
        versions = kept["default_language_version"]
        kept["default_language_version"] = {k: v for k, v in versions.items() if k != "python"}
        notes.append(f"default_language_version python: {python} left out (not installed here)")
    return kept, left_out, notes


def overlaps(config: dict[str, Any], bundle: Bundle) -> tuple[list[str], list[str]]:
    """The bundle's hook ids in *config*, and the other repos' hooks doing one of their jobs."""
    ours: list[str] = []
    for repo in config.get("repos") or []:
        if str(repo["repo"]) == str(bundle.url):
            ours = [str(hook["id"]) for hook in repo.get("hooks") or []]
    beside = []
    for repo in config.get("repos") or []:
        if str(repo["repo"]) == str(bundle.url):
            continue
        for hook in repo.get("hooks") or []:
            for bundle_hook in BESIDE.get(str(hook.get("id")), ()):
                if bundle_hook in ours:
                    beside.append(f"{hook.get('id')} ({repo['repo']}) beside {bundle_hook}")
    return ours, beside


def parse_run(output: str) -> list[HookResult]:
    """pre-commit's `--verbose` report, hook by hook."""
    hooks: list[HookResult] = []
    for line in output.splitlines():
        header = _HEADER.match(line)
        if header is not None:
            name = header["name"].rstrip(".")
            hooks.append(HookResult("", name, header["status"], "", modified=False))
        elif not hooks:
            continue
        elif line.startswith("- hook id: ") and not hooks[-1].hook_id:
            hooks[-1].hook_id = line.removeprefix("- hook id: ").strip()
        elif line == "- files were modified by this hook":
            hooks[-1].modified = True
        elif not line.startswith(("- duration: ", "- exit code: ")):
            hooks[-1].output += line + "\n"
    for hook in hooks:
        hook.output = hook.output.strip("\n")
    return hooks


def _excludes(config: dict[str, Any]) -> list[tuple[str, re.Pattern[str], str | None]]:
    """(who, pattern, job) for the top-level and every per-hook `exclude:`."""
    found: list[tuple[str, re.Pattern[str], str | None]] = []
    if config.get("exclude"):
        found.append(("top-level exclude:", re.compile(str(config["exclude"])), "all"))
    if config.get("files"):
        # A top-level `files:` keeps out everything it does not match.
        outside = rf"^(?!.*(?:{config['files']}))"
        found.append(("top-level files:", re.compile(outside), "all"))
    for repo in config.get("repos") or []:
        for hook in repo.get("hooks") or []:
            if hook.get("exclude"):
                hook_id = str(hook.get("id"))
                who = f"{hook_id} exclude: ({repo.get('repo')})"
                found.append((who, re.compile(str(hook["exclude"])), SAME_JOB.get(hook_id)))
    return found


def excluded_changes(
    config: dict[str, Any], before: dict[str, bytes], after: dict[str, bytes]
) -> tuple[list[str], list[str]]:
    """Changed files some `exclude:` keeps out: (same job or top-level, other jobs)."""
    same, other = [], []
    tracked = sorted(before)
    patterns = _excludes(config)
    for name in tracked:
        if before[name] == after.get(name):
            continue
        for who, pattern, job in patterns:
            if not pattern.search(name):
                continue
            line = f"{name} (kept out by {who})"
            if job in {"all", "text"} or (job == "python" and name.endswith(_PYTHON_SUFFIXES)):
                same.append(line)
            else:
                other.append(line)
    return same, other


def _sq_failures(output: str) -> list[str]:
    """`FAIL SQ...` lines of `setsquare check`, each joined with its indented message."""
    failures: list[str] = []
    inside = False
    for line in output.splitlines():
        if line.startswith("FAIL SQ"):
            failures.append(line.removeprefix("FAIL ").strip())
            inside = True
        elif inside and line.startswith("     ") and line.strip():
            failures[-1] += " | " + line.strip()
        else:
            inside = False
    return failures


def adopt_and_run(entry: Entry, sdist: Path | str, work: Path, bundle: Bundle) -> Outcome:
    """Prepare *entry*, adopt it twice, run the hooks and check; never raises for the repo."""
    outcome = Outcome(entry.requirement)
    if isinstance(sdist, str):
        outcome.error = f"download failed: {sdist}"
        return outcome
    clock = time.monotonic()
    try:
        prepared = prepare(sdist, work)
    except (AssertionError, OSError, ValueError, tarfile.TarError) as error:
        outcome.error = f"prepare failed: {error}"
        return outcome
    root = prepared.root
    outcome.root, outcome.removed = str(root), prepared.removed
    outcome.seconds["prepare"] = time.monotonic() - clock
    # The documented way in for a legacy project: migrate first, commit, then adopt.
    # (adopt alone leaves check-legacy-config failing on purpose: it names what migrate moves.)
    clock = time.monotonic()
    if _setsquare(["migrate", str(root), "--check"], root)[0] == 1:
        outcome.migrate = _setsquare(["migrate", str(root)], root)
        _git(["add", "-A"], root)
        _git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "setsquare migrate"], root)
    outcome.seconds["migrate"] = time.monotonic() - clock

    original = snapshot(root)
    original_config = yaml.safe_load(original.get(CONFIG, b"").decode("utf-8")) or {}

    args = ["adopt", str(root), "--baseline", "--bundle-url", str(bundle.url)]
    args += ["--bundle-rev", bundle.rev, "--no-install"]
    clock = time.monotonic()
    outcome.adopt = _setsquare(args, root)
    outcome.seconds["adopt"] = time.monotonic() - clock
    if outcome.adopt[0] != 0:
        return outcome
    adopted = snapshot(root)
    clock = time.monotonic()
    outcome.again = _setsquare(args, root)
    outcome.seconds["adopt again"] = time.monotonic() - clock
    outcome.changed_again = _changed(adopted, snapshot(root))
    outcome.excluded_changed, outcome.other_excluded_changed = excluded_changes(
        original_config, original, adopted
    )

    # As a user would after adopt: stage what it wrote, then run the hooks.
    _git(["add", "-A"], root)
    config = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))
    offline, outcome.left_out, outcome.notes = run_config(config, bundle)
    outcome.bundle_hooks, outcome.kept_beside = overlaps(config, bundle)
    config_file = work / "run-config.yaml"
    config_file.write_text(yaml.safe_dump(offline, sort_keys=False), encoding="utf-8")
    clock = time.monotonic()
    result = subprocess.run(
        [tool("pre-commit"), "run", "--all-files", "--verbose", "--config", str(config_file)],
        cwd=root,
        env=child_env(PRE_COMMIT_HOME=str(pre_commit_home())),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=_TIMEOUT,
    )
    outcome.seconds["hooks"] = time.monotonic() - clock
    outcome.run_code, outcome.run_output = result.returncode, result.stdout + result.stderr
    outcome.hooks = parse_run(result.stdout)

    clock = time.monotonic()
    outcome.check_code, outcome.check_output = _setsquare(["check", str(root)], root)
    outcome.seconds["check"] = time.monotonic() - clock
    outcome.sq_failures = _sq_failures(outcome.check_output)
    # Last, as it rewrites the config: check as a user of the public bundle would see it.
    text = (root / CONFIG).read_text(encoding="utf-8")
    (root / CONFIG).write_text(text.replace(f"repo: {bundle.url}", f"repo: {PUBLIC_URL}"), "utf-8")
    outcome.sq_failures_public_url = _sq_failures(_setsquare(["check", str(root)], root)[1])
    return outcome


def run_all(
    entries: Sequence[Entry],
    work: Path,
    *,
    sdists: Mapping[str, Path | str] | None = None,
    jobs: int = 2,
) -> dict[str, Outcome]:
    """Every entry adopted and run, *jobs* at a time, after one install of the bundle."""
    if sdists is None:
        sdists = download(entries)
    bundle = bundle_clone()
    install_bundle(bundle, work)
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {
                entry.requirement: pool.submit(
                    adopt_and_run, entry, sdists[entry.requirement], work / f"{index:02d}", bundle
                )
                for index, entry in enumerate(entries)
            }
            return {requirement: future.result() for requirement, future in futures.items()}
    finally:
        prune_bundles(bundle)


# Summaries, for assertion messages and the report -------------------------------


def head(text: str, lines: int = 12) -> str:
    kept = text.strip("\n").splitlines()
    more = f"\n... ({len(kept) - lines} more lines)" if len(kept) > lines else ""
    return "\n".join(kept[:lines]) + more


def mypy_counts(output: str) -> tuple[int, Counter[str]]:
    """mypy's error count and its errors by code."""
    codes: Counter[str] = Counter(re.findall(r": error: .*\[([a-z-]+)\]$", output, re.MULTILINE))
    found = re.search(r"Found (\d+) errors? in", output)
    return (int(found[1]) if found else sum(codes.values())), codes


def describe_hook(hook: HookResult) -> str:
    """One line for a failing hook: the counts that matter for it."""
    label = hook.hook_id or hook.name
    if hook.hook_id == "mypy":
        count, codes = mypy_counts(hook.output)
        top = ", ".join(f"{code} {n}" for code, n in codes.most_common(4))
        detail = f"{count} errors ({top})" if count else head(hook.output, 1)
        return f"{label}: {detail}"
    if hook.modified:
        return f"{label}: files modified"
    return f"{label}: {head(hook.output, 1)}"


def report(outcomes: Iterable[Outcome]) -> str:
    lines = []
    for outcome in outcomes:
        lines.append(f"## {outcome.requirement}")
        if outcome.error:
            lines.append(f"error: {outcome.error}")
            continue
        if outcome.migrate is not None:
            lines.append(f"migrate first: exit {outcome.migrate[0]}")
            lines.extend(f"    {line}" for line in outcome.migrate[1].strip().splitlines()[-3:])
        code, text = outcome.adopt
        lines.append(f"adopt: exit {code}")
        lines.extend(f"    {line}" for line in text.strip().splitlines())
        if code != 0:
            continue
        lines.append(f"(a) hooks: exit {outcome.run_code}")
        lines.extend(f"    FAILED {describe_hook(hook)}" for hook in outcome.failed_hooks())
        lines.append(f"    left out: {', '.join(outcome.left_out) or '-'}")
        lines.extend(f"    note: {note}" for note in outcome.notes)
        lines.append(f"(b) second adopt: exit {outcome.again[0]}, changed {outcome.changed_again}")
        lines.append(f"    bundle hooks: {outcome.bundle_hooks}")
        lines.append(f"    kept beside: {outcome.kept_beside}")
        lines.append(f"(c) check: {[failure.split(':')[0] for failure in outcome.sq_failures]}")
        public = [failure.split(":")[0] for failure in outcome.sq_failures_public_url]
        lines.append(f"    with the public URL: {public}")
        lines.append(f"(d) excluded changed: {outcome.excluded_changed}")
        lines.append(f"    other excludes: {outcome.other_excluded_changed}")
        lines.append(f"    seconds: { {k: round(v, 1) for k, v in outcome.seconds.items()} }")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("requirements", nargs="*", help="NAME==VERSION entries (default: all)")
    parser.add_argument("--json", type=Path, help="also write every outcome as JSON here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="keep the adopted repos here (must not exist)")
    args = parser.parse_args(argv)
    entries = read_list()
    if args.requirements:
        entries = [entry for entry in entries if entry.requirement in args.requirements]
    with tempfile.TemporaryDirectory(prefix="adopt-corpus-") as temporary:
        work = args.work or Path(temporary)
        start = time.monotonic()
        outcomes = run_all(entries, work, jobs=args.jobs)
        print(report(outcomes.values()))
        print(f"\n{len(outcomes)} repos in {time.monotonic() - start:.0f} s")
        if args.json:
            data = [asdict(outcome) for outcome in outcomes.values()]
            args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
