"""requirements*.txt into ``[project].dependencies`` and ``[dependency-groups]``.

This module maps one file's lines (read by pip's grammar, `lines`) to list items.
What has a standard place moves there verbatim (no normalising, sorting or added
bounds); ``-r`` between migrated files becomes ``{include-group = ...}``; what has
no standard place (``-c``, ``--hash``, index options, ``-e``, ``${VAR}``,
credentials, local paths) stays in the file and is reported, so the file is kept.
`includes` checks the ``-r``/``-c`` graph between files and `plan` decides which
file goes where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Item
from setsquare.migrate.requirements.lines import (
    CONSTRAINT,
    EDITABLE,
    INCLUDE,
    Line,
    logical_lines,
    resolve,
    split_option,
)
from setsquare.redact import redact

if TYPE_CHECKING:
    from collections.abc import Mapping

_ENV_VAR = re.compile(r"\$\{[A-Za-z0-9_]+\}")
_EGG = re.compile(r"#egg=(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)")
_VCS_OR_URL = re.compile(r"^(?:git|hg|svn|bzr)\+|^[a-z]+://")

#: where uv, the frontend setsquare's template uses, would take these (a pointer, not written)
_UV = {
    **dict.fromkeys(CONSTRAINT, "; uv reads them from [tool.uv] constraint-dependencies"),
    **dict.fromkeys(("-i", "--index-url"), "; uv: [[tool.uv.index]] with default = true"),
    "--extra-index-url": "; uv: [[tool.uv.index]]",
    **dict.fromkeys(("-f", "--find-links"), '; uv: [[tool.uv.index]] with format = "flat"'),
    "--pre": '; uv: [tool.uv] prerelease = "allow"',
}


@dataclass
class FileResult:
    """What one requirements file becomes."""

    path: str
    items: list[Item] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    kept: int = 0  # lines that stay in the file
    includes: list[str] = field(default_factory=list)


def _requirement(text: str) -> tuple[str, str] | None:
    """A PEP 508 string for *text* and why it was rewritten; None if it is not one."""
    try:
        Requirement(text)
    except InvalidRequirement:
        pass
    else:
        return text, ""
    if _VCS_OR_URL.match(text):
        egg = _EGG.search(text)
        if egg is not None:
            url = text[: egg.start()] + text[egg.end() :]
            url = url.rstrip("#&")
            candidate = f"{egg['name']} @ {url}"
            try:
                Requirement(candidate)
            except InvalidRequirement:
                return None
            return candidate, "a URL with #egg= becomes `name @ URL` (PEP 508)"
    return None


def shown(text: str) -> str:
    """*text* fit for a ledger that may end up in a CI log: credentials masked."""
    return redact(text)


def has_credentials(text: str) -> bool:
    """Whether *text* holds a secret: exactly what `redact` would mask, one rule."""
    return redact(text) != text


def _location(path: str, line: Line) -> Location:
    return Location(path, line.line, key=shown(line.text))


def _kept(result: FileResult, line: Line, reason: str) -> None:
    result.kept += 1
    result.entries.append(Entry(_location(result.path, line), Action.KEPT, reason=shown(reason)))


def convert_file(
    path: str,
    text: str,
    *,
    target: str,
    include_targets: Mapping[str, str | None],
) -> FileResult:
    """Map one requirements file's lines to list items for *target*.

    *include_targets* tells what ``-r`` files became: a group name, ``""`` for
    the project's own dependencies (the include is implied), or None when that
    file is not migrated (the ``-r`` line then stays).
    """
    result = FileResult(path)
    # Comments of lines that become no item move down to the next item, never lost.
    carry: tuple[str, ...] = ()
    carry_gap = False
    for raw_line in logical_lines(text):
        gap = carry_gap or raw_line.gap
        # Comments are copied into pyproject.toml, so a URL in one is masked like the ledger's.
        comments = tuple(map(shown, raw_line.comments))
        line = Line(raw_line.text, raw_line.line, carry + comments, shown(raw_line.inline), gap)
        carry = (*line.comments, *((line.inline,) if line.inline else ()))
        carry_gap = gap
        source = _location(path, line)
        if _ENV_VAR.search(line.text):
            _kept(
                result,
                line,
                "pip expands ${VAR} here; pyproject.toml cannot, and the value is never copied",
            )
            continue
        if has_credentials(line.text):
            _kept(
                result,
                line,
                "the URL carries credentials; they are never copied into pyproject.toml",
            )
            continue
        if line.text.startswith("-"):
            name, value = split_option(line.text)
            if name in INCLUDE:
                included = resolve(path, value)
                role = include_targets.get(included)
                if role is None:
                    _kept(result, line, f"{included} is not migrated, so the include stays")
                elif role == "":
                    result.entries.append(
                        Entry(
                            source,
                            Action.TRANSFORMED,
                            reason="the project's own dependencies: the project brings them",
                        )
                    )
                    result.includes.append(included)
                else:
                    result.items.append(
                        Item({"include-group": role}, line.comments, line.inline, line.gap)
                    )
                    carry, carry_gap = (), False
                    result.includes.append(included)
                    result.entries.append(
                        Entry(
                            source,
                            Action.TRANSFORMED,
                            f"{target} {{include-group = {role!r}}}",
                            "included, not copied",
                        )
                    )
                continue
            if name in CONSTRAINT:
                _kept(
                    result, line, f"constraints have no standard place in pyproject.toml{_UV[name]}"
                )
            elif name in EDITABLE:
                _kept(result, line, "editable installs have no standard place in pyproject.toml")
            else:
                _kept(
                    result,
                    line,
                    f"pip option {name} has no standard place in pyproject.toml{_UV.get(name, '')}",
                )
            continue
        requirement_text, _, options = line.text.partition(" -")
        requirement_text = requirement_text.strip()
        if options:
            option = f"-{options.split()[0].split('=')[0]}"
            why = (
                "hashes belong in a lock file"
                if option == "--hash"
                else "build options for one requirement have no standard place in pyproject.toml"
            )
            _kept(result, line, f"per-requirement option {option} ({why})")
            continue
        converted = _requirement(requirement_text)
        if converted is None:
            if (
                requirement_text.startswith((".", "/", "file:"))
                or "/" in requirement_text
                or requirement_text.endswith((".whl", ".tar.gz", ".zip"))
            ):
                _kept(result, line, "a local path cannot be written as a PEP 508 requirement")
                continue
            raise InputError(
                path,
                f"invalid requirement {shown(requirement_text)!r}",
                line=line.line,
                hint="fix the line (PEP 508: name[extras] specifier; marker); pip refuses it too",
            )
        value, why = converted
        result.items.append(Item(value, line.comments, line.inline, line.gap))
        carry, carry_gap = (), False
        action = Action.TRANSFORMED if why else Action.MAPPED
        result.entries.append(Entry(source, action, target, why))
    return result


def plain_requirements(items: list[Item]) -> list[Requirement] | None:
    """The requirements in *items*, or None when some are includes."""
    found = []
    for item in items:
        if not isinstance(item.value, str):
            return None
        found.append(Requirement(item.value))
    return found
