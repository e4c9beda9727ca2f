"""The ``pyproject_hooks`` runner ``--verify``'s builds use: hooks forked from a warm server.

Each hook still runs in a fresh process of its own (`setsquare.commands._hook_server`
forks one per hook from a process that has imported the backend), with exactly the
command, working directory and environment ``pyproject_hooks`` asks for. A server
serves one interpreter and one environment, for every build that uses them
(`HookServers`): a hook asking for another, or an environment that has had packages
installed since (`HookRunner.invalidate`), gets a new server. Where ``os.fork`` is
missing, or the backend cannot be imported ahead of the hook, hooks run as plain
subprocesses, as ``pyproject_hooks`` runs them.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

_SERVER = str(Path(__file__).with_name("_hook_server.py"))


def kill_group(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Kill *process* and what it started (it leads a session of its own), if still running."""
    if process.poll() is not None:
        return
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows has no process groups to signal
        process.kill()


#: The variable naming the backend object; the server imports its module, so builds whose
#: backends differ only after the colon (``build_meta`` and ``build_meta:__legacy__``)
#: share a server, each hook still getting its own value.
_BACKEND = "_PYPROJECT_HOOKS_BUILD_BACKEND"

_Key = tuple[str, tuple[tuple[str, str], ...]]


def _key(python: str, env: Mapping[str, str]) -> _Key:
    module = {_BACKEND: env[_BACKEND].partition(":")[0]} if _BACKEND in env else {}
    return python, tuple(sorted({**env, **module}.items()))


