"""Blanket noqa directives out where Ruff's PGH004 reports them, and nowhere else."""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.baseline_noqa import Span, blanket_spans, lines_of, strip_blanket
from tests.helpers import tool

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("line", "span", "expected"),
    [
        pytest.param("import os  # noqa\n", Span(1, 11, 17), "import os\n", id="trailing"),
        pytest.param("import os # NOQA\r\n", Span(1, 10, 16), "import os\r\n", id="crlf-kept"),
        pytest.param(
            "x = 1  # noqa  # keep me\n", Span(1, 7, 13), "x = 1  # keep me\n", id="comment-after"
        ),
        pytest.param("x = '#'  # noqa\n", Span(1, 9, 15), "x = '#'\n", id="hash-in-string-before"),
        pytest.param("x = 1  # noqa\n", Span(1, 3, 9), "x = 1  # noqa\n", id="moved-left-alone"),
        pytest.param("é = 1  # noqa", Span(1, 7, 13), "é = 1", id="columns-are-characters"),
    ],
)
def test_strip_blanket(line: str, span: Span, expected: str) -> None:
    assert strip_blanket(line, [span]) == expected


def test_lines_split_where_python_counts_lines_not_at_form_feeds() -> None:
    assert lines_of("a\r\nb\x0cc\nd") == ["a\r\n", "b\x0cc\n", "d"]


def test_spans_come_from_ruff_s_own_report(tmp_path: Path) -> None:
    """Real Ruff: PGH004 without a fix is a blanket; `# noqa E501` has Ruff's fix."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nselect = ["F", "PGH"]\n', encoding="utf-8"
    )
    source = "import os  # noqa\nimport sys  # noqa F401\né = 1 # NOQA\n"
    (tmp_path / "a.py").write_text(source, encoding="utf-8")
    result = subprocess.run(
        [tool("ruff"), "check", "--no-cache", "--output-format=json", "--exit-zero", "a.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    spans = blanket_spans(json.loads(result.stdout))
    assert list(spans.values()) == [[Span(1, 11, 17), Span(3, 6, 12)]]
    assert strip_blanket(source, next(iter(spans.values()))) == (
        "import os\nimport sys  # noqa F401\né = 1\n"
    )
