"""Refuse a release whose tag, package version and template version disagree.

`setsquare new` and every rendered `.pre-commit-config.yaml` pin the bundle at
`rev: v<setsquare_version>`, and pre-commit installs setsquare from that tag. A
tag whose `project.version` or `copier.yml` default says otherwise would publish
a package and a template that point at different releases, so the release
workflow runs this before it builds anything.

Usage: python scripts/check_release_version.py v0.2.0 [--root DIR]
Exit codes: 0 the three agree; 1 they disagree; 2 the tag or a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_MISMATCH = 1
EXIT_INPUT = 2

HINT = (
    "bump project.version (pyproject.toml) and setsquare_version's default (copier.yml) "
    "together, commit, and tag that commit v<version>"
)


class ReleaseInputError(Exception):
    """The tag or a file the check reads is not what a release needs."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Versions:
    """Where a release's version is written, each read from its own file."""

    tag: str
    project: str
    template: str


def tag_version(tag: str) -> str:
    """The version a release tag names: `v0.2.0` -> `0.2.0`."""
    if not tag.startswith("v") or len(tag) == 1:
        raise ReleaseInputError(
            f"tag {tag!r} is not a release tag",
            "release tags are v<version>, e.g. v0.2.0; only those trigger the release",
        )
    return tag[1:]


def disagreement(versions: Versions) -> str | None:
    """One line naming every version that differs from the tag's, or None when all agree."""
    wrong = [
        f"{where} is {value}"
        for where, value in (
            ("pyproject.toml project.version", versions.project),
            ("copier.yml setsquare_version", versions.template),
        )
        if value != versions.tag
    ]
    if not wrong:
        return None
    return f"tag v{versions.tag} releases {versions.tag}, but " + " and ".join(wrong)


def _project_version(root: Path) -> str:
    path = root / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ReleaseInputError(
            f"pyproject.toml: cannot be read: {error}", "run the check from the repository root"
        ) from None
    project = data.get("project")
    version = project.get("version") if isinstance(project, dict) else None
    if not isinstance(version, str):
        raise ReleaseInputError(
            "pyproject.toml: project.version is not set as a string",
            'setsquare\'s version is static: version = "X.Y.Z" in [project]',
        )
    return version


def _template_version(root: Path) -> str:
    path = root / "copier.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ReleaseInputError(
            f"copier.yml: cannot be read: {error}", "run the check from the repository root"
        ) from None
    question = data.get("setsquare_version") if isinstance(data, dict) else None
    version = question.get("default") if isinstance(question, dict) else None
    if not isinstance(version, str):
        # An unquoted 0.10 is the float 0.1 to YAML: the rendered rev would be v0.1.
        raise ReleaseInputError(
            f"copier.yml: setsquare_version's default is {version!r}, not a string",
            'quote it: default: "X.Y.Z"',
        )
    return version


def read_versions(tag: str, root: Path) -> Versions:
    """The tag's, pyproject.toml's and copier.yml's versions under *root*."""
    return Versions(
        tag=tag_version(tag), project=_project_version(root), template=_template_version(root)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("tag", help="the pushed tag, e.g. v0.2.0 (GITHUB_REF_NAME)")
    parser.add_argument(
        "--root", type=Path, default=Path(), help="the repository root (default: here)"
    )
    args = parser.parse_args(argv)
    try:
        versions = read_versions(args.tag, args.root)
    except ReleaseInputError as error:
        print(f"error: {error.message}", file=sys.stderr)
        print(f"hint: {error.hint}", file=sys.stderr)
        return EXIT_INPUT
    problem = disagreement(versions)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        print(f"hint: {HINT}", file=sys.stderr)
        return EXIT_MISMATCH
    print(f"v{versions.tag}: pyproject.toml project.version and copier.yml setsquare_version agree")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
