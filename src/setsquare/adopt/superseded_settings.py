"""Carry the settings of replaced black and isort hooks into Ruff's tables in pyproject.toml.

A black or isort hook is configured by its `args:` and by `[tool.black]`/`[tool.isort]`;
the hook's arguments win, as they do on black's and isort's command lines. Both are
read into one `[tool.black]`/`[tool.isort]` table and handed to `setsquare migrate`'s
own mappers (`migrate.tools.ruff`), so adopt and migrate write the same Ruff settings,
with the same rules for a table the user already has (never written into; a
different value is reported as a conflict).

What has no Ruff equivalent is named, never dropped silently. The arguments of the
other superseded hooks (pyupgrade's `--py39-plus`, flake8's plugins, mirrors-mypy's
`additional_dependencies`, ...) are not settings Ruff or the bundle's mypy reads from
the hook: `superseded_args.unmoved` says what became of each. The rules and the
target-version the Ruff plan gets for the replaced hooks are `superseded_ruff`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.items import Whitespace

from setsquare.adopt.pyproject_tables import parse
from setsquare.adopt.ruff_config import PYPROJECT, located, parse_toml
from setsquare.adopt.superseded_args import read_args, tool_of
from setsquare.adopt.superseded_ruff import (
    add_missing_rules,
    ruff_select,
    ruff_targets,
    with_rules,
)
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action
from setsquare.migrate.policy import lookup
from setsquare.migrate.tools import ruff
from setsquare.migrate.tools.plan import apply

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.ruff_config import RuffConfig
    from setsquare.adopt.superseded import Found
    from setsquare.migrate.ledger import Entry
    from setsquare.migrate.model import Table
    from setsquare.migrate.tools.plan import Outcome

__all__ = ["SettingsChange", "move_settings"]

_BLACK_DEFAULT_LENGTH = 88


@dataclass
class SettingsChange:
    text: str | None
    #: one line each: what was written where, conflicts, what was not carried
    lines: list[str] = field(default_factory=list)
    #: the Ruff file Ruff reads instead of pyproject.toml, changed (None when unchanged)
    ruff_text: str | None = None


def _merged(doc: Any, tool: str, from_args: dict[str, Any]) -> dict[str, Any]:
    configured = doc.get("tool", {}).get(tool)
    table = dict(configured.unwrap()) if configured is not None else {}
    for key, value in from_args.items():
        table.pop(key.replace("-", "_"), None)
        table.pop(key.replace("_", "-"), None)
        table[key] = value
    return table


def move_settings(
    text: str | None,
    path: str,
    replaced: Sequence[Found],
    *,
    flake8_ini: str | None = None,
    texts: Sequence[str] = (),
    ruff_toml: tuple[str, str] | None = None,
) -> SettingsChange:
    """*text* (pyproject.toml, or None when there is none) with Ruff's settings for the
    black and isort hooks in *replaced*; `text` is None in the result when nothing moved.

    *ruff_toml* is the (name, text) of the `ruff.toml` or `.ruff.toml` Ruff reads instead
    of pyproject.toml, when there is one: the settings go there (`ruff_text`). *flake8_ini*
    is `.flake8`, when there is one: while Ruff's config selects no rules, flake8's config
    becomes Ruff's select as `setsquare migrate` maps it (adopt would otherwise add a
    select migrate then finds in conflict with `.flake8`), its plugins found in *texts*
    (the config as it was, with flake8's `additional_dependencies`).
    """
    args: dict[str, dict[str, Any]] = {}
    change = SettingsChange(None)
    for found in replaced:
        tool = tool_of(found)
        if tool is None:
            continue
        table, unknown = read_args(tool, found)
        args.setdefault(tool, {}).update(table)
        change.lines.extend(
            f"{found.hook_id}: `{word}` not carried over (no Ruff setting reads it)"
            for word in unknown
        )
    if text is None and ruff_toml is None:
        if any(args.values()):
            change.lines.append(
                f"pyproject.toml: none, so {_show(args)} did not move to Ruff's settings "
                "(run `setsquare migrate` first to create it)"
            )
        return change
    doc = parse(text, path) if text is not None else tomlkit.document()
    config, target = PYPROJECT, doc
    if ruff_toml is not None:
        config = located(ruff_toml[0])
        target = parse_toml(ruff_toml[1], ruff_toml[0])
    configured = doc.get("tool", {})
    wanted = sorted(tool for tool in args if args[tool] or tool in configured)
    inis = {}
    if flake8_ini is not None and ruff_select(target, config) is None:
        inis[".flake8"] = parse_ini(flake8_ini, ".flake8")
    if wanted or inis:
        change.lines.extend(_moved(doc, target, config, args, wanted, inis, replaced, texts))
    change.lines.extend(add_missing_rules(target, config, replaced))
    if ruff_toml is not None:
        new_ruff = tomlkit.dumps(target)
        change.ruff_text = new_ruff if new_ruff != ruff_toml[1] else None
    elif text is not None:
        new_text = tomlkit.dumps(doc)
        change.text = new_text if new_text != text else None
    return change


def _moved(
    doc: Any,
    target: Any,
    config: RuffConfig,
    args: dict[str, dict[str, Any]],
    wanted: list[str],
    inis: dict[str, Any],
    replaced: Sequence[Found],
    texts: Sequence[str],
) -> list[str]:
    """Write the Ruff plan made from black's, isort's and flake8's settings into *target*
    (the file Ruff reads, *config*); what it says, one line each."""
    lines: list[str] = []
    synthetic = tomlkit.document()
    project = doc.get("project")
    if project is not None and "requires-python" in project:
        synthetic["project"] = {"requires-python": project["requires-python"]}
    tables = {tool: _merged(doc, tool, args.get(tool, {})) for tool in wanted}
    if (
        inis
        and "black" in args
        and not {"line-length", "line_length"} & tables.get("black", {}).keys()
    ):
        # black formatted at its default; flake8's max-line-length is only E501's limit.
        tables["black"] = {**tables.get("black", {}), "line-length": _BLACK_DEFAULT_LENGTH}
    synthetic["tool"] = tables
    plan = ruff.from_configs(inis, synthetic, texts)
    ruff_tables, added = with_rules(plan.tables, replaced)
    ruff_tables = ruff_targets(ruff_tables, lines, config)
    outcome = apply(target, ruff_tables) if config == PYPROJECT else _apply_in(target, ruff_tables)
    for entry in [*plan.entries, *outcome.entries]:
        if entry.source == ruff.ISORT_UNSELECTED:
            continue  # its I rules: `with_rules` and `add_missing_rules` say what matters
        lines.append(_line(entry, config))
    if added:
        lines.append(
            f"{config.path}: {config.name('lint')} select also has {', '.join(added)}: the "
            "rules that do the replaced hooks' jobs"
        )
    return [line for line in lines if line]


def _apply_in(ruff_doc: Any, tables: Sequence[Table]) -> Outcome:
    """`apply` of *tables* (planned for `[tool.ruff...]`) to a ruff.toml document.

    `apply` decides on a pyproject document where `[tool.ruff]` holds the ruff.toml's own
    settings, so a ruff.toml is held to exactly the rules pyproject.toml is (never written
    into a table it has); the tables it wrote are then copied to where ruff.toml has them.
    """
    shadow = tomlkit.document()
    settings = ruff_doc.unwrap()
    shadow["tool"] = {"ruff": settings} if settings else {}  # an empty file: no [tool.ruff]
    before = {table.name for table in tables if lookup(shadow, table.name) is not None}
    outcome = apply(shadow, tables)
    for table in tables:
        written = lookup(shadow, table.name)
        if table.name in before or written is None:
            continue
        local = table.name[len(PYPROJECT.prefix) :]
        node = ruff_doc
        for key in local[:-1]:
            if key not in node:
                node[key] = tomlkit.table(is_super_table=True)
            node = node[key]
        if local:
            # The blank line `apply` leaves after a table it adds to pyproject.toml: tomlkit
            # puts one before each table it adds here.
            body = written.value.body
            while body and isinstance(body[-1][1], Whitespace):
                body.pop()
            node[local[-1]] = written
        else:  # the top level of a ruff.toml that had no settings at all
            for key, value in written.items():
                if not isinstance(value, Mapping):
                    node[key] = value
    return outcome


def _line(entry: Entry, config: RuffConfig) -> str:
    """One ledger entry of the Ruff plan as adopt says it ("" when there is nothing to say)."""
    where = entry.source
    source = where.render()
    for tool in ("black", "isort"):
        if (where.path, where.line, where.section) == ("pyproject.toml", None, f"tool.{tool}"):
            source = f"{tool}'s `{where.key}`"
    if entry.action in (Action.KEPT, Action.DROPPED):
        return f"{source} not carried over ({config.said(entry.reason).split(';')[0]})"
    if entry.target and "already in pyproject.toml" not in entry.reason:
        return f"{config.path}: set {config.said(entry.target)} (from {source})"
    return ""


def _show(args: dict[str, dict[str, Any]]) -> str:
    return ", ".join(
        f"{tool}'s {key} = {value}" for tool in args for key, value in args[tool].items()
    )
