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
the hook: `unmoved` says what became of each.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import tomlkit

from setsquare.adopt.pyproject_tables import parse
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action
from setsquare.migrate.tools import ruff
from setsquare.migrate.tools.plan import apply

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.superseded import Found
    from setsquare.migrate.ledger import Entry
    from setsquare.migrate.tools.plan import TablePlan

__all__ = ["SettingsChange", "hook_settings", "move_settings", "unmoved"]

#: black's options that only change how black reports or checks itself, not the code
_BLACK_QUIET = frozenset({"--safe", "--quiet", "-q", "--verbose", "-v", "--fast"})
#: black option -> (its [tool.black] key, takes a value)
_BLACK = {
    "-l": ("line-length", True),
    "--line-length": ("line-length", True),
    "-t": ("target-version", True),
    "--target-version": ("target-version", True),
    "-S": ("skip-string-normalization", False),
    "--skip-string-normalization": ("skip-string-normalization", False),
    "-C": ("skip-magic-trailing-comma", False),
    "--skip-magic-trailing-comma": ("skip-magic-trailing-comma", False),
    "--preview": ("preview", False),
}
#: isort's pre-commit-only option: pre-commit passes the files, isort need not filter them
_ISORT_QUIET = frozenset({"--filter-files", "--quiet", "-q"})
_ISORT = {
    "--profile": ("profile", True),
    "-l": ("line_length", True),
    "--line-length": ("line_length", True),
    "-w": ("line_length", True),
    "--line-width": ("line_length", True),
    "--sl": ("force_single_line", False),
    "--force-single-line-imports": ("force_single_line", False),
    "-p": ("known_first_party", True),
    "--project": ("known_first_party", True),
    "-a": ("add_imports", True),
    "--add-import": ("add_imports", True),
}
_BLACK_DEFAULT_LENGTH = 88
#: Ruff's oldest `target-version` (black's is py33)
_RUFF_OLDEST = (3, 7)
_LISTS = frozenset({"target-version", "known_first_party", "add_imports"})


@dataclass
class SettingsChange:
    text: str | None
    #: one line each: what was written where, conflicts, what was not carried
    lines: list[str] = field(default_factory=list)


def _parse_args(
    args: Sequence[object], options: dict[str, tuple[str, bool]], quiet: frozenset[str]
) -> tuple[dict[str, Any], list[str]]:
    """A hook's `args:` as config keys, and the arguments that have no key."""
    table: dict[str, Any] = {}
    unknown: list[str] = []
    words = [str(arg) for arg in args]
    i = 0
    while i < len(words):
        word = words[i]
        name, eq, inline = word.partition("=")
        if name not in options and name[:2] in options and not name.startswith("--"):
            name, inline, eq = name[:2], name[2:], "="  # -l100
        if word in quiet:
            i += 1
            continue
        if name not in options:
            unknown.append(word)
            i += 1
            continue
        key, takes = options[name]
        value: Any = True
        if takes:
            if eq:
                value = inline
            elif i + 1 < len(words):
                i += 1
                value = words[i]
            else:
                unknown.append(word)
                break
        if key in _LISTS:
            table.setdefault(key, []).extend(
                value.split(",") if key == "target-version" else [value]
            )
        else:
            table[key] = int(value) if "length" in key and str(value).isdigit() else value
        i += 1
    return table, unknown


def _merged(doc: Any, tool: str, from_args: dict[str, Any]) -> dict[str, Any]:
    configured = doc.get("tool", {}).get(tool)
    table = dict(configured.unwrap()) if configured is not None else {}
    for key, value in from_args.items():
        table.pop(key.replace("-", "_"), None)
        table.pop(key.replace("_", "-"), None)
        table[key] = value
    return table


def hook_settings(found: Found) -> dict[str, Any]:
    """The settings a black or isort hook's `args:` give (empty for other hooks)."""
    tool = _tool_of(found)
    if tool is None:
        return {}
    options, quiet = (_BLACK, _BLACK_QUIET) if tool == "black" else (_ISORT, _ISORT_QUIET)
    return _parse_args(found.hook.get("args") or [], options, quiet)[0]


def _tool_of(found: Found) -> str | None:
    if found.hook_id in ("black", "black-jupyter"):
        return "black"
    return "isort" if found.hook_id == "isort" else None


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
        tool = _tool_of(found)
        if tool is None:
            continue
        options, quiet = (_BLACK, _BLACK_QUIET) if tool == "black" else (_ISORT, _ISORT_QUIET)
        table, unknown = _parse_args(found.hook.get("args") or [], options, quiet)
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
    select = _select(doc)
    inis = {}
    if flake8_ini is not None and select is None:
        inis[".flake8"] = parse_ini(flake8_ini, ".flake8")
    if not wanted and not inis:
        change.lines.extend(_rules_missing(select, replaced))
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
    plan = ruff.migrate(inis, synthetic, texts)
    plans, added = _with_rules(plan.plans, replaced)
    plans = _ruff_targets(plans, change.lines)
    outcome = apply(doc, plans)
    for entry in [*plan.entries, *outcome.entries]:
        if entry.source.startswith("[tool.ruff.lint] select"):
            continue  # its I rules: `_with_rules` and `_rules_missing` say what matters
        change.lines.append(_line(entry, path))
    if added:
        change.lines.append(
            f"{path}: [tool.ruff.lint] select also has {', '.join(added)}: the rules that do "
            "the replaced hooks' jobs"
        )
    change.lines = [line for line in change.lines if line]
    change.lines.extend(_rules_missing(_select(doc), replaced))
    new_text = tomlkit.dumps(doc)
    change.text = new_text if new_text != text else None
    return change