class _Server:
    """One ``_hook_server.py`` process and the pipe the exit codes come back on."""

    def __init__(
        self, python: str, env: Mapping[str, str], cwd: str | None, logs: Sequence[int]
    ) -> None:
        read, write = os.pipe()
        try:
            # A session of its own: stopping the build stops the hooks it forked too.
            self.process = subprocess.Popen(
                [python, _SERVER, str(write), *map(str, logs)],
                stdin=subprocess.PIPE,
                stdout=logs[0],
                stderr=subprocess.STDOUT,
                cwd=cwd,
                env=dict(env),
                pass_fds=(write, *logs),
                start_new_session=True,
                text=True,
            )
        finally:
            os.close(write)
        self.replies = os.fdopen(read, encoding="utf-8")
        self.ready = self.replies.readline().strip() == "ready"
        self._done: dict[int, int] = {}
        self._next = 0
        self._reading = False
        self._lock = threading.Condition()

    def call(self, cmd: Sequence[str], cwd: str | None, env: Mapping[str, str], log: int) -> int:
        """Run one hook; several threads may wait on the same server."""
        assert self.process.stdin is not None
        with self._lock:
            self._next += 1
            ident = self._next
            request = {"id": ident, "argv": list(cmd[1:]), "cwd": cwd, "env": dict(env)}
            try:
                self.process.stdin.write(json.dumps({**request, "log": log}) + "\n")
                self.process.stdin.flush()
            except (BrokenPipeError, ValueError):  # killed, or closed, from another thread
                return -signal.SIGKILL
            # One waiting thread reads the replies for all; the others wait to be told.
            while ident not in self._done:
                if self._reading:
                    self._lock.wait()
                    continue
                self._reading = True
                self._lock.release()
                line = ""
                try:
                    line = self.replies.readline()
                finally:
                    self._lock.acquire()
                    self._reading = False
                    if line:
                        answered, code = map(int, line.split())
                        self._done[answered] = code
                    self._lock.notify_all()
                if not line:
                    return -signal.SIGKILL
            return self._done.pop(ident)

    def close(self, *, kill: bool = False) -> None:
        if kill:
            kill_group(self.process)
        with contextlib.suppress(BrokenPipeError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        self.process.wait()
        self.replies.close()


class HookServers:
    """The hook servers of one run of builds, shared by builds with the same interpreter.

    Two builds in one environment share a server, and so import the backend once; a
    hook's output still goes to its own build's log, one of *logs*.
    """

    def __init__(self, logs: Sequence[IO[str]]) -> None:
        self._fds = [log.fileno() for log in logs]
        self._servers: dict[_Key, _Server] = {}
        self._starting: dict[_Key, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, python: str, env: Mapping[str, str], cwd: str | None) -> _Server | None:
        """The server for *python* and *env*, started at the first hook (None: no fork)."""
        if not hasattr(os, "fork"):
            return None
        key = _key(python, env)
        with self._lock:
            starting = self._starting.setdefault(key, threading.Lock())
        with starting:  # a server for another key may start meanwhile
            with self._lock:
                server = self._servers.get(key)
            if server is None:
                server = _Server(python, env, cwd, self._fds)
                with self._lock:
                    self._servers[key] = server
            return server

    def drop(self, python: str) -> None:
        """Packages were installed for *python*: its next hook gets a new server."""
        with self._lock:
            dropped = [key for key in self._servers if key[0] == python]
            servers = [self._servers.pop(key) for key in dropped]
            for key in dropped:
                self._starting.pop(key, None)
        for server in servers:
            server.close()

    def close(self) -> None:
        """End every server once its hooks have (the builds are over, or were stopped)."""
        with self._lock:
            servers, self._servers = list(self._servers.values()), {}
        for server in servers:
            server.close()


class HookRunner:
    """Run ``pyproject_hooks``' hook commands for one build, its output into *log*.

    *servers* are shared with the other builds of the run (default: this build's own);
    *environ* is the hooks' environment (default: this process's).
    """

    def __init__(
        self,
        log: IO[str],
        environ: Mapping[str, str] | None = None,
        servers: HookServers | None = None,
    ) -> None:
        self._log = log
        self._environ = dict(os.environ if environ is None else environ)
        self._own = servers is None
        self._servers = HookServers([log]) if servers is None else servers
        self._server: _Server | None = None
        self._plain: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._stopped = False

    def __call__(
        self,
        cmd: Sequence[str],
        cwd: str | None = None,
        extra_environ: Mapping[str, str] | None = None,
    ) -> None:
        env = {**self._environ, **(extra_environ or {})}
        code = self._run(list(cmd), cwd, env)
        if code != 0:
            raise subprocess.CalledProcessError(code, list(cmd))
        if len(cmd) == 4:  # python, _in_process.py, hook name, control folder
            self._divert_warnings(Path(cmd[3]) / "output.json")

    def _divert_warnings(self, output: Path) -> None:
        """Write the hook's warnings into the log, where its other output is.

        pyproject_hooks would raise them again in this process, where the builds run in
        threads: no thread-safe way to keep them from the user's terminal (or from a
        ``-W error`` turning them into failures) but to take them out of the answer.
        """
        try:
            answer = json.loads(output.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # not a hook's control folder: nothing to divert
        if not isinstance(answer, dict) or not answer.get("warnings"):
            return
        for warning in answer["warnings"]:
            where = f"{warning.get('filename')}:{warning.get('lineno')}"
            line = f"{where}: BuildBackendWarning: {warning.get('message')}\n"
            os.write(self._log.fileno(), line.encode())
        answer["warnings"] = []
        output.write_text(json.dumps(answer), encoding="utf-8")

    def _run(self, cmd: list[str], cwd: str | None, env: dict[str, str]) -> int:
        with self._lock:
            if self._stopped:
                return -signal.SIGKILL
            server = self._servers.get(cmd[0], env, cwd)
            self._server = server
            if server is None or not server.ready:
                plain = subprocess.Popen(
                    cmd, cwd=cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
                self._plain = plain
        if server is not None and server.ready:
            return server.call(cmd, cwd, env, self._log.fileno())
        return plain.wait()

    def invalidate(self, python: str) -> None:
        """Packages were installed for *python*: a warm backend import predates them."""
        self._servers.drop(python)

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """End the hook running now, from another thread; no hook runs after it."""
        with self._lock:
            self._stopped = True
            if self._plain is not None:
                kill_group(self._plain)
            if self._server is not None:
                kill_group(self._server.process)

    def close(self) -> None:
        if self._own:
            self._servers.close()
