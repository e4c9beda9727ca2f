"""requirements*.txt (pip's grammar) into ``[project].dependencies`` and ``[dependency-groups]``.

Lines are read as pip reads them (``pip/_internal/req/req_file.py``): ``\\``
continuations joined, comments start at a ``#`` at the line start or after
whitespace, options split off after the requirement. What has a standard place
moves there verbatim (no normalising, sorting or added bounds); ``-r`` between
migrated files becomes ``{include-group = ...}``; what has no standard place
(``-c``, ``--hash``, index options, ``-e``, ``${VAR}``, credentials, local paths)
stays in the file and is reported, so the file is kept.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from setsquare.errors import InputError
from setsquare.migrate.fragment import Item
from setsquare.migrate.ledger import Action, Entry
from setsquare.redact import redact

if TYPE_CHECKING:
    from collections.abc import Mapping

_COMMENT = re.compile(r"(^|\s+)#(?P<text>.*)$")
_ENV_VAR = re.compile(r"\$\{[A-Za-z0-9_]+\}")
_EGG = re.compile(r"#egg=(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)")
_VCS_OR_URL = re.compile(r"^(?:git|hg|svn|bzr)\+|^[a-z]+://")

#: Options with a value, long and short spellings.
_INCLUDE = {"-r", "--requirement"}
_CONSTRAINT = {"-c", "--constraint"}
_EDITABLE = {"-e", "--editable"}
#: where uv, the frontend setsquare's template uses, would take these (a pointer, not written)
_UV = {
    **dict.fromkeys(_CONSTRAINT, "; uv reads them from [tool.uv] constraint-dependencies"),
    **dict.fromkeys(("-i", "--index-url"), "; uv: [[tool.uv.index]] with default = true"),
    "--extra-index-url": "; uv: [[tool.uv.index]]",
    **dict.fromkeys(("-f", "--find-links"), '; uv: [[tool.uv.index]] with format = "flat"'),
    "--pre": '; uv: [tool.uv] prerelease = "allow"',
}


@dataclass(frozen=True)
class Line:
    """One logical line: a requirement or an option, where it came from and its comments."""

    text: str
    line: int
    comments: tuple[str, ...]
    inline: str
    #: blank lines separate it (with the comments above it) from the line before
    gap: bool = False


def logical_lines(text: str) -> list[Line]:
    """Join continuations, split off comments; pip's ``join_lines`` + ``ignore_comments``."""
    result: list[Line] = []
    pending: list[str] = []
    buffer = ""
    start = 0
    gap = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff") if number == 1 else raw
        if not buffer and not line.strip():
            gap = bool(result)
            continue
        if not buffer and line.strip().startswith("#"):
            pending.append(line.strip()[1:].strip())
            continue
        if not buffer:
            start = number
        if line.rstrip().endswith("\\") and not _COMMENT.search(line):
            buffer += line.rstrip()[:-1]
            continue
        buffer += line
        match = _COMMENT.search(buffer)
        inline = match["text"].strip() if match else ""
        content = buffer[: match.start()].strip() if match else buffer.strip()
        buffer = ""
        if not content:
            if inline:
                pending.append(inline)
            continue
        result.append(Line(content, start, tuple(pending), inline, gap))
        pending = []
        gap = False
    if buffer.strip():
        result.append(Line(buffer.strip(), start, tuple(pending), ""))
    return result


def _option(text: str) -> tuple[str, str]:
    """``-r x`` / ``--requirement=x`` / ``-rx`` -> (``-r``, ``x``)."""
    if text.startswith("--"):
        name, sep, value = text.partition("=")
        if not sep:
            name, _, value = text.partition(" ")
        return name.strip(), value.strip()
    name, value = text[:2], text[2:].strip()
    return name, value.lstrip("=").strip()


@dataclass
class FileResult:
    """What one requirements file becomes."""

    path: str
    items: list[Item] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    kept: int = 0  # lines that stay in the file
    includes: list[str] = field(default_factory=list)


