"""A real read-only mount and a real full disk, and every commit step failing in turn
inside the real commands: each ends in exit 2, one line, and the project as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from setsquare import changes
from setsquare.main import main
from tests.safety.harness import fill, snapshot

if TYPE_CHECKING:
    from collections.abc import Iterator

TREE = {
    "setup.cfg": "[metadata]\nname = demo\nversion = 1.0\n\n[flake8]\nmax-line-length = 100\n",
    "tox.ini": "[tox]\nenvlist = py311\n\n[pytest]\naddopts = -q\n",
    "requirements-dev.txt": "pytest\n",
}
MIGRATE = ["migrate", "{root}", "--remove-legacy"]
ADOPT = ["adopt", "{root}", "--no-install"]


def _mount(*args: str) -> None:
    # These tests run as root (as CI does); without mount rights they cannot prove anything.
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"mount {' '.join(args)}: {result.stderr}"


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "mnt"
    point.mkdir()
    yield point
    subprocess.run(["umount", str(point)], capture_output=True, check=False)


@pytest.mark.parametrize("argv", [MIGRATE, ADOPT], ids=["migrate", "adopt"])
def test_a_read_only_project_is_refused_in_one_line(
    tmp_path: Path, mount_point: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source"
    fill(source, {**TREE, "pyproject.toml": '[project]\nname = "demo"\nversion = "1.0"\n'}, {})
    _mount("--bind", "-o", "ro", str(source), str(mount_point))
    before = snapshot(source)
    code = main([arg.replace("{root}", str(mount_point)) for arg in argv])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].endswith(": read-only file system"), err
    assert err[1] == "hint: the file system is read-only; run setsquare where it can write"
    assert snapshot(source) == before


def _fill_up(path: Path) -> None:
    """Take every free block of *path*'s file system."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"x" * 512)
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise
    finally:
        os.close(descriptor)


@pytest.mark.parametrize("argv", [MIGRATE, ADOPT], ids=["migrate", "adopt"])
def test_a_full_disk_is_refused_in_one_line_and_nothing_is_left(
    mount_point: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point))
    root = mount_point / "project"
    fill(root, TREE, {})
    _fill_up(mount_point / "filler")
    before = snapshot(root)
    code = main([arg.replace("{root}", str(root)) for arg in argv])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].endswith(": no space left on device"), err
    assert err[1] == "hint: free some disk space, then run again"
    assert snapshot(root) == before
    shutil.rmtree(root)


ERRORS = [
    (errno.ENOSPC, "no space left on device"),
    (errno.EROFS, "read-only file system"),
    (errno.EACCES, "permission denied"),
    (errno.EPERM, "operation not permitted"),
    (errno.EIO, "input/output error"),
]


class _Fault:
    """Raise *error* at the commit step numbered *at* (from 0)."""

    def __init__(self, at: int, error: OSError) -> None:
        self.at = at
        self.error = error
        self.calls: list[str] = []

    def __call__(self, name: str) -> None:
        self.calls.append(name)
        if len(self.calls) == self.at + 1:
            raise self.error


def _step_count(tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    probe = tmp_path / "probe"
    fill(probe, TREE, {})
    seen: list[str] = []
    monkeypatch.setattr(changes, "_fault", seen.append)
    assert main([arg.replace("{root}", str(probe)) for arg in argv]) == 0
    monkeypatch.undo()
    return len(seen)


@pytest.mark.parametrize("argv", [MIGRATE, ADOPT], ids=["migrate", "adopt"])
@pytest.mark.parametrize(("code", "text"), ERRORS, ids=[e[1] for e in ERRORS])
def test_a_failure_at_every_step_of_a_real_command_leaves_the_project_as_it_was(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    text: str,
) -> None:
    steps = _step_count(tmp_path, argv, monkeypatch)
    assert steps >= 3  # stage, write... for each file: the loop below is not empty
    capsys.readouterr()
    for step in range(steps):
        root = tmp_path / f"step{step}"
        fill(root, TREE, {})
        before = snapshot(root)
        fault = _Fault(step, OSError(code, text.capitalize()))
        monkeypatch.setattr(changes, "_fault", fault)
        assert main([arg.replace("{root}", str(root)) for arg in argv]) == 2
        err = capsys.readouterr().err.splitlines()
        # The file named is the user's, the one the failing step was writing or removing.
        where = fault.calls[-1].split(" ", 1)[1]
        assert err[0] == f"error: {where}: {text}", (step, err)
        assert err[1].startswith("hint: ")
        assert snapshot(root) == before, f"step {step} ({fault.calls[-1]}) left the tree changed"


def _denied(*names: str) -> OSError:
    return PermissionError(errno.EACCES, "Permission denied", *names)


class _ReadOnlyFolder:
    """`os` as the commit sees it in a folder a non-root user cannot write to (mode 555):
    creating a file there (the staged copy) or a link (the backup) is refused, naming
    the file setsquare made up. We run as root, so the permission bits would not stop us."""

    def __init__(self, call: str) -> None:
        self.call = call

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def open(self, path: Path, *args: Any) -> int:
        if self.call == "open" and changes.MARK in path.name:
            raise _denied(str(path))
        return os.open(path, *args)

    def link(self, source: Path, backup: Path) -> None:
        if self.call == "link":
            raise _denied(str(source), str(backup))
        os.link(source, backup)


def _refuse_set_aside(self: Path, target: Any) -> Path:
    if changes.MARK in Path(target).name and Path(target).name.endswith(".bak"):
        raise _denied(str(self), str(target))
    return _replace(self, target)


_replace = Path.replace
PYTEST_INI = {"pytest.ini": "[pytest]\naddopts = -ra\n"}
HINT = "hint: setsquare {how}, so the project folder must be writable too: check its permissions"
#: A refused write in a read-only folder names the user's file, never the temporary or
#: backup file the refused call was given, and says why the folder matters.
NAMED = [
    pytest.param(
        "open",
        PYTEST_INI,
        "error: pyproject.toml: permission denied",
        HINT.format(how="writes pyproject.toml under a temporary name beside it, then renames it"),
        id="staging-a-new-file",
    ),
    pytest.param(
        "link",
        {**PYTEST_INI, "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n'},
        "error: pyproject.toml: permission denied",
        HINT.format(how="writes pyproject.toml under a temporary name beside it, then renames it"),
        id="keeping-the-old-file-aside",
    ),
    pytest.param(
        "replace",
        PYTEST_INI,
        "error: pytest.ini: permission denied",
        HINT.format(how="renames pytest.ini aside before removing it"),
        id="removing-a-legacy-file",
    ),
]


@pytest.mark.parametrize(("call", "tree", "first", "hint"), NAMED)
def test_a_read_only_folder_names_the_users_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    call: str,
    tree: dict[str, str],
    first: str,
    hint: str,
) -> None:
    fill(tmp_path, tree, {})
    before = snapshot(tmp_path)
    monkeypatch.setattr(changes, "os", _ReadOnlyFolder(call))
    if call == "replace":
        monkeypatch.setattr(Path, "replace", _refuse_set_aside)
    assert main(["migrate", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == first, err
    assert err[1].startswith(hint), err
    assert snapshot(tmp_path) == before
