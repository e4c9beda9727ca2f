"""Re-pin Ruff and mypy in the requirements files `setsquare migrate` reads.

`adopt` re-pins a Ruff or mypy requirement that excludes the bundle's version in
``[dependency-groups]`` and extras. Where such a group mirrors a requirements file
that is still there (``requirements-mypy.txt`` migrated into the ``mypy`` group and kept
for tox), re-pinning only the group would leave the two disagreeing: `setsquare
migrate`, check-legacy-config and SQ300 then refuse the project. So the same rule
(`pyproject_tables.repinned`) re-pins the line in the file too, as text: the rest of the
file, comments and line endings included, stays as it is.

A line pip checks by hash (``--hash=``) is not re-pinned by hand: its hashes would no
longer match. Neither is a ``.txt`` compiled from a ``.in`` beside it (migrate reads the
``.in``). Both are named with the command that refreshes them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from setsquare.adopt.pin_clash import clash
from setsquare.adopt.pyproject_tables import left_pin, repinned

if TYPE_CHECKING:
    from collections.abc import Mapping

    from packaging.version import Version

#: A comment: ``#`` at the start or after whitespace (pip's rule).
_COMMENT = re.compile(r"(^|\s+)#")


@dataclass
class PinChange:
    #: the new text of each file that changed, by path
    texts: dict[str, str] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)
    #: pins adopt left for the user to refresh, each with a hint
    notes: list[str] = field(default_factory=list)


def repin_requirements(files: Mapping[str, str], bundle: Mapping[str, Version]) -> PinChange:
    """Every Ruff or mypy pin in the requirements *files* (text by path) that excludes
    the bundle's version, re-pinned to it."""
    change = PinChange()
    for path in sorted(files):
        base, ext = posixpath.splitext(path)
        compiled = ext == ".txt" and f"{base}.in" in files
        lines = files[path].splitlines(keepends=True)
        others = [req for req in map(_requirement, lines) if req]
        continued = False
        for number, line in enumerate(lines, start=1):
            body = line.rstrip("\r\n")
            was_continued, continued = continued, body.endswith("\\")
            new = None if was_continued else _repin_line(body, bundle)
            if new is None:
                continue
            old_req, new_req, options = new
            where = f"{path}:{number}"
            name = canonicalize_name(Requirement(old_req).name)
            why = clash(name, [req for req in others if req != old_req], bundle)
            if why is not None:
                change.notes.append(left_pin(where, old_req, new_req, why))
                continue
            if compiled or options:
                why = f"compiled from {base}.in" if compiled else "checked by hash"
                change.notes.append(
                    f"{where}: `{old_req}` excludes the bundle's version ({why}); "
                    f"hint: pin `{new_req}` and recompile it"
                )
                continue
            lines[number - 1] = line.replace(old_req, new_req, 1)
            change.actions.append(f"{where}: `{old_req}` -> `{new_req}` (the bundle's)")
        text = "".join(lines)
        if text != files[path]:
            change.texts[path] = text
    return change


def _repin_line(body: str, bundle: Mapping[str, Version]) -> tuple[str, str, bool] | None:
    """(the requirement as written, re-pinned, whether pip options follow it) for a line
    whose requirement excludes the bundle's version; None for any other line."""
    requirement, options = _split(body)
    if not requirement:
        return None
    new = repinned(requirement, bundle)
    return None if new is None else (requirement, new, bool(options))


def _split(body: str) -> tuple[str, str]:
    """(the requirement, the pip options after it) of one line; ("", "") for a comment, a
    pip option line or a continued line."""
    match = _COMMENT.search(body)
    content = (body[: match.start()] if match else body).strip()
    if not content or content.startswith("-") or content.endswith("\\"):
        return "", ""
    requirement, _, options = content.partition(" --")
    return requirement.strip(), options


def _requirement(line: str) -> str:
    """The requirement on *line*, also where its pip options continue on the next lines."""
    return _split(line.rstrip("\r\n").rstrip("\\"))[0]
