from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.hooks.check_tool_pins import main

if TYPE_CHECKING:
    from pathlib import Path

GOOD = """\
[dependency-groups]
lint = ["ruff==0.17.6", "mypy==2.4.1"]

[tool.ruff.lint]
select = ["E", "F"]
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_aligned_project_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(GOOD, encoding="utf-8")
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_drift_and_default_rules_are_flagged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text(
        '[dependency-groups]\ndev = ["ruff==0.16.3"]\n', encoding="utf-8"
    )
    (repo / "uv.lock").write_text(
        'version = 1\n[[package]]\nname = "mypy"\nversion = "2.3.0"\n', encoding="utf-8"
    )
    assert main(["pyproject.toml"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        (
            "pyproject.toml [dependency-groups].dev: `ruff==0.16.3` excludes ruff 0.17.6, "
            "the version the setsquare bundle runs"
        ),
        "uv.lock: locks mypy 2.3.0, but the setsquare bundle runs mypy 2.4.1",
        (
            "pyproject.toml: [tool.ruff.lint] has no `select`, so the rules follow Ruff's default "
            "set, which changed in Ruff 0.16 and 0.17"
        ),
        "hint: run `setsquare adopt` to align the pins and the Ruff rule selection",
    ]


def test_ruff_toml_select_counts(repo: Path) -> None:
    (repo / "ruff.toml").write_text('[lint]\nselect = ["E"]\n', encoding="utf-8")
    assert main([]) == 0


def test_broken_lock_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text(GOOD, encoding="utf-8")
    (repo / "uv.lock").write_text("version = \n", encoding="utf-8")
    assert main([]) == 1
    assert capsys.readouterr().err.startswith("error: uv.lock:1: invalid TOML")


PINS = '[dependency-groups]\nlint = ["ruff==0.17.6", "mypy==2.4.1"]\n'
NO_SELECT = (
    "{}: [lint] has no `select`, so the rules follow Ruff's default set, which changed in "
    "Ruff 0.16 and 0.17"
)


@pytest.mark.parametrize(
    ("files", "flagged"),
    [
        # Ruff reads ruff.toml and never the pyproject.toml select beside it (empty or not).
        ({"ruff.toml": "line-length = 99\n"}, "ruff.toml"),
        ({"ruff.toml": ""}, "ruff.toml"),
        # Ruff reads .ruff.toml before ruff.toml.
        ({".ruff.toml": "", "ruff.toml": '[lint]\nselect = ["E"]\n'}, ".ruff.toml"),
        ({".ruff.toml": '[lint]\nselect = ["E"]\n', "ruff.toml": ""}, None),
        # extend is followed within the project.
        ({"ruff.toml": 'extend = "base.toml"\n', "base.toml": '[lint]\nselect = ["E"]\n'}, None),
        ({"ruff.toml": 'extend = "pyproject.toml"\n'}, None),
    ],
)
def test_the_file_ruff_reads_decides(
    repo: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], flagged: str | None
) -> None:
    (repo / "pyproject.toml").write_text(GOOD, encoding="utf-8")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    assert main([]) == (0 if flagged is None else 1)
    out = capsys.readouterr().out.splitlines()
    if flagged is None:
        assert out == []
    else:
        assert out == [
            NO_SELECT.format(flagged),
            "hint: run `setsquare adopt` to align the pins and the Ruff rule selection",
        ]


def test_an_extended_file_outside_the_project_is_named(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PINS + '\n[tool.ruff]\nextend = "../ruff.toml"\n'
    (repo / "pyproject.toml").write_text(text, encoding="utf-8")
    assert main([]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "pyproject.toml: Ruff's settings extend ../ruff.toml, outside the project or missing, "
            "and select no rules of their own, so the rules cannot be checked here"
        ),
        "hint: make sure ../ruff.toml selects its rules explicitly",
    ]


def test_a_broken_extended_file_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "ruff.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    (repo / "base.toml").write_text("[lint\n", encoding="utf-8")
    assert main([]) == 1
    assert capsys.readouterr().err.startswith("error: base.toml:1: invalid TOML")
