"""The ``setsquare`` command line: parse, dispatch, and map errors to exit codes.

Exit codes (public interface, documented in the README): 0 done or nothing to do;
1 a check failed; 2 usage, input or file system error, the project is busy, or a
package of the `cli` extra is missing; 3 a bug of ours; 130 interrupted; 141 output
pipe closed; 143 terminated.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from setsquare.errors import SetsquareError, UsageError
from setsquare.parser import make_parser
from setsquare.redact import redact

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence
    from typing import TextIO

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
#: 128 + SIGTERM, what a shell reports for a terminated command
EXIT_TERMINATED = 143
#: 128 + SIGPIPE, what a shell reports for a command whose reader went away (`| head`)
EXIT_BROKEN_PIPE = 141


class _Redacted:
    """Standard output with every credential masked, whatever a command prints (the
    ledger, a diff, a tool's output it passes on)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(redact(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> object:
        # encoding, errors, buffer (bound at import by pre-commit's output module)...
        return getattr(self._stream, name)

    def isatty(self) -> bool:
        return self._stream.isatty()


@contextlib.contextmanager
def _redacted_stdout() -> Iterator[None]:
    stream = sys.stdout
    sys.stdout = cast("TextIO", _Redacted(stream))
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout = stream


class Terminated(BaseException):
    """SIGTERM, turned into an exception so clean-up code runs as it does for Ctrl-C."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def _command_words(args: argparse.Namespace) -> str:
    """The command as `setsquare.extras.NEEDS` names it: with the option that needs more."""
    if args.command == "adopt" and args.baseline:
        return "adopt --baseline"
    if args.command == "migrate" and args.verify:
        return "migrate --verify"
    return str(args.command)


def _dispatch(args: argparse.Namespace) -> int:
    from setsquare.extras import require

    require(_command_words(args))
    # Each command is imported when it runs: copier alone takes a second to import.
    if args.command == "new":
        from setsquare.commands.new import new

        return new(
            dest=args.dest,
            template=args.template,
            vcs_ref=args.vcs_ref,
            data=dict(args.data),
            defaults=args.defaults,
            git_init=not args.no_git,
        )
    if args.command == "check":
        from setsquare.commands.check import check

        with _redacted_stdout():
            return check(
                path=args.path, select=args.select, ignore=args.ignore, show_all=args.show_all
            )
    if args.command not in _WRITERS:
        raise NotImplementedError(args.command)
    from setsquare.changes import project_lock

    root = Path(args.path)
    if not root.is_dir():
        problem = "not a directory" if root.exists() else "no such directory"
        raise UsageError(f"{args.path}: {problem}", hint="pass the project's root directory")
    # One writer at a time: the lock is held from the first read to the last write.
    with project_lock(root):
        if args.command == "update":
            from setsquare.commands.update import update

            if args.check:
                if args.data:
                    raise UsageError(
                        "--check takes no --data", hint="--check only compares releases"
                    )
                from setsquare.commands.update_check import check_update

                return check_update(path=args.path, vcs_ref=args.vcs_ref)
            # Not redacted: copier may prompt on this terminal for new questions.
            return update(path=args.path, vcs_ref=args.vcs_ref, data=dict(args.data))
        with _redacted_stdout():
            if args.command == "adopt":
                from setsquare.adopt.precommit_config import BUNDLE_URL
                from setsquare.commands.adopt import adopt

                return adopt(
                    path=args.path,
                    baseline=args.baseline,
                    bundle_url=BUNDLE_URL if args.bundle_url is None else args.bundle_url,
                    bundle_rev=args.bundle_rev,
                    install=not args.no_install,
                    keep_superseded=args.keep_superseded,
                )
            from setsquare.commands.migrate import migrate

            return migrate(
                path=args.path,
                diff=args.diff,
                check=args.check,
                verify=args.verify,
                remove_legacy=args.remove_legacy,
            )


#: The commands that change a project in place, and so take its lock.
_WRITERS = frozenset({"update", "adopt", "migrate"})


def _signal_behind(error: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM an exception was raised from, if any.

    A signal landing inside a lazy import can be re-raised wrapped (dataclasses turn a
    KeyboardInterrupt in ``__set_name__`` into a RuntimeError); it is still the signal.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, (KeyboardInterrupt, Terminated)):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _report_signal(error: BaseException) -> int:
    if isinstance(error, Terminated):
        print("terminated", file=sys.stderr)
        return EXIT_TERMINATED
    print("interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    previous = signal.getsignal(signal.SIGTERM)
    in_main_thread = threading.current_thread() is threading.main_thread()
    try:
        if in_main_thread:
            signal.signal(signal.SIGTERM, _terminate)
        args = make_parser().parse_args(argv)
        try:
            return _dispatch(args)
        except ModuleNotFoundError as error:
            from setsquare.extras import missing_extra

            missing = missing_extra(error, _command_words(args))
            if missing is None:
                raise
            raise missing from error
    except SetsquareError as error:
        error.report()
        return error.exit_code
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            # The reader stopped (`setsquare migrate --diff | head`): not an error of ours.
            # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_BROKEN_PIPE
        from setsquare.changes import os_error

        problem = os_error(error)
        problem.report()
        return problem.exit_code
    except (KeyboardInterrupt, Terminated) as error:
        return _report_signal(error)
    except Exception as error:
        signal_seen = _signal_behind(error)
        if signal_seen is not None:
            return _report_signal(signal_seen)
        import traceback  # with linecache and tokenize: only for a bug of ours

        traceback.print_exc()
        print(
            "error: setsquare hit an internal error (the traceback is above)",
            file=sys.stderr,
        )
        print("hint: please report it with the command you ran", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)
