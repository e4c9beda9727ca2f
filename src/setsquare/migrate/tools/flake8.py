"""flake8 -> Ruff: ``[flake8]`` from the one file flake8 reads into ``[tool.ruff.lint]``.

flake8 reads the first of setup.cfg, tox.ini, .flake8 that has a ``[flake8]`` (or
``[flake8:local-plugins]``) section, and only that one (``flake8/options/config.py``
``_find_config_file``). Its selection is "every installed plugin's codes" unless ``select``
says otherwise, so the plugins in use are found from the config's codes and options and
from the plugin names in the files given, and written out as an explicit Ruff ``select``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.tools import flake8_plugins as plugins
from setsquare.migrate.tools import ruff_rules, values
from setsquare.migrate.tools.discovery import drop_shadowed, sections_named
from setsquare.migrate.tools.flake8_plugins import Plugin
from setsquare.migrate.tools.plan import Setting, TablePlan, ToolPlan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from setsquare.migrate.ini import IniFile, IniOption

CANDIDATES = tuple(
    (path, sections_named("flake8", "flake8:local-plugins"))
    for path in ("setup.cfg", "tox.ini", ".flake8")
)

#: flake8 options with no Ruff meaning, and why
_NO_RUFF = {
    "format": "output format is chosen on Ruff's command line (--output-format)",
    "show-source": "Ruff shows the source by default",
    "statistics": "use `ruff check --statistics`",
    "count": "Ruff always prints the count",
    "jobs": "Ruff parallelises on its own",
    "output-file": "use `ruff check --output-file`",
    "tee": "Ruff has no --tee",
    "quiet": "use `ruff check --quiet`",
    "verbose": "use `ruff check --verbose`",
    "color": "Ruff follows NO_COLOR / FORCE_COLOR",
    "benchmark": "Ruff has no --benchmark",
    "hang-closing": "Ruff has no E133",
    "indent-size": "Ruff's E11x rules read `indent-width`; the formatter owns indentation",
    "doctests": "Ruff does not lint doctests",
    "filename": "Ruff lints *.py, *.pyi and notebooks; use `include` to change that",
    "disable-noqa": "use `ruff check --disable-noqa`",
    "require-plugins": "plugins are Ruff rules now (used here to find the plugins in use)",
}
_FLAKE8_DEFAULT_IGNORE = "E121, E123, E126, E226, E24, E704, W503, W504"
_TOKEN = re.compile(
    r"(?P<code>[A-Z]+[0-9]*(?=$|\s|,))|(?P<file>[^\s:,]+)|(?P<colon>\s*:\s*)"
    r"|(?P<comma>\s*,\s*)|(?P<ws>\s+)"
)
_QUOTES = {"'": "single", '"': "double", "'''": "single", '"""': "double"}


def _key(option: IniOption) -> str:
    return option.key.lower().replace("_", "-")


@dataclass
class _Section:
    source: values.Source
    options: dict[str, IniOption]
    found: set[str]
    why: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> IniOption | None:
        return self.options.get(key)


@dataclass
class Result:
    """The flake8 part of the Ruff config, plus what the Ruff combiner must know."""

    plan: ToolPlan
    line_length: Setting | None = None


def _codes(option: IniOption | None) -> list[str]:
    return [] if option is None else values.commas_or_space(option.value)


def _pfi_codes(option: IniOption | None, path: str) -> list[str]:
    if option is None:
        return []
    return [code for _, codes, _ in _per_file(option, path) for code in codes]


def _find_plugins(section: _Section, texts: Iterable[str]) -> None:
    found, why = section.found, section.why
    for name in plugins.CORE:
        found.add(name)
        why[name] = "flake8's own"
    for text in texts:
        for name in plugins.dist_names_in(text):
            found.add(name)
            why.setdefault(name, "named as a dependency")
    required = section.get("require-plugins")
    for name in plugins.dist_names_in(required.value if required is not None else ""):
        found.add(name)
        why[name] = "require-plugins"
    for key in section.options:
        for plugin in plugins.PLUGINS:
            if key in plugin.options and plugin.name not in found:
                found.add(plugin.name)
                why[plugin.name] = f"option {key}"
    by_name = set(found)
    keys = ("select", "extend-select", "ignore", "extend-ignore", "enable-extensions")
    for key in keys:
        for code in _codes(section.get(key)):
            _found_by_code(section, code, by_name)
    for code in _pfi_codes(section.get("per-file-ignores"), section.source.ini.path):
        _found_by_code(section, code, by_name)


def _found_by_code(section: _Section, code: str, by_name: set[str]) -> None:
    plugin = plugins.owner(code, by_name)
    if plugin is not None and plugin.name not in section.found:
        section.found.add(plugin.name)
        section.why[plugin.name] = f"code {code}"


