"""The ``setsquare`` command line: parse, dispatch, and map errors to exit codes.

Exit codes (public interface, documented in the README):
0 ok or nothing to do; 1 a check failed or files were changed; 2 usage or
input error; 3 unexpected internal error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from typing import TYPE_CHECKING

from setsquare import __version__
from setsquare.commands.check import check
from setsquare.commands.new import new
from setsquare.errors import SetsquareError

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        msg = f"expected KEY=VALUE, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return key, value


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser (separate from ``main`` so docs and tests can use it)."""
    parser = argparse.ArgumentParser(
        prog="setsquare",
        description="Start, adopt and modernise Python projects.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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
    new_parser.add_argument(
        "--vcs-ref",
        metavar="REF",
        help="git tag, branch or commit of the template (default: the tag of this release)",
    )
    new_parser.add_argument(
        "--data",
        "-d",
        metavar="KEY=VALUE",
        type=_key_value,
        action="append",
        default=[],
        help="answer a template question; repeat for several",
    )
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
    check_parser.add_argument(
        "path", metavar="PATH", nargs="?", default=".", help="repository root"
    )
    check_parser.add_argument("--select", default="", help="comma-separated check ids or prefixes")
    check_parser.add_argument("--ignore", default="", help="comma-separated check ids or prefixes")
    check_parser.add_argument(
        "--all", dest="show_all", action="store_true", help="list passed and skipped checks too"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = make_parser().parse_args(argv)
    try:
        if args.command == "new":
            return new(
                dest=args.dest,
                template=args.template,
                vcs_ref=args.vcs_ref,
                data=dict(args.data),
                defaults=args.defaults,
                git_init=not args.no_git,
            )
        if args.command == "check":
            return check(
                path=args.path, select=args.select, ignore=args.ignore, show_all=args.show_all
            )
        raise NotImplementedError(args.command)
    except SetsquareError as error:
        print(f"error: {error.message}", file=sys.stderr)
        if error.hint:
            print(f"hint: {error.hint}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        traceback.print_exc()
        print(
            "error: setsquare hit an internal error (the traceback is above)",
            file=sys.stderr,
        )
        print("hint: please report it with the command you ran", file=sys.stderr)
        return EXIT_INTERNAL
