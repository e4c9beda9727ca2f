"""Record findings of Ruff rules that have no code, which no `# noqa` comment can name.

Ruff 0.17 has preview rules known only by name (``pytest-fixture-autouse``): its JSON
output gives them ``"code": null``, `--add-noqa` writes nothing for them and a
``# noqa: pytest-fixture-autouse`` is an invalid directive. Ruff does accept a rule's
name as a selector in its configuration, so the baseline records such a finding as the
narrowest setting that holds it: an ``extend-per-file-ignores`` entry for exactly that
file and that rule, in ``[tool.ruff.lint]`` of pyproject.toml. The entry sits beside
the rest of the Ruff configuration, where a reviewer sees it and deletes it when the
file is fixed. (`extend-` adds to the project's own ``per-file-ignores`` rather than
replacing one of its patterns.)

Where that cannot be done cleanly (a ``ruff.toml``, or the table already written some
other way than as its own ``[...]`` header) nothing is written, and the baseline's
"findings remain" note names the file as before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from setsquare._toml import tomllib

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

TABLE = "tool.ruff.lint.extend-per-file-ignores"
_HEADER = re.compile(r"^\[\s*tool\.ruff\.lint\.extend-per-file-ignores\s*\]", re.MULTILINE)
#: A glob character in a file name would make the pattern match other files.
_GLOB = re.compile(r"[*?\[\]{}!]")
COMMENT = (
    "# Recorded by `setsquare adopt --baseline`: findings of Ruff rules that have no code,\n"
    "# which a `# noqa` comment cannot name. Delete an entry when its file is fixed.\n"
)


def codeless(diagnostics: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Rule names of Ruff's findings (JSON output) that have no code, by file name."""
    found: dict[str, set[str]] = {}
    for item in diagnostics:
        name = item.get("name")
        if item.get("code") is None and isinstance(name, str) and name:
            found.setdefault(str(item.get("filename", "")), set()).add(name)
    return found


def _ruff_lint(data: Mapping[str, Any]) -> Any:
    return data.get("tool", {}).get("ruff", {}).get("lint", {})


def record_by_name(pyproject: str, found: Mapping[str, set[str]]) -> str | None:
    """*pyproject* with each file's rules in ``extend-per-file-ignores``; None when it
    cannot be written cleanly (see the module docstring) or there is nothing to add."""
    found = {path: names for path, names in found.items() if names and not _GLOB.search(path)}
    if not found:
        return None
    try:
        data = tomllib.loads(pyproject)
    except tomllib.TOMLDecodeError:
        return None
    if _ruff_lint(data).get("extend-per-file-ignores") is None:
        new: str | None = _append(pyproject, found)
    elif _HEADER.search(pyproject):
        new = _merge(pyproject, found)
    else:
        return None  # a dotted key or an inline table: not edited behind the user's back
    if new is None:
        return None
    try:
        after = _ruff_lint(tomllib.loads(new)).get("extend-per-file-ignores", {})
    except tomllib.TOMLDecodeError:
        return None
    held = all(set(names) <= set(after.get(path, [])) for path, names in found.items())
    return new if held and new != pyproject else None


def _entry(path: str, names: Iterable[str]) -> str:
    rules = ", ".join(tomlkit.string(name).as_string() for name in sorted(names))
    return f"{tomlkit.string(path).as_string()} = [{rules}]\n"


def _append(pyproject: str, found: Mapping[str, set[str]]) -> str:
    """A new table at the end of the file: valid TOML beside `lint.x = ...` dotted keys
    too (a sub-table of a dotted-key table may be opened with its own header)."""
    body = pyproject if pyproject.endswith("\n") or not pyproject else pyproject + "\n"
    entries = "".join(_entry(path, names) for path, names in sorted(found.items()))
    return f"{body}\n[{TABLE}]\n{COMMENT}{entries}"


def _merge(pyproject: str, found: Mapping[str, set[str]]) -> str | None:
    try:
        doc = tomlkit.parse(pyproject)
        table: Any = doc["tool"]["ruff"]["lint"]["extend-per-file-ignores"]
        for path, names in sorted(found.items()):
            table[path] = sorted({*table.get(path, []), *names})
        return tomlkit.dumps(doc)
    except (TOMLKitError, KeyError, TypeError, AttributeError):
        return None
