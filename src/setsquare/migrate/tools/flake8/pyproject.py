"""pyproject.toml ``[tool.flake8]``, as the Flake8-pyproject plugin hands it to flake8.

The plugin sets each key on flake8's config parser (``flake8p/hook.py`` ``parse_config``):
numbers and booleans as their ``str()``, strings as they are, arrays as lists that flake8
takes item by item (comma-separated options are not split again; ``per-file-ignores`` joins
them by lines). `pyproject_ini` gives that as one INI section, so the flake8 mapper reads
it like any ``[flake8]``; `remove_table` drops the table once Ruff's tables replace it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.container import ends_with_whitespace
from tomlkit.items import Comment, Null, Table, Whitespace

from setsquare.errors import InputError
from setsquare.migrate.ini import IniFile, IniLine, IniOption, IniSection
from setsquare.migrate.policy import unwrap
from setsquare.migrate.tools.flake8.codes import option_key

PYPROJECT = "pyproject.toml"
TABLE = "tool.flake8"
_HEADER = re.compile(r"\[\s*tool\s*\.\s*[\"']?flake8[\"']?\s*\](\s*#.*)?")


def _header_lines(text: str) -> tuple[int, dict[str, int]]:
    """The line of the ``[tool.flake8]`` header and of each key under it (1 if not found)."""
    header, inside = 1, False
    keys: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = _HEADER.fullmatch(stripped) is not None
            header = number if inside else header
            continue
        key = re.match(r"[\"']?([A-Za-z0-9_-]+)[\"']?\s*=", stripped)
        if inside and key is not None:
            keys.setdefault(key[1], number)
    return header, keys


def _element_comments(item: Any) -> dict[int, tuple[str, ...]]:
    """Comments in a multi-line array, by the element they stand above or beside."""
    comments: dict[int, list[str]] = {}
    index = 0
    for group in getattr(item, "_value", ()):  # tomlkit's array item groups
        value, comment = getattr(group, "value", None), getattr(group, "comment", None)
        if comment is not None:
            comments.setdefault(index, []).append(comment.as_string().strip()[1:].strip())
        if value is not None and not isinstance(value, Null):
            index += 1
    return {i: tuple(texts) for i, texts in comments.items()}


def _option(key: str, item: Any, line: int, comments: tuple[str, ...]) -> IniOption:
    """One ``[tool.flake8]`` value as Flake8-pyproject sets it on flake8's config parser."""
    value = unwrap(item)
    if isinstance(value, (bool, int, float)):
        text = str(value)
        return IniOption(key, text, line, comments, (IniLine(text, line),))
    if isinstance(value, str):
        lines = tuple(IniLine(part, line) for part in value.split("\n"))
        return IniOption(key, value, line, comments, lines)
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        joined = option_key(IniOption(key, "", line, (), ())) == "per-file-ignores"
        for part in value if not joined else ():
            if re.search(r"[,\s]", part.strip()) or not part.strip():
                raise InputError(
                    PYPROJECT,
                    f"[{TABLE}] `{key}` item {part!r} is not one item: flake8 reads each"
                    " array item whole",
                    line=line,
                    hint="write one code or path per array item",
                )
        notes = _element_comments(item)
        lines = tuple(IniLine(part, line, notes.get(index, ())) for index, part in enumerate(value))
        return IniOption(key, "\n".join(value), line, comments, lines)
    raise InputError(
        PYPROJECT,
        f"[{TABLE}] `{key}` must be a string, a number, a boolean or an array of strings,"
        f" not {value!r}",
        line=line,
        hint="flake8 (through Flake8-pyproject) cannot read it either",
    )


def _keyed(body: list[tuple[Any, Any]]) -> list[Any]:
    return [item for key, item in body if key is not None and not isinstance(item, Null)]


