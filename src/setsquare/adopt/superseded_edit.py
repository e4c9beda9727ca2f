"""Remove hook entries from the text of a `.pre-commit-config.yaml`, keeping every other byte.

A hook's lines go from its `-` to the end of its last value, with the comments
indented under it (a commented-out option belongs to the hook); a repo left with no
hook goes as a whole. Comments above an entry, other entries and the rest of the file
stay as they are; a blank line that separated the entry from the one before it goes
with it, so the list keeps one blank line between entries.

What cannot be removed as text is kept and the reason returned: an entry in a flow
list (`hooks: [{id: black}]`), one with an anchor or alias in it, one whose `-` shares
its line with something else. The output is loaded again and must hold exactly the
old data minus the removed hooks; anything else is a bug (`RuntimeError`), never written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.adopt.yaml_source import (
    StrictLoader,
    at_line_start,
    column,
    compose,
    content_end,
    index,
    line_start,
    load,
    rest_of_line,
)

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = ["Removal", "remove_hooks"]

_FLOW = "it is written in a flow list (`[...]`)"
_ANCHOR = "it holds an anchor or alias another part of the file may use"
_LAYOUT = "its `-` shares a line with other text"


@dataclass
class Removal:
    text: str
    #: (repo index, hook index) -> why that hook was left in place
    kept: dict[tuple[int, int], str] = field(default_factory=dict)


def remove_hooks(body: str, path: str, targets: Collection[tuple[int, int]]) -> Removal:
    """*body* (no BOM, already loaded and checked) without the hooks at *targets*."""
    if not targets:
        return Removal(body)
    before = load(body, path).data
    root = compose(body)
    marked = _marked_positions(body)
    repos_node = _value(root, "repos")
    removal = Removal(body)
    regions: list[tuple[int, int, bool]] = []
    removed: set[tuple[int, int]] = set()
    by_repo: dict[int, list[int]] = {}
    for repo_index, hook_index in sorted(targets):
        by_repo.setdefault(repo_index, []).append(hook_index)
    for repo_index, hooks in by_repo.items():
        repo_node = _item(repos_node, repo_index)
        hooks_node = _value(repo_node, "hooks")
        every = isinstance(hooks_node, yaml.SequenceNode) and len(hooks_node.value) == len(hooks)
        if every:
            region = _region(body, repos_node, repo_node, marked)
            if isinstance(region, tuple):
                regions.append((*region, repo_index == 0))
                removed.update((repo_index, h) for h in hooks)
            else:
                # Its hooks one by one would leave `hooks:` empty, which pre-commit refuses.
                removal.kept.update({(repo_index, h): region for h in hooks})
            continue
        for hook_index in hooks:
            region = _region(body, hooks_node, _item(hooks_node, hook_index), marked)
            if isinstance(region, tuple):
                regions.append((*region, hook_index == 0))
                removed.add((repo_index, hook_index))
            else:
                removal.kept[repo_index, hook_index] = region
    text = body
    for start, end in reversed(_tidy(body, regions)):
        text = text[:start] + text[end:]
    _verify(text, path, before, removed)
    removal.text = text
    return removal


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found: yaml.Node = value_node
                return found
    return None


def _item(node: yaml.Node | None, position: int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and position < len(node.value):
        item: yaml.Node = node.value[position]
        return item
    return None


def _marked_positions(text: str) -> list[int]:
    """Where an anchor or an alias is: the composed nodes of an alias point at its anchor."""
    return [
        index(event.start_mark)
        for event in yaml.parse(text, Loader=StrictLoader)
        if isinstance(event, yaml.AliasEvent)
        or (isinstance(event, yaml.NodeEvent) and event.anchor is not None)
    ]


def _region(
    text: str, sequence: yaml.Node | None, item: yaml.Node | None, marked: list[int]
) -> tuple[int, int] | str:
    """The text span of *item* of block *sequence*, or why it cannot be cut out."""
    if not isinstance(sequence, yaml.SequenceNode) or item is None:
        return _LAYOUT
    if sequence.flow_style:
        return _FLOW
    dash = item.start_mark.index - 1
    while dash >= 0 and text[dash] in " \t":
        dash -= 1
    start = line_start(text, dash) if dash >= 0 else 0
    if dash < 0 or text[dash] != "-" or text[start:dash].strip():
        return _LAYOUT
    last = content_end(item)
    if any(start <= at < last for at in marked):
        return _ANCHOR
    end = last if at_line_start(text, last) else rest_of_line(text, last)[1]
    end = len(text) if end is None else end
    dash_column = column(text, dash)
    # Comments indented under the entry belong to it; blank lines and shallower text do not.
    scan = end
    while scan < len(text):
        line, following = rest_of_line(text, scan)
        stripped = line.lstrip(" \t")
        if not stripped or not stripped.startswith("#") or len(line) - len(stripped) <= dash_column:
            break
        end = scan = len(text) if following is None else following
    return start, end


def _tidy(text: str, regions: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """Join regions only blank lines apart, then take blank lines so one blank line
    between entries stays one: the blank lines after a region when a blank line or
    its list's key (*first*) is before it, those before it when it ends the file."""
    merged: list[list[Any]] = []
    for start, end, first in sorted(regions):
        if merged and not text[merged[-1][1] : start].strip(" \t\r\n"):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, first])
    tidy = []
    for start, end, first in merged:
        if first or _blank_before(text, start):
            while end < len(text):
                line, following = rest_of_line(text, end)
                if line.strip(" \t") or following is None:
                    break
                end = following
        if end == len(text):
            while _blank_before(text, start):
                start = _previous_line(text, start) or 0
        tidy.append((start, end))
    return tidy


def _previous_line(text: str, start: int) -> int | None:
    """Where the line before the one starting at *start* starts (None on the first line)."""
    if start == 0:
        return None
    end = start - 2 if text.startswith("\r\n", start - 2) else start - 1
    return line_start(text, end)


def _blank_before(text: str, start: int) -> bool:
    """Whether the line before the one starting at *start* is blank."""
    previous = _previous_line(text, start)
    return previous is not None and not text[previous:start].strip()


def _without(before: Any, removed: set[tuple[int, int]]) -> Any:
    repos = []
    for repo_index, repo in enumerate(before.get("repos") or []):
        hooks = [h for i, h in enumerate(repo["hooks"]) if (repo_index, i) not in removed]
        if hooks:
            repos.append({**repo, "hooks": hooks})
    return {**before, "repos": repos}


def _verify(text: str, path: str, before: Any, removed: set[tuple[int, int]]) -> None:
    after = load(text, path).data
    expected = _without(before, removed)
    after_repos = (after or {}).get("repos") or []
    # repr, not ==: NaN never equals itself.
    if repr({**(after or {}), "repos": after_repos}) != repr(expected):
        msg = (
            f"removing superseded hooks from {path} went wrong; nothing was written. "
            "This is a bug in setsquare"
        )
        raise RuntimeError(msg)
