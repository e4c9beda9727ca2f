"""The command line's arguments: one parser, its subcommands and their options.

Kept apart from `setsquare.main` (which runs a command and maps its errors to exit
codes) so the docs and the tests can read the options without running anything.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


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
