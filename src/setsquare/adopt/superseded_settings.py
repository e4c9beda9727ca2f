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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import tomlkit

from setsquare.adopt.pyproject_tables import parse
from setsquare.adopt.superseded_args import read_args, tool_of
from setsquare.adopt.superseded_ruff import ruff_select, ruff_targets, rules_missing, with_rules
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action
from setsquare.migrate.tools import ruff
from setsquare.migrate.tools.plan import apply

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.superseded import Found
    from setsquare.migrate.ledger import Entry

__all__ = ["SettingsChange", "move_settings"]

_BLACK_DEFAULT_LENGTH = 88


@dataclass
class SettingsChange:
    text: str | None
    #: one line each: what was written where, conflicts, what was not carried
    lines: list[str] = field(default_factory=list)


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
) -> SettingsChange:
    """*text* (pyproject.toml, or None when there is none) with Ruff's settings for the
    black and isort hooks in *replaced*; `text` is None in the result when nothing moved.

    *flake8_ini* is `.flake8`, when there is one: while pyproject.toml selects no Ruff
    rules, flake8's config becomes Ruff's select as `setsquare migrate` maps it (adopt
    would otherwise add a select migrate then finds in conflict with `.flake8`), its
    plugins found in *texts* (the config as it was, with flake8's `additional_dependencies`).
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
    if text is None:
        if any(args.values()):
            change.lines.append(
                f"pyproject.toml: none, so {_show(args)} did not move to Ruff's settings "
                "(run `setsquare migrate` first to create it)"
            )
        return change
    doc = parse(text, path)
    configured = doc.get("tool", {})
    wanted = sorted(tool for tool in args if args[tool] or tool in configured)
    select = ruff_select(doc)
    inis = {}
    if flake8_ini is not None and select is None:
        inis[".flake8"] = parse_ini(flake8_ini, ".flake8")
    if not wanted and not inis:
        change.lines.extend(rules_missing(select, replaced))
        return change
    synthetic = tomlkit.document()
    project = doc.get("project")
    if project is not None and "requires-python" in project:
        synthetic["project"] = {"requires-python": project["requires-python"]}
    tables = {tool: _merged(doc, tool, args[tool]) for tool in wanted}
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
    ruff_tables = ruff_targets(ruff_tables, change.lines)
    outcome = apply(doc, ruff_tables)
    for entry in [*plan.entries, *outcome.entries]:
        if entry.source == ruff.ISORT_UNSELECTED:
            continue  # its I rules: `with_rules` and `rules_missing` say what matters
        change.lines.append(_line(entry, path))
    if added:
        change.lines.append(
            f"{path}: [tool.ruff.lint] select also has {', '.join(added)}: the rules that do "
            "the replaced hooks' jobs"
        )
    change.lines = [line for line in change.lines if line]
    change.lines.extend(rules_missing(ruff_select(doc), replaced))
    new_text = tomlkit.dumps(doc)
    change.text = new_text if new_text != text else None
    return change


def _line(entry: Entry, path: str) -> str:
    """One ledger entry of the Ruff plan as adopt says it ("" when there is nothing to say)."""
    where = entry.source
    source = where.render()
    for tool in ("black", "isort"):
        if (where.path, where.line, where.section) == ("pyproject.toml", None, f"tool.{tool}"):
            source = f"{tool}'s `{where.key}`"
    if entry.action in (Action.KEPT, Action.DROPPED):
        return f"{source} not carried over ({entry.reason.split(';')[0]})"
    if entry.target and "already in pyproject.toml" not in entry.reason:
        return f"{path}: set {entry.target} (from {source})"
    return ""


def _show(args: dict[str, dict[str, Any]]) -> str:
    return ", ".join(
        f"{tool}'s {key} = {value}" for tool in args for key, value in args[tool].items()
    )