def _to_ruff(code: str, found: set[str]) -> tuple[list[str], str]:
    owner = plugins.owner(code, found)
    out: list[str] = []
    reason = ""
    if owner is not None:
        ruff = plugins.translate(code, owner)
        if ruff is None:
            reason = f"Ruff has no rule for {code} ({owner.name})"
        else:
            out.append(ruff)
    wider = plugins.covered(code, found, but=owner)
    out.extend(selector for plugin in wider for selector in plugin.whole)
    if not out and not reason:
        reason = f"no known flake8 plugin reports {code}, and Ruff has no such rule"
    return out, reason


@dataclass
class _Codes:
    items: list[str] = field(default_factory=list)
    comments: dict[int, tuple[str, ...]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)

    def add(self, selectors: Iterable[str], comments: tuple[str, ...] = ()) -> None:
        for selector in selectors:
            if selector in self.items:
                continue
            if comments:
                self.comments[len(self.items)] = comments
                comments = ()
            self.items.append(selector)


def _translate_option(option: IniOption | None, found: set[str], into: _Codes) -> None:
    if option is None:
        return
    for line in option.lines:
        comments = line.comments
        for code in values.commas_or_space(line.text):
            ruff, reason = _to_ruff(code, found)
            if reason:
                into.dropped.append(reason)
            into.add(ruff, comments)
            if ruff:
                comments = ()


def _per_file(option: IniOption, path: str) -> list[tuple[list[str], list[str], tuple[str, ...]]]:
    """flake8's `parse_files_to_codes_mapping`, line-aware: (files, codes, comments) groups."""
    groups: list[tuple[list[str], list[str], tuple[str, ...]]] = []
    files: list[str] = []
    codes: list[str] = []
    comments: tuple[str, ...] = ()
    seen_colon, seen_sep = False, True

    def flush() -> None:
        nonlocal files, codes, seen_colon, comments
        if files and codes:
            groups.append((files, codes, comments))
        files, codes, seen_colon, comments = [], [], False, ()

    for line in option.lines:
        seen_sep = True
        for match in _TOKEN.finditer(line.text):
            kind = match.lastgroup
            if kind in ("comma", "ws"):
                seen_sep = True
            elif not seen_colon:
                if kind == "colon":
                    seen_colon = seen_sep = True
                elif seen_sep and kind in ("file", "code"):
                    if not files:
                        comments = line.comments
                    files.append(match.group())
                    seen_sep = False
                else:
                    _bad_per_file(option, path, line.line)
            elif seen_sep and kind == "code":
                codes.append(match.group())
                seen_sep = False
            elif seen_sep and kind == "file":
                flush()
                comments = line.comments
                files.append(match.group())
                seen_sep = False
            else:
                _bad_per_file(option, path, line.line)
    flush()
    return groups


def _bad_per_file(option: IniOption, path: str, line: int) -> None:
    raise InputError(
        path,
        f"cannot parse `{option.key}`: expected `file-pattern: CODE, CODE`",
        line=line,
        hint="write one `pattern: codes` pair per line; flake8 refuses this value too",
    )


def _select(section: _Section, plan: ToolPlan, complexity: bool) -> Setting:
    source, found = section.source, section.found
    codes = _Codes()
    explicit = section.get("select")
    if explicit is not None:
        _translate_option(explicit, found, codes)
    else:
        for plugin in plugins.PLUGINS:
            if plugin.name in found and plugin.whole:
                codes.add(plugin.whole)
    for key in ("extend-select", "enable-extensions"):
        _translate_option(section.get(key), found, codes)
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
    if explicit is not None:
        return source.setting(
            explicit,
            "select",
            kept,
            action=Action.TRANSFORMED,
            reason="; ".join(reasons),
            element_comments=comments,
        )
    return Setting(
        "select",
        kept,
        source.whole(),
        source.origin,
        Action.TRANSFORMED,
        "; ".join(reasons),
        element_comments=comments,
    )


def _ignore(section: _Section, plan: ToolPlan) -> Setting | None:
    codes = _Codes()
    options = [section.get("ignore"), section.get("extend-ignore")]
    for option in options:
        _translate_option(option, section.found, codes)
    present = [option for option in options if option is not None]
    if not present:
        return None
    reasons = [*codes.dropped]
    if section.get("ignore") is None:
        reasons.append(
            f"flake8's default ignore list ({_FLAKE8_DEFAULT_IGNORE}) has no stable Ruff rule"
        )
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
    return section.source.setting(
        first,
        "ignore",
        codes.items,
        action=Action.TRANSFORMED if reasons or len(present) > 1 else Action.MAPPED,
        reason="; ".join(reasons),
        element_comments=codes.comments,
    )


