"""``migrate --verify``'s builds: the sdist, then the wheel from the unpacked sdist.

What ``python -m build`` does, with the `build` package's own API, for one tree or for
several at once (the project as it is and as migrated), each in a thread of its own
whose work runs in subprocesses, so two builds use both cores. Each build uses one
isolated environment for both steps where ``python -m build`` makes two: the wheel
step still asks the backend for its requirements and gets them, so all a second
environment would add is the time to create it and install setuptools again. Builds
whose ``[build-system]`` tables are equal share one environment until one needs more
than it holds (`setsquare.commands._shared_env`). Hooks run through
`setsquare.commands._hook_runner`, each in a fresh process forked from one that has
imported the backend already. Installs use uv when it is there, else pip.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import tarfile
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from build import ProjectBuilder
from build.env import DefaultIsolatedEnv

from setsquare.commands._hook_runner import HookRunner, HookServers
from setsquare.commands._shared_env import met, shareable

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence

    from build.env import Installer


@dataclass(frozen=True)
class Side:
    """One build: the tree, where its sdist and wheel go, and where its output goes."""

    tree: Path
    outdir: Path
    log: IO[str]


def _installer() -> Installer:
    found = shutil.which("uv") or importlib.util.find_spec("uv") is not None
    return "uv" if found else "pip"


#: Creating a venv reads ``sysconfig``'s lazily built tables, which is not thread-safe
#: (a second thread saw ``EXE`` still missing): environments are made one at a time.
_CREATING = threading.Lock()
#: What a terminal sends (main turns SIGTERM into an exception, as Ctrl-C is one).
_SIGNALS = {signal.SIGINT, signal.SIGTERM}
#: Whether this platform can hold signals back (POSIX; not Windows).
_MASK = hasattr(signal, "pthread_sigmask")


def _new_env(stack: contextlib.ExitStack) -> DefaultIsolatedEnv:
    with _CREATING:
        return stack.enter_context(DefaultIsolatedEnv(installer=_installer()))


def _say(log: IO[str], text: str) -> None:
    # Straight to the file descriptor the hooks write to, so lines keep their order.
    os.write(log.fileno(), f"{text}\n".encode())


def _unpack(sdist: str, dest: str) -> Path:
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, filter="data")
        else:  # pragma: no cover - Python releases before the extraction filters
            archive.extractall(dest)  # an sdist this very run has just built
    (root,) = Path(dest).iterdir()
    return root


class _Env:
    """The environment one build uses: the shared one until it needs more, then its own."""

    def __init__(
        self,
        shared: _Shared | None,
        runner: HookRunner,
        stack: contextlib.ExitStack,
    ) -> None:
        self._env = shared.env if shared is not None else None
        self._shared = shared is not None and shared.shared
        self._base: Collection[str] = shared.requires if shared is not None else ()
        self._runner = runner
        self._stack = stack

    def builder(self, tree: Path) -> ProjectBuilder:
        """A builder for *tree*, with its ``[build-system].requires`` in the environment."""
        self._check()
        requires = ProjectBuilder(tree).build_system_requires
        if self._env is None:
            self._env = _new_env(self._stack)
            self._env.install(requires)
            self._base = requires
        elif set(requires) != set(self._base):  # the sdist changed [build-system]?
            self.provide(requires)
        return ProjectBuilder.from_isolated_env(self._env, tree, runner=self._runner)

    def provide(self, requirements: Collection[str]) -> None:
        """Install what the backend asked for, unless the environment has it already."""
        assert self._env is not None
        self._check()
        if not requirements or met(requirements, self._env.installed_versions(requirements)):
            return
        if self._shared:
            # The other build must not see what only this one asked for.
            self._env = _new_env(self._stack)
            self._env.install(self._base)
            self._shared = False
        self._env.install(requirements)
        self._runner.invalidate(self._env.python_executable)

    def _check(self) -> None:
        # A stopped build's next hook fails at once; an install or a new environment
        # before it would only keep the run from ending.
        if self._runner.stopped:
            raise _Stopped


class _Stopped(Exception):
    """The build was stopped (by another's failure, or a signal) before its next step."""


def _build(side: Side, env: _Env) -> None:
    builder = env.builder(side.tree)
    env.provide(builder.get_requires_for_build("sdist"))
    sdist = env.builder(side.tree).build("sdist", side.outdir)
    with tempfile.TemporaryDirectory(prefix="setsquare-sdist-") as unpacked:
        root = _unpack(sdist, unpacked)
        env.provide(env.builder(root).get_requires_for_build("wheel"))
        env.builder(root).build("wheel", side.outdir)


def _report(log: IO[str], error: Exception) -> None:
    # The backend's own output (a setup.py traceback) is already above, as with
    # ``python -m build``; the last line says which step failed.
    process = getattr(error, "exception", None)  # build's FailedProcessError: an install
    for stream in (getattr(process, "stdout", None), getattr(process, "stderr", None)):
        if isinstance(stream, bytes):
            _say(log, stream.decode("utf-8", "replace").rstrip())
    _say(log, f"ERROR {error}")


@dataclass(frozen=True)
class _Shared:
    """An environment made for one build, and whether another build uses it too."""

    env: DefaultIsolatedEnv
    requires: Collection[str]
    shared: bool


def _shared_envs(sides: Sequence[Side], stack: contextlib.ExitStack) -> list[_Shared | None]:
    """The first side's environment, for every side a fresh one of its own would equal."""
    if len(sides) < 2:
        return [None] * len(sides)
    try:
        requires = [ProjectBuilder(side.tree).build_system_requires for side in sides]
        env = _new_env(stack)
        env.install(requires[0])
        installed = env.installed_versions({r for side in requires for r in side})
    except Exception:  # each build then makes its own and reports the error
        return [None] * len(sides)
    users = [index == 0 or shareable(requires[0], r, installed) for index, r in enumerate(requires)]
    shared = sum(users) > 1
    return [
        _Shared(env, requires[index], shared) if use else None for index, use in enumerate(users)
    ]


def build_all(sides: Sequence[Side], environ: Mapping[str, str] | None = None) -> list[bool]:
    """Build every side at once; True where it built. A failure stops the sides after it.

    The first side is the project as it is: when it fails there is nothing to compare
    with, while a later side's failure leaves it to finish and say whether the project
    builds at all. *environ* is the hooks' environment (default: this process's).
    """
    servers = HookServers([side.log for side in sides])
    runners = [HookRunner(side.log, environ, servers) for side in sides]
    built = [False] * len(sides)

    def work(index: int, shared: _Shared | None) -> None:
        with contextlib.ExitStack() as stack:
            stack.callback(runners[index].close)
            try:
                _build(sides[index], _Env(shared, runners[index], stack))
            except Exception as error:  # reported in the side's log
                if not runners[index].stopped:
                    _report(sides[index].log, error)
                for later in runners[index + 1 :]:
                    later.stop()
            else:
                built[index] = True

    def run() -> None:
        with contextlib.ExitStack() as stack:
            shared = _shared_envs(sides, stack)
            stack.callback(servers.close)  # before the shared environment goes
            threads = [
                threading.Thread(target=work, args=(index, shared[index]))
                for index in range(1, len(sides))
            ]
            for thread in threads:
                thread.start()
            work(0, shared[0])
            for thread in threads:
                thread.join()

    _wait_for(run, runners)
    return built


def _wait_for(target: Callable[[], None], runners: Sequence[HookRunner]) -> None:
    """Run *target* in a thread and wait for it; a signal meanwhile stops every build.

    All the builds' work runs in threads, which a signal never interrupts: each removes
    its folders and environments once its hooks have ended, and only then does this
    return, so the caller closes no log and removes no tree a build still writes in.
    The signal (``KeyboardInterrupt``, or main's ``Terminated``) is raised after that; a
    second one meanwhile asks for what the first is doing already.
    """
    failed: list[BaseException] = []
    # Not Thread.join: a signal interrupting it marks the thread as ended while it runs
    # (CPython 3.11's bpo-45274 handling releases the lock the live thread holds).
    done = threading.Event()
    # Signals are held while the thread starts: raised inside Thread.start, one would
    # leave unknown whether the builds run. The thread inherits the mask, and restores
    # it before it starts anything (its subprocesses inherit it in turn).
    go = threading.Event()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS) if _MASK else None

    def run() -> None:
        go.wait()
        try:
            if held is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
            target()
        except BaseException as error:  # raised again in the caller's thread
            failed.append(error)
        finally:
            done.set()

    try:
        threading.Thread(target=run).start()
    finally:
        go.set()
    pending: BaseException | None = None
    stopped = released = False
    while not done.is_set() or not released:
        try:
            if not released:
                released = True
                if held is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held signal: here
            if pending is not None and not stopped:
                for runner in runners:
                    runner.stop()
                stopped = True
            done.wait()
        except BaseException as error:  # the signal: raised once the builds have ended
            pending = pending or error
    if pending is not None:
        raise pending
    if failed:
        raise failed[0]
