from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from setsquare import __version__
from setsquare.main import Terminated, main

if TYPE_CHECKING:
    from pathlib import Path


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


@pytest.mark.parametrize(
    ("signal_error", "code", "line"),
    [(KeyboardInterrupt, 130, "interrupted\n"), (Terminated, 143, "terminated\n")],
)
def test_a_signal_wrapped_by_an_import_is_still_that_signal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    signal_error: type[BaseException],
    code: int,
    line: str,
) -> None:
    # What dataclasses does when Ctrl-C lands in __set_name__ during a lazy import.
    def wrapped(**_: object) -> int:
        try:
            raise signal_error
        except BaseException as error:
            msg = "Error calling __set_name__ on 'Field' instance"
            raise RuntimeError(msg) from error

    monkeypatch.setattr("setsquare.commands.new.new", wrapped)
    assert main(["new", "x"]) == code
    assert capsys.readouterr().err == line


def test_a_closed_output_pipe_exits_141_quietly(tmp_path: Path) -> None:
    # More output than a pipe buffer holds, so the write after the reader left fails.
    lines = "".join(f"    package-{n}\n" for n in range(4000))
    (tmp_path / "setup.cfg").write_text(
        f"[metadata]\nname = a\nversion = 1\n[options]\ninstall_requires =\n{lines}",
        encoding="utf-8",
    )
    with subprocess.Popen(
        [sys.executable, "-m", "setsquare", "migrate", str(tmp_path), "--diff"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.readline().startswith(b"mapped")
        process.stdout.close()
        err = process.stderr.read().decode()
        assert process.wait() == 141
    assert err == ""


def test_python_dash_m_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "setsquare", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "new" in result.stdout
