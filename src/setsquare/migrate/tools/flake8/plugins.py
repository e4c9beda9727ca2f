"""flake8 plugins and the Ruff rules that port them (the map in research/migration.md A.7).

A flake8 code means nothing without the plugin that reports it, and several plugins share
letters (`I` is flake8-isort, flake8-import-order and flake8-tidy-imports; `T100` is both
flake8-debugger and flake8-fixme; `B902` is bugbear's and flake8-blind-except's). So codes
are translated per plugin, and a plugin found by name wins over a guess from its codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from setsquare.migrate.tools import ruff_rules

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

_LETTERS = re.compile(r"[A-Z]*")


@dataclass(frozen=True)
class Plugin:
    name: str
    #: flake8 code prefixes the plugin reports (used to find it from a config's codes)
    codes: tuple[str, ...]
    #: Ruff selectors for "the whole plugin" (on by default once installed)
    whole: tuple[str, ...]
    #: flake8 prefix -> Ruff prefix; a trailing "=" means "this exact Ruff code"
    renames: Mapping[str, str] = field(default_factory=dict)
    #: flake8 options only this plugin registers
    options: tuple[str, ...] = ()
    #: codes the plugin shares with another: only claimed when the plugin is found by name
    shared: tuple[str, ...] = ()
    note: str = ""
    #: every code the plugin reports and what it means, where a Ruff rule covers several
    catalogue: Mapping[str, str] = field(default_factory=dict)


def _same(name: str, *prefixes: str, options: tuple[str, ...] = ()) -> Plugin:
    return Plugin(name, prefixes, prefixes, {p: p for p in prefixes}, options)


PLUGINS: tuple[Plugin, ...] = (
    Plugin("pycodestyle", ("E", "W"), ("E", "W"), {"E": "E", "W": "W"}),
    Plugin("pyflakes", ("F",), ("F",), {"F": "F"}),
    Plugin("mccabe", ("C90",), ("C90",), {"C90": "C90"}, ("max-complexity",)),
    Plugin(
        "flake8-bugbear",
        ("B",),
        # bugbear reports its opinionated B9 checks only when they are selected by name.
        ("B0",),
        {"B": "B0=", "B0": "B0", "B9": "B9"},
        note="B9 opinionated checks stay off unless selected, as in bugbear",
    ),
    _same("flake8-comprehensions", "C4"),
    _same("flake8-docstrings", "D", options=("docstring-convention",)),
    _same("pep8-naming", "N", options=("ignore-names", "classmethod-decorators")),
    _same("flake8-bandit", "S"),
    _same("flake8-simplify", "SIM"),
    _same("flake8-print", "T20"),
    Plugin("flake8-debugger", ("T100",), ("T10",), {"T100": "T100"}),
    Plugin(
        "flake8-fixme",
        ("T10",),
        ("FIX",),
        {
            "T10": "FIX=",
            "T100": "FIX001=",
            "T101": "FIX002=",
            "T102": "FIX003=",
            "T103": "FIX004=",
        },
        shared=("T100",),
    ),
    _same("flake8-annotations", "ANN"),
    _same("flake8-builtins", "A"),
    _same(
        "flake8-quotes",
        "Q",
        options=("inline-quotes", "multiline-quotes", "docstring-quotes", "avoid-escape"),
    ),
    _same("flake8-pytest-style", "PT"),
    _same("flake8-pie", "PIE"),
    _same("flake8-errmsg", "EM"),
    _same("flake8-datetimez", "DTZ"),
    _same("flake8-2020", "YTT"),
    _same("flake8-implicit-str-concat", "ISC"),
    _same("flake8-logging-format", "G"),
    _same("flake8-logging", "LOG"),
    _same("flake8-no-pep420", "INP"),
    _same("flake8-self", "SLF"),
    _same("flake8-slots", "SLOT"),
    _same("flake8-todos", "TD"),
    _same("flake8-executable", "EXE"),
    _same("flake8-gettext", "INT"),
    _same("flake8-django", "DJ"),
    _same("flake8-async", "ASYNC"),
    _same("flake8-future-annotations", "FA"),
    _same("pandas-vet", "PD"),
    _same("flynt", "FLY"),
    _same("tryceratops", "TRY"),
    # I250 (unneeded alias) has no Ruff twin; Ruff's TID252 fires by default without
    # ban-relative-imports, which flake8-tidy-imports does not: selected only by option.
    Plugin(
        "flake8-tidy-imports",
        ("I25",),
        (),
        {"I25": "TID25", "I250": "", "I251": "TID251=", "I252": "TID252="},
        ("ban-relative-imports", "banned-modules"),
    ),
    Plugin("flake8-type-checking", ("TC0", "TCH"), ("TC",), {"TC00": "TC00", "TCH": "TC"}),
    Plugin("flake8-blind-except", ("B902",), ("BLE",), {"B902": "BLE001="}, shared=("B902",)),
    Plugin("flake8-commas", ("C81",), ("COM",), {"C81": "COM81"}),
    Plugin("flake8-eradicate", ("E800",), ("ERA",), {"E800": "ERA001="}),
    Plugin("flake8-use-pathlib", ("PL1",), ("PTH",), {"PL1": "PTH1"}),
    Plugin("flake8-import-conventions", ("IC",), ("ICN",), {"IC": "ICN"}),
    Plugin("flake8-return", ("R50",), ("RET",), {"R50": "RET50"}),
    Plugin("flake8-raise", ("R10",), ("RSE",), {"R10": "RSE=", "R100": "RSE102="}),
    Plugin(
        "flake8-unused-arguments", ("U10",), ("ARG",), {"U10": "ARG=", "U100": "ARG=", "U101": ""}
    ),
    Plugin("flake8-pyi", ("Y0",), ("PYI",), {"Y0": "PYI0"}),
    Plugin("flake8-copyright", ("C801",), ("CPY",), {"C801": "CPY001="}),
    # Ruff's I001 is one rule for the order, the blank lines and the layout of an import
    # block: the codes below are all of it (flake8_isort.py 7.1, flake8_import_order/styles.py
    # 0.19), so ignoring one of them must not ignore I001 (see codes.narrow_ignore).
    Plugin(
        "flake8-isort",
        ("I00",),
        ("I",),
        {"I00": "I001=", "I002": ""},
        note="Ruff's isort rule I001 sorts like isort, but it is not flake8-isort's I00x",
        catalogue={
            "I001": "an import in the wrong position",
            # only flake8-isort < 5 reports it; Ruff reads its own settings
            "I002": "no isort configuration found",
            "I003": "a blank line missing in the imports",
            "I004": "an unexpected blank line in the imports",
            "I005": "an import line isort would add, as when it splits or wraps imports",
        },
    ),
    Plugin(
        "flake8-import-order",
        ("I1", "I2", "I300", "I666"),
        ("I",),
        {"I1": "I001=", "I2": "I001=", "I300": "I001=", "I666": "I001="},
        ("import-order-style", "application-import-names"),
        note="Ruff's isort rule I001 replaces flake8-import-order; its styles differ",
        catalogue={
            "I100": "import statements in the wrong order",
            "I101": "imported names in the wrong order",
            "I201": "missing newline between import groups",
            "I202": "additional newline in a group of imports",
            "I300": "TYPE_CHECKING block without one newline above",
            "I666": "import statement mixes groups",
        },
    ),
    Plugin("perflint", ("W8",), ("PERF",), {}),
    # No Ruff port: their codes are reported as dropped.
    Plugin("flake8-black", ("BLK",), (), {}),
    Plugin("flake8-rst-docstrings", ("RST",), (), {}),
    Plugin("darglint", ("DAR",), (), {}),
    Plugin("wemake-python-styleguide", ("WPS",), (), {}),
    Plugin("flake8-cognitive-complexity", ("CCR",), (), {}),
    Plugin("flake8-expression-complexity", ("ECE",), (), {}),
    Plugin("flake8-annotations-complexity", ("TAE",), (), {}),
    Plugin("flake8-spellcheck", ("SC",), (), {}),
    Plugin("dlint", ("DUO",), (), {}),
)
BY_NAME = {plugin.name: plugin for plugin in PLUGINS}
CORE = ("pycodestyle", "pyflakes", "mccabe")


def _letters(code: str) -> str:
    return _LETTERS.match(code).group()  # type: ignore[union-attr]


def _owns(prefix: str, code: str) -> bool:
    return code.startswith(prefix) and _letters(code) == _letters(prefix)


def owner(code: str, found: Iterable[str] = ()) -> Plugin | None:
    """The plugin that reports *code*: the most specific prefix wins.

    A code two plugins share goes to the one *found* by name (flake8-fixme's T100).
    """
    found = set(found)
    for plugin in PLUGINS:
        if plugin.name in found and any(_owns(s, code) for s in plugin.shared):
            return plugin
    best: tuple[int, Plugin] | None = None
    for plugin in PLUGINS:
        if plugin.name not in found and any(_owns(s, code) for s in plugin.shared):
            continue
        for prefix in plugin.codes:
            if _owns(prefix, code) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), plugin)
    return None if best is None else best[1]


def covered(selector: str, found: Iterable[str], but: Plugin | None = None) -> list[Plugin]:
    """Plugins among *found* that *selector* selects whole (`C` covers C4 and C90)."""
    return [
        BY_NAME[name]
        for name in sorted(found)
        if BY_NAME[name] is not but
        and any(p.startswith(selector) and p != selector for p in BY_NAME[name].codes)
    ]


def translate(code: str, plugin: Plugin) -> str | None:
    """The Ruff selector for flake8 *code* of *plugin*, or None when Ruff has no such rule."""
    best = max((p for p in plugin.renames if code.startswith(p)), key=len, default=None)
    if best is None:
        return None
    target = plugin.renames[best]
    if not target:  # a code of the plugin that Ruff does not port
        return None
    ruff = target[:-1] if target.endswith("=") else target + code[len(best) :]
    return ruff if ruff_rules.known(ruff) else None


def merged_into(rule: str, found: Iterable[str]) -> list[str]:
    """The codes of the plugins in *found* that Ruff's one *rule* reports (I001: ten of them)."""
    return [
        code
        for name in sorted(found)
        for code in BY_NAME[name].catalogue
        if translate(code, BY_NAME[name]) == rule
    ]


@cache
def merged_rules() -> tuple[str, ...]:
    """Ruff rules that each stand for several catalogued flake8 codes."""
    every = {plugin.name for plugin in PLUGINS}
    targets = {translate(code, plugin) for plugin in PLUGINS for code in plugin.catalogue}
    return tuple(sorted(rule for rule in targets if rule and len(merged_into(rule, every)) > 1))


@cache
def _names_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every plugin name, a group each: compiled once, searched once per
    text. A name is made of ``[\\w.-]`` only, so two whole names never overlap."""
    names = tuple(plugin.name for plugin in PLUGINS if plugin.name not in CORE)
    spelled = (re.escape(name).replace(r"\-", "[-_]") for name in names)
    alternatives = "|".join(f"(?P<p{index}>{text})" for index, text in enumerate(spelled))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w.-])", re.IGNORECASE), names


def dist_names_in(text: str) -> set[str]:
    """Plugin distributions named in *text* (requirements, tox deps, pre-commit hooks)."""
    pattern, names = _names_pattern()
    return {names[int(str(match.lastgroup)[1:])] for match in pattern.finditer(text)}
