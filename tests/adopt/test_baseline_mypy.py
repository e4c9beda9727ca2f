"""mypy's errors recorded as `# type: ignore[code]` where mypy reads them (pure and real)."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.mypy_baseline import FilePlan, Finding, apply, parse_errors, plan
from tests.helpers import tool

if TYPE_CHECKING:
    from pathlib import Path


def test_parse_errors_reads_codes_columns_and_skips_notes() -> None:
    report = (
        "src/a.py:3: error: Incompatible types in assignment  [assignment]\n"
        'src/a.py:3:5: error: Name "x" is not defined  [name-defined]\n'
        "src/a.py:4: note: See https://mypy.rtfd.io\n"
        "src/b.py:9:1:9:4: error: Something without a code\n"
        "Found 3 errors in 2 files (checked 2 source files)\n"
    )
    assert parse_errors(report) == [
        Finding("src/a.py", 3, "assignment", "Incompatible types in assignment"),
        Finding("src/a.py", 3, "name-defined", 'Name "x" is not defined'),
        Finding("src/b.py", 9, "misc", "Something without a code"),
    ]


def _apply(text: str, *findings: tuple[int, str, str]) -> str:
    plans = plan(Finding("a.py", line, code, message) for line, code, message in findings)
    applied = apply(text, plans.get("a.py", FilePlan()))
    assert applied is not None
    return applied.text


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        pytest.param(
            "x: int = 's'\n",
            [(1, "assignment", "...")],
            "x: int = 's'  # type: ignore[assignment]\n",
            id="appended",
        ),
        pytest.param(
            "x: int = f(1)\n",
            [(1, "assignment", "..."), (1, "arg-type", "..."), (1, "arg-type", "...")],
            "x: int = f(1)  # type: ignore[arg-type, assignment]\n",
            id="codes-merged-and-sorted",
        ),
        pytest.param(
            "x: int = 's'  # noqa: E501\r\n",
            [(1, "assignment", "...")],
            "x: int = 's'  # type: ignore[assignment]  # noqa: E501\r\n",
            id="before-a-noqa-which-mypy-would-not-read-past",
        ),
        pytest.param(
            "x: int = f()  # type: ignore[call-arg]  # why\n",
            [(1, "assignment", "...")],
            "x: int = f()  # type: ignore[assignment, call-arg]  # why\n",
            id="into-an-existing-ignore",
        ),
        pytest.param(
            "import a  # type: ignore[import, misc]\n",
            [(1, "unused-ignore", 'Unused "type: ignore[misc]" comment')],
            "import a  # type: ignore[import]\n",
            id="unused-code-removed",
        ),
        pytest.param(
            "import a  # type: ignore  # noqa: F401\n",
            [(1, "unused-ignore", 'Unused "type: ignore" comment')],
            "import a  # noqa: F401\n",
            id="unused-blanket-removed-comment-after-kept",
        ),
        pytest.param(
            "a.b = 1  # type: ignore\n",
            [
                (
                    1,
                    "ignore-without-code",
                    (
                        '"type: ignore" comment without error code (consider '
                        '"type: ignore[attr-defined]" instead)'
                    ),
                )
            ],
            "a.b = 1  # type: ignore[attr-defined]\n",
            id="blanket-gets-the-code-mypy-suggests",
        ),
        pytest.param(
            'x = f(\n    """\n    text""",\n    2,\n)\n',
            [(4, "arg-type", "..."), (3, "arg-type", "...")],
            'x = f(\n    """\n    text""",  # type: ignore[arg-type]\n'
            "    2,  # type: ignore[arg-type]\n)\n",
            id="multi-line-call-each-reported-line",
        ),
        pytest.param(
            '#!/usr/bin/env python\nx = """\n%s""" % (\n    f("a")\n)\ny = 1 + \\\n    g()\n',
            [(2, "str-format", "..."), (6, "operator", "...")],
            '#!/usr/bin/env python\n# mypy: disable-error-code="operator, str-format"\n'
            'x = """\n%s""" % (\n    f("a")\n)\ny = 1 + \\\n    g()\n',
            id="no-comment-possible-goes-to-inline-config-after-shebang",
        ),
    ],
)
def test_apply(text: str, findings: list[tuple[int, str, str]], expected: str) -> None:
    assert _apply(text, *findings) == expected


def test_apply_is_none_for_a_file_that_does_not_tokenize() -> None:
    assert apply("x = (\n", FilePlan(add={1: {"misc"}})) is None


SOURCE = '''\
def f(a: int, b: str) -> int:
    return a


x: int = "s"
y = f(
    "no",
    2,
)
z = f(1, "a")  # type: ignore[arg-type]
s = """
%s""" % f("x", "y")
t: str = 1 + \\
    2
'''


def _mypy(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("mypy"), "--warn-unused-ignores", "--no-pretty", "--no-error-summary", "m.py"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_real_mypy_passes_after_one_round(tmp_path: Path) -> None:
    """Real mypy: every error recorded, the unused ignore gone; a second round has nothing."""
    (tmp_path / "m.py").write_text(SOURCE, encoding="utf-8")
    first = _mypy(tmp_path)
    assert first.returncode == 1
    plans = plan(parse_errors(first.stdout))
    applied = apply(SOURCE, plans["m.py"])
    assert applied is not None
    assert applied.moved == (13,)
    (tmp_path / "m.py").write_text(applied.text, encoding="utf-8")
    second = _mypy(tmp_path)
    assert (second.returncode, second.stdout) == (0, "")
    assert 'z = f(1, "a")\n' in applied.text
