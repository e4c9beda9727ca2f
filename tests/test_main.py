from __future__ import annotations

import subprocess
import sys

import pytest

from setsquare import __version__
from setsquare.main import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["--version"])
    assert excinfo.value.code == 0
    assert capsys.readouterr().out == f"setsquare {__version__}\n"


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main([])
    assert excinfo.value.code == 2
    assert "required: COMMAND" in capsys.readouterr().err


def test_internal_error_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(**_: object) -> int:
        msg = "bug"
        raise RuntimeError(msg)

    monkeypatch.setattr("setsquare.commands.new.new", boom)
    assert main(["new", "x"]) == 3
    err = capsys.readouterr().err
    assert "RuntimeError: bug" in err
    assert "error: setsquare hit an internal error" in err


def test_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(**_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("setsquare.commands.new.new", interrupted)
    assert main(["new", "x"]) == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_python_dash_m_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "setsquare", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "new" in result.stdout
