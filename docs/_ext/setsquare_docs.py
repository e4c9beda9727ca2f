"""Reference pages generated from the code, so the documentation cannot drift from it.

- ``setsquare-help [COMMAND]``: the command line's own ``--help`` text;
- ``setsquare-hooks``: the bundle's hooks, from ``.pre-commit-hooks.yaml``;
- ``setsquare-migrate-mapping SOURCE``: what ``migrate`` does with each key of SOURCE
  (``setup.cfg``, ``setup.py``, ``requirements`` or ``tools``), read from the ledgers of
  the golden cases in ``tests/migrate/`` — the reviewed output of the real command, which
  the test suite holds byte for byte to what ``migrate`` prints.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx.application import Sphinx

REPO_ROOT = Path(__file__).resolve().parents[2]
#: argparse wraps help text to the terminal's width; the pages use one fixed width.
HELP_COLUMNS = "88"


def _cell(value: str | nodes.Node) -> nodes.entry:
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    if isinstance(value, nodes.Node):
        paragraph += value
    else:
        paragraph += nodes.Text(value)
    entry += paragraph
    return entry


def _code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str | nodes.Node]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head_row = nodes.row()
    for title in header:
        head_row += _cell(title)
    head += head_row
    group += head
    body = nodes.tbody()
    for values in rows:
        row = nodes.row()
        for value in values:
            row += _cell(value)
        body += row
    group += body
    return table


@contextmanager
def _columns(width: str) -> Iterator[None]:
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def command_help(command: str | None) -> str:
    """The ``--help`` text of ``setsquare`` or of one of its commands."""
    from setsquare.parser import make_parser

    with _columns(HELP_COLUMNS):
        parser = make_parser()
        if command:
            action = next(a for a in parser._actions if a.dest == "command")
            choices: dict[str, Any] = action.choices  # type: ignore[assignment]
            parser = choices[command]
        return parser.format_help()


class HelpDirective(SphinxDirective):
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        text = command_help(self.arguments[0] if self.arguments else None)
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def hooks() -> list[dict[str, Any]]:
    text = (REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    loaded: list[dict[str, Any]] = yaml.safe_load(text)
    return loaded


def _runs_on(hook: dict[str, Any]) -> str:
    parts = []
    for key in ("files", "types", "types_or", "exclude_types"):
        if key in hook:
            parts.append(f"{key}: {hook[key]}")
    if hook.get("pass_filenames") is False:
        parts.append("the whole project")
    return "; ".join(parts) or "every file"


class HooksDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows = [(_code(h["id"]), h["name"], _code(h["entry"]), _runs_on(h)) for h in hooks()]
        return [_table(("id", "name", "runs", "on"), rows)]


#: ``ACTION  FILE[:LINE] [SECTION] KEY -> TARGET (REASON)``, as the ledger prints it.
_LEDGER_LINE = re.compile(
    r"^(?P<action>mapped|transformed|moved|dropped|kept)\s+"
    r"(?P<file>[^\s:]+)(?::\d+)?\s+"
    r"(?:\[(?P<section>[^\]]+)\]\s*)?"
    r"(?P<key>[^(]*?)"
    r"(?:\s*->\s*(?P<target>.*?))?"
    r"(?:\s*\((?P<reason>.*)\))?$"
)


def _is_packaging(section: str | None) -> bool:
    return section is not None and (section == "metadata" or section.startswith("options"))


def _source(file: str, section: str | None) -> str:
    """Which table of the mapping reference a ledger row belongs to."""
    if file == "setup.cfg" and _is_packaging(section):
        return "setup.cfg"
    if file == "setup.py":
        return "setup.py"
    if "requirements" in file:
        return "requirements"
    return "tools"


SOURCES = ("setup.cfg", "setup.py", "requirements", "tools")


def _requirement_kind(line: str) -> str:
    """One row per kind of line, not one per package."""
    if not line:
        return "(the file)"
    if line.startswith("-"):
        return line.split()[0]
    for mark, kind in (("--hash", "with --hash"), ("${", "with ${VAR}"), ("://", "a URL")):
        if mark in line:
            return f"a requirement {kind}" if kind.startswith("with") else kind
    return "a requirement"


def ledgers() -> list[Path]:
    cases = REPO_ROOT / "tests" / "migrate"
    return sorted(cases.glob("cases/*/ledger.txt"))


def mapping(source: str) -> list[tuple[str, str, str, str, str]]:
    """Unique (file, section, key, what, why) rows of *source*, from the golden ledgers."""
    rows: dict[tuple[str, str, str, str, str], None] = {}
    for ledger in ledgers():
        for line in ledger.read_text(encoding="utf-8").splitlines():
            found = _LEDGER_LINE.match(line)
            if found is None:
                continue
            file, section = found["file"], found["section"]
            key = found["key"].strip()
            if _source(file, section) != source or not (key or source == "requirements"):
                continue
            target = found["target"] or ""
            what = f"{found['action']} → {target}" if target else found["action"]
            if source == "requirements":
                key = _requirement_kind(key)
            rows[(file, f"[{section}]" if section else "", key, what, found["reason"] or "")] = None
    return sorted(rows)


class MappingDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        source = self.arguments[0]
        if source not in SOURCES:
            raise self.error(f"unknown source {source!r}: one of {', '.join(SOURCES)}")
        rows = [
            (file, section, _code(key), what, why)
            for file, section, key, what, why in mapping(source)
        ]
        if not rows:
            raise self.error(f"no golden ledger has a row for {source!r}")
        return [_table(("file", "section", "key", "becomes", "why"), rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("setsquare-help", HelpDirective)
    app.add_directive("setsquare-hooks", HooksDirective)
    app.add_directive("setsquare-migrate-mapping", MappingDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
