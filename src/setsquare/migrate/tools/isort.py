"""isort -> ``[tool.ruff.lint.isort]``, from the one config isort reads.

isort takes the first of .isort.cfg (``[settings]``/``[isort]``), pyproject.toml
``[tool.isort]``, setup.cfg and tox.ini (``[isort]``/``[tool:isort]``) -- isort's
``settings.CONFIG_SOURCES``/``CONFIG_SECTIONS``. Keys are spelled with ``_`` or ``-``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, source_of
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import drop_shadowed, sections_named
from setsquare.migrate.tools.plan import Origin, Setting, TablePlan, ToolPlan

if TYPE_CHECKING:
    from collections.abc import Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile, IniOption

CANDIDATES = (
    (".isort.cfg", sections_named("settings", "isort")),
    ("setup.cfg", sections_named("isort", "tool:isort")),
    ("tox.ini", sections_named("isort", "tool:isort")),
)

_LISTS = {
    "known_first_party": "known-first-party",
    "known_third_party": "known-third-party",
    "known_local_folder": "known-local-folder",
    "extra_standard_library": "extra-standard-library",
    "single_line_exclusions": "single-line-exclusions",
    "force_to_top": "force-to-top",
    "forced_separate": "forced-separate",
    "add_imports": "required-imports",
}
_BOOLS = {
    "force_single_line": "force-single-line",
    "combine_as_imports": "combine-as-imports",
    "force_sort_within_sections": "force-sort-within-sections",
    "order_by_type": "order-by-type",
    "case_sensitive": "case-sensitive",
    "force_wrap_aliases": "force-wrap-aliases",
    "split_on_trailing_comma": "split-on-trailing-comma",
    "from_first": "from-first",
    "length_sort": "length-sort",
    "length_sort_straight": "length-sort-straight",
    "no_sections": "no-sections",
}
_INTS = {"lines_after_imports": "lines-after-imports", "lines_between_types": "lines-between-types"}
_SECTION_NAMES = {
    "FUTURE": "future",
    "STDLIB": "standard-library",
    "THIRDPARTY": "third-party",
    "FIRSTPARTY": "first-party",
    "LOCALFOLDER": "local-folder",
}
#: isort settings whose profile-black value is what Ruff always does
_RUFF_DEFAULTS: dict[str, Any] = {
    "multi_line_output": {"3", "VERTICAL_HANGING_INDENT"},
    "include_trailing_comma": {True},
    "use_parentheses": {True},
    "ensure_newline_before_comments": {True},
    "force_grid_wrap": {"0"},
    "profile": {"black"},
}

_RUFF_FIXED = {
    "multi_line_output": "3 (vertical hanging indent)",
    "include_trailing_comma": "true",
    "use_parentheses": "true",
    "ensure_newline_before_comments": "true",
    "force_grid_wrap": "0",
    "profile": "black",
}


@dataclass(frozen=True)
class _Opt:
    key: str
    raw: Any  # INI text, or the TOML value
    source: str
    origin: Origin
    option: IniOption | None = None
    path: str = ""

    def as_list(self) -> values.ListValue:
        if self.option is not None:
            return values.split_option(self.option, values.commas)
        if isinstance(self.raw, str):
            return values.ListValue(values.commas(self.raw))
        return values.ListValue(values.expect("tool.isort", self.key, self.raw, list))

    def as_bool(self) -> bool:
        if self.option is not None:
            return values.boolean(self.option, self.path)
        if isinstance(self.raw, str) and values.looks_boolean(self.raw):
            return self.raw.strip().lower() in ("true", "yes", "on")
        return bool(values.expect("tool.isort", self.key, self.raw, bool))

    def as_int(self) -> int:
        if self.option is not None:
            return int(values.number(self.option, self.path))
        return int(values.expect("tool.isort", self.key, self.raw, int))

    def normal(self) -> Any:
        if self.option is None or not values.looks_boolean(self.raw):
            return str(self.raw).strip() if not isinstance(self.raw, bool) else self.raw
        return self.as_bool()


@dataclass
class Result:
    plan: ToolPlan
    line_length: Setting | None = None
    src: list[Setting] = field(default_factory=list)


def _setting(opt: _Opt, key: str, value: Any, reason: str = "", **extra: Any) -> Setting:
    comments = opt.option.comments if opt.option is not None else ()
    return Setting(
        key,
        value,
        opt.source,
        opt.origin,
        Action.TRANSFORMED if reason else Action.MAPPED,
        reason,
        comments,
        **extra,
    )


def _sections(opt: _Opt) -> list[str]:
    names = []
    for name in opt.as_list().items:
        mapped = _SECTION_NAMES.get(name.upper())
        if mapped is None:
            line = opt.option.line if opt.option is not None else None
            raise InputError(
                opt.path or "pyproject.toml",
                f"`{opt.key}` names an unknown isort section {name!r}",
                line=line,
                hint="use FUTURE, STDLIB, THIRDPARTY, FIRSTPARTY or LOCALFOLDER",
            )
        names.append(mapped)
    return names


def _map(opt: _Opt, settings: list[Setting], result: Result) -> None:
    key = opt.key
    if key in _LISTS:
        value = opt.as_list()
        settings.append(
            _setting(opt, _LISTS[key], value.items, element_comments=value.element_comments)
        )
    elif key in _BOOLS:
        settings.append(_setting(opt, _BOOLS[key], opt.as_bool()))
    elif key in _INTS:
        settings.append(_setting(opt, _INTS[key], opt.as_int()))
    elif key in ("sections", "no_lines_before"):
        target = "section-order" if key == "sections" else "no-lines-before"
        settings.append(
            _setting(opt, target, _sections(opt), "Ruff spells section names in kebab-case")
        )
    elif key == "default_section":
        names = _sections(opt)
        if len(names) != 1:
            line = opt.option.line if opt.option is not None else None
            raise InputError(
                opt.path or "pyproject.toml",
                f"`{opt.key}` must name one section, not {len(names)}",
                line=line,
                hint="isort takes a single default section",
            )
        settings.append(
            _setting(opt, "default-section", names[0], "Ruff spells section names in kebab-case")
        )
    elif key == "reverse_relative":
        order = "closest-to-furthest" if opt.as_bool() else "furthest-to-closest"
        settings.append(_setting(opt, "relative-imports-order", order, "Ruff names the order"))
    elif key == "src_paths":
        result.src.append(
            _setting(opt, "src", opt.as_list().items, "Ruff's `src` finds first-party code")
        )
    elif key == "line_length":
        result.line_length = _setting(
            opt, "line-length", opt.as_int(), "Ruff's isort uses the shared line length"
        )
    elif key in _RUFF_DEFAULTS and opt.normal() in _RUFF_DEFAULTS[key]:
        result.plan.entries.append(
            Entry(opt.source, Action.TRANSFORMED, "", "what Ruff's isort rules always do")
        )
    elif key in _RUFF_DEFAULTS:
        reason = f"Ruff's isort always does what {key} = {_RUFF_FIXED[key]} does"
        result.plan.entries.append(Entry(opt.source, Action.DROPPED, "", reason))
    else:
        result.plan.entries.append(
            Entry(opt.source, Action.DROPPED, "", "Ruff's isort rules have no such setting")
        )


def _ini_opts(ini: IniFile, result: Result) -> tuple[list[_Opt], tuple[str, ...]]:
    """Every isort section of *ini*, merged in isort's order (later keys win, as in isort)."""
    find = dict(CANDIDATES)[ini.path]
    opts: dict[str, _Opt] = {}
    comments: tuple[str, ...] = ini.header_comments if ini.path == ".isort.cfg" else ()
    for section in find(ini):
        source = values.Source(ini, section)
        comments = (*comments, *section.comments)
        result.plan.origins.add(source.origin)
        for option in section.options:
            key = option.key.replace("-", "_").lower()
            if key in opts:
                result.plan.entries.append(
                    Entry(opts[key].source, Action.DROPPED, "", f"overridden by [{section.name}]")
                )
            opts[key] = _Opt(
                key, option.value, source.where(option), source.origin, option, ini.path
            )
    return list(opts.values()), comments


