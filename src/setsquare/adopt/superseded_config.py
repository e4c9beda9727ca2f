"""What adopt does with the superseded hooks of one `.pre-commit-config.yaml`.

By default each hook `superseded.find` reports is removed (`superseded_edit`) and
the bundle hook that replaces it gets its `exclude:`/`files:`/`types:`, so the bundle
stays off the files the user kept that job off. With *replace* false they stay, and
`conflicts` names the pairs that would undo each other's work once the bundle's hook
runs beside them: never left silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.adopt import superseded, superseded_edit
from setsquare.adopt.yaml_source import BOM, load

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence

    from packaging.version import Version

    from setsquare.adopt.superseded import Found

__all__ = ["SupersededPlan", "conflicts", "plan"]

#: The keys that say which files a hook runs on: what "respect the repository" carries.
SCOPE_KEYS = ("files", "exclude", "types", "types_or", "exclude_types")


@dataclass
class SupersededPlan:
    text: str
    replaced: list[Found] = field(default_factory=list)
    #: superseded hooks left in place, with why and a `hint:`
    kept: list[tuple[Found, str]] = field(default_factory=list)
    #: bundle hook id -> the scope keys it takes over from the hooks it replaces
    hook_keys: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: scope keys that could not be carried, one line each
    uncarried: list[str] = field(default_factory=list)


def plan(
    text: str,
    path: str,
    *,
    pins: Mapping[str, Version],
    replace: bool,
    hold: Callable[[Found], str] = lambda _: "",
) -> SupersededPlan:
    """*text* with its superseded hooks removed (*replace*) or found and kept.

    *hold* says why a hook must stay even so, with a `hint:` ("" when it may go).
    """
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    data = load(body, path).data
    repos = data.get("repos") if isinstance(data, dict) else None
    found = superseded.find(repos, pins)
    result = SupersededPlan(text)
    if not replace:
        keep = "--keep-superseded; hint: run adopt without it to replace it"
        result.kept = [(hook, keep) for hook in found]
        return result
    held = {(hook.repo_index, hook.hook_index): hold(hook) for hook in found}
    removal = superseded_edit.remove_hooks(
        body, path, [where for where, reason in held.items() if not reason]
    )
    result.text = bom + removal.text
    for hook in found:
        where = (hook.repo_index, hook.hook_index)
        if held[where]:
            result.kept.append((hook, held[where]))
        elif where in removal.kept:
            why = f"it cannot be removed as text: {removal.kept[where]}; hint: remove it by hand"
            result.kept.append((hook, why))
        else:
            result.replaced.append(hook)
    result.hook_keys, result.uncarried = _carried(result.replaced)
    return result


def _carried(replaced: Sequence[Found]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The scope each bundle hook takes over: the union of the replaced hooks' excludes
    (it stays off every file one of them stayed off), and a `files`/`types` they share."""
    by_bundle: dict[str, list[Found]] = {}
    for hook in replaced:
        by_bundle.setdefault(hook.replacement.bundle_hook, []).append(hook)
    keys: dict[str, dict[str, Any]] = {}
    uncarried: list[str] = []
    for bundle_hook, hooks in by_bundle.items():
        carried: dict[str, Any] = {}
        excludes = list(
            dict.fromkeys(str(h.hook["exclude"]) for h in hooks if h.hook.get("exclude"))
        )
        if len(excludes) == 1:
            carried["exclude"] = excludes[0]
        elif excludes:
            carried["exclude"] = "|".join(f"(?:{pattern})" for pattern in excludes)
        for key in SCOPE_KEYS:
            if key == "exclude":
                continue
            values = {repr(h.hook.get(key)) for h in hooks}
            present = [h.hook[key] for h in hooks if key in h.hook]
            if not present:
                continue
            if len(values) == 1:
                carried[key] = present[0]
            else:
                names = ", ".join(h.hook_id for h in hooks)
                uncarried.append(
                    f"{bundle_hook}: the `{key}:` of {names} differ, so none is carried; "
                    f"hint: give the bundle's `{bundle_hook}` the `{key}:` it needs by hand"
                )
        if carried:
            keys[bundle_hook] = carried
    return keys, uncarried


def conflicts(kept: Sequence[tuple[Found, str]], running: Collection[str]) -> list[str]:
    """One line per kept hook that undoes the work of a bundle hook in *running*."""
    return [
        f"conflict: `{hook.hook_id}` ({hook.url}) and the bundle's "
        f"`{hook.replacement.bundle_hook}` undo each other: {hook.undoes}"
        for hook, _ in kept
        if hook.undoes and hook.replacement.bundle_hook in running
    ]
