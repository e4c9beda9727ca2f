"""``setsquare adopt``: bring an existing repository up to the standard, overwriting nothing.

Reads and validates everything first, then writes each file atomically; a second
run finds nothing to do. Broken YAML or TOML is refused before any write.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stdout
from importlib.resources import files as resource_files
from pathlib import Path

from setsquare import __version__
from setsquare._git import listed_files
from setsquare.adopt.precommit_config import BUNDLE_URL, add_bundle
from setsquare.adopt.pyproject_tables import add_tables
from setsquare.changes import ChangeSet, inside, read_text
from setsquare.checks.legacy import STANDALONE
from setsquare.checks.pins import bundle_pins
from setsquare.errors import UsageError

CONFIG = ".pre-commit-config.yaml"
WORKFLOW = Path(".github") / "workflows"

#: Standalone files that configure a tool adopt would otherwise add a table for.
_LEGACY_TOOL_FILES = {".flake8": "ruff", "pytest.ini": "pytest", "mypy.ini": "mypy"}


def _mypy_files(root: Path) -> list[str]:
    if (root / "src").is_dir():
        return ["src"]
    packages = sorted(
        p.name
        for p in root.iterdir()
        if p.is_dir() and (p / "__init__.py").is_file() and p.name not in {"tests", "test"}
    )
    return packages or ["."]


def _has_lint_workflow(root: Path) -> bool:
    folder = root / WORKFLOW
    if not folder.is_dir():
        return False
    return any(
        "pre-commit" in (p.read_text(encoding="utf-8", errors="replace"))
        for p in folder.iterdir()
        if p.suffix in {".yml", ".yaml"} and p.is_file() and inside(root, p)
    )


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def adopt(
    *,
    path: str = ".",
    baseline: bool = False,
    bundle_url: str = BUNDLE_URL,
    bundle_rev: str | None = None,
    install: bool = True,
) -> int:
    """Adopt the repository at *path*; return 0 (also when there was nothing to do)."""
    root = Path(path)
    if not root.is_dir():
        raise UsageError(f"{path}: not a directory", hint="pass the root of a repository")
    rev = bundle_rev if bundle_rev is not None else f"v{__version__}"

    # Read and compute everything before writing anything.
    config_text = read_text(root, CONFIG) or ""
    config = add_bundle(config_text, CONFIG, url=bundle_url, rev=rev)
    pyproject_text = read_text(root, "pyproject.toml")
    legacy = frozenset(tool for name, tool in _LEGACY_TOOL_FILES.items() if (root / name).exists())
    tables = None
    if pyproject_text is not None:
        tables = add_tables(
            pyproject_text,
            "pyproject.toml",
            bundle=bundle_pins(),
            mypy_files=_mypy_files(root),
            has_tests=(root / "tests").is_dir(),
            legacy_tools=legacy,
        )
    workflow_path = root / WORKFLOW / "lint.yml"
    if workflow_path.exists():
        workflow_path = root / WORKFLOW / "pre-commit.yml"
    add_workflow = not _has_lint_workflow(root) and not workflow_path.exists()

    actions: list[str] = []
    changes = ChangeSet(root)
    if config.text != config_text:
        changes.write(CONFIG, config.text)
        actions.append(f"{CONFIG}: added the setsquare bundle ({len(config.added)} hooks)")
    elif config.bundle_present:
        print(f"{CONFIG}: the setsquare bundle is already there")
    for hook_id, url in config.already_provided.items():
        print(f"{CONFIG}: kept `{hook_id}` from {url} (the bundle's would run it twice)")
    if tables is not None and tables.text != pyproject_text:
        changes.write("pyproject.toml", tables.text)
        actions.extend(tables.actions)
    elif pyproject_text is None:
        print("pyproject.toml: none; run `setsquare migrate` first to create it from setup.cfg")
    if add_workflow:
        text = resource_files("setsquare.resources").joinpath("lint.yml").read_text("utf-8")
        changes.write(workflow_path.relative_to(root).as_posix(), text)
        actions.append(f"{workflow_path.relative_to(root)}: added the lint workflow")
    # Every file adopt writes lands together, or none does.
    changes.commit()
    if baseline:
        actions.extend(_baseline(root))
    for name in sorted(set(STANDALONE) & {p.name for p in root.iterdir()}):
        print(f"{name}: legacy configuration; `setsquare migrate` moves it into pyproject.toml")

    for action in actions:
        print(action)
    if not actions:
        print("Nothing to do: the repository already has everything adopt adds.")
    if install and (root / ".git").exists():
        _install_hooks(root)
    return 0


def _tracked_text_files(root: Path) -> list[str]:
    names = listed_files(root) or []
    text_files = []
    for name in names:
        file = root / name
        if file.is_file() and not file.is_symlink() and b"\0" not in file.read_bytes()[:8192]:
            text_files.append(name)
    return text_files


def _baseline(root: Path) -> list[str]:
    """Apply the fixers and record today's lint violations as `# noqa` comments.

    Whitespace and formatting cannot be suppressed line by line, so they are fixed;
    lint findings are marked, so new code is held to the rules from day one.
    """
    from pre_commit_hooks import end_of_file_fixer, mixed_line_ending, trailing_whitespace_fixer

    actions = []
    files = _tracked_text_files(root)
    if files:
        cwd = Path.cwd()
        os.chdir(root)
        # The fixers print a line per file; adopt reports once instead.
        try:
            with redirect_stdout(io.StringIO()):
                fixed = trailing_whitespace_fixer.main(files) | end_of_file_fixer.main(files)
                fixed |= mixed_line_ending.main(["--fix=lf", *files])
        finally:
            os.chdir(cwd)
        if fixed:
            actions.append("whitespace: trimmed trailing whitespace and fixed file endings")
    ruff = _tool("ruff")
    if ruff is None:  # pragma: no cover - ruff is a dependency of setsquare
        raise UsageError("ruff was not found", hint="reinstall setsquare")
    fmt = subprocess.run(
        [ruff, "format", "--no-cache", "."], cwd=root, capture_output=True, text=True, check=False
    )
    if fmt.returncode == 0 and "reformatted" in fmt.stdout:
        actions.append(f"ruff format: {fmt.stdout.strip()}")
    noqa = subprocess.run(
        [ruff, "check", "--no-cache", "--add-noqa", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    added = (noqa.stdout + noqa.stderr).strip()
    if added.startswith("Added"):
        actions.append(f"ruff check --add-noqa: {added.splitlines()[0]}")
    return actions


def _install_hooks(root: Path) -> None:
    pre_commit = _tool("pre-commit")
    if pre_commit is None:
        print("Next: `pre-commit install` (pre-commit was not found on PATH)")
        return
    result = subprocess.run(
        [pre_commit, "install"], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode == 0:
        print("pre-commit install: the hooks run on every commit")
    else:
        print(f"pre-commit install failed: {(result.stdout + result.stderr).strip()}")
