"""Real processes: SIGINT and SIGTERM at any moment, and several setsquares at once.

The invariant in every case: the project is either exactly as it was or completely
migrated (the same bytes a quiet run writes), no temporary file is left, no
traceback is printed, and the exit code is a documented one.
"""

from __future__ import annotations

import os
import shutil
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

TREE = {
    "setup.cfg": (
        "[metadata]\nname = demo\nversion = 1.0\n\n[options]\ninstall_requires =\n    six\n\n"
        "[flake8]\nmax-line-length = 100\n\n[bdist_wheel]\nuniversal = 1\n"
    ),
    "tox.ini": "[tox]\nenvlist = py311\n\n[pytest]\naddopts = -q\n",
    "requirements-dev.txt": "pytest\nblack\n",
    "mypy.ini": "[mypy]\nstrict = True\n",
}
#: 0 done; 130 SIGINT; 143 SIGTERM; -2/-15 only before Python has set up its handlers
DOCUMENTED = {0, 130, 143, -signal.SIGINT, -signal.SIGTERM}


def _sigint_as_a_shell_gives_it() -> None:
    # A child inherits an ignored SIGINT (pytest started in the background by a shell
    # without job control): then Ctrl-C would be no test at all. A terminal's default
    # disposition is what these tests are about.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _setsquare(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "setsquare", *args],
        cwd=cwd,
        env=child_env(),
        preexec_fn=_sigint_as_a_shell_gives_it,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, object, int]]:
    """What an undisturbed `migrate --remove-legacy` leaves."""
    root = tmp_path_factory.mktemp("reference") / "project"
    fill(root, TREE, {})
    done = _setsquare("migrate", str(root), "--remove-legacy", cwd=root.parent)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, out + err
    return snapshot(root)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15, 0.3, 0.45, 0.6, 0.8, 1.2])
def test_a_signal_at_any_moment_leaves_the_project_whole(
    tmp_path: Path,
    migrated: dict[str, tuple[str, object, int]],
    signum: signal.Signals,
    delay: float,
) -> None:
    root = tmp_path / "project"
    fill(root, TREE, {})
    before = snapshot(root)
    process = _setsquare("migrate", str(root), "--remove-legacy", cwd=tmp_path)
    time.sleep(delay)
    process.send_signal(signum)
    _out, err = process.communicate(timeout=120)
    after = snapshot(root)
    if "Fatal Python error: init_import_site" in err or (
        "Traceback" in err and f"{os.sep}setsquare{os.sep}" not in err
    ):
        # The signal beat the interpreter's own start-up or runpy (a loaded machine): no
        # line of setsquare ran, and Python prints its own report. Nothing may have changed.
        assert after == before
        return
    assert process.returncode in DOCUMENTED, err
    assert "Traceback" not in err
    assert after in (before, migrated), sorted(set(after) ^ set(migrated))
    if process.returncode == 0:
        assert after == migrated


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_several_writers_at_once_end_complete(tmp_path: Path, round_: int) -> None:
    root = tmp_path / "project"
    fill(root, TREE, {})
    commands = [
        ("migrate", str(root), "--remove-legacy"),
        ("adopt", str(root), "--no-install"),
        ("migrate", str(root)),
        ("adopt", str(root), "--no-install"),
    ]
    if round_ % 2:
        commands.reverse()
    processes = [_setsquare(*command, cwd=tmp_path) for command in commands]
    results = [process.communicate(timeout=300) for process in processes]
    for process, (_out, err) in zip(processes, results, strict=True):
        assert process.returncode in {0, 2}, err
        assert "Traceback" not in err
    # Complete: the migration is done and adopt's tables are in, whoever went first.
    assert not (root / "setup.cfg").exists() or "[metadata]" not in (root / "setup.cfg").read_text()
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project]\nname = "demo"' in pyproject
    assert "[tool.ruff" in pyproject
    assert (root / ".pre-commit-config.yaml").is_file()
    assert not [rel for rel in snapshot(root) if ".setsquare-" in rel]


@pytest.mark.slow
def test_a_second_writer_past_the_wait_exits_2_with_a_message(tmp_path: Path) -> None:
    root = tmp_path / "project"
    fill(root, TREE, {})
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; "
                "from setsquare.changes import project_lock\n"
                "with project_lock(Path(sys.argv[1])):\n"
                "    print('locked', flush=True); time.sleep(30)"
            ),
            str(root),
        ],
        env=child_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "locked\n"
        before = snapshot(root)
        waiter = _setsquare("migrate", str(root), cwd=tmp_path)
        _out, err = waiter.communicate(timeout=120)
        assert waiter.returncode == 2
        assert err.splitlines()[-2].endswith(": another setsquare is changing this project")
        assert snapshot(root) == before
    finally:
        holder.kill()
        holder.communicate()


def test_ctrl_c_while_importing_is_130_without_a_traceback(tmp_path: Path) -> None:
    # SIGINT as soon as the interpreter runs our entry point, inside the imports.
    script = (
        "import os, signal, builtins\n"
        "real = builtins.__import__\n"
        "def hook(name, *args, **kwargs):\n"
        "    if name == 'setsquare.main':\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = hook\n"
        "from setsquare.cli import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--version"],
        env=child_env(),
        preexec_fn=_sigint_as_a_shell_gives_it,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert (done.returncode, done.stderr) == (130, "interrupted\n")


def test_the_console_script_is_the_guarded_entry_point() -> None:
    script = shutil.which("setsquare", path=str(sys.executable.rsplit("/", 1)[0]))
    assert script is not None
    with open(script, encoding="utf-8") as handle:  # noqa: PTH123 - a plain script
        assert "from setsquare.cli import run" in handle.read()
