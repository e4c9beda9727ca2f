"""The Ruff rules one ``[flake8]`` section selects and ignores, overall and per file.

flake8's selection becomes an explicit ``select`` (every plugin in use, as flake8 selects
them by default), ``ignore``/``extend-ignore`` one ``ignore``, narrowed where a Ruff
selector is wider than the flake8 code; what flake8's default ignore list did is noted.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.model import Field, Item, Table, fact_of, items
from setsquare.migrate.tools import ruff_rules, values
from setsquare.migrate.tools.flake8 import plugins
from setsquare.migrate.tools.flake8.codes import (
    DEFAULT_IGNORE,
    Codes,
    Section,
    files_to_codes,
    narrow_ignore,
    to_ruff,
    translate_option,
)
from setsquare.migrate.tools.flake8.codes import codes as option_codes

if TYPE_CHECKING:
    from setsquare.migrate.tools.plan import ToolPlan


def default_ignore_notes(section: Section) -> tuple[str, str]:
    """What flake8's default ignore list did here: (the codes it ran anyway, the ones it hid)."""
    stable = [c for c in DEFAULT_IGNORE if ruff_rules.known(c) and not ruff_rules.preview_only(c)]
    # Ruff's pinned rules have none of them outside preview (a test guards this), so the
    # codes flake8 ran are lost and the ones it kept off need no Ruff ignore.
    codes = [code for code in DEFAULT_IGNORE if code not in stable]
    # A code selected by its full name is already reported as one Ruff lacks.
    named = {
        *option_codes(section.get("select")),
        *option_codes(section.get("extend-select")),
    }
    ran = [code for code in codes if section.reports(code) and code not in named]
    kept_off = [
        code
        for code in codes
        if not section.reports(code) and section.reports(code, default_ignore=())
    ]
    ran_note = kept_note = ""
    if ran:
        cause = (
            "`ignore` replaces flake8's default ignore list"
            if section.get("ignore") is not None
            else "chosen by `select`/`extend-select`, which beats flake8's default ignore list"
        )
        ran_note = (
            f"flake8 also reported {', '.join(ran)} ({cause}); Ruff has no stable rule for"
            " them: not carried"
        )
    if kept_off:
        kept_note = (
            f"flake8's default ignore list kept {', '.join(kept_off)} off; Ruff has no stable"
            " rule for them either: nothing to ignore"
        )
    return ran_note, kept_note


def select(section: Section, plan: ToolPlan, complexity: bool) -> Field:
    source, found = section.source, section.found
    codes = Codes()
    explicit = section.get("select")
    if explicit is not None:
        translate_option(explicit, found, codes)
    else:
        for plugin in plugins.PLUGINS:
            # mccabe is installed with flake8 but silent until max-complexity is set.
            silent = plugin.name == "mccabe" and not complexity
            if plugin.name in found and plugin.whole and not silent:
                codes.add(plugin.whole)
    for key in ("extend-select", "enable-extensions"):
        translate_option(section.get(key), found, codes)
    for key in ("extend-select", "enable-extensions"):
        extra = section.get(key)
        if extra is not None:
            reason = "merged into the explicit selection"
            plan.entries.append(
                Entry(source.where(extra), Action.TRANSFORMED, "[tool.ruff.lint] select", reason)
            )
    if "flake8-tidy-imports" in found and section.get("ban-relative-imports") and not explicit:
        codes.add(["TID252"])
    kept: list[str] = []
    for selector in codes.items:
        if selector.startswith("C9") and not complexity:
            plan.entries.append(
                Entry(
                    source.whole(),
                    Action.DROPPED,
                    "",
                    f"{selector}: mccabe reports nothing without max-complexity (Ruff would"
                    " check at 10)",
                )
            )
        elif ruff_rules.preview_only(selector):
            plan.entries.append(
                Entry(
                    source.whole(),
                    Action.DROPPED,
                    "",
                    f"{selector}: preview-only in Ruff, selecting it has no effect",
                )
            )
        else:
            kept.append(selector)
    comments = {
        kept.index(codes.items[i]): text
        for i, text in codes.comments.items()
        if codes.items[i] in kept
    }
    reasons = [*codes.dropped]
    used = sorted(f"{name} ({section.why[name]})" for name in found if name not in plugins.CORE)
    reasons.insert(0, "plugins in use: " + (", ".join(used) if used else "none found"))
    reasons.extend(
        plugins.BY_NAME[name].note for name in sorted(found) if plugins.BY_NAME[name].note
    )
    if explicit is None:
        reasons.insert(0, "flake8 selects every installed plugin by default: made explicit")
    if section.get("ignore") is None and section.get("extend-ignore") is None:
        ran, _ = default_ignore_notes(section)
        if ran:
            reasons.append(ran)
    if explicit is not None:
        return source.field(
            explicit,
            "select",
            kept,
            action=Action.TRANSFORMED,
            reason="; ".join(reasons),
            element_comments=comments,
        )
    return values.tool_field(
        "select",
        kept,
        source.whole(),
        source.origin,
        Action.TRANSFORMED,
        "; ".join(reasons),
        element_comments=comments,
    )


