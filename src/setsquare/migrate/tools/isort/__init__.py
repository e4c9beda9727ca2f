"""isort -> ``[tool.ruff.lint.isort]``, from the one config isort reads (``config``).

Each isort option becomes its Ruff setting, or is dropped with the reason; what isort's
profile black sets is what Ruff's isort rules always do. Sections, standard and custom,
are `sections`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Field, Table
from setsquare.migrate.tools.discovery import drop_shadowed
from setsquare.migrate.tools.isort import config as isort_config
from setsquare.migrate.tools.isort.sections import SectionMapper, handles, losers, section_list
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    from collections.abc import Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile
    from setsquare.migrate.tools.isort.config import Opt

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


@dataclass
class Result:
    plan: ToolPlan
    line_length: Field | None = None
    src: list[Field] = field(default_factory=list)


def _map(opt: Opt, mapper: SectionMapper, result: Result) -> None:
    key = opt.key
    fields = mapper.fields
    if key in _LISTS:
        mapper.known(opt, _LISTS[key], fields)
    elif key in _BOOLS:
        fields.append(opt.field(_BOOLS[key], opt.as_bool()))
    elif key in _INTS:
        fields.append(opt.field(_INTS[key], opt.as_int()))
    elif handles(key):
        mapper.sections_setting(opt)
    elif key == "reverse_relative":
        order = "closest-to-furthest" if opt.as_bool() else "furthest-to-closest"
        fields.append(opt.field("relative-imports-order", order, "Ruff names the order"))
    elif key == "src_paths":
        result.src.append(
            opt.field("src", opt.as_list().items, "Ruff's `src` finds first-party code")
        )
    elif key == "line_length":
        result.line_length = opt.field(
            "line-length", opt.as_int(), "Ruff's isort uses the shared line length"
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
            result.plan.entries.append(Entry(Location(winner), Action.KEPT, "", reason))
            result.plan.origins -= {opt.origin for opt in opts}
            result.plan.origins -= {(winner, s.name) for s in inis[winner].sections}
    by_key = isort_config.aliases(opts, result.plan)
    sections = section_list(by_key)
    mapper = SectionMapper(sections, losers(by_key, sections), result.plan)
    for opt in by_key.values():
        _map(opt, mapper, result)
    mapper.empty_sections(by_key)
    if mapper.fields:
        result.plan.tables.append(Table(_TABLE, mapper.fields, comments))
    if mapper.custom:
        result.plan.tables.append(Table((*_TABLE, "sections"), mapper.custom))
    return result
