"""Compare what two builds of a project publish: METADATA, entry points, file lists.

Only spellings known to mean the same are folded together before comparing:
``Home-page``/``Download-URL`` become ``Project-URL``s, author and maintainer
names and e-mails are compared as sets however they are folded, ``License`` may
become an equal ``License-Expression`` (its ``License ::`` classifiers then
dropped), a missing ``Description-Content-Type`` is ``text/x-rst``, and
``Metadata-Version`` and ``Dynamic`` are ignored. In the wheel,
``dependency_links.txt`` may go (pip never reads it; setuptools refuses
``dependency_links`` in pyproject.toml, and the ledger says it was dropped).
The flag files of the obsolete ``zip_safe`` may come or go in both listings
(`ZIP_FLAGS`). Everything else must be equal.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from email.parser import HeaderParser
from email.utils import getaddresses
from typing import TYPE_CHECKING

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable
    from email.message import Message

_IGNORED = {"metadata-version", "dynamic"}
_PEOPLE = {"author", "author-email", "maintainer", "maintainer-email"}
_FOLDED = {
    *_IGNORED,
    *_PEOPLE,
    "home-page",
    "download-url",
    "project-url",
    "license",
    "license-expression",
    "classifier",
    "requires-dist",
    "provides-extra",
    "requires-python",
    "description-content-type",
}

#: The flag files setuptools writes for ``zip_safe``: ``not-zip-safe`` / ``zip-safe`` in
#: the egg-info (the sdist's), ``zip-safe`` copied on into the wheel's dist-info (its
#: bdist_wheel leaves ``not-zip-safe`` out). setuptools calls the flag obsolete (its
#: "deprecated/zip_safe" page: only eggs use it, no installer reads it) and the
#: migration drops it, so these are the one trace a dropped ``zip_safe`` leaves.
ZIP_FLAGS = (".egg-info/not-zip-safe", ".egg-info/zip-safe", ".dist-info/zip-safe")


@dataclass(frozen=True)
class Artifacts:
    """What one build published, read from its wheel and sdist."""

    metadata: str
    entry_points: str
    wheel_files: frozenset[str]
    sdist_files: frozenset[str]


def _fields(message: Message) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key.lower(), []).append(str(value).strip())
    return fields


def _urls(fields: dict[str, list[str]]) -> list[tuple[str, str]]:
    urls = [("Homepage", url) for url in fields.get("home-page", [])]
    urls += [("Download", url) for url in fields.get("download-url", [])]
    for entry in fields.get("project-url", []):
        label, _, url = entry.partition(",")
        urls.append((label.strip(), url.strip()))
    return sorted(urls)


def _people(fields: dict[str, list[str]], role: str) -> tuple[list[str], list[str]]:
    names: list[str] = []
    emails: list[str] = []
    for value in fields.get(role, []):
        names += [n.strip() for n in value.split(",") if n.strip()]
    for value in fields.get(f"{role}-email", []):
        for name, address in getaddresses([value]):
            if name:
                names.append(name)
            if address:
                emails.append(address)
    return sorted(names), sorted(emails)


def _requirements(values: Iterable[str]) -> list[str]:
    found = []
    for value in values:
        try:
            found.append(str(Requirement(value)))
        except InvalidRequirement:
            found.append(value)
    return sorted(found)


def _specifier(values: list[str]) -> str:
    try:
        return str(SpecifierSet(values[0])) if values else ""
    except InvalidSpecifier:
        return values[0]


def _license(fields: dict[str, list[str]]) -> tuple[str, bool]:
    """The license as an expression when it is one, and whether it was written as one."""
    if "license-expression" in fields:
        return fields["license-expression"][0], True
    text = fields.get("license", [""])[0]
    try:
        return canonicalize_license_expression(text), False
    except InvalidLicenseExpression:
        return text, False


def compare_metadata(before: str, after: str) -> list[str]:
    """Differences between two METADATA files, after folding equivalent spellings."""
    parser = HeaderParser()
    old_message, new_message = parser.parsestr(before), parser.parsestr(after)
    old, new = _fields(old_message), _fields(new_message)
    problems: list[str] = []

    def differ(what: str, left: object, right: object) -> None:
        if left != right:
            problems.append(f"{what}: {left!r} before, {right!r} after")

    for key in sorted((old.keys() | new.keys()) - _FOLDED):
        differ(key.title(), old.get(key, []), new.get(key, []))
    differ("Project-URL", _urls(old), _urls(new))
    for role in ("author", "maintainer"):
        differ(f"{role.title()} (names, e-mails)", _people(old, role), _people(new, role))
    old_license, _ = _license(old)
    new_license, new_is_expression = _license(new)
    differ("License", old_license, new_license)
    old_classifiers = old.get("classifier", [])
    if new_is_expression and "license-expression" not in old:
        old_classifiers = [c for c in old_classifiers if not c.startswith("License ::")]
    differ("Classifier", old_classifiers, new.get("classifier", []))
    differ(
        "Requires-Dist",
        _requirements(old.get("requires-dist", [])),
        _requirements(new.get("requires-dist", [])),
    )
    differ(
        "Provides-Extra",
        sorted(canonicalize_name(e) for e in old.get("provides-extra", [])),
        sorted(canonicalize_name(e) for e in new.get("provides-extra", [])),
    )
    differ(
        "Requires-Python",
        _specifier(old.get("requires-python", [])),
        _specifier(new.get("requires-python", [])),
    )
    differ(
        "Description-Content-Type",
        old.get("description-content-type", ["text/x-rst"]),
        new.get("description-content-type", ["text/x-rst"]),
    )
    differ(
        "Description",
        str(old_message.get_payload()).strip(),
        str(new_message.get_payload()).strip(),
    )
    return problems


def _entry_points(text: str) -> dict[str, dict[str, str]]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return {s: {k: " ".join(v.split()) for k, v in parser[s].items()} for s in parser.sections()}


def compare_artifacts(before: Artifacts, after: Artifacts, *, sdist_allowed: set[str]) -> list[str]:
    """Every difference that matters; *sdist_allowed* are files the migration added or removed."""
    problems = [f"METADATA {p}" for p in compare_metadata(before.metadata, after.metadata)]
    if _entry_points(before.entry_points) != _entry_points(after.entry_points):
        problems.append(
            f"entry points: {_entry_points(before.entry_points)} before, "
            f"{_entry_points(after.entry_points)} after"
        )
    links = {n for n in before.wheel_files if n.endswith(".dist-info/dependency_links.txt")}
    flags = {
        n
        for n in before.wheel_files | after.wheel_files | before.sdist_files | after.sdist_files
        if n.endswith(ZIP_FLAGS)
    }
    for what, old, new, allowed in (
        ("wheel", before.wheel_files, after.wheel_files, links | flags),
        ("sdist", before.sdist_files, after.sdist_files, sdist_allowed | flags),
    ):
        gone = sorted(old - new - allowed)
        added = sorted(new - old - allowed)
        if gone:
            problems.append(f"{what} lost {', '.join(gone)}")
        if added:
            problems.append(f"{what} gained {', '.join(added)}")
    return problems
