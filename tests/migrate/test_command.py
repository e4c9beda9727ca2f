"""The command's I/O shell: reading, diffs, and all-or-nothing writes."""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

import pytest

from setsquare.changes import ChangeSet
from setsquare.commands._verify import _build_env, scm_version
from setsquare.commands.migrate import read_inputs, write_changes
from setsquare.errors import InputError
from setsquare.main import main

if TYPE_CHECKING:
    from pathlib import Path


def test_writes_are_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "gone.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder is needed\n", encoding="utf-8")
    changes: dict[str, str | None] = {
        "a.txt": "new\n",
        "gone.txt": None,
        "blocker/b.txt": "b\n",  # cannot be staged: nothing may change
    }
    with pytest.raises(InputError, match="blocker"):
        write_changes(tmp_path, changes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "blocker", "gone.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old\n"


def test_writes_keep_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "setup.cfg"
    target.write_text("[a]\n", encoding="utf-8")
    target.chmod(0o640)
    write_changes(tmp_path, {"setup.cfg": "[b]\n", "new.toml": "x = 1\n"})
    assert target.read_text(encoding="utf-8") == "[b]\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "new.toml").read_text(encoding="utf-8") == "x = 1\n"


def test_read_inputs_follows_includes_and_constraints(tmp_path: Path) -> None:
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements-dev.txt").write_text(
        "-r requirements/base.txt\n-c pins.txt\n", encoding="utf-8"
    )
    (tmp_path / "requirements" / "base.txt").write_text("-r ../extra.txt\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("six\n", encoding="utf-8")
    (tmp_path / "pins.txt").write_text("six<2\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not read\n", encoding="utf-8")
    assert sorted(read_inputs(tmp_path)) == [
        "extra.txt",
        "pins.txt",
        "requirements-dev.txt",
        "requirements/base.txt",
    ]


def test_read_inputs_reads_every_config_file_the_tools_read(tmp_path: Path) -> None:
    # mypy also reads .mypy.ini and pytest .pytest.ini; a file the command never reads
    # would be left to shadow the new [tool.*] table without a word in the ledger.
    for name in (".mypy.ini", ".pytest.ini", "pytest.toml"):
        (tmp_path / name).write_text("[x]\n", encoding="utf-8")
    assert sorted(read_inputs(tmp_path)) == [".mypy.ini", ".pytest.ini", "pytest.toml"]


def test_dot_mypy_ini_is_moved_and_pytest_toml_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = a\nversion = 1\n", encoding="utf-8")
    (tmp_path / ".mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    (tmp_path / "pytest.toml").write_text('[pytest]\naddopts = ["-q"]\n', encoding="utf-8")
    assert main(["migrate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "moved       .mypy.ini:2 [mypy] strict -> [tool.mypy] strict" in out
    assert "kept        pytest.toml (pytest reads it before pyproject.toml" in out
    assert "[tool.mypy]\nstrict = true\n" in (tmp_path / "pyproject.toml").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml", "pytest.toml"]


def test_diff_shows_removed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = a\nversion = 1\n", encoding="utf-8")
    assert main(["migrate", str(tmp_path), "--diff"]) == 0
    out = capsys.readouterr().out
    assert "--- a/setup.cfg\n+++ /dev/null\n" in out
    assert "--- /dev/null\n+++ b/pyproject.toml\n" in out
    assert '+name = "a"\n' in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["setup.cfg"]


def test_no_scm_version_without_version_control(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools_scm"]\n', encoding="utf-8"
    )
    assert scm_version(tmp_path) is None


def test_both_builds_get_the_pretended_version() -> None:
    env = _build_env("1.4.2", {"pyproject.toml": '[project]\nname = "Acme.Widgets"\n'})
    assert env is not None
    assert env["SETUPTOOLS_SCM_PRETEND_VERSION"] == "1.4.2"
    assert env["SETUPTOOLS_SCM_PRETEND_VERSION_FOR_ACME_WIDGETS"] == "1.4.2"
    assert _build_env(None, {}) is None


def test_a_signal_as_the_files_are_written_comes_after_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -ra\n", encoding="utf-8")
    commit = ChangeSet.commit

    def commit_then_ctrl_c(self: ChangeSet) -> None:
        commit(self)
        signal.raise_signal(signal.SIGINT)  # the moment the last file is in place

    monkeypatch.setattr(ChangeSet, "commit", commit_then_ctrl_c)
    assert main(["migrate", str(tmp_path)]) == 130
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-2:] == ["wrote pyproject.toml", "removed pytest.ini"]
    assert captured.err == "interrupted\n"
    assert not (tmp_path / "pytest.ini").exists()
