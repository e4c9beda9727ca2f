"""The ``setsquare`` command line: parse, dispatch, and map errors to exit codes.

Exit codes (public interface, documented in the README): 0 done or nothing to do;
1 a check failed; 2 usage, input or file system error, or the project is busy;
3 a bug of ours; 130 interrupted; 141 output pipe closed; 143 terminated.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from setsquare.errors import SetsquareError, UsageError
from setsquare.redact import redact

if TYPE_CHECKING:
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


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        msg = f"expected KEY=VALUE, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return key, value


def _add_path(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("path", metavar="PATH", nargs="?", default=".", help=f"{what} (default: .)")


def _add_vcs_ref(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--vcs-ref",
        metavar="REF",
        help=f"git tag, branch or commit of the template (default: {default})",
    )


def _add_data(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--data",
        "-d",
        metavar="KEY=VALUE",
        type=_key_value,
        action="append",
        default=[],
        help=f"{what}; repeat for several",
    )


class _Version(argparse.Action):
    """``--version``, reading the installed metadata only when asked: importlib.metadata
    alone is a fifth of what ``setsquare --help`` would otherwise take."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from setsquare import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser (separate from ``main`` so docs and tests can use it)."""
    parser = argparse.ArgumentParser(
        prog="setsquare",
        description="Start, adopt and modernise Python projects.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    new_parser = commands.add_parser(
        "new",
        help="scaffold a new project from the setsquare template",
        description=(
            "Render the setsquare Copier template into DEST, then initialise a git "
            "repository there. By default the template is the one matching this "
            "setsquare release."
        ),
    )
    new_parser.add_argument("dest", metavar="DEST", help="directory to create the project in")
    new_parser.add_argument(
        "--template",
        metavar="SRC",
        help="template source: a local path or git URL (default: the setsquare repository)",
    )
    _add_vcs_ref(new_parser, "the tag of this release")
    _add_data(new_parser, "answer a template question")
    new_parser.add_argument(
        "--defaults",
        action="store_true",
        help="take the default for every question not answered with --data",
    )
    new_parser.add_argument(
        "--no-git",
        action="store_true",
        help="do not run `git init` in the new project",
    )

    check_parser = commands.add_parser(
        "check",
        help="review a repository with repo-review and setsquare's checks",
        description=(
            "Run repo-review on PATH with every installed plugin, including setsquare's "
            "SQ checks (the bundle, legacy configuration, tool pins). Exit 1 if any check fails."
        ),
    )
    _add_path(check_parser, "repository root")
    check_parser.add_argument("--select", default="", help="comma-separated check ids or prefixes")
    check_parser.add_argument("--ignore", default="", help="comma-separated check ids or prefixes")
    check_parser.add_argument(
        "--all", dest="show_all", action="store_true", help="list passed and skipped checks too"
    )

    update_parser = commands.add_parser(
        "update",
        help="apply a newer template release to a project made from it",
        description=(
            "Update the project at PATH to a newer release of the template it was made "
            "from (copier's update, keeping answered questions and taking defaults for "
            "new ones). Exit 1 and list the files when conflicts are left to resolve."
        ),
    )
    _add_path(update_parser, "project root")
    _add_vcs_ref(update_parser, "its newest release tag")
    _add_data(update_parser, "change the answer to a template question")
    update_parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing: exit 1 when a newer template release exists, 0 when current",
    )

    adopt_parser = commands.add_parser(
        "adopt",
        help="bring an existing repository up to the standard without overwriting it",
        description=(
            "Add the setsquare bundle to .pre-commit-config.yaml (merging, comments kept), the "
            "Ruff/mypy/pytest tables pyproject.toml lacks, and a lint workflow if there is none; "
            "then run `pre-commit install` in a git repository. A second run changes nothing."
        ),
    )
    _add_path(adopt_parser, "repository root")
    adopt_parser.add_argument(
        "--baseline",
        action="store_true",
        help="fix whitespace and formatting and mark today's lint violations with `# noqa`, "
        "so the hooks pass now and hold new code to the rules",
    )
    adopt_parser.add_argument(
        # The default (the bundle's URL) is filled in when adopt runs: the module that
        # holds it imports YAML, which `--help` and the other commands do not need.
        "--bundle-url",
        help="bundle repository (a fork or a mirror)",
    )
    adopt_parser.add_argument(
        "--bundle-rev", help="bundle revision (default: the tag of this setsquare release)"
    )
    adopt_parser.add_argument(
        "--no-install", action="store_true", help="do not run `pre-commit install`"
    )
    adopt_parser.add_argument(
        "--keep-superseded",
        action="store_true",
        help="keep the hooks the bundle replaces (black, isort, flake8, pyupgrade, "
        "mirrors-mypy, ...) instead of removing them; adopt still names each one",
    )

    migrate_parser = commands.add_parser(
        "migrate",
        help="move setup.cfg, setup.py, requirements*.txt and tool configs into pyproject.toml",
        description=(
            "Migrate legacy packaging metadata and tool configuration at PATH into "
            "pyproject.toml (merged with tomlkit, comments kept), remove what was moved, and "
            "print a ledger of what became of every key and line. A second run changes nothing."
        ),
    )
    _add_path(migrate_parser, "project root")
    migrate_parser.add_argument(
        "--diff", action="store_true", help="print unified diffs of the changes; write nothing"
    )
    migrate_parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if there is anything to migrate, 0 if not; write nothing",
    )
    migrate_parser.add_argument(
        "--verify",
        action="store_true",
        help="build the wheel and sdist before and after in isolated environments and "
        "write only if their metadata, entry points and file lists agree",
    )
    migrate_parser.add_argument(
        "--remove-legacy",
        action="store_true",
        help="also remove requirements files once every line of them is migrated",
    )
    return parser


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


def _dispatch(args: argparse.Namespace) -> int:
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
        return _dispatch(args)
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
