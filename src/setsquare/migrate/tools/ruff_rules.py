"""The rule codes of the Ruff setsquare pins: a migration never writes a selector Ruff refuses."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ALPHA = re.compile(r"[A-Z]+")
#: linter prefixes Ruff accepts on their own besides every code's letters (`ruff linter`)
_LINTER_PREFIXES = frozenset({"PL"})


@cache
def rules() -> dict[str, bool]:
    """Rule code -> True when the rule only runs with preview enabled."""
    # Beside this module in every install setsquare supports (wheel or editable); read as a
    # plain file, importlib.resources alone costs a plain migrate about 8 ms to import.
    text = Path(__file__).with_name("ruff_rules.txt").read_text(encoding="utf-8")
    table: dict[str, bool] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, flag = line.partition(" ")
            table[code] = flag == "preview"
    return table


def _letters(code: str) -> str:
    match = _ALPHA.match(code)
    return match.group() if match else ""


@cache
def _by_initial() -> dict[str, list[str]]:
    """The rule codes by their first letter, in table order: a selector is looked up
    among the few dozen codes that can start with it, not all nine hundred."""
    table: dict[str, list[str]] = {}
    for code in rules():
        table.setdefault(code[:1], []).append(code)
    return table


def matching(selector: str) -> list[str]:
    """The codes *selector* turns on in Ruff; empty when Ruff would refuse the selector."""
    candidates = _by_initial().get(selector[:1], []) if selector else rules()
    codes = [code for code in candidates if code.startswith(selector)]
    letters = _letters(selector)
    if selector in _LINTER_PREFIXES or letters != selector:
        return codes
    # A bare-letter selector must be a whole linter prefix: `TID` is, `TI` is not.
    return [code for code in codes if _letters(code) == letters]


def known(selector: str) -> bool:
    return bool(matching(selector))


def preview_only(selector: str) -> bool:
    """True when every rule *selector* names runs only in preview (selecting it has no effect)."""
    codes = matching(selector)
    return bool(codes) and all(rules()[code] for code in codes)
