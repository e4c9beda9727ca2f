"""Read INI files (setup.cfg, tox.ini, .flake8, mypy.ini, ...) keeping lines and comments.

configparser decides what the file *means* (values, duplicates, syntax errors) so
we agree with the tools that read these files; a line scan on top records where
each option and each value line came from and the comments written above them,
which configparser throws away and a migration must carry over.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass, field

from setsquare.errors import InputError

#: a ``[section]`` header and a ``key = value`` line, stripped (also used by `strip`)
SECTION = re.compile(r"\[(?P<name>[^]]+)\]")
OPTION = re.compile(r"(?P<key>[^=:\s][^=:]*?)\s*[=:]\s*(?P<value>.*)$")
_COMMENT_PREFIXES = ("#", ";")


@dataclass(frozen=True)
class IniLine:
    """One physical line of an option's value (the first one may share the key's line)."""

    text: str
    line: int
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class IniOption:
    """An option as configparser reads it (no interpolation), with its origin."""

    key: str
    value: str
    line: int
    comments: tuple[str, ...]
    lines: tuple[IniLine, ...]


@dataclass(frozen=True)
class IniSection:
    name: str
    line: int
    comments: tuple[str, ...]
    options: tuple[IniOption, ...]

    def get(self, key: str) -> IniOption | None:
        return next((option for option in self.options if option.key == key), None)


@dataclass(frozen=True)
class IniFile:
    path: str
    header_comments: tuple[str, ...]
    sections: tuple[IniSection, ...]

    def section(self, name: str) -> IniSection | None:
        return next((section for section in self.sections if section.name == name), None)


@dataclass
class _OpenOption:
    key: str
    line: int
    comments: tuple[str, ...]
    lines: list[IniLine] = field(default_factory=list)


def _comment_text(stripped: str) -> str:
    return stripped[1:].strip()


def _validate(text: str, path: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text, source=path)
    except configparser.DuplicateOptionError as error:
        raise InputError(
            path,
            f"option `{error.option}` appears twice in section [{error.section}]",
            line=error.lineno,
            hint="keep one of the two; the tools that read this file refuse it too",
        ) from error
    except configparser.DuplicateSectionError as error:
        raise InputError(
            path,
            f"section [{error.section}] appears twice",
            line=error.lineno,
            hint="merge the two sections into one",
        ) from error
    except configparser.MissingSectionHeaderError as error:
        raise InputError(
            path,
            f"text before the first [section] header: {error.line.strip()!r}",
            line=error.lineno,
            hint="every option must be inside a [section]",
        ) from error
    except configparser.ParsingError as error:
        lineno = error.errors[0][0]
        raise InputError(
            path,
            f"cannot parse {text.splitlines()[lineno - 1].strip()!r}",
            line=lineno,
            hint="each line must be `key = value`, an indented continuation, or a comment",
        ) from error
    return parser


def parse_ini(text: str, path: str) -> IniFile:
    """Parse *text* (the contents of *path*); raise `InputError` naming file and line."""
    parser = _validate(text, path)
    header: tuple[str, ...] = ()
    sections: list[IniSection] = []
    pending: list[str] = []
    name: str | None = None
    section_line = 0
    section_comments: tuple[str, ...] = ()
    options: list[IniOption] = []
    current: _OpenOption | None = None

    def close_option() -> None:
        nonlocal current
        if current is not None and name is not None:
            value = parser.get(name, current.key)
            options.append(
                IniOption(current.key, value, current.line, current.comments, tuple(current.lines))
            )
        current = None

    def close_section() -> None:
        close_option()
        if name is not None:
            sections.append(IniSection(name, section_line, section_comments, tuple(options)))

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith(_COMMENT_PREFIXES):
            pending.append(_comment_text(stripped))
            continue
        indented = raw[:1].isspace()
        if indented and current is not None:
            current.lines.append(IniLine(stripped, number, tuple(pending)))
            pending = []
            continue
        match = SECTION.fullmatch(stripped)
        if match is not None and not indented:
            close_section()
            if name is None and not sections:
                header, pending = tuple(pending), []
            name, section_line = match["name"], number
            section_comments, pending = tuple(pending), []
            options = []
            continue
        option = OPTION.match(stripped)
        if option is None or name is None:  # pragma: no cover - configparser refused it already
            raise InputError(path, f"cannot parse {stripped!r}", line=number)
        close_option()
        first = option["value"].strip()
        current = _OpenOption(option["key"].strip(), number, tuple(pending))
        if first:
            current.lines.append(IniLine(first, number))
        pending = []
    close_section()
    if name is None:
        header = tuple(pending)
    return IniFile(path=path, header_comments=header, sections=tuple(sections))
