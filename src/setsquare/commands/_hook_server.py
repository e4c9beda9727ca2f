"""A fork server for build backend hooks, run inside an isolated build environment.

``pyproject_hooks`` starts a fresh interpreter for every hook, which then imports the
backend: for setuptools that import is about 0.3 s of CPU, as much as a small
project's ``egg_info``. This server imports the backend once and forks a fresh
process per hook, which runs pyproject_hooks' own ``_in_process.py`` as that
interpreter would (same ``sys.argv``, working directory and environment, ``sys.path``
without this script's folder). Each hook still runs in a process of its own that
ends with it, so no state of one hook or one tree reaches the next.

    python _hook_server.py REPLY_FD LOG_FD...

Requests arrive one per line on stdin as JSON (``id``; ``argv``: the ``_in_process.py``
path, hook name and control folder; ``cwd``; ``env``; ``log``: which LOG_FD gets the
hook's output); ``ID EXIT_CODE`` comes back as one line on REPLY_FD per hook, as each
ends. The first line there is ``ready``, or ``no-preload`` when the
backend lives in the project tree (``backend-path``) or cannot be imported yet: then
each hook imports it itself. Only the standard library: this runs in the build
environment, where setsquare is not installed.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import sys
from importlib import import_module
from importlib.util import find_spec

#: What setuptools builds import in their hooks, read off real hooks (setuptools 84):
#: the commands it runs and what they use. Imported here once instead of in every
#: hook: importing a module defines it and no more, and a hook imports each of these
#: anyway. Not what only some projects need (the pyproject.toml validator): in a fresh
#: environment each module is compiled the first time, which a hook that never
#: imports it would not pay. Absent ones (older setuptools) are skipped.
_SETUPTOOLS_WARM = (
    *(
        f"setuptools.command.{name}"
        for name in (
            "egg_info", "sdist", "build", "build_py", "build_ext", "bdist_wheel", "install",
            "install_lib", "install_scripts", "install_egg_info",
        )
    ),
    "distutils.command.build_scripts", "tomllib",
)  # fmt: skip


def _preload() -> bool:
    here = os.path.normcase(os.path.realpath(os.path.dirname(__file__)))  # noqa: PTH120 - as _in_process.py spells it
    # _in_process.py drops its own folder from sys.path; this folder must not be there either.
    sys.path[:] = [p for p in sys.path if os.path.normcase(os.path.realpath(p)) != here]
    if os.environ.get("_PYPROJECT_HOOKS_BACKEND_PATH_JSON"):
        return False  # an in-tree backend is found through its tree, hook by hook
    backend = os.environ["_PYPROJECT_HOOKS_BUILD_BACKEND"].partition(":")[0]
    warm = _SETUPTOOLS_WARM if backend.startswith("setuptools.") else ()
    try:
        import_module(backend)
        for name in warm:
            try:
                spec = find_spec(name)
            except ModuleNotFoundError:  # a parent that is a module in this release
                continue
            if spec is not None:
                import_module(name)
    except Exception:  # the hook itself reports why, as without the server
        return False
    return True


def _reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _serve(reply: int, logs: list[int]) -> dict[str, object] | None:
    """Serve requests until EOF; return only in a hook's process, with its request.

    Each request forks a watcher, which forks the hook, waits for it and writes its
    exit code: hooks of several builds run at once, each reported under its id.
    """
    while line := sys.stdin.readline():
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() == 0:
            pid = os.fork()
            if pid == 0:
                os.close(reply)
                _redirect(request, logs)
                return dict(request)
            _, status = os.waitpid(pid, 0)
            os.write(reply, f"{request['id']} {os.waitstatus_to_exitcode(status)}\n".encode())
            os._exit(0)
        _reap()
    with contextlib.suppress(ChildProcessError):
        while True:
            os.wait()
    return None


def _redirect(request: dict[str, object], logs: list[int]) -> None:
    """The hook's output goes to its build's log; it reads nothing (stdin is the server's)."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    # The server's stdin object may hold the next request in its buffer: not the hook's.
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - lives as long as the hook
    log = request["log"]
    assert isinstance(log, int)
    os.dup2(log, 1)
    os.dup2(log, 2)
    for fd in logs:
        if fd > 2:
            os.close(fd)


def main() -> None:
    reply, *logs = map(int, sys.argv[1:])
    os.write(reply, b"ready\n" if _preload() else b"no-preload\n")
    request = _serve(reply, logs)
    if request is None:
        return
    argv = request["argv"]
    cwd = request["cwd"]
    env = request["env"]
    assert isinstance(argv, list)
    assert isinstance(env, dict)
    if isinstance(cwd, str):
        os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = [str(arg) for arg in argv]
    # Uncaught errors and sys.exit() end this child as they would end the interpreter
    # pyproject_hooks starts: traceback on stderr, exit code, atexit handlers run.
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
