"""flake8's codes and how flake8 reads them: the plugins in use and their Ruff selectors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.tools import flake8_plugins as plugins
from setsquare.migrate.tools import values

if TYPE_CHECKING:
    from collections.abc import Iterable

    from setsquare.migrate.ini import IniOption

#: per-file-ignores entries: (file patterns, codes, comments above them)
Group = tuple[list[str], list[str], tuple[str, ...]]
_TOKEN = re.compile(
    r"(?P<code>[A-Z]+[0-9]*(?=$|\s|,))|(?P<file>[^\s:,]+)|(?P<colon>\s*:\s*)"
    r"|(?P<comma>\s*,\s*)|(?P<ws>\s+)"
)


def option_key(option: IniOption) -> str:
    """flake8 reads `max_line_length` and `Max-Line-Length` as `max-line-length`."""
    return option.key.lower().replace("_", "-")


@dataclass
class Section:
    """The ``[flake8]`` being migrated: its options by flake8's name, the plugins in use."""

    source: values.Source
    options: dict[str, IniOption]
    found: set[str]
    why: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> IniOption | None:
        return self.options.get(key)


def codes(option: IniOption | None) -> list[str]:
    return [] if option is None else values.commas_or_space(option.value)


def _per_file_codes(option: IniOption | None, path: str) -> list[str]:
    if option is None:
        return []
    return [code for _, codes, _ in files_to_codes(option, path) for code in codes]


def find_plugins(section: Section, texts: Iterable[str]) -> None:
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
        for code in codes(section.get(key)):
            found_by_code(section, code, by_name)
    for code in _per_file_codes(section.get("per-file-ignores"), section.source.ini.path):
        found_by_code(section, code, by_name)


def found_by_code(section: Section, code: str, by_name: set[str]) -> None:
    plugin = plugins.owner(code, by_name)
    if plugin is not None and plugin.name not in section.found:
        section.found.add(plugin.name)
        section.why[plugin.name] = f"code {code}"


def to_ruff(code: str, found: set[str]) -> tuple[list[str], str]:
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
class Codes:
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


def translate_option(option: IniOption | None, found: set[str], into: Codes) -> None:
    if option is None:
        return
    for line in option.lines:
        comments = line.comments
        for code in values.commas_or_space(line.text):
            ruff, reason = to_ruff(code, found)
            if reason:
                into.dropped.append(reason)
            into.add(ruff, comments)
            if ruff:
                comments = ()


def files_to_codes(option: IniOption, path: str) -> list[Group]:
    """flake8's `parse_files_to_codes_mapping`, line-aware: (files, codes, comments) groups."""
    groups: list[Group] = []
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