def group_name(path: str) -> str:
    """``requirements-dev.txt`` / ``requirements/dev.in`` / ``dev-requirements.txt`` -> ``dev``."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    name = re.sub(r"(^requirements[-_.]?|[-_.]?requirements$)", "", stem, flags=re.IGNORECASE)
    return str(canonicalize_name(name or stem))


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


def _resolve(path: str, value: str) -> str:
    """Where ``-r``/``-c`` *value* in *path* points; pip fetches a URL, so it stays as written."""
    if "://" in value:
        # normpath would fold ``https://`` into ``https:/``, which no longer reads as a URL.
        return value
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), value))


def _kept(result: FileResult, line: Line, reason: str) -> None:
    result.kept += 1
    result.entries.append(
        Entry(f"{result.path}:{line.line} {shown(line.text)}", Action.KEPT, reason=shown(reason))
    )


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
        source = f"{path}:{line.line} {shown(line.text)}"
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
            name, value = _option(line.text)
            if name in _INCLUDE:
                included = _resolve(path, value)
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
            if name in _CONSTRAINT:
                _kept(
                    result, line, f"constraints have no standard place in pyproject.toml{_UV[name]}"
                )
            elif name in _EDITABLE:
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


def include_graph(
    files: Mapping[str, str], *, exists: set[str]
) -> dict[str, list[tuple[str, int]]]:
    """For each file, the files it ``-r``-includes (with the line); missing files raise."""
    graph: dict[str, list[tuple[str, int]]] = {}
    for path, text in files.items():
        edges = []
        for line in logical_lines(text):
            if not line.text.startswith("-"):
                continue
            name, value = _option(line.text)
            if name not in _INCLUDE and name not in _CONSTRAINT:
                continue
            included = _resolve(path, value)
            if "://" in included:
                continue  # pip fetches it; convert_file keeps the line
            if included not in exists:
                raise InputError(
                    path,
                    f"{name} {value}: no such file ({included})",
                    line=line.line,
                    hint="fix the path (it is relative to the file that includes it)",
                )
            if name in _INCLUDE:
                edges.append((included, line.line))
        graph[path] = edges
    _refuse_cycles(graph)
    return graph


def _refuse_cycles(graph: Mapping[str, list[tuple[str, int]]]) -> None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for child, line in graph.get(node, []):
            if state.get(child) == 1:
                cycle = (
                    " -> ".join([*trail[trail.index(child) :], child])
                    if child in trail
                    else f"{node} -> {child}"
                )
                raise InputError(
                    node,
                    f"-r includes form a cycle: {cycle}",
                    line=line,
                    hint="remove one of the includes",
                )
            if child not in state:
                visit(child, [*trail, child])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def plain_requirements(items: list[Item]) -> list[Requirement] | None:
    """The requirements in *items*, or None when some are includes."""
    found = []
    for item in items:
        if not isinstance(item.value, str):
            return None
        found.append(Requirement(item.value))
    return found


def discover(paths: list[str]) -> tuple[str | None, list[str], list[Entry]]:
    """Pick the runtime file and the group files among *paths*; compiled twins are skipped."""
    entries: list[Entry] = []
    chosen = []
    names = set(paths)
    for path in sorted(paths):
        base, ext = posixpath.splitext(path)
        if ext == ".txt" and f"{base}.in" in names:
            entries.append(
                Entry(
                    path, Action.KEPT, reason=f"compiled from {base}.in, which is migrated instead"
                )
            )
            continue
        chosen.append(path)
    runtime = next((p for p in ("requirements.in", "requirements.txt") if p in chosen), None)
    groups = [p for p in chosen if p != runtime]
    return runtime, groups, entries


def referenced(path: str, text: str) -> list[str]:
    """The files *path* names with ``-r`` or ``-c`` (repo-relative), for the reader to load."""
    found = []
    for line in logical_lines(text):
        if line.text.startswith("-"):
            name, value = _option(line.text)
            if name in _INCLUDE or name in _CONSTRAINT:
                found.append(_resolve(path, value))
    return found
