"""Tell pre-commit.ci to skip the bundle hooks that need the project's environment.

pre-commit.ci runs each hook in the environment pre-commit builds for it, without
the project installed and without network access while hooks run. The bundle's
`mypy` type-checks against the project's own environment (its `.venv`), which
pre-commit.ci does not have: there it would report every third-party import as
missing. So a repository on pre-commit.ci gets `ci: skip: [mypy]`, and mypy runs in
the lint workflow instead, after `uv sync` (`setsquare adopt` adds that workflow).

The `skip` is added to the `ci:` mapping as text, the rest of the file left byte
for byte: a new `skip:` key under `ci:`, an item appended to a flow (`[a, b]`) or
block list, or a new `ci:` mapping at the end of the file for a repository that uses
pre-commit.ci without one (its README links to results.pre-commit.ci). A layout that
cannot be extended as text (an alias, a `ci:` that is not a mapping) is reported and
left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.adopt.yaml_source import (
    BOM,
    at_line_start,
    column,
    compose,
    content_end,
    index,
    layout,
    load,
    newline,
    rest_of_line,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["NEEDS_PROJECT_ENV", "README_NAMES", "CiSkip", "add_skip", "on_precommit_ci"]

#: Bundle hooks that need the project's own environment (see the module docstring;
#: the manifest's `mypy` description says so too). The others bring what they need.
NEEDS_PROJECT_ENV = ("mypy",)
#: The READMEs `on_precommit_ci` looks in for pre-commit.ci's badge.
README_NAMES = ("README.md", "README.rst", "README.txt", "README")
#: What a README that shows pre-commit.ci's badge or links its results contains.
_BADGE = "results.pre-commit.ci"


@dataclass(frozen=True)
class CiSkip:
    text: str
    #: hook ids added to `ci: skip`
    added: tuple[str, ...] = ()
    #: why nothing could be added, when something should have been
    problem: str = ""


def on_precommit_ci(data: Any, readmes: Iterable[str]) -> bool:
    """Whether the repository uses pre-commit.ci: a `ci:` section, or its badge."""
    if isinstance(data, dict) and "ci" in data:
        return True
    return any(_BADGE in text for text in readmes)


def add_skip(text: str, path: str, hooks: Sequence[str]) -> CiSkip:
    """*text* with *hooks* in its `ci: skip` list (those not there already)."""
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    data = load(body, path).data
    ci = data.get("ci") if isinstance(data, dict) else None
    if ci is not None and not isinstance(ci, dict):
        return CiSkip(text, problem="`ci:` is not a mapping")
    skip = (ci or {}).get("skip")
    if skip is not None and not isinstance(skip, list):
        return CiSkip(text, problem="`ci: skip` is not a list")
    missing = tuple(hook for hook in hooks if hook not in (skip or []))
    if not missing:
        return CiSkip(text)
    nl = newline(body)
    new = _splice(body, missing, nl)
    if isinstance(new, _Refused):
        return CiSkip(text, problem=str(new))
    _verify(new, path, data, missing)
    return CiSkip(bom + new, missing)


class _Refused(str):
    """Why a layout cannot be extended as text."""


def _splice(body: str, missing: Sequence[str], nl: str) -> str | _Refused:
    root = compose(body)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return _Refused("the configuration is not a block mapping")
    if _has_aliases(body):
        return _Refused("the configuration uses anchors or aliases")
    ci = _pair(root, "ci")
    if ci is None:
        return _append_ci(body, root, missing, nl)
    value = ci[1]
    if isinstance(value, yaml.MappingNode) and value.flow_style:
        close = index(value.end_mark) - 1
        inner = body[index(value.start_mark) + 1 : close]
        sep = ", " if inner.strip() else ""
        return f"{body[:close].rstrip(' ')}{sep}skip: [{', '.join(missing)}]{body[close:]}"
    if not isinstance(value, yaml.MappingNode):
        return _Refused("`ci:` is empty")
    skip = _pair(value, "skip")
    if skip is None:
        indent = " " * column(body, index(value.value[0][0].start_mark))
        line = f"{indent}skip: [{', '.join(missing)}]{nl}"
        return _after_line(body, content_end(value), line, nl)
    items = skip[1]
    if not isinstance(items, yaml.SequenceNode):
        return _Refused("`ci: skip` is not a list")
    if items.flow_style:
        close = index(items.end_mark) - 1
        sep = ", " if items.value else ""
        return f"{body[:close].rstrip(' ')}{sep}{', '.join(missing)}{body[close:]}"
    first = items.value[0]
    dash = index(first.start_mark) - 1
    while body[dash] in " \t":
        dash -= 1
    pad = " " * column(body, dash)
    gap = " " * (index(first.start_mark) - dash - 1)
    lines = "".join(f"{pad}-{gap}{hook}{nl}" for hook in missing)
    return _after_line(body, content_end(items), lines, nl)


def _append_ci(body: str, root: yaml.MappingNode, missing: Sequence[str], nl: str) -> str:
    first_key = root.value[0][0] if root.value else None
    indent = " " * (column(body, index(first_key.start_mark)) if first_key is not None else 0)
    block = f"{indent}ci:{nl}{indent}  skip: [{', '.join(missing)}]{nl}"
    end = layout(body).document_end
    if end is not None:
        return body[:end] + block + body[end:]
    if body and not at_line_start(body, len(body)):
        body += nl
    return body + block


def _after_line(body: str, at: int, lines: str, nl: str) -> str:
    """*lines* inserted after the line *at* is on."""
    if at_line_start(body, at):
        return body[:at] + lines + body[at:]
    following = rest_of_line(body, at)[1]
    if following is None:
        return body + nl + lines
    return body[:following] + lines + body[following:]


def _pair(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _has_aliases(text: str) -> bool:
    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text))


def _verify(text: str, path: str, before: Any, missing: Sequence[str]) -> None:
    """The new text holds the old data with the hooks added to `ci: skip`, nothing else."""
    after = load(text, path).data
    ci = dict((before or {}).get("ci") or {})
    ci["skip"] = [*(ci.get("skip") or []), *missing]
    expected = {**(before or {}), "ci": ci}
    # repr, not ==: NaN never equals itself.
    if repr(after) != repr(expected):
        msg = f"adding `ci: skip` to {path} went wrong; nothing was written"
        raise RuntimeError(f"{msg}. This is a bug in setsquare")
