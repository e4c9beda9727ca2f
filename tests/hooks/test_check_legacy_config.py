from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.hooks.check_legacy_config import main
from setsquare.main import main as setsquare

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_names_each_file_and_points_to_migrate(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "setup.cfg").write_text("[metadata]\nname = x\nversion = 1\n", encoding="utf-8")
    (repo / "pytest.ini").write_text("[pytest]\naddopts = -ra\n", encoding="utf-8")
    assert main(["setup.cfg", "pytest.ini", "src/x.py"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "pytest.ini:2: `setsquare migrate` moves 1 item ([pytest] addopts)",
        (
            "setup.cfg:2: `setsquare migrate` moves 3 items ([metadata] name, "
            "[metadata] version, [options] include_package_data (absent))"
        ),
        "hint: run `setsquare migrate` to move them into pyproject.toml (--diff to preview)",
    ]


def test_a_legacy_file_migrate_leaves_alone_passes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The circle the adopt corpus found: flagged by the hook, "Nothing to migrate" from migrate.
    (repo / "setup.py").write_text(
        "from setuptools import setup, find_packages\n"
        "setup(version=read_version(), packages=find_packages(), py_modules=['a'])\n",
        encoding="utf-8",
    )
    (repo / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
        '\n[project]\nname = "demo"\ndynamic = ["version"]\n'
        "\n[tool.setuptools]\ninclude-package-data = false\n",
        encoding="utf-8",
    )
    assert main(["setup.py"]) == 0
    assert capsys.readouterr().out == ""
    assert setsquare(["migrate", "."]) == 0
    assert capsys.readouterr().out.endswith("Nothing to migrate.\n")


def test_a_setting_pyproject_sets_differently_is_for_a_person(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    (repo / "setup.cfg").write_text("[flake8]\nmax-line-length = 88\n", encoding="utf-8")
    assert main(["setup.cfg"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("setup.cfg:2: pyproject.toml already sets, differently, 1 item")
    assert out[1].startswith("hint: settle each conflicting setting in pyproject.toml by hand")
    assert len(out) == 2
    # migrate agrees: it leaves it, and says why.
    assert setsquare(["migrate", "."]) == 0
    assert "conflict: pyproject.toml already has [tool.ruff]" in capsys.readouterr().out


def test_after_migrate_the_hook_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "setup.cfg").write_text(
        "[metadata]\nname = demo\nversion = 1\n[flake8]\nmax-line-length = 99\n",
        encoding="utf-8",
    )
    (repo / "tox.ini").write_text("[pytest]\naddopts = -ra\n", encoding="utf-8")
    assert main([]) == 1
    assert setsquare(["migrate", "."]) == 0
    capsys.readouterr()
    assert main([]) == 0
    assert capsys.readouterr().out == ""


def test_whole_repository_without_file_names(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "mypy.ini").write_text("[mypy]\nstrict = true\n", encoding="utf-8")
    assert main([]) == 1
    assert "mypy.ini:2: `setsquare migrate` moves 1 item ([mypy] strict)" in capsys.readouterr().out


def test_clean_repository_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["pyproject.toml"]) == 0
    assert capsys.readouterr().out == ""


def test_broken_pyproject_is_named_with_its_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x\n', encoding="utf-8")
    (repo / "setup.cfg").write_text("[metadata]\n", encoding="utf-8")
    assert main(["setup.cfg"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: pyproject.toml:2: invalid TOML")
    assert err[1].startswith("hint: ")


def test_non_utf8_file_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "setup.cfg").write_bytes(b"[metadata]\nname = caf\xe9\n")
    assert main(["setup.cfg"]) == 1
    assert capsys.readouterr().err == (
        "error: setup.cfg:2: is not UTF-8 text (byte 0xe9)\nhint: save the file as UTF-8\n"
    )


def test_a_bom_before_setup_cfg_is_read_as_the_tools_read_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "setup.cfg").write_bytes(b"\xef\xbb\xbf[metadata]\nname = demo\nversion = 1\n")
    assert main(["setup.cfg"]) == 1
    assert "setup.cfg:2: `setsquare migrate` moves 3 items" in capsys.readouterr().out
