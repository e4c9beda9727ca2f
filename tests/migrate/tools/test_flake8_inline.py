"""Inline comments in flake8 code lists: what flake8 reads, what stays a comment."""

from __future__ import annotations

import pytest

from setsquare.migrate.tools.flake8.inline import comment_note, line_codes


@pytest.mark.parametrize(
    ("text", "codes", "comment"),
    [
        pytest.param("E501", ["E501"], "", id="no-comment"),
        pytest.param("E501  # long lines", ["E501"], "long lines", id="hash"),
        pytest.param("E203, W503  ; black", ["E203", "W503"], "black", id="semicolon"),
        pytest.param("E501#x", ["E501#x"], "", id="no-space-no-comment"),
        pytest.param("E1  # W503 too", ["E1", "W503"], "W503 too", id="code-shaped-word-counts"),
        pytest.param("E1  # I like E", ["E1", "I", "E"], "I like E", id="short-words-count"),
        pytest.param("# E,W", ["E", "W"], "E,W", id="all-comment"),
    ],
)
def test_line_codes(text: str, codes: list[str], comment: str) -> None:
    assert line_codes(text)[:2] == (codes, comment)


@pytest.mark.parametrize(
    ("key", "counted", "note"),
    [
        pytest.param("select", [], "the inline comment 'x y' stays a comment", id="select"),
        pytest.param(
            "extend_ignore",
            [],
            "the inline comment 'x y' stays a comment (flake8 6 and later refuse it in "
            "`extend_ignore`: they read it as codes)",
            id="ignore-refused-by-flake8-6",
        ),
        pytest.param(
            "ignore",
            ["W503"],
            "the inline comment 'x y' stays a comment; flake8 counted W503 in it as codes, so "
            "they still count",
            id="counted",
        ),
    ],
)
def test_comment_note(key: str, counted: list[str], note: str) -> None:
    assert comment_note(key, "x y", counted) == note
