"""flake8's codes and how flake8 reads them: the plugins in use and their Ruff selectors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.tools import values
from setsquare.migrate.tools.flake8 import plugins
from setsquare.migrate.tools.flake8.inline import comment_note, line_codes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from setsquare.migrate.ini import IniOption

    #: (flake8 code, its Ruff selectors) -> (the selectors to keep, why the others go)
    Narrow = Callable[[str, list[str]], tuple[list[str], list[str]]]

#: per-file-ignores entries: (file patterns, codes, comments above them)
Group = tuple[list[str], list[str], tuple[str, ...]]
_TOKEN = re.compile(
    r"(?P<code>[A-Z]+[0-9]*(?=$|\s|,))|(?P<file>[^\s:,]+)|(?P<colon>\s*:\s*)"
    r"|(?P<comma>\s*,\s*)|(?P<ws>\s+)"
)
#: flake8's default ignore list (``flake8/defaults.py`` IGNORE; its E24 is E241 and E242)
DEFAULT_IGNORE = ("E121", "E123", "E126", "E226", "E241", "E242", "E704", "W503", "W504")


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

    def reports(
        self,
        code: str,
        also_ignored: Sequence[str] = (),
        default_ignore: Sequence[str] = DEFAULT_IGNORE,
    ) -> bool:
        """Whether flake8 reports *code* with this section (per-file codes in *also_ignored*)."""
        select, ignore = self.get("select"), self.get("ignore")
        # flake8's default selection is every installed plugin's entry-point prefix.
        default_select = [p for name in self.found for p in plugins.BY_NAME[name].codes]
        return decides(
            code,
            select=None if select is None else codes(select),
            extend_select=codes(self.get("extend-select")),
            ignore=None if ignore is None else codes(ignore),
            extend_ignore=[*codes(self.get("extend-ignore")), *also_ignored],
            default_select=default_select,
            default_ignore=default_ignore,
        )


def _longest(code: str, prefixes: Sequence[str]) -> int:
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=-1)


def decides(
    code: str,
    *,
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str] | None,
    extend_ignore: Sequence[str],
    default_select: Sequence[str],
    default_ignore: Sequence[str] = DEFAULT_IGNORE,
) -> bool:
    """flake8's ``DecisionEngine.make_decision`` (``flake8/style_guide.py``): True = reported.

    A plain `select`/`ignore` replaces the default list (the installed plugins' codes, and
    DEFAULT_IGNORE); the extend- options add to whichever is in force. A code chosen by
    name (select or extend-select) beats an implicit ignore and the other way round; in a
    tie the longest matching prefix wins, and an equal length means ignored.
    """
    selected = [*(default_select if select is None else select), *extend_select]
    ignored = [*(default_ignore if ignore is None else ignore), *extend_ignore]
    by_name = _longest(code, [*(select or ()), *extend_select]) >= 0
    ignored_by_name = _longest(code, [*(ignore or ()), *extend_ignore]) >= 0
    if _longest(code, selected) < 0:
        return False
    if _longest(code, ignored) < 0:
        return True
    if by_name != ignored_by_name:
        return by_name
    return _longest(code, selected) > _longest(code, ignored)


def codes(option: IniOption | None) -> list[str]:
    if option is None:
        return []
    return [code for line in option.value.splitlines() for code in line_codes(line)[0]]


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
            meaning = f": {owner.catalogue[code]}" if code in owner.catalogue else ""
            reason = f"Ruff has no rule for {code} ({owner.name}{meaning})"
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


def narrow_ignore(
    section: Section, also_ignored: Sequence[str], code: str, ruff: list[str]
) -> tuple[list[str], list[str]]:
    """*ruff* without the selectors that would silence codes flake8 still reported.

    Ruff's I001 is flake8-isort's and flake8-import-order's checks in one rule, so
    ignoring one of those codes may only ignore I001 when every one of them is off.
    """
    kept: list[str] = []
    reasons: list[str] = []
    for selector in ruff:
        still: dict[str, list[str]] = {}
        for rule in (rule for rule in plugins.merged_rules() if rule.startswith(selector)):
            for name in sorted(section.found):
                for other in plugins.merged_into(rule, [name]):
                    if section.reports(other, also_ignored):
                        still.setdefault(name, []).append(other)
        if not still:
            kept.append(selector)
            continue
        owner = plugins.owner(code, section.found)
        if owner is not None and code in owner.catalogue:
            meaning = owner.catalogue[code]
            reasons.append(f"Ruff has no rule for {code} alone ({owner.name}: {meaning})")
        else:
            reasons.append(f"Ruff can only ignore {code} as {selector}")
        # The same for every code it keeps on: callers drop repeated reasons.
        rest = " and ".join(f"{name}'s {', '.join(on)}" for name, on in still.items())
        reasons.append(
            f"Ruff's {selector} also checks {rest}, which flake8 still checked, so {selector}"
            " stays on"
        )
    return kept, reasons


def translate_option(
    option: IniOption | None, found: set[str], into: Codes, narrow: Narrow | None = None
) -> None:
    if option is None:
        return
    for line in option.lines:
        line_list, comment, counted = line_codes(line.text)
        comments = (*line.comments, comment) if comment else line.comments
        if comment:
            into.dropped.append(comment_note(option.key, comment, counted))
        for code in line_list:
            ruff, reason = to_ruff(code, found)
            if reason:
                into.dropped.append(reason)
            if narrow is not None:
                ruff, reasons = narrow(code, ruff)
                into.dropped.extend(reasons)
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
        # flake8 would read an inline comment's words as file patterns (and refuse the
        # value when it ends so); they are the comment over the group they follow.
        text, comment = values.inline_comment(line.text)
        for match in _TOKEN.finditer(text):
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
        if comment and files:
            comments = (*comments, comment)
        elif comment and groups:
            done_files, done_codes, done_comments = groups[-1]
            groups[-1] = (done_files, done_codes, (*done_comments, comment))
    flush()
    return groups


def _bad_per_file(option: IniOption, path: str, line: int) -> None:
    raise InputError(
        path,
        f"cannot parse `{option.key}`: expected `file-pattern: CODE, CODE`",
        line=line,
        hint="write one `pattern: codes` pair per line; flake8 refuses this value too",
    )
