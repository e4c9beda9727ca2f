from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.hooks.mypy import find_environment

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def _venv(path: Path) -> Path:
    python = path / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    return python


def test_dot_venv_is_found(tmp_path: Path) -> None:
    python = _venv(tmp_path / ".venv")
    env = find_environment(tmp_path, {}, "/hook/env")
    assert env is not None
    assert env.python == python
    assert env.origin.startswith(".venv")


def test_active_virtualenv_wins_over_dot_venv(tmp_path: Path) -> None:
    _venv(tmp_path / ".venv")
    active = _venv(tmp_path / "elsewhere")
    env = find_environment(tmp_path, {"VIRTUAL_ENV": str(tmp_path / "elsewhere")}, "/hook/env")
    assert env is not None
    assert env.python == active


def test_the_hooks_own_virtualenv_is_not_the_project(tmp_path: Path) -> None:
    own = tmp_path / "hook-env"
    _venv(own)
    project = _venv(tmp_path / ".venv")
    env = find_environment(tmp_path, {"VIRTUAL_ENV": str(own)}, str(own))
    assert env is not None
    assert env.python == project


def test_uv_project_environment(tmp_path: Path) -> None:
    python = _venv(tmp_path / "build-env")
    env = find_environment(tmp_path, {"UV_PROJECT_ENVIRONMENT": "build-env"}, "/hook/env")
    assert env is not None
    assert env.python == python


def test_windows_layout(tmp_path: Path) -> None:
    python = tmp_path / ".venv" / "Scripts" / "python.exe"
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    env = find_environment(tmp_path, {}, "/hook/env")
    assert env is not None
    assert env.python == python


def test_nothing_found(tmp_path: Path) -> None:
    assert find_environment(tmp_path, {"VIRTUAL_ENV": str(tmp_path / "gone")}, "/x") is None


def test_main_says_when_no_environment_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from setsquare.hooks import mypy as hook

    (tmp_path / "ok.py").write_text("x: int = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    monkeypatch.delenv("UV_PROJECT_ENVIRONMENT", raising=False)
    assert hook.main(["--no-incremental", "ok.py"]) == 0
    err = capsys.readouterr().err
    assert "no project environment found" in err
    assert "hint: create it with `uv sync`" in err
