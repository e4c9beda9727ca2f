"""Check a parsed `.pre-commit-config.yaml` against pre-commit's schema, naming the line.

When pre-commit is importable (it is a test dependency of setsquare, and usually
installed beside it), its own schema (`pre_commit.clientlib`, checked with cfgv)
decides, so adopt refuses exactly what `pre-commit` would. Without it, a structural
check stands in: a `repos` list of mappings, each with a `repo`, and `rev` and a
`hooks` list of mappings with an `id` unless the repo is `local` or `meta`.

The schema is applied a repo and a hook at a time, so an error can name the line
of the entry (and of the key) it is about; cfgv's own breadcrumbs carry no lines.
`minimum_pre_commit_version` is not compared with the pre-commit importable here:
the one that runs the hooks may be another.
"""

from __future__ import annotations

import importlib
import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: (keys from the checked value down to the problem, what is wrong)
Problem = tuple[list[str], str]
_SPECIAL_REPOS = {"local": "local", "meta": "meta"}


def check_schema(data: dict[str, Any], root: yaml.Node | None, path: str) -> None:
    """Raise `InputError` if pre-commit would refuse *data*.

    A missing or null `repos` passes (adopt is about to add the list); the caller
    has checked that *data* is a mapping and `repos`, if set, a list.
    """
    found = _first_problem(data, root, _schema_check() or _structural_check)
    if found is None:
        return
    node, where, (keys, message) = found
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        key_node, value_node = _child(node, key)
        if key_node is None:
            break
        line, node = key_node.start_mark.line + 1, value_node
    where += [f"key `{'.'.join(keys)}`"] if keys else []
    message = message[:1].lower() + message[1:]
    raise InputError(
        path,
        f"not a valid pre-commit configuration: {', '.join(where)}: {message}"
        if where
        else f"not a valid pre-commit configuration: {message}",
        line=line,
        hint="pre-commit would refuse it too; fix it (`pre-commit validate-config` shows "
        "the details), then run adopt again",
    )


def _first_problem(
    data: dict[str, Any], root: yaml.Node | None, check: Callable[[str, object], Problem | None]
) -> tuple[yaml.Node | None, list[str], Problem] | None:
    # Which pre-commit runs the hooks is not known here: its version check is its own.
    top = {k: v for k, v in data.items() if k != "minimum_pre_commit_version"}
    if problem := check("config", {**top, "repos": []}):
        return root, [], problem
    repos_node = _child(root, "repos")[1]
    for i, repo in enumerate(data.get("repos") or []):
        node = _item(repos_node, i)
        shallow = repo
        if isinstance(repo, dict) and isinstance(repo.get("hooks"), list):
            shallow = {**repo, "hooks": []}
        if problem := check("repo", shallow):
            name = repo.get("repo") if isinstance(repo, dict) else None
            return node, [f"repo {name!r}" if name is not None else f"repo #{i + 1}"], problem
        hooks_node = _child(node, "hooks")[1]
        kind = _SPECIAL_REPOS.get(repo["repo"], "hook")
        for j, hook in enumerate(repo["hooks"]):
            if problem := check(kind, hook):
                name = hook.get("id") if isinstance(hook, dict) else None
                where = [f"repo {repo['repo']!r}", f"hook {name!r}" if name else f"hook #{j + 1}"]
                return _item(hooks_node, j), where, problem
    return None


def _schema_check() -> Callable[[str, object], Problem | None] | None:
    try:
        clientlib = importlib.import_module("pre_commit.clientlib")
        cfgv = importlib.import_module("cfgv")
    except ImportError:
        return None
    schemas = {
        "config": clientlib.CONFIG_SCHEMA,
        "repo": clientlib.CONFIG_REPO_DICT,
        "hook": clientlib.CONFIG_HOOK_DICT,
        "local": clientlib.LOCAL_HOOK_DICT,
        "meta": clientlib.META_HOOK_DICT,
    }

    def check(kind: str, value: object) -> Problem | None:
        try:
            with _quiet():
                cfgv.validate(value, schemas[kind])
        except cfgv.ValidationError as error:
            return _unwind(error)
        return None

    return check


def _unwind(error: Any) -> Problem:
    """cfgv nests an error per level; keep the keys and the innermost message."""
    keys = []
    while error.ctx is not None:
        if error.ctx.startswith("At key: "):
            keys.append(error.ctx.removeprefix("At key: "))
        error = error.error_msg
    return keys, str(error.error_msg)


@contextmanager
def _quiet() -> Iterator[None]:
    # pre-commit's schema logs warnings (a mutable `rev`, an unknown key) as it checks;
    # they are about the user's config, not about what adopt does, and not adopt's to print.
    logger = logging.getLogger("pre_commit")
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


def _structural_check(kind: str, value: object) -> Problem | None:
    if kind == "config":
        return None  # the caller has checked the top level is a mapping with a list
    name = "Repository" if kind == "repo" else "Hook"
    if not isinstance(value, dict):
        return [], f"Expected a {name} map but got a {type(value).__name__}"
    required = ["id"]
    if kind == "repo":
        required = ["repo"] if value.get("repo") in _SPECIAL_REPOS else ["repo", "rev"]
    for key in required:
        if key not in value:
            return [], f"Missing required key: {key}"
        if not isinstance(value[key], str):
            return [key], f"Expected string got {type(value[key]).__name__}"
    if kind == "repo":
        if "hooks" not in value:
            return [], "Missing required key: hooks"
        if not isinstance(value["hooks"], list):
            return ["hooks"], f"Expected array got {type(value['hooks']).__name__}"
    return None


def _child(node: yaml.Node | None, key: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None, None


def _item(node: yaml.Node | None, i: int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and i < len(node.value):
        item: yaml.Node = node.value[i]
        return item
    return node
