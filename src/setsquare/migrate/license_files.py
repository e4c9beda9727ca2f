"""Which ``license_files`` patterns can move to pyproject.toml unchanged, and why not."""

from __future__ import annotations

import posixpath
import re

#: setuptools' test of a license-files pattern (``Distribution._find_pattern``), the
#: same for setup.cfg and both pyproject.toml places; other patterns get a deprecation
#: warning, due to become an error on 2027-02-18.
_SETUPTOOLS_PATTERN = re.compile(r"^[\w\-./*?\[\]]+$")


def license_pattern_problem(pattern: str) -> tuple[str, str] | None:
    """Why a license-files pattern cannot be carried over, and the fix; None if it can.

    A pattern setuptools deprecates cannot be written: PEP 639 forbids it in [project]
    and setuptools will refuse it. Nor can it be left out: a wheel built in place
    still ships what it matches (``../LICENSE`` as ``licenses/LICENSE``), so the
    wheel would change. The user has to fix it first.
    """
    if pattern.startswith("/") or ":\\" in pattern:
        return (
            "is an absolute path, which setuptools refuses",
            "write the path relative to the directory of setup.cfg, then run again",
        )
    if ".." in pattern:
        name = posixpath.basename(pattern)
        return (
            (
                "contains '..', which PEP 639 forbids and setuptools deprecates; leaving "
                "it out would drop the file from wheels built in place"
            ),
            (
                f"copy the file into the project (next to setup.cfg), list it as {name!r} "
                "instead, then run again"
            ),
        )
    if _SETUPTOOLS_PATTERN.match(pattern) is None:
        return (
            (
                "is not a valid license-files glob (letters, digits and _-.*?[]/ only), "
                "which setuptools deprecates; leaving it out would change the wheel's "
                "license files"
            ),
            "rename the file or write the glob without the other characters, then run again",
        )
    return None


__all__ = ["license_pattern_problem"]
