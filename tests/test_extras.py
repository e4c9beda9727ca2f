"""The `cli` extra: the hooks' environment holds none of it, each command says when it lacks it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from setsquare._toml import tomllib
from setsquare.extras import CLI_EXTRA, INSTALL_HINT, NEEDS
from setsquare.main import main

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def test_the_table_is_the_extra_in_pyproject() -> None:
    extra = PYPROJECT["project"]["optional-dependencies"]["cli"]
    assert _names(extra) == {canonicalize_name(d) for d in CLI_EXTRA.values()}


def test_the_hooks_dependencies_hold_nothing_of_the_extra() -> None:
    assert not _names(PYPROJECT["project"]["dependencies"]) & _names(
        PYPROJECT["project"]["optional-dependencies"]["cli"]
    )


def test_every_needed_module_belongs_to_the_extra() -> None:
    assert {m for modules in NEEDS.values() for m in modules} <= CLI_EXTRA.keys()


#: argv -> the package of the extra whose absence stops it.
COMMANDS = [
    (["new", "{root}/new-project", "--defaults"], "copier"),
    (["update", "{root}"], "copier"),
    (["update", "--check", "{root}"], "plumbum"),
    (["check", "{root}"], "repo_review"),
    (["adopt", "--baseline", "--no-install", "{root}"], "identify"),
    (["migrate", "--verify", "{root}"], "build"),
]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("argv", "module"), COMMANDS, ids=lambda v: str(v))
def test_a_command_without_its_package_stops_before_anything(
    argv: list[str],
    module: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / "setup.cfg").write_text("[metadata]\nname = demo\nversion = 1.0\n", encoding="utf-8")
    before = _snapshot(root)
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a)
    )
    assert main([a.format(root=root) for a in argv]) == 2
    err = capsys.readouterr()
    command = " ".join(a for a in argv if a.startswith(("--baseline", "--verify")) or a == argv[0])
    distribution = CLI_EXTRA[module]
    assert err.err == (
        f"error: `setsquare {command}` needs {distribution}, which comes with the `cli` extra "
        f"and is not installed\nhint: {INSTALL_HINT}\n"
    )
    assert err.out == ""
    assert _snapshot(root) == before
    assert not (tmp_path / "new-project").exists()


def test_a_missing_import_of_the_extra_deep_in_a_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def needs_identify(**_: object) -> int:
        raise ModuleNotFoundError("No module named 'identify.identify'", name="identify.identify")

    monkeypatch.setattr("setsquare.commands.new.new", needs_identify)
    assert main(["new", "x"]) == 2
    assert capsys.readouterr().err.startswith("error: `setsquare new` needs identify, which")


def test_a_missing_module_outside_the_extra_is_our_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def needs_pydantic(**_: object) -> int:
        raise ModuleNotFoundError("No module named 'pydantic'", name="pydantic")

    monkeypatch.setattr("setsquare.commands.new.new", needs_pydantic)
    assert main(["new", "x"]) == 3
    assert "error: setsquare hit an internal error" in capsys.readouterr().err


@pytest.mark.slow
def test_installed_without_the_extra(tmp_path: Path) -> None:
    """A real environment with setsquare alone: the extra is absent and `new` says so."""
    uv = shutil.which("uv")
    assert uv is not None
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(python), str(ROOT)], check=True, env=env
    )
    present = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.util as u, sys; print(*[m for m in sys.argv[1:] if u.find_spec(m)])",
            *CLI_EXTRA,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert present.stdout.split() == []
    new = subprocess.run(
        [str(venv / "bin" / "setsquare"), "new", str(tmp_path / "demo"), "--defaults"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (new.returncode, new.stdout) == (2, "")
    assert new.stderr.splitlines() == [
        (
            "error: `setsquare new` needs copier, which comes with the `cli` extra and is not "
            "installed"
        ),
        f"hint: {INSTALL_HINT}",
    ]
    assert not (tmp_path / "demo").exists()
