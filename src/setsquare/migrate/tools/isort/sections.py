"""isort's sections -> Ruff's ``section-order`` and ``[tool.ruff.lint.isort.sections]``.

Custom sections (``sections = ...,DJANGO,...`` with ``known_django``) become sections
of Ruff's own. isort's section names are case-sensitive (``known_<name>`` is not), and a
module listed in two sections goes where isort puts it: the later section in ``sections``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.tools import values

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from setsquare.migrate.model import Field
    from setsquare.migrate.tools.isort.config import Opt
    from setsquare.migrate.tools.plan import ToolPlan

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
_KEBAB = "Ruff spells section names in kebab-case"


def handles(key: str) -> bool:
    """Whether *key* names sections (the standard known lists are mapped as lists)."""
    return key in ("sections", "no_lines_before", "default_section") or (
        key.startswith("known_") and key not in _STANDARD_KNOWN
    )


@dataclass(frozen=True)
class Sections:
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


def section_list(opts: Mapping[str, Opt]) -> Sections:
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
    return Sections(ruff, default)


def losers(opts: Mapping[str, Opt], sections: Sections) -> dict[str, dict[str, str]]:
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
class SectionMapper:
    """The settings of ``[tool.ruff.lint.isort]`` and its ``sections`` table, as they fill."""

    sections: Sections
    losers: dict[str, dict[str, str]]
    plan: ToolPlan
    fields: list[Field] = field(default_factory=list)
    custom: list[Field] = field(default_factory=list)

    def drop(self, opt: Opt, reason: str) -> None:
        self.plan.entries.append(Entry(opt.source, Action.DROPPED, "", reason))

    def known(self, opt: Opt, key: str, table: list[Field]) -> None:
        value, reason = opt.as_list(), ""
        taken = self.losers.get(opt.key, {})
        if taken:
            value = _without(value, taken)
            reason = "; ".join(
                f"isort places {module} in {section}, the later section listing it"
                for module, section in taken.items()
            )
            if not value.items and table is self.fields:
                self.drop(opt, reason)
                return
        table.append(opt.field(key, value.items, reason, element_comments=value.element_comments))

    def sections_setting(self, opt: Opt) -> None:
        key = opt.key
        if key == "sections":
            order = list(self.sections.ruff.values())
            self.fields.append(opt.field("section-order", order, _KEBAB))
        elif key == "default_section":
            name = self.sections.ruff[self.sections.default]
            self.fields.append(opt.field("default-section", name, _KEBAB))
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
                self.fields.append(opt.field("no-lines-before", kept, reason))
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
        filled = {entry.key for entry in self.custom}
        for name, ruff in self.sections.ruff.items():
            if opt is not None and name not in _SECTION_NAMES and ruff not in filled:
                reason = f"isort has no known_{name.lower()}: an empty section, as in isort"
                self.custom.append(opt.field(ruff, [], reason))
        order = list(self.sections.ruff.values())
        self.custom.sort(key=lambda entry: order.index(entry.key))
