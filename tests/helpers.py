"""Builders shared by the tests: a committed copy of the template, renders, tool runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import copier

REPO_ROOT = Path(__file__).resolve().parents[1]
TOOLS_BIN = Path(sys.executable).parent

#: Identity and offline settings for every git, uv and copier call the tests make.
TEST_ENV = {
    "GIT_AUTHOR_NAME": "Ada Tester",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Tester",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
    "UV_PYTHON_DOWNLOADS": "never",
    "UV_NO_PROGRESS": "1",
    "NO_COLOR": "1",
}


def tool(name: str) -> str:
    """Path of a command-line tool installed beside the interpreter running the tests."""
    path = TOOLS_BIN / name
    if not path.exists():
        found = shutil.which(name)
        assert found is not None, f"{name} is not installed in the test environment"
        return found
    return str(path)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: ours, minus the outer virtualenv."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(TEST_ENV)
    env.update(extra)
    return env


def run(
    cmd: list[str], cwd: Path, *, check: bool = True, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """Run *cmd* in *cwd*, capturing text output; fail with the output when *check*."""
    result = subprocess.run(
        cmd,
        cwd=cwd,
        env=child_env(**extra_env),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(cmd)} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return result


def tracked_files(root: Path) -> list[str]:
    """Files git would commit in *root*: tracked ones plus new, non-ignored ones."""
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted({name for name in out.split("\0") if name and (root / name).is_file()})


def make_template_repo(dest: Path, *, source: Path = REPO_ROOT) -> Path:
    """Copy the checkout (work tree as it is) into *dest* and commit it there.

    Copier renders git templates from commits; a committed copy renders the
    work tree under test without copier's dirty-template warning.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in tracked_files(source):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, target)
    run(["git", "init", "-q", "-b", "main"], dest)
    run(["git", "add", "-A"], dest)
    run(["git", "commit", "-q", "-m", "template under test"], dest)
    return dest


def render(src: Path, dst: Path, data: dict[str, Any]) -> Path:
    """Render the template at *src* (HEAD) into *dst*, non-interactively."""
    copier.run_copy(
        str(src),
        dst,
        data=data,
        vcs_ref="HEAD",
        defaults=True,
        quiet=True,
        unsafe=False,
    )
    return dst


def unpack(sdist: Path, dest: Path) -> Path:
    """Unpack *sdist* (a .tar.gz or .zip) into *dest*; its one top-level folder."""
    dest.mkdir(parents=True, exist_ok=True)
    if sdist.name.endswith(".zip"):
        with zipfile.ZipFile(sdist) as archive:
            archive.extractall(dest)
    else:
        with tarfile.open(sdist) as archive:
            archive.extractall(dest, filter="data")
    (root,) = list(dest.iterdir())
    return root


def check_ci_schema(dst: Path, ci: str) -> list[str]:
    """Check a render's CI configuration against its vendor schema; its GitHub workflows."""
    if ci == "gitlab":
        # GitLab's own schema for .gitlab-ci.yml, as its pipeline editor uses it.
        assert not (dst / ".github").exists()
        run(
            [tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"],
            dst,
        )
        return []
    assert not (dst / ".gitlab-ci.yml").exists()
    workflows = sorted(str(p) for p in (dst / ".github" / "workflows").glob("*.yml"))
    run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows], dst)
    return workflows


def work_tree(root: Path) -> dict[str, bytes]:
    """Every file under *root* outside ``.git``, by its POSIX path, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }
