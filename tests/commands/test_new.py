from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

from setsquare import __version__
from setsquare.main import main
from tests.helpers import run

if TYPE_CHECKING:
    from pathlib import Path


def _new(template_repo: Path, dest: Path, *extra: str) -> int:
    return main(["new", str(dest), "--template", str(template_repo), "--vcs-ref", "HEAD", *extra])


def test_new_renders_and_initialises_git(
    template_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "demo"
    assert _new(template_repo, dest, "--defaults", "-d", "project_name=demo", "-d", "cli=true") == 0
    out = capsys.readouterr().out
    assert "Created demo in" in out
    assert "uv sync" in out
    assert (dest / "src" / "demo" / "cli.py").is_file()
    assert (dest / ".copier-answers.yml").is_file()
    assert (dest / ".git").is_dir()
    assert run(["git", "symbolic-ref", "--short", "HEAD"], dest).stdout.strip() == "main"


def test_project_name_defaults_to_the_directory_name(template_repo: Path, tmp_path: Path) -> None:
    dest = tmp_path / "my-widgets"
    assert _new(template_repo, dest, "--defaults", "--no-git") == 0
    assert 'name = "my-widgets"' in (dest / "pyproject.toml").read_text(encoding="utf-8")
    assert not (dest / ".git").exists()


def test_no_nested_repository_inside_a_work_tree(template_repo: Path, tmp_path: Path) -> None:
    run(["git", "init", "-q"], tmp_path)
    dest = tmp_path / "sub"
    assert _new(template_repo, dest, "--defaults", "-d", "project_name=sub") == 0
    assert not (dest / ".git").exists()


def test_refuses_a_non_empty_destination(
    template_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine", encoding="utf-8")
    assert _new(template_repo, dest, "--defaults", "-d", "project_name=x") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {dest}: already exists and is not an empty directory\n")
    assert "hint: " in err
    assert sorted(p.name for p in dest.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("project_name=not valid", "project_name must be a PEP 508 name"),
        ("package_name=import", "must not be a Python keyword"),
        ("author_email=nope", "author_email must be an e-mail address"),
        ("python_min=3.9", "Invalid choice for 'python_min': '3.9' is not in"),
        ("build_backend=poetry", "Invalid choice for 'build_backend': 'poetry' is not in"),
    ],
)
def test_invalid_answer_exits_2_and_writes_nothing(
    template_repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    expected: str,
) -> None:
    dest = tmp_path / "never"
    assert _new(template_repo, dest, "--defaults", "-d", answer) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ")
    assert expected in err[0]
    assert err[1] == "hint: pass a valid answer with --data KEY=VALUE"
    assert not dest.exists()


def test_unknown_template_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "never"
    code = main(["new", str(dest), "--template", str(tmp_path / "missing"), "--defaults"])
    assert code == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {tmp_path / 'missing'}: no such template directory\n"
        "hint: pass a local checkout of setsquare or a git URL to --template\n"
    )
    assert not dest.exists()


def test_broken_template_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A directory that is not a Copier template: copier itself refuses it.
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "copier.yml").write_text("_min_copier_version: '999.0'\n", encoding="utf-8")
    dest = tmp_path / "never"
    assert main(["new", str(dest), "--template", str(broken), "--defaults"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: could not render the template from {broken}")
    assert "hint: " in err
    assert not dest.exists()


def test_malformed_data_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["new", str(tmp_path / "x"), "--data", "no-equals-sign"])
    assert excinfo.value.code == 2
    assert "expected KEY=VALUE" in capsys.readouterr().err


def test_default_source_is_this_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def fake_run_copy(src: str, dst: Path, **kwargs: Any) -> SimpleNamespace:
        calls.append((src, kwargs))
        return SimpleNamespace(answers=SimpleNamespace(combined={"project_name": "x"}))

    monkeypatch.setattr("copier.run_copy", fake_run_copy)
    assert main(["new", str(tmp_path / "x"), "--defaults", "--no-git"]) == 0
    ((src, kwargs),) = calls
    assert src == "https://github.com/setsquare-dev/setsquare.git"
    assert kwargs["vcs_ref"] == f"v{__version__}"
    assert kwargs["unsafe"] is False
    assert kwargs["defaults"] is True
