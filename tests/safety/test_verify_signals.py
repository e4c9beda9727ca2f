"""Ctrl-C and SIGTERM while `migrate --verify` builds: one line, the documented exit
code, the project as it was, and nothing left in the temporary folder.

The signal goes to the process group, as a terminal sends Ctrl-C: setsquare, uv and
pip get it at once, while the hook servers (sessions of their own) do not. The builds
run in threads and hooks, so the main thread's clean-up must wait for them before it
closes their logs and removes their folders. A field test saw a thread's traceback
after "interrupted" (its log closed under it), and ``out-after/`` left behind; a hook
still writing into a folder being removed turned the signal into "directory not empty".
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from tests.helpers import child_env
from tests.safety.harness import fill, snapshot

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

#: A small setuptools project --verify migrates and builds twice; its many modules give
#: the wheel hooks enough to write that a signal lands while they do.
TREE = {
    "setup.py": "from setuptools import setup\n\nsetup()\n",
    "setup.cfg": (
        "[metadata]\nname = demo\nversion = 1.0\ndescription = A demo\n\n"
        "[options]\npackages = demo\npython_requires = >=3.10\ninstall_requires =\n    six\n"
    ),
    "demo/__init__.py": "",
    **{f"demo/m{index}.py": f"VALUE = {index}\n" for index in range(400)},
}
#: The last stderr line before the builds start; the signals' moments count from it.
BUILDS_START = "verify: building the migrated project"
LAST_LINE = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}


def _sigint_as_a_terminal_gives_it() -> None:
    # Started in the background by a shell, pytest hands its children an ignored SIGINT.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(root: Path, temp: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """`migrate --verify` on *root*, its temporary files in *temp*, once its builds start."""
    process = subprocess.Popen(
        [sys.executable, "-m", "setsquare", "migrate", str(root), "--verify"],
        cwd=root.parent,
        env=child_env(TMPDIR=str(temp)),
        preexec_fn=_sigint_as_a_terminal_gives_it,
        start_new_session=True,  # a process group of its own, to signal as a terminal does
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    seen = []
    while line := process.stderr.readline():
        seen.append(line)
        if BUILDS_START in line:
            return process, seen
    process.communicate()
    raise AssertionError("".join(seen))


def _undisturbed(base: Path) -> float:
    """Seconds from the start of the builds to the end of a run no signal disturbs."""
    fill(base / "project", TREE, {})
    (base / "temp").mkdir()
    process, seen = _start(base / "project", base / "temp")
    started = time.monotonic()
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, "".join(seen) + err
    assert not (base / "project" / "setup.cfg").exists()  # it did migrate
    assert sorted(entry.name for entry in (base / "temp").iterdir()) == []
    return time.monotonic() - started


@pytest.fixture(scope="module")
def build_time(tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long the builds take, warm (the first run fills caches)."""
    return min(_undisturbed(tmp_path_factory.mktemp("undisturbed")) for _ in range(2))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("moment", [0.0, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8])
def test_a_signal_during_the_verify_builds_ends_with_one_line_and_leaves_nothing(
    tmp_path: Path, build_time: float, signum: signal.Signals, moment: float
) -> None:
    root = tmp_path / "project"
    fill(root, TREE, {})
    before = snapshot(root)
    temp = tmp_path / "temp"
    temp.mkdir()
    process, seen = _start(root, temp)
    try:
        time.sleep(moment * build_time)
        # A run that ends before the signal must still keep both promises below, with
        # the exit code of a run no signal reached.
        expected = 0 if process.poll() is not None else EXIT[signum]
        if expected:
            os.killpg(process.pid, signum)
        _out, rest = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    err = "".join(seen) + rest

    assert process.returncode == expected, err
    assert "Traceback" not in err, err
    if expected:
        assert err.endswith(f"\n{LAST_LINE[signum]}\n"), err
    assert snapshot(root) == before
    # Not only setsquare-verify-*: the build environments and unpacked sdists too.
    assert sorted(entry.name for entry in temp.iterdir()) == []
