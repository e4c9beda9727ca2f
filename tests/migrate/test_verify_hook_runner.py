"""--verify's hook runner: every hook in a fresh process forked from a warm server.

A tiny backend on PYTHONPATH records, per import and per hook call, the process it
ran in; pyproject_hooks' real caller drives it through `HookRunner`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from typing import IO, TYPE_CHECKING

import pytest
from pyproject_hooks import BuildBackendHookCaller

from setsquare.commands._hook_runner import HookRunner, HookServers

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence
    from pathlib import Path

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the server forks")

BACKEND = """\
import json, os, time
from pathlib import Path

LOG = Path(os.environ["HOOK_TEST_LOG"])
with LOG.open("a") as log:
    log.write(json.dumps({"import": os.getpid()}) + "\\n")
CALLS = 0


def get_requires_for_build_wheel(config_settings=None):
    global CALLS
    CALLS += 1
    if os.environ.get("HOOK_TEST_SLEEP"):
        time.sleep(60)
    if os.environ.get("HOOK_TEST_WARN"):
        import warnings
        warnings.warn("mind the licence classifiers", UserWarning)
    if os.environ.get("HOOK_TEST_FAIL"):
        raise RuntimeError("the backend failed on purpose")
    seen = {"pid": os.getpid(), "calls": CALLS, "cwd": os.getcwd(),
            "flag": os.environ.get("HOOK_TEST_FLAG")}
    with LOG.open("a") as log:
        log.write(json.dumps(seen) + "\\n")
    print("hook ran in", os.getcwd())
    return []