def _toml_opts(table: Mapping[str, Any]) -> list[_Opt]:
    return [
        _Opt(
            str(key).replace("-", "_"),
            value.unwrap() if hasattr(value, "unwrap") else value,
            source_of("pyproject.toml", None, "tool.isort", str(key)),
            ("pyproject.toml", "tool.isort"),
        )
        for key, value in table.items()
    ]


def migrate(inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument) -> Result:
    """Plan ``[tool.ruff.lint.isort]`` from the one isort config isort reads."""
    tool: Any = pyproject.get("tool", {})
    order = [path for path, find in CANDIDATES if path in inis and find(inis[path])]
    if ".isort.cfg" in order:
        winner = ".isort.cfg"
    elif "isort" in tool:
        winner = "pyproject.toml"
    elif order:
        winner = order[0]
    else:
        return Result(ToolPlan())
    label = "pyproject.toml [tool.isort]" if winner == "pyproject.toml" else winner
    result = Result(drop_shadowed(inis, CANDIDATES, label, "isort"))
    comments: tuple[str, ...] = ()
    if winner == "pyproject.toml":
        opts = _toml_opts(tool["isort"])
    else:
        opts, comments = _ini_opts(inis[winner], result)
        if winner == ".isort.cfg" and "isort" in tool:
            # Without .isort.cfg, isort would start reading [tool.isort] instead.
            reason = "kept: pyproject.toml has a [tool.isort] that isort would read without it"
            result.plan.entries.append(Entry(source_of(winner, None), Action.KEPT, "", reason))
            result.plan.origins -= {opt.origin for opt in opts}
            result.plan.origins -= {(winner, s.name) for s in inis[winner].sections}
    settings: list[Setting] = []
    for opt in opts:
        _map(opt, settings, result)
    if settings:
        table = TablePlan(("tool", "ruff", "lint", "isort"), tuple(settings), comments)
        result.plan.plans.append(table)
    return result
