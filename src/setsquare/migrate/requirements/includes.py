"""The ``-r``/``-c`` includes between requirements files: every target exists, no cycles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.errors import InputError
from setsquare.migrate.requirements.lines import (
    CONSTRAINT,
    INCLUDE,
    logical_lines,
    resolve,
    split_option,
)

if TYPE_CHECKING:
    from collections.abc import Mapping


def include_graph(
    files: Mapping[str, str], *, exists: set[str]
) -> dict[str, list[tuple[str, int]]]:
    """For each file, the files it ``-r``-includes (with the line); missing files raise."""
    graph: dict[str, list[tuple[str, int]]] = {}
    for path, text in files.items():
        edges = []
        for line in logical_lines(text):
            if not line.text.startswith("-"):
                continue
            name, value = split_option(line.text)
            if name not in INCLUDE and name not in CONSTRAINT:
                continue
            included = resolve(path, value)
            if "://" in included:
                continue  # pip fetches it; convert_file keeps the line
            if included not in exists:
                raise InputError(
                    path,
                    f"{name} {value}: no such file ({included})",
                    line=line.line,
                    hint="fix the path (it is relative to the file that includes it)",
                )
            if name in INCLUDE:
                edges.append((included, line.line))
        graph[path] = edges
    _refuse_cycles(graph)
    return graph


def _refuse_cycles(graph: Mapping[str, list[tuple[str, int]]]) -> None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for child, line in graph.get(node, []):
            if state.get(child) == 1:
                cycle = (
                    " -> ".join([*trail[trail.index(child) :], child])
                    if child in trail
                    else f"{node} -> {child}"
                )
                raise InputError(
                    node,
                    f"-r includes form a cycle: {cycle}",
                    line=line,
                    hint="remove one of the includes",
                )
            if child not in state:
                visit(child, [*trail, child])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
