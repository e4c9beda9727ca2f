"""isort -> ``[tool.ruff.lint.isort]``, from the one config isort reads (``isort_config``).

Custom sections (``sections = ...,DJANGO,...`` with ``known_django``) become Ruff's
``section-order`` and ``[tool.ruff.lint.isort.sections]``. isort's section names are
case-sensitive (``known_<name>`` is not), and a module listed in two sections goes where
isort puts it: the later section in ``sections``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action, Entry, source_of
from setsquare.migrate.tools import isort_config, values
from setsquare.migrate.tools.discovery import drop_shadowed
from setsquare.migrate.tools.isort_config import INTERPOLATED, Opt
from setsquare.migrate.tools.plan import Setting, TablePlan, ToolPlan

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile

_TABLE = ("tool", "ruff", "lint", "isort")

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
#: isort's standard sections (isort/sections.py; case-sensitive) and Ruff's names for them
_SECTION_NAMES = {
    "FUTURE": "future",
    "STDLIB": "standard-library",
    "THIRDPARTY": "third-party",
    "FIRSTPARTY": "first-party",
    "LOCALFOLDER": "local-folder",
}
#: the section each known list fills; isort's ``known_patterns`` gives the later section
#: in ``sections`` a module two lists name, and STDLIB's lists always lose
_KNOWN_SECTION = {
    "known_first_party": "FIRSTPARTY",
    "known_third_party": "THIRDPARTY",
    "known_local_folder": "LOCALFOLDER",
    "extra_standard_library": "STDLIB",
}
_STANDARD_KNOWN = frozenset({*_KNOWN_SECTION, "known_future_library", "known_standard_library"})
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
_KEBAB = "Ruff spells section names in kebab-case"


@dataclass
class Result:
    plan: ToolPlan
    line_length: Setting | None = None
    src: list[Setting] = field(default_factory=list)


def _setting(opt: Opt, key: str, value: Any, reason: str = "", **extra: Any) -> Setting:
    comments = opt.option.comments if opt.option is not None else ()
    if opt.interpolated:
        reason = f"{reason}; {INTERPOLATED}" if reason else INTERPOLATED
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


@dataclass(frozen=True)
class _Sections:
    """isort's ``sections`` in order, each with Ruff's name for it, and its default section."""

    ruff: dict[str, str]
    default: str

    def custom(self, known: str) -> str | None:
        """The custom section ``known_<known>`` fills: isort matches it case-blind."""
        return next((n for n in self.ruff if n not in _SECTION_NAMES and n.lower() == known), None)

    def rank(self, key: str) -> int:
        """How late the section of known list *key* is in ``sections`` (later wins a tie)."""
        name = _KNOWN_SECTION.get(key) or self.custom(key.removeprefix("known_"))
        if name == "STDLIB":
            return -1
        return list(self.ruff).index(name) if name in self.ruff else -2


def _one_name(opt: Opt) -> str:
    names = opt.as_list().items
    if len(names) != 1:
        raise opt.refuse(
            f"`{opt.key}` must name one section, not {len(names)}",
            "isort takes a single default section",
        )
    return names[0]


def _custom_name(opt: Opt, name: str, taken: Collection[str]) -> str:
    if name.upper() in _SECTION_NAMES:
        raise opt.refuse(
            f"`sections` names {name!r}: isort's section names are case-sensitive, so"
            f" that is an empty custom section and isort refuses any {name.upper()} import",
            f"write {name.upper()}",
        )
    if any(other.lower() == name.lower() for other in taken):
        raise opt.refuse(
            f"`sections` names {name!r} twice",
            "name each section once (isort gives names that differ in case one known_ list)",
        )
    # Lower case, like its known_<name>; Ruff's own names would be its standard sections.
    return name if name.lower() in _SECTION_NAMES.values() else name.lower()


def _section_list(opts: Mapping[str, Opt]) -> _Sections:
    opt = opts.get("sections")
    ruff = dict(_SECTION_NAMES)
    if opt is not None:
        ruff = {}
        for name in opt.as_list().items:
            ruff[name] = _SECTION_NAMES.get(name) or _custom_name(opt, name, ruff)
    default_opt = opts.get("default_section")
    default = _one_name(default_opt) if default_opt is not None else "THIRDPARTY"
    blame = default_opt or opt
    if default not in ruff and blame is not None:
        raise blame.refuse(
            f"`sections` leaves out {default}, isort's default_section: isort refuses any"
            " file with an import it places there",
            f"add {default} to `sections`, or set default_section to a section listed there",
        )
    return _Sections(ruff, default)


def _losers(opts: Mapping[str, Opt], sections: _Sections) -> dict[str, dict[str, str]]:
    """Per known list: the modules another section takes from it (isort's tie rule)."""
    owners: dict[str, list[str]] = {}
    for key, opt in opts.items():
        if key in _KNOWN_SECTION or (key.startswith("known_") and key not in _STANDARD_KNOWN):
            for module in opt.as_list().items:
                owners.setdefault(module, []).append(key)
    losers: dict[str, dict[str, str]] = {}
    for module, keys in owners.items():
        winner = max(keys, key=sections.rank)
        taker = _KNOWN_SECTION.get(winner) or sections.custom(winner.removeprefix("known_"))
        for key in keys:
            if key != winner:
                losers.setdefault(key, {})[module] = str(taker)
    return losers


def _without(value: values.ListValue, drop: Collection[str]) -> values.ListValue:
    items: list[str] = []
    comments: dict[int, tuple[str, ...]] = {}
    pending: tuple[str, ...] = ()
    for index, item in enumerate(value.items):
        pending = (*pending, *value.element_comments.get(index, ()))
        if item in drop:
            continue
        if pending:
            comments[len(items)] = pending
        items.append(item)
        pending = ()
    return values.ListValue(items, comments)


@dataclass
class _Mapper:
    sections: _Sections
    losers: dict[str, dict[str, str]]
    result: Result
    settings: list[Setting] = field(default_factory=list)
    custom: list[Setting] = field(default_factory=list)

    def drop(self, opt: Opt, reason: str) -> None:
        self.result.plan.entries.append(Entry(opt.source, Action.DROPPED, "", reason))

    def known(self, opt: Opt, key: str, table: list[Setting]) -> None:
        value, reason = opt.as_list(), ""
        taken = self.losers.get(opt.key, {})
        if taken:
            value = _without(value, taken)
            reason = "; ".join(
                f"isort places {module} in {section}, the later section listing it"
                for module, section in taken.items()
            )
            if not value.items and table is self.settings:
                self.drop(opt, reason)
                return
        table.append(
            _setting(opt, key, value.items, reason, element_comments=value.element_comments)
        )

    def sections_setting(self, opt: Opt) -> None:
        key = opt.key
        if key == "sections":
            order = list(self.sections.ruff.values())
            self.settings.append(_setting(opt, "section-order", order, _KEBAB))
        elif key == "default_section":
            name = self.sections.ruff[self.sections.default]
            self.settings.append(_setting(opt, "default-section", name, _KEBAB))
        elif key == "no_lines_before":
            names = opt.as_list().items
            kept = [self.sections.ruff[name] for name in names if name in self.sections.ruff]
            ignored = [name for name in names if name not in self.sections.ruff]
            why = (
                f"isort ignores {', '.join(ignored)}: not in `sections` (names are case-sensitive)"
            )
            if not kept:
                self.drop(opt, why)
            else:
                reason = f"{_KEBAB}; {why}" if ignored else _KEBAB
                self.settings.append(_setting(opt, "no-lines-before", kept, reason))
        else:
            known = key.removeprefix("known_")
            section = self.sections.custom(known)
            if section is None:
                self.drop(opt, f"isort ignores it: {known.upper()} is not in `sections`")
            else:
                self.known(opt, self.sections.ruff[section], self.custom)

    def empty_sections(self, opts: Mapping[str, Opt]) -> None:
        """A custom section without a known_ list is empty in isort; Ruff needs it named."""
        opt = opts.get("sections")
        filled = {setting.key for setting in self.custom}
        for name, ruff in self.sections.ruff.items():
            if opt is not None and name not in _SECTION_NAMES and ruff not in filled:
                reason = f"isort has no known_{name.lower()}: an empty section, as in isort"
                self.custom.append(_setting(opt, ruff, [], reason))
        order = list(self.sections.ruff.values())
        self.custom.sort(key=lambda setting: order.index(setting.key))


def _map(opt: Opt, mapper: _Mapper) -> None:
    key = opt.key
    result = mapper.result
    settings = mapper.settings
    if key in _LISTS:
        mapper.known(opt, _LISTS[key], settings)
    elif key in _BOOLS:
        settings.append(_setting(opt, _BOOLS[key], opt.as_bool()))
    elif key in _INTS:
        settings.append(_setting(opt, _INTS[key], opt.as_int()))
    elif key in ("sections", "no_lines_before", "default_section") or (
        key.startswith("known_") and key not in _STANDARD_KNOWN
    ):
        mapper.sections_setting(opt)
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
        mapper.drop(opt, f"Ruff's isort always does what {key} = {_RUFF_FIXED[key]} does")
    else:
        mapper.drop(opt, "Ruff's isort rules have no such setting")


def migrate(inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument) -> Result:
    """Plan ``[tool.ruff.lint.isort]`` from the one isort config isort reads."""
    tool: Any = pyproject.get("tool", {})
    order = [path for path, find in isort_config.CANDIDATES if path in inis and find(inis[path])]
    if ".isort.cfg" in order:
        winner = ".isort.cfg"
    elif "isort" in tool:
        winner = "pyproject.toml"
    elif order:
        winner = order[0]
    else:
        return Result(ToolPlan())
    label = "pyproject.toml [tool.isort]" if winner == "pyproject.toml" else winner
    result = Result(drop_shadowed(inis, isort_config.CANDIDATES, label, "isort"))
    comments: tuple[str, ...] = ()
    if winner == "pyproject.toml":
        opts = isort_config.toml_opts(tool["isort"])
    else:
        opts, comments = isort_config.ini_opts(inis[winner], result.plan)
        if winner == ".isort.cfg" and "isort" in tool:
            # Without .isort.cfg, isort would start reading [tool.isort] instead.
            reason = "kept: pyproject.toml has a [tool.isort] that isort would read without it"
            result.plan.entries.append(Entry(source_of(winner, None), Action.KEPT, "", reason))
            result.plan.origins -= {opt.origin for opt in opts}
            result.plan.origins -= {(winner, s.name) for s in inis[winner].sections}
    by_key = isort_config.aliases(opts, result.plan)
    sections = _section_list(by_key)
    mapper = _Mapper(sections, _losers(by_key, sections), result)
    for opt in by_key.values():
        _map(opt, mapper)
    mapper.empty_sections(by_key)
    if mapper.settings:
        result.plan.plans.append(TablePlan(_TABLE, tuple(mapper.settings), comments))
    if mapper.custom:
        result.plan.plans.append(TablePlan((*_TABLE, "sections"), tuple(mapper.custom)))
    return result
