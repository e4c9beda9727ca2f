"""adopt refreshes a uv.lock that locks another Ruff or mypy than the bundle's."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from packaging.version import Version

from setsquare.adopt.relock import command, relock, stale
from setsquare.main import main
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE = {"mypy": Version("2.4.1"), "ruff": Version("0.17.6")}


def _lock(**versions: str) -> str:
    packages = "".join(
        f'[[package]]\nname = "{name}"\nversion = "{version}"\n\n'
        for name, version in versions.items()
    )
    return f"version = 1\n\n{packages}"


@pytest.mark.parametrize(
    ("lock", "expected"),
    [
        pytest.param(_lock(ruff="0.17.6", mypy="2.4.1"), {}, id="the-bundles-versions"),
        pytest.param(_lock(pytest="8.0"), {}, id="neither-tool-locked"),
        pytest.param(
            _lock(ruff="0.15.5", mypy="1.19.1"),
            {"ruff": Version("0.15.5"), "mypy": Version("1.19.1")},
            id="both-older",
        ),
        pytest.param(_lock(ruff="0.18.0"), {"ruff": Version("0.18.0")}, id="a-newer-ruff"),
        pytest.param("version = [\n", {}, id="a-broken-lock-is-left-to-uv"),
    ],
)
def test_stale(lock: str, expected: dict[str, Version]) -> None:
    assert stale(lock, BUNDLE) == expected


def test_command_names_exact_versions() -> None:
    assert command(["mypy", "ruff"], BUNDLE) == [
        "uv", "lock", "--no-build",
        "--upgrade-package", "mypy==2.4.1", "--upgrade-package", "ruff==0.17.6",
    ]  # fmt: skip


def test_without_uv_adopt_names_the_command(tmp_path: Path) -> None:
    (tmp_path / "uv.lock").write_text(_lock(ruff="0.15.5"), encoding="utf-8")
    (line,) = relock(tmp_path, None, BUNDLE)
    assert line == (
        "uv.lock: locks ruff 0.15.5; hint: run "
        "`uv lock --no-build --upgrade-package ruff==0.17.6` (uv was not found on PATH)"
    )
    assert (tmp_path / "uv.lock").read_text(encoding="utf-8") == _lock(ruff="0.15.5")


@pytest.mark.slow
def test_adopt_relocks_an_older_ruff_so_the_pins_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """attrs 26.1.0: `ruff` unpinned in a group, uv.lock holding an older one."""
    from setsquare.checks.pins import bundle_pins

    monkeypatch.setenv("UV_PYTHON_DOWNLOADS", "never")
    ruff = bundle_pins()["ruff"]
    pyproject = tmp_path / "pyproject.toml"
    head = '[project]\nname = "demo"\nversion = "1"\nrequires-python = ">=3.11"\n\n'
    pyproject.write_text(head + '[dependency-groups]\ndev = ["ruff==0.15.5"]\n', encoding="utf-8")
    run([tool("uv"), "lock"], tmp_path)
    pyproject.write_text(head + '[dependency-groups]\ndev = ["ruff"]\n', encoding="utf-8")
    assert stale((tmp_path / "uv.lock").read_text(encoding="utf-8"), bundle_pins())

    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert f"uv.lock: locked ruff {ruff} (was ruff 0.15.5) with `uv lock" in out
    assert not stale((tmp_path / "uv.lock").read_text(encoding="utf-8"), bundle_pins())
    run([tool("uv"), "lock", "--locked"], tmp_path)  # the lock matches pyproject.toml
    assert main(["check", str(tmp_path), "--select", "SQ320"]) == 0
    capsys.readouterr()
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    assert "uv.lock" not in capsys.readouterr().out