def _line(entry: Entry, path: str) -> str:
    """One ledger entry of the Ruff plan as adopt says it ("" when there is nothing to say)."""
    source = entry.source
    for tool in ("black", "isort"):
        if source.startswith(f"pyproject.toml [tool.{tool}]"):
            source = f"{tool}'s `{source.rpartition(']')[2].strip()}`"
    if entry.action in (Action.KEPT, Action.DROPPED):
        return f"{source} not carried over ({entry.reason.split(';')[0]})"
    if entry.target and "already in pyproject.toml" not in entry.reason:
        return f"{path}: set {entry.target} (from {source})"
    return ""


def _select(doc: Any) -> list[str] | None:
    """The Ruff rules pyproject.toml selects (with extend-select); None when it selects none."""
    ruff_table = doc.get("tool", {}).get("ruff", {})
    found = None
    for table in (ruff_table, ruff_table.get("lint", {})):
        if "select" in table:
            found = [str(code) for code in table["select"]]
    if found is None:
        return None
    for table in (ruff_table, ruff_table.get("lint", {})):
        found += [str(code) for code in table.get("extend-select", [])]
    return found


def _covered(rule: str, select: Sequence[str]) -> bool:
    return any(code == "ALL" or rule.startswith(code) for code in select)


def _with_rules(
    plans: list[TablePlan], replaced: Sequence[Found]
) -> tuple[list[TablePlan], list[str]]:
    """*plans* with a planned select extended by the rules the replaced hooks' jobs need."""
    needed = list(dict.fromkeys(rule for found in replaced for rule in found.replacement.rules))
    result, added = [], []
    for plan in plans:
        if plan.path == ("tool", "ruff", "lint"):
            settings = []
            for setting in plan.settings:
                if setting.key == "select":
                    added = [rule for rule in needed if not _covered(rule, setting.value)]
                    setting = replace(setting, value=[*setting.value, *added])
                settings.append(setting)
            plan = replace(plan, settings=tuple(settings))
        result.append(plan)
    return result, added


def _ruff_targets(plans: list[TablePlan], lines: list[str]) -> list[TablePlan]:
    """*plans* with a target-version older than Ruff's oldest raised to it: Ruff refuses to
    read a pyproject.toml with `py36` (black's oldest), which stops every Ruff hook."""
    result = []
    for plan in plans:
        settings = []
        for setting in plan.settings:
            value = str(setting.value)
            if setting.key == "target-version" and _version_key(value) < _RUFF_OLDEST:
                oldest = f"py{_RUFF_OLDEST[0]}{_RUFF_OLDEST[1]}"
                lines.append(
                    f"black's target {value} is older than Ruff's oldest: "
                    f'[tool.ruff] target-version = "{oldest}"'
                )
                settings.append(replace(setting, value=oldest))
            else:
                settings.append(setting)
        result.append(replace(plan, settings=tuple(settings)))
    return result


def _version_key(target: str) -> tuple[int, int]:
    digits = target.removeprefix("py")
    if not digits.isdigit() or len(digits) < 2:
        return _RUFF_OLDEST
    return int(digits[0]), int(digits[1:])


def _rules_missing(select: list[str] | None, replaced: Sequence[Found]) -> list[str]:
    """A line for each replaced hook whose job the project's own Ruff select leaves undone."""
    if select is None:
        return []  # adopt adds its own select, which has every rule the table names
    lines = []
    for found in replaced:
        missing = [rule for rule in found.replacement.rules if not _covered(rule, select)]
        if missing:
            codes = ", ".join(f'"{rule}"' for rule in missing)
            lines.append(
                f"{found.hook_id}: Ruff's select has no {codes}, so nothing does its job now; "
                f"hint: add {codes} to [tool.ruff.lint] select"
            )
    return lines


def _show(args: dict[str, dict[str, Any]]) -> str:
    return ", ".join(
        f"{tool}'s {key} = {value}" for tool in args for key, value in args[tool].items()
    )


def unmoved(found: Found) -> list[str]:
    """What of a replaced hook other than black/isort is not carried, one line each."""
    lines: list[str] = []
    hook = found.hook
    if found.hook_id in ("black", "black-jupyter", "isort"):
        return lines
    agreeing = [found.replacement.agrees_with]
    if hook.get("args") and [str(arg) for arg in hook["args"]] != agreeing:
        words = " ".join(str(arg) for arg in hook["args"])
        lines.append(f"{found.hook_id}: `args: {words}` not carried over")
    if hook.get("entry"):
        lines.append(f"{found.hook_id}: `entry: {hook['entry']}` not carried over")
    deps = hook.get("additional_dependencies")
    if deps:
        listed = ", ".join(str(dep) for dep in deps)
        where = (
            "the bundle's mypy uses the project's environment: install them there"
            if found.replacement.bundle_hook == "mypy"
            else "Ruff has the rules of the plugins it ports, selected from flake8's config"
            if found.hook_id == "flake8"
            else "the bundle's hook does not use them"
        )
        lines.append(f"{found.hook_id}: additional_dependencies ({listed}) not carried ({where})")
    return lines