def ignore(section: Section, plan: ToolPlan) -> Field | None:
    codes = Codes()
    options = [section.get("ignore"), section.get("extend-ignore")]
    for option in options:
        translate_option(option, section.found, codes, partial(narrow_ignore, section, ()))
    present = [option for option in options if option is not None]
    if not present:
        return None
    reasons = list(dict.fromkeys(codes.dropped))
    reasons.extend(note for note in default_ignore_notes(section) if note)
    first = present[0]
    for later in present[1:]:
        reason = "merged with `ignore`: with an explicit select, extend-ignore is ignore"
        plan.entries.append(
            Entry(
                section.source.where(later), Action.TRANSFORMED, "[tool.ruff.lint] ignore", reason
            )
        )
    if not codes.items:
        for option in present:
            reason = "; ".join(reasons) or "nothing left to ignore"
            plan.entries.append(Entry(section.source.where(option), Action.DROPPED, "", reason))
        return None
    return section.source.field(
        first,
        "ignore",
        codes.items,
        action=Action.TRANSFORMED if reasons or len(present) > 1 else Action.MAPPED,
        reason="; ".join(reasons),
        element_comments=codes.comments,
    )


def per_file_ignores(section: Section, plan: ToolPlan) -> Table | None:
    option = section.get("per-file-ignores")
    if option is None:
        return None
    source = section.source
    fields: list[Field] = []
    for files, codes, comments in files_to_codes(option, source.ini.path):
        translated = Codes()
        reasons: list[str] = []
        for code in codes:
            ruff, reason = to_ruff(code, section.found)
            if reason:
                reasons.append(reason)
            ruff, narrowed = narrow_ignore(section, codes, code, ruff)
            reasons.extend(narrowed)
            translated.add(ruff)
        reasons = list(dict.fromkeys(reasons))
        if not translated.items:
            reason = "; ".join(reasons) + "; nothing left to ignore for " + ", ".join(files)
            plan.entries.append(Entry(source.where(option), Action.DROPPED, "", reason))
            continue
        for pattern in files:
            fields.append(
                values.tool_field(
                    pattern,
                    translated.items,
                    source.where(option),
                    source.origin,
                    Action.TRANSFORMED if reasons else Action.MAPPED,
                    "; ".join(reasons),
                    comments=comments if pattern == files[0] else (),
                )
            )
    if not fields:  # every group dropped: an empty table would say nothing
        return None
    return Table(("tool", "ruff", "lint", "per-file-ignores"), fields, option.comments)


#: pydocstyle pairs that contradict each other; with no convention Ruff warns on every run
#: and drops the first of each, so the migration says so once, in the config.
_DOCSTRING_PAIRS = ("D203", "D213")


def settle_docstring_pairs(
    select: Field, ignore: Field | None, source: values.Source
) -> Field | None:
    """Ignore D203 and D213 when every D rule is selected without a convention."""
    selectors = _codes(select)
    selected = [code for code in _DOCSTRING_PAIRS if any(code.startswith(s) for s in selectors)]
    ignored = [] if ignore is None else _codes(ignore)
    missing = [code for code in selected if not any(code.startswith(i) for i in ignored)]
    if not missing:
        return ignore
    reason = (
        "D203/D211 and D212/D213 contradict each other; Ruff keeps D211 and D212"
        " (no docstring convention was set)"
    )
    if ignore is None:
        return values.tool_field(
            "ignore", missing, source.whole(), source.origin, Action.TRANSFORMED, reason
        )
    fact = fact_of(ignore)
    note = f"{fact.reason}; {reason}" if fact.reason else reason
    value = [*_items(ignore), *items(missing)]
    return replace(ignore, value=value, fact=replace(fact, action=Action.TRANSFORMED, reason=note))


def _items(entry: Field) -> list[Item]:
    if not isinstance(entry.value, list):
        msg = f"`{entry.key}` is a list of codes"
        raise TypeError(msg)
    return entry.value


def _codes(entry: Field) -> list[str]:
    return [str(item.value) for item in _items(entry)]