def _per_file_ignores(section: _Section, plan: ToolPlan) -> TablePlan | None:
    option = section.get("per-file-ignores")
    if option is None:
        return None
    source = section.source
    settings: list[Setting] = []
    for files, codes, comments in _per_file(option, source.ini.path):
        translated = _Codes()
        reasons: list[str] = []
        for code in codes:
            ruff, reason = _to_ruff(code, section.found)
            translated.add(ruff)
            if reason:
                reasons.append(reason)
        if not translated.items:
            reason = "; ".join(reasons) + "; nothing left to ignore for " + ", ".join(files)
            plan.entries.append(Entry(source.where(option), Action.DROPPED, "", reason))
            continue
        for pattern in files:
            settings.append(
                Setting(
                    pattern,
                    translated.items,
                    source.where(option),
                    source.origin,
                    Action.TRANSFORMED if reasons else Action.MAPPED,
                    "; ".join(reasons),
                    comments=comments if pattern == files[0] else (),
                )
            )
    return TablePlan(("tool", "ruff", "lint", "per-file-ignores"), tuple(settings), option.comments)


def _quote(option: IniOption, path: str) -> str:
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


def _plugin_options(section: _Section, plan: ToolPlan, handled: set[str]) -> list[TablePlan]:
    source, path = section.source, section.source.ini.path
    tables: dict[str, list[Setting]] = {}

    def put(table: str, option: IniOption, key: str, value: object, reason: str = "") -> None:
        action = Action.TRANSFORMED if reason else Action.MAPPED
        tables.setdefault(table, []).append(
            source.setting(option, key, value, action=action, reason=reason)
        )
        handled.add(_key(option))

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
            put("flake8-quotes", option, name, _quote(option, path))
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
        default = Setting(
            "convention", "pep257", source.whole(), source.origin, Action.TRANSFORMED, reason
        )
        tables.setdefault("pydocstyle", []).append(default)
    return [
        TablePlan(("tool", "ruff", "lint", table), tuple(settings))
        for table, settings in tables.items()
    ]


def migrate(inis: Mapping[str, IniFile], texts: Iterable[str] = ()) -> Result:
    """Plan the Ruff tables for the ``[flake8]`` flake8 would read, if any."""
    winner = next((path for path, find in CANDIDATES if path in inis and find(inis[path])), None)
    if winner is None:
        return Result(ToolPlan())
    plan = drop_shadowed(inis, CANDIDATES, winner, "flake8")
    ini = inis[winner]
    local = ini.section("flake8:local-plugins")
    if local is not None:
        source = values.Source(ini, local)
        plan.entries.append(
            Entry(source.whole(), Action.KEPT, "", "local flake8 plugins have no Ruff port")
        )
    main = ini.section("flake8")
    if main is None:
        return Result(plan)
    source = values.Source(ini, main)
    section = _Section(source, {_key(option): option for option in main.options}, set())
    _find_plugins(section, texts)
    complexity_option = section.get("max-complexity")
    complexity = (
        complexity_option is not None and int(values.number(complexity_option, ini.path)) > 0
    )
    handled = {"select", "extend-select", "enable-extensions", "ignore", "extend-ignore"}
    handled.add("per-file-ignores")
    lint: list[Setting] = [_select(section, plan, complexity)]
    ignore = _ignore(section, plan)
    if ignore is not None:
        lint.append(ignore)
    header = ini.header_comments if winner == ".flake8" else ()
    tables = [TablePlan(("tool", "ruff", "lint"), tuple(lint), (*header, *main.comments))]
    per_file = _per_file_ignores(section, plan)
    if per_file is not None:
        tables.append(per_file)
    tables.extend(_plugin_options(section, plan, handled))
    top: list[Setting] = []
    line_length: Setting | None = None
    excludes: list[IniOption] = []
    for name, option in section.options.items():
        if name in handled:
            continue
        if name == "max-line-length":
            line_length = source.setting(option, "line-length", values.number(option, ini.path))
        elif name in ("exclude", "extend-exclude"):
            excludes.append(option)
        elif name == "builtins":
            top.append(source.setting(option, "builtins", values.commas_or_space(option.value)))
        elif name in _NO_RUFF:
            plan.entries.append(Entry(source.where(option), Action.DROPPED, "", _NO_RUFF[name]))
        else:
            plan.entries.append(
                Entry(
                    source.where(option),
                    Action.DROPPED,
                    "",
                    "no Ruff equivalent for this flake8 (or plugin) option",
                )
            )
    if excludes:
        merged = values.ListValue([])
        for option in excludes:
            part = values.split_option(option, values.commas_or_space)
            for index, comments in part.element_comments.items():
                merged.element_comments[len(merged.items) + index] = comments
            merged.items.extend(part.items)
        top.append(
            source.setting(
                excludes[0],
                "extend-exclude",
                merged.items,
                action=Action.TRANSFORMED,
                reason="`extend-exclude` keeps Ruff's own default excludes, as flake8's did",
                element_comments=merged.element_comments,
            )
        )
    if top:
        tables.insert(0, TablePlan(("tool", "ruff"), tuple(top)))
    plan.plans.extend(tables)
    plan.origins.add(source.origin)
    if local is not None:
        plan.origins.discard(source.origin)
    return Result(plan, line_length)


__all__ = ["Plugin", "Result", "migrate"]
