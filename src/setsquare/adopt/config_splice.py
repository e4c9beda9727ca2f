"""Splice the bundle's entry into the text of a `.pre-commit-config.yaml`.

Positions come from PyYAML's parser (`yaml_source.layout`), never from matching
lines, so a comment, a block scalar or an alias cannot fool it. Where the entry
cannot be added as text without changing what else the file means (see
`precommit_config`), `InputError` says how to rewrite that part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.adopt.yaml_source import (
    LINE_BREAK,
    Layout,
    Span,
    at_line_start,
    column,
    index,
    layout,
    newline,
    rest_of_line,
)
from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

NOT_A_CONFIG = "is not a pre-commit configuration (expected a mapping with a `repos:` list)"
FORMAT_HINT = "see https://pre-commit.com/#plugins for the format"
_BLOCK_HINT = (
    "write `repos:` as a block list (`repos:`, then one `- repo: ...` entry a line), "
    "then run adopt again"
)


def splice_entry(
    body: str,
    path: str,
    data: dict[str, Any],
    *,
    url: str,
    rev: str,
    hooks: Sequence[str],
    hook_keys: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """Return *body* (no BOM) with a `repos:` entry for *url* at *rev* running *hooks*.

    *data* is *body* as loaded and checked by `precommit_config`; *url* and *rev*
    have passed `check_bundle_ref`. *hook_keys* gives a hook more keys than its id
    (the `exclude:` carried from a hook it replaces).
    """
    entry = _Entry(url, rev, tuple(hooks), dict(hook_keys or {}))
    return _Splice(body, path, data, entry).run()


@dataclass(frozen=True)
class _Entry:
    url: str
    rev: str
    hooks: tuple[str, ...]
    hook_keys: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def render(self, dash_column: int, offset: int, nl: str) -> str:
        indent = " " * dash_column
        inner = " " * (dash_column + offset)
        lines = [
            f"{indent}# The setsquare bundle: the quality gate from one repo at one rev.",
            f"{indent}-{' ' * (offset - 1)}repo: {_plain(self.url)}",
            f"{inner}rev: {_plain(self.rev)}",
            f"{inner}hooks:",
        ]
        for hook in self.hooks:
            lines.append(f"{inner}  - id: {hook}")
            lines.extend(
                f"{inner}    {key}: {_value(value)}"
                for key, value in self.hook_keys.get(hook, {}).items()
            )
        return nl.join(lines) + nl


def _value(value: Any) -> str:
    """*value* as one line of YAML (flow style; a string quoted only where it must be)."""
    if isinstance(value, str) and "\n" not in value:
        return _plain(value)
    dumped = yaml.safe_dump(value, default_flow_style=True, width=1 << 30, allow_unicode=True)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _plain(value: str) -> str:
    """*value* as YAML that reads back as this string (quoted if it would not)."""
    try:
        same = yaml.safe_load(f"k: {value}\n") == {"k": value}
    except yaml.YAMLError:
        same = False
    if same:
        return value
    # Single quotes keep backslashes (regexes) as they are; a quote inside is doubled.
    quoted = "'" + value.replace("'", "''") + "'"
    if value.isprintable() and yaml.safe_load(f"k: {quoted}\n") == {"k": value}:
        return quoted
    return yaml.safe_dump(value, default_style='"', width=1 << 30).removesuffix("\n")


class _Splice:
    """Where and how the bundle's entry goes into one file's text."""

    def __init__(self, body: str, path: str, data: dict[str, Any], entry: _Entry) -> None:
        self.body = body
        self.path = path
        self.data = data
        self.entry = entry
        self.nl = newline(body)
        self.layout: Layout = layout(body)

    def refuse(self, at: int, message: str, hint: str = _BLOCK_HINT) -> InputError:
        line = len(LINE_BREAK.findall(self.body, 0, at)) + 1
        return InputError(self.path, message, line=line, hint=hint)

    def run(self) -> str:
        top = self.layout.top
        if top is None or (
            isinstance(top, yaml.ScalarEvent) and index(top.start_mark) == index(top.end_mark)
        ):
            return self._into_empty_document()
        if not isinstance(top, yaml.MappingStartEvent):
            raise InputError(self.path, NOT_A_CONFIG, hint=FORMAT_HINT)
        if top.flow_style:
            raise self.refuse(
                index(top.start_mark),
                "the configuration is a flow-style mapping (`{...}`)",
                "write it as a block mapping (`repos:` at the start of a line), "
                "then run adopt again",
            )
        found = self.layout.item("repos")
        if found is None:
            return self._new_repos_key()
        key, value = found
        if not _followed_by_colon(self.body, index(key.event.end_mark)):
            raise self.refuse(key.start, "`repos` is written as an explicit key (`? repos`)")
        event = value.event
        if isinstance(event, yaml.AliasEvent):
            raise self.refuse(value.start, "`repos:` is an alias (`*name`) of a list elsewhere")
        if event.anchor is not None and event.anchor in self.layout.aliased:
            raise self.refuse(
                value.start, f"`repos:` is anchored (`&{event.anchor}`) and reused elsewhere"
            )
        indent = column(self.body, key.start) + 2
        if isinstance(event, yaml.ScalarEvent):  # empty or null: _config_data allowed no other
            return self._replace(value, indent)
        if isinstance(event, yaml.SequenceStartEvent) and event.flow_style:
            span = self.body[value.start : value.content_end]
            if self.data["repos"] or "#" in span:
                raise self.refuse(value.start, "`repos:` is a flow-style list (`[...]`)")
            return self._replace(value, indent)
        dash, offset = self._dash(value)
        return self._insert_after(value.content_end, self.entry.render(dash, offset, self.nl))

    def _into_empty_document(self) -> str:
        block = f"repos:{self.nl}{self.entry.render(2, 2, self.nl)}"
        if self.layout.document_end is not None:
            at = self.layout.document_end
            return self.body[:at] + block + self.body[at:]
        body = self.body if self.body.strip() else ""
        if body and not at_line_start(body, len(body)):
            body += self.nl
        return body + block

    def _new_repos_key(self) -> str:
        if "repos" in self.data:
            # The key is there, but not as plain text adopt can put a list under.
            keys = self.layout.children[::2]
            merge = [k for k in keys if getattr(k.event, "value", None) == "<<"]
            alias = [k for k in keys if isinstance(k.event, yaml.AliasEvent)]
            raise self.refuse(
                (merge or alias or keys)[0].start,
                "`repos:` comes from a merge key (`<<`)"
                if merge
                else "the `repos` key is written as an alias (`*name`)",
                "write `repos:` out as a block list in this mapping, then run adopt again",
            )
        first_key = self.layout.children[0].start
        key_column = column(self.body, first_key)
        block = f"{' ' * key_column}repos:{self.nl}"
        block += self.entry.render(key_column + 2, 2, self.nl)
        content_end = self.layout.content_end
        return self._insert_after(len(self.body) if content_end is None else content_end, block)

    def _dash(self, value: Span) -> tuple[int, int]:
        """The column of the list's `-` and how far its entries' keys sit from it."""
        event = value.event
        item = value.first_item
        item_start = index(item.start_mark) if item is not None else value.start
        if isinstance(event, yaml.CollectionStartEvent) and event.anchor is None and not event.tag:
            dash = value.start  # without properties, a block list starts at its first `-`
        else:
            dash = item_start - 1
            while dash > 0 and self.body[dash] in " \t":
                dash -= 1
        if self.body[dash] != "-":  # a comment after the `-`: guess; _verify checks it
            return max(column(self.body, item_start) - 2, 0), 2
        dash_column = column(self.body, dash)
        offset = column(self.body, item_start) - dash_column if item is not None else 2
        return dash_column, min(max(offset, 2), 8)

    def _replace(self, value: Span, indent: int) -> str:
        """Put the entry where the empty or null `repos:` value was, on the lines below the key."""
        block = self.entry.render(indent, 2, self.nl)
        head = self.body[: value.start].rstrip(" \t")
        rest, after = rest_of_line(self.body, value.content_end)
        tail = self.body[after:] if after is not None else ""
        if not at_line_start(head, len(head)):
            return head + rest + self.nl + block + tail
        # The value stood on a line of its own: drop that line, keeping a comment on it.
        comment = rest.strip()
        kept = f"{' ' * indent}{comment}{self.nl}" if comment else ""
        return head + kept + block + tail

    def _insert_after(self, content_end: int, block: str) -> str:
        """Insert *block* after the line *content_end* is on and the comments indented under it.

        Comments at column 0 and the blank lines before them belong to what follows.
        """
        body = self.body
        if at_line_start(body, content_end):  # a block scalar ends at the next line's start
            at: int | None = content_end
        else:
            at = rest_of_line(body, content_end)[1]
        if at is None:
            body += self.nl
            at = len(body)
        scan = at
        while scan < len(body):
            line, following = rest_of_line(body, scan)
            if line.strip():
                if not (line[0] in " \t" and line.lstrip().startswith("#")):
                    break
                if following is None:
                    body += self.nl
                    following = len(body)
                at = following
            if following is None:
                break
            scan = following
        return body[:at] + block + body[at:]


def _followed_by_colon(text: str, at: int) -> bool:
    return text[at:].lstrip(" \t").startswith(":")
