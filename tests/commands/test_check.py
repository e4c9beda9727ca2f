from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from setsquare.main import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

from tests.template.test_render import REFERENCE


def test_the_default_render_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(REFERENCE, project)
    assert main(["check", str(project), "--all"]) == 0
    out = capsys.readouterr().out
    for check_id in ("SQ100", "SQ110", "SQ140", "SQ190", "SQ200", "SQ300", "SQ310", "SQ320"):
        assert f"ok   {check_id}: " in out
    assert out.splitlines()[-1].endswith(" 0 failed, 16 skipped")


def test_legacy_and_missing_bundle_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "old"\nversion = "1"\n', encoding="utf-8"
    )
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 99\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: https://github.com/psf/black\n  rev: 24.1.0\n  hooks: [{id: black}]\n",
        encoding="utf-8",
    )
    assert main(["check", str(tmp_path), "--select", "SQ"]) == 1
    out = capsys.readouterr().out
    assert "FAIL SQ110: Formats with the bundle's ruff-format" in out
    assert "FAIL SQ300: No packaging metadata or tool configuration in legacy places" in out
    assert "setup.cfg:1: [flake8] belongs in pyproject.toml [tool.ruff]" in out
    assert "FAIL SQ310: Ruff's rules are selected explicitly" in out
    assert "ok   SQ" not in out  # only failures without --all


def test_not_a_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'nope'}: not a directory\n")
