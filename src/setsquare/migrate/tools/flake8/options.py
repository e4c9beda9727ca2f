"""flake8 plugins' own options into Ruff's per-plugin tables (mccabe, pydocstyle, ...).

``max-complexity`` becomes ``[tool.ruff.lint.mccabe]``, ``docstring-convention``
``[tool.ruff.lint.pydocstyle]``, flake8-quotes' and pep8-naming's options their Ruff
namesakes; flake8-docstrings' implicit pep257 convention is written out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.model import Field, Table
from setsquare.migrate.tools import values
from setsquare.migrate.tools.flake8.codes import Section, option_key

if TYPE_CHECKING:
    from setsquare.migrate.ini import IniOption
    from setsquare.migrate.tools.plan import ToolPlan

_QUOTES = {"'": "single", '"': "double", "'''": "single", '"""': "double"}


def quote(option: IniOption, path: str) -> str:
    text = option.value.strip()
    style = _QUOTES.get(text) or (text if text in ("single", "double") else None)
    if style is None:
        raise InputError(
            path,
            f"`{option.key}` must be ' or \" (or single/double), not {text!r}",
            line=option.line,
            hint="flake8-quotes refuses this value too",
        )
    return style


def plugin_options(section: Section, plan: ToolPlan, handled: set[str]) -> list[Table]:
    source, path = section.source, section.source.ini.path
    tables: dict[str, list[Field]] = {}

    def put(table: str, option: IniOption, key: str, value: object, reason: str = "") -> None:
        action = Action.TRANSFORMED if reason else Action.MAPPED
        tables.setdefault(table, []).append(
            source.field(option, key, value, action=action, reason=reason)
        )
        handled.add(option_key(option))

    for name, option in section.options.items():
        if name == "max-complexity":
            put("mccabe", option, "max-complexity", values.number(option, path))
        elif name == "max-doc-length":
            put("pycodestyle", option, "max-doc-length", values.number(option, path))
        elif name == "docstring-convention":
            convention = option.value.strip()
            if convention in ("pep257", "numpy", "google"):
                put("pydocstyle", option, "convention", convention)
            else:
                handled.add(name)
                reason = (
                    "Ruff checks every D rule when no convention is set"
                    if convention == "all"
                    else f"Ruff has no docstring convention {convention!r}"
                )
                action = Action.TRANSFORMED if convention == "all" else Action.DROPPED
                plan.entries.append(Entry(source.where(option), action, "", reason))
        elif name in ("inline-quotes", "multiline-quotes", "docstring-quotes"):
            put("flake8-quotes", option, name, quote(option, path))
        elif name == "avoid-escape":
            put("flake8-quotes", option, name, values.boolean(option, path))
        elif name == "ban-relative-imports":
            text = option.value.strip().lower()
            ban = "parents" if text == "parents" else "all"
            put("flake8-tidy-imports", option, name, ban, "`true` bans all relative imports")
        elif name in ("ignore-names", "classmethod-decorators", "staticmethod-decorators"):
            put("pep8-naming", option, name, values.commas_or_space(option.value))
        elif name == "application-import-names":
            put(
                "isort",
                option,
                "known-first-party",
                values.commas_or_space(option.value),
                "flake8-import-order's application names are isort's first party",
            )
    if "flake8-docstrings" in section.found and section.get("docstring-convention") is None:
        reason = "flake8-docstrings checks the pep257 convention unless told otherwise"
        default = values.tool_field(
            "convention", "pep257", source.whole(), source.origin, Action.TRANSFORMED, reason
        )
        tables.setdefault("pydocstyle", []).append(default)
    return [Table(("tool", "ruff", "lint", table), fields) for table, fields in tables.items()]