"""


@pytest.fixture
def log() -> Iterator[IO[str]]:
    with tempfile.TemporaryFile("w+", encoding="utf-8") as file:
        yield file


def _project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    (tmp_path / "backend").mkdir()
    (tmp_path / "backend" / "tinybackend.py").write_text(BACKEND, encoding="utf-8")
    (tmp_path / "project").mkdir()
    environ = {
        **os.environ,
        "PYTHONPATH": str(tmp_path / "backend"),
        "HOOK_TEST_LOG": str(tmp_path / "seen.jsonl"),
    }
    return tmp_path / "project", environ


def _seen(tmp_path: Path) -> list[dict[str, object]]:
    lines = (tmp_path / "seen.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_each_hook_runs_in_a_fresh_process_of_a_backend_imported_once(
    tmp_path: Path, log: IO[str]
) -> None:
    project, environ = _project(tmp_path)
    runner = HookRunner(log, environ)
    caller = BuildBackendHookCaller(
        str(project), "tinybackend", python_executable=sys.executable, runner=runner
    )
    try:
        for _ in range(3):
            assert caller.get_requires_for_build_wheel() == []
    finally:
        runner.close()

    imports, *calls = _seen(tmp_path)
    assert set(imports) == {"import"}
    assert [call["calls"] for call in calls] == [1, 1, 1]  # no state carried over
    assert len({call["pid"] for call in calls} | {imports["import"]}) == 4
    assert {call["cwd"] for call in calls} == {str(project)}


def test_two_builds_share_a_server_and_keep_their_own_logs(tmp_path: Path) -> None:
    project, environ = _project(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    with tempfile.TemporaryFile("w+") as first, tempfile.TemporaryFile("w+") as second:
        servers = HookServers([first, second])
        runners = [HookRunner(log, environ, servers) for log in (first, second)]
        callers = [
            BuildBackendHookCaller(
                str(tree), "tinybackend", python_executable=sys.executable, runner=runner
            )
            for tree, runner in zip((project, other), runners, strict=True)
        ]
        try:
            threads = [
                threading.Thread(target=caller.get_requires_for_build_wheel)
                for caller in callers * 2
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            servers.close()
        outputs = []
        for log in (first, second):
            log.seek(0)
            outputs.append(log.read())

    seen = _seen(tmp_path)
    assert sum("import" in entry for entry in seen) == 1
    assert sorted(str(entry["cwd"]) for entry in seen if "cwd" in entry) == sorted(
        [str(project), str(project), str(other), str(other)]
    )
    assert outputs[0].count(f"hook ran in {project}") == 2
    assert outputs[1].count(f"hook ran in {other}") == 2
    assert str(other) not in outputs[0]


def test_another_environment_gets_another_server(tmp_path: Path, log: IO[str]) -> None:
    project, environ = _project(tmp_path)
    runner = HookRunner(log, environ)
    try:
        for flag in ("a", "a", "b"):

            def flagged(
                cmd: Sequence[str],
                cwd: str | None = None,
                extra_environ: Mapping[str, str] | None = None,
                flag: str = flag,
            ) -> None:
                runner(cmd, cwd, {**(extra_environ or {}), "HOOK_TEST_FLAG": flag})

            BuildBackendHookCaller(
                str(project), "tinybackend", python_executable=sys.executable, runner=flagged
            ).get_requires_for_build_wheel()
    finally:
        runner.close()

    seen = _seen(tmp_path)
    assert sum("import" in entry for entry in seen) == 2  # one server for "a", one for "b"
    assert [entry["flag"] for entry in seen if "flag" in entry] == ["a", "a", "b"]


def test_an_install_restarts_the_server(tmp_path: Path, log: IO[str]) -> None:
    project, environ = _project(tmp_path)
    runner = HookRunner(log, environ)
    caller = BuildBackendHookCaller(
        str(project), "tinybackend", python_executable=sys.executable, runner=runner
    )
    try:
        caller.get_requires_for_build_wheel()
        runner.invalidate(sys.executable)
        caller.get_requires_for_build_wheel()
    finally:
        runner.close()

    assert sum("import" in entry for entry in _seen(tmp_path)) == 2


def test_an_in_tree_backend_is_imported_by_each_hook(tmp_path: Path, log: IO[str]) -> None:
    project, environ = _project(tmp_path)
    (project / "tinybackend.py").write_text(BACKEND, encoding="utf-8")
    runner = HookRunner(log, environ)
    caller = BuildBackendHookCaller(
        str(project),
        "tinybackend",
        backend_path=["."],
        python_executable=sys.executable,
        runner=runner,
    )
    try:
        caller.get_requires_for_build_wheel()
        caller.get_requires_for_build_wheel()
    finally:
        runner.close()

    assert sum("import" in entry for entry in _seen(tmp_path)) == 2


def test_a_failing_hook_fails_with_its_traceback_in_the_log(tmp_path: Path, log: IO[str]) -> None:
    project, environ = _project(tmp_path)
    runner = HookRunner(log, {**environ, "HOOK_TEST_FAIL": "1"})
    caller = BuildBackendHookCaller(
        str(project), "tinybackend", python_executable=sys.executable, runner=runner
    )
    try:
        with pytest.raises(subprocess.CalledProcessError) as failure:
            caller.get_requires_for_build_wheel()
    finally:
        runner.close()

    assert failure.value.returncode == 1
    log.seek(0)
    assert "RuntimeError: the backend failed on purpose" in log.read()


def test_a_hooks_warnings_go_to_its_log_not_to_this_process(tmp_path: Path, log: IO[str]) -> None:
    # Two builds run in threads of one process: warnings raised again here would reach
    # the terminal (or fail under -W error), so they join the hook's output in the log.
    project, environ = _project(tmp_path)
    runner = HookRunner(log, {**environ, "HOOK_TEST_WARN": "1"})
    caller = BuildBackendHookCaller(
        str(project), "tinybackend", python_executable=sys.executable, runner=runner
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert caller.get_requires_for_build_wheel() == []
    finally:
        runner.close()

    log.seek(0)
    assert "BuildBackendWarning: mind the licence classifiers" in log.read()


def test_stop_ends_the_running_hook_and_refuses_the_next(tmp_path: Path, log: IO[str]) -> None:
    project, environ = _project(tmp_path)
    runner = HookRunner(log, {**environ, "HOOK_TEST_SLEEP": "1"})
    caller = BuildBackendHookCaller(
        str(project), "tinybackend", python_executable=sys.executable, runner=runner
    )
    stopper = threading.Timer(2.0, runner.stop)
    stopper.start()
    start = time.monotonic()
    try:
        with pytest.raises(subprocess.CalledProcessError):
            caller.get_requires_for_build_wheel()
        with pytest.raises(subprocess.CalledProcessError):
            caller.get_requires_for_build_wheel()
    finally:
        stopper.join()
        runner.close()

    assert time.monotonic() - start < 30
    assert runner.stopped