def _comments_above(pyproject: tomlkit.TOMLDocument) -> tuple[list[Any], int]:
    """The body that ends with the comment lines right above ``[tool.flake8]``, and how many.

    tomlkit files such comments at the end of whatever table comes before the header.
    """
    tool: Any = pyproject.get("tool")
    if not isinstance(tool, Table) or not isinstance(tool.get("flake8"), Table):
        return [], 0
    siblings = _keyed(tool.value.body)
    position = next((i for i, item in enumerate(siblings) if item is tool["flake8"]), None)
    if position is None:  # a dotted key or another shape tomlkit keeps elsewhere
        return [], 0
    if position > 0:
        before = siblings[position - 1]
    else:
        top = _keyed(pyproject.body)
        index = next((i for i, item in enumerate(top) if item is tool), 0)
        # Comments above the first table of the file are the file's, not the table's.
        before = top[index - 1] if index > 0 else None
    while isinstance(before, Table) and before.is_super_table() and _keyed(before.value.body):
        before = _keyed(before.value.body)[-1]
    if not isinstance(before, Table):
        return [], 0
    body = before.value.body
    count = 0
    while count < len(body) and isinstance(body[len(body) - 1 - count][1], Comment):
        count += 1
    return body, count


def pyproject_ini(pyproject: tomlkit.TOMLDocument) -> IniFile | None:
    """``[tool.flake8]`` as an INI file with one section, ``tool.flake8`` (None if absent)."""
    tool: Any = pyproject.get("tool", {})
    table = tool.get("flake8") if isinstance(tool, Mapping) else None
    if table is None:
        return None
    header, lines = _header_lines(pyproject.as_string())
    if not isinstance(table, Mapping):
        raise InputError(
            PYPROJECT, f"`{TABLE}` is not a table", line=header, hint=f"[{TABLE}] must be a table"
        )
    options: list[IniOption] = []
    pending: list[str] = []
    body = getattr(getattr(table, "value", None), "body", None)
    entries = body if body is not None else [(key, value) for key, value in table.items()]
    for raw_key, item in entries:
        if raw_key is None:
            if isinstance(item, Comment):
                pending.append(item.as_string().strip()[1:].strip())
            continue
        key = str(getattr(raw_key, "key", raw_key))
        trivia = getattr(item, "trivia", None)
        trailing = trivia.comment.strip()[1:].strip() if trivia and trivia.comment else ""
        comments = (*pending, trailing) if trailing else tuple(pending)
        options.append(_option(key, item, lines.get(key, header), comments))
        pending = []
    above, count = _comments_above(pyproject)
    comments = tuple(
        item.as_string().strip()[1:].strip() for _, item in above[len(above) - count :]
    )
    return IniFile(PYPROJECT, (), (IniSection(TABLE, header, comments, tuple(options)),))


def remove_table(pyproject: tomlkit.TOMLDocument) -> None:
    """Drop ``[tool.flake8]`` once Ruff's tables hold what it said, keeping the spacing.

    The table's blank lines go with it in tomlkit: the table after it takes over its
    indent, and a blank line it ended with still separates what follows.
    """
    ended_blank = pyproject.as_string().endswith("\n\n")
    _remove(pyproject)
    top = _keyed(pyproject.body)
    last = top[-1] if top else None
    if not ended_blank and pyproject.as_string().endswith("\n\n") and isinstance(last, Table):
        # The blank line that separated the last table from the removed one now ends the file.
        body = last.value.body
        if body and isinstance(body[-1][1], Whitespace):
            body.pop()


def _remove(pyproject: tomlkit.TOMLDocument) -> None:
    tool: Any = pyproject["tool"]
    table = tool["flake8"]
    body = tool.value.body if isinstance(tool, Table) else []
    keys = [key.key if key is not None else None for key, _ in body]
    if not isinstance(table, Table) or "flake8" not in keys:
        del tool["flake8"]
        return
    above, count = _comments_above(pyproject)
    del above[len(above) - count :]  # they go with the table (to [tool.ruff.lint])
    index = keys.index("flake8")
    indent, blank_after = table.trivia.indent, ends_with_whitespace(table)
    del tool["flake8"]
    after = [item for key, item in body[index + 1 :] if key is not None]
    if after and isinstance(after[0], Table):
        after[0].trivia.indent = indent
    last = next((item for key, item in reversed(body) if key is not None), None)
    top = [item for key, item in pyproject.body if key is not None]
    followed = bool(top) and top[-1] is not tool
    if blank_after and followed and isinstance(last, Table) and not ends_with_whitespace(last):
        last.add(tomlkit.nl())
