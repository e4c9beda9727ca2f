"""Carry a replaced hook's scope onto a bundle entry that is already in the config.

When adopt adds the bundle, the hooks that replace black or isort get those hooks'
``exclude:`` (and a shared ``files:``/``types:``) in the entry it writes. When the
bundle is already there (added by hand, or by an adopt run with ``--keep-superseded``),
removing black must not widen what the bundle's ``ruff-format`` touches either: the key
is added, as one line, to that hook's own mapping in the existing entry. Everything
else in the file stays byte for byte.

Not edited behind the user's back, and named with a `hint:` instead: a bundle hook whose
mapping already sets the key to something else, a hook written in flow style
(``{id: ruff-format}``), and a bundle entry that does not run the hook at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.adopt.config_splice import _value
from setsquare.adopt.precommit_config import is_bundle_entry
from setsquare.adopt.yaml_source import (
    BOM,
    column,
    compose,
    content_end,
    index,
    load,
    newline,
    rest_of_line,
)

if TYPE_CHECKING:
    from collections.abc import Mapping


@dataclass
class Carried:
    text: str
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _hook_nodes(body: str, path: str) -> dict[str, yaml.MappingNode]:
    """The bundle entry's hook mappings by id, in the composed config."""
    data = load(body, path).data
    root = compose(body)
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return {}
    repos = next((v for k, v in root.value if getattr(k, "value", None) == "repos"), None)
    if not isinstance(repos, yaml.SequenceNode):
        return {}
    for repo, node in zip(data.get("repos") or [], repos.value, strict=False):
        if not isinstance(repo, dict) or not is_bundle_entry(repo):
            continue
        if not isinstance(node, yaml.MappingNode):
            return {}
        hooks = next((v for k, v in node.value if getattr(k, "value", None) == "hooks"), None)
        found: dict[str, yaml.MappingNode] = {}
        for hook in hooks.value if isinstance(hooks, yaml.SequenceNode) else []:
            if isinstance(hook, yaml.MappingNode):
                ids = [v.value for k, v in hook.value if getattr(k, "value", None) == "id"]
                if ids:
                    found.setdefault(str(ids[0]), hook)
        return found
    return {}


def carry(text: str, path: str, hook_keys: Mapping[str, Mapping[str, Any]]) -> Carried:
    """*text* with *hook_keys* added to the present bundle entry's hooks (see module)."""
    result = Carried(text)
    if not hook_keys:
        return result
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    nodes = _hook_nodes(body, path)
    nl = newline(body)
    inserts: list[tuple[int, str]] = []
    for hook_id, keys in hook_keys.items():
        node = nodes.get(hook_id)
        if node is None:
            shown = ", ".join(f"`{key}: {value}`" for key, value in keys.items())
            result.notes.append(
                f"{path}: the bundle entry does not run `{hook_id}`, so {shown} of the hook it "
                f"replaced is not carried; hint: add it when you add `{hook_id}`"
            )
            continue
        present = {getattr(k, "value", None): v for k, v in node.value}
        if node.flow_style:
            result.notes.append(
                f"{path}: the bundle's `{hook_id}` is written in flow style, so adopt did not "
                f"edit it; hint: give it {_shown(keys)} by hand"
            )
            continue
        lines = []
        for key, value in keys.items():
            if key in present:
                theirs = yaml.safe_load(yaml.serialize(present[key]))
                if theirs != value:
                    result.notes.append(
                        f"{path}: the bundle's `{hook_id}` keeps its own `{key}:`; the hook it "
                        f"replaced had `{key}: {_value(value)}`; hint: merge the two by hand"
                    )
                continue
            indent = " " * column(body, index(node.start_mark))
            lines.append(f"{indent}{key}: {_value(value)}{nl}")
        if lines:
            _, next_line = rest_of_line(body, content_end(node))
            at = len(body) if next_line is None else next_line
            prefix = "" if next_line is not None or body.endswith(("\n", "\r")) else nl
            inserts.append((at, prefix + "".join(lines)))
            added = {k: v for k, v in keys.items() if k not in present}
            result.actions.append(f"{path}: the bundle's `{hook_id}` keeps {_shown(added)}")
    for at, lines_text in sorted(inserts, reverse=True):
        body = body[:at] + lines_text + body[at:]
    if inserts:
        _verify(text.removeprefix(BOM), body, path, hook_keys)
    result.text = bom + body
    return result


def _shown(keys: Mapping[str, Any]) -> str:
    return ", ".join(f"`{key}: {_value(value)}`" for key, value in keys.items())


def _verify(before: str, after: str, path: str, hook_keys: Mapping[str, Mapping[str, Any]]) -> None:
    """adopt's own edit, checked: the same config plus exactly the carried keys."""
    old, new = load(before, path).data, load(after, path).data
    for repo in old.get("repos") or []:
        if isinstance(repo, dict) and is_bundle_entry(repo):
            for hook in repo.get("hooks") or []:
                if isinstance(hook, dict):
                    for key, value in hook_keys.get(str(hook.get("id")), {}).items():
                        hook.setdefault(key, value)
    if repr(old) != repr(new):
        msg = f"carrying hook keys into {path} went wrong; nothing was written. This is a bug"
        raise RuntimeError(msg)
