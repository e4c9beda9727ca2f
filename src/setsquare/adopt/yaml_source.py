"""Read YAML the way pre-commit does, refuse what it would silently misread, and map its text.

pre-commit loads its config with PyYAML's safe loader. `load` uses the same loader
with one difference: a mapping that repeats a key is refused, where PyYAML quietly
keeps the last value (so a second `repos:` makes the first one dead text).

`layout` walks the parser's events, which carry exact source offsets (aliases
included, unlike composed nodes, which point at their anchor), to find where the
top-level mapping and each of its values start and where their content ends.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from setsquare.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Hashable

BOM = "\ufeff"
#: What PyYAML counts as a line break. `str.splitlines` counts more (form feed, ...),
#: and a line that splits where the parser does not would misplace the splice.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_RETRY = "then run adopt again"


class DuplicateKeyError(yaml.YAMLError):
    """A mapping repeats a key; PyYAML would keep only the last value."""

    def __init__(self, key: object, line: int, first_line: int) -> None:
        super().__init__(f"duplicate key {key!r} on line {line}")
        self.key = key
        self.line = line
        self.first_line = first_line


class StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader (pre-commit's), except that a repeated mapping key is an error."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: dict[Hashable, int] = {}
        for key_node, _ in node.value:
            # `<<: *base` may legitimately be overridden by the keys beside it.
            if key_node.tag == _MERGE_TAG:
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:  # unhashable: the safe loader reports it itself
                continue
            if first is not None:
                raise DuplicateKeyError(key, line, first)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class Document:
    data: Any
    node: yaml.Node | None


#: Far deeper than any pre-commit config (about 5 levels); the composer recurses per
#: level, so without a limit of our own the outcome would depend on the stack in use.
MAX_DEPTH = 100


def _check_depth(text: str, path: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(
                    path,
                    f"invalid YAML: nested more than {MAX_DEPTH} levels deep",
                    line=event.start_mark.line + 1 if event.start_mark is not None else None,
                    hint=f"flatten the nesting, {_RETRY}",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str, path: str) -> Document:
    """Parse *text* (without a BOM); raise `InputError` naming the line of any problem."""
    loader = None
    try:
        _check_depth(text, path)
        loader = StrictLoader(text)  # checks every character is printable, up front
        node = loader.get_single_node()
        return Document(loader.construct_document(node) if node is not None else None, node)
    except DuplicateKeyError as error:
        raise InputError(
            path,
            f"duplicate key `{error.key}` (first on line {error.first_line})",
            line=error.line,
            hint=f"YAML keeps only the last `{error.key}`, so pre-commit ignores line "
            f"{error.first_line}; remove one of the two, {_RETRY}",
        ) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = ", ".join(filter(None, (error.context, error.problem))) or "invalid YAML"
        raise InputError(
            path,
            f"invalid YAML: {problem}",
            line=mark.line + 1 if mark is not None else None,
            hint=_hint(problem),
        ) from error
    except yaml.reader.ReaderError as error:
        raise InputError(
            path,
            f"invalid YAML: the control character U+{error.character:04X} is not allowed",
            line=len(LINE_BREAK.findall(text, 0, error.position)) + 1,
            hint=f"remove the control character, {_RETRY}",
        ) from error
    except RecursionError as error:
        raise InputError(
            path, "invalid YAML: nested too deeply", hint=f"flatten the nesting, {_RETRY}"
        ) from error
    finally:
        if loader is not None:
            loader.dispose()


def _hint(problem: str) -> str:
    if "'\\t'" in problem:
        return f"YAML does not allow tabs for indentation; indent with spaces, {_RETRY}"
    if "single document" in problem:
        return (
            "pre-commit reads exactly one YAML document; remove the second `---` and what "
            f"follows it (or merge it into the first), {_RETRY}"
        )
    return f"fix the YAML, {_RETRY}"


@dataclass
class Span:
    """A node of the top-level mapping, as source offsets."""

    event: yaml.NodeEvent
    #: where its last scalar, alias or flow bracket ends: after it come only
    #: comments, blank lines and the next node (a block collection's own end mark
    #: is the start of that next node, past any comments, so it is no use)
    content_end: int
    #: the first item of a collection, to learn the indentation its entries use
    first_item: yaml.NodeEvent | None = None

    @property
    def start(self) -> int:
        return index(self.event.start_mark)


@dataclass(frozen=True)
class Layout:
    top: yaml.NodeEvent | None
    #: keys and values of the top-level mapping, alternating
    children: list[Span]
    #: where an explicit document end (`...`) starts
    document_end: int | None
    #: anchors some alias refers to
    aliased: frozenset[str]

    @property
    def content_end(self) -> int | None:
        return self.children[-1].content_end if self.children else None

    def item(self, key: str) -> tuple[Span, Span] | None:
        for key_span, value in zip(self.children[::2], self.children[1::2], strict=True):
            event = key_span.event
            if isinstance(event, yaml.ScalarEvent) and event.value == key:
                return key_span, value
        return None


def layout(text: str) -> Layout:
    """Where the top-level nodes of *text* are; *text* must already have passed `load`."""
    top: yaml.NodeEvent | None = None
    children: list[Span] = []
    document_end = None
    aliased: set[str] = set()
    depth = 0
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.DocumentEndEvent) and event.explicit:
            document_end = index(event.start_mark)
        if isinstance(event, yaml.AliasEvent) and event.anchor is not None:
            aliased.add(event.anchor)
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            if depth == 0:
                top = event
            elif depth == 1:
                children.append(Span(event, index(event.end_mark)))
            elif depth == 2 and children[-1].first_item is None:
                children[-1].first_item = event
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                continue
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            # Block collections end with a zero-width mark; flow ones at their bracket.
            if index(event.end_mark) == index(event.start_mark):
                continue
        else:
            continue
        if depth >= 1 and children:
            children[-1].content_end = index(event.end_mark)
    return Layout(top, children, document_end, frozenset(aliased))


def content_end(node: yaml.Node) -> int:
    """Where a composed *node*'s last scalar or flow bracket ends (a block collection's
    own end mark lies past the comments after it). Aliases point at their anchor, so
    a caller that cuts text must check there are none in the span."""
    if isinstance(node, yaml.ScalarNode) or (
        isinstance(node, yaml.CollectionNode) and node.flow_style
    ):
        return index(node.end_mark)
    children: list[yaml.Node] = []
    for child in node.value:
        children.extend(child if isinstance(child, tuple) else (child,))
    return max((content_end(child) for child in children), default=index(node.end_mark))


def compose(text: str) -> yaml.Node | None:
    """The node tree of *text*, which must already have passed `load`."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def index(mark: object) -> int:
    if not isinstance(mark, yaml.Mark):  # the pure-Python parser always sets marks
        raise RuntimeError(f"PyYAML gave a node without a source position: {mark!r}")
    return mark.index


def column(text: str, at: int) -> int:
    return at - line_start(text, at)


def line_start(text: str, at: int) -> int:
    return max(text.rfind(char, 0, at) for char in _BREAK_CHARS) + 1


def at_line_start(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in _BREAK_CHARS


def rest_of_line(text: str, at: int) -> tuple[str, int | None]:
    """The text from *at* to the line break, and where the next line starts (None: no break)."""
    found = LINE_BREAK.search(text, at)
    if found is None:
        return text[at:], None
    return text[at : found.start()], found.end()


def newline(text: str) -> str:
    """The line ending most of *text* uses (on a tie, the first), for the lines adopt adds."""
    counts = Counter(LINE_BREAK.findall(text))
    if not counts:
        return "\n"
    ending = counts.most_common(1)[0][0]
    # NEL and the Unicode separators are line breaks to YAML, but no editor ends lines with them.
    return ending if ending in {"\r\n", "\r"} else "\n"
