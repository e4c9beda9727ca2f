from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, ClassVar

import pytest

from setsquare import __version__
from setsquare.commands._answers import check_answers
from setsquare.errors import UsageError
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
    ("answer", "expected", "hint"),
    [
        pytest.param(
            "project_name=not valid",
            "project_name must be a PEP 508 name",
            "hint: pass a valid answer with --data KEY=VALUE",
            id="copier-validator",
        ),
        pytest.param(
            "package_name=import",
            "must not be a Python keyword",
            "hint: pass a valid answer with --data KEY=VALUE",
            id="copier-validator-keyword",
        ),
        pytest.param(
            "author_email=nope",
            "author_email must be an e-mail address",
            "hint: pass a valid answer with --data KEY=VALUE",
            id="copier-validator-email",
        ),
        pytest.param(
            "python_min=3.9",
            "error: --data python_min=3.9: not one of the choices for `python_min`",
            "hint: choose one of: 3.10, 3.11, 3.12, 3.13, 3.14",
            id="choice-not-listed",
        ),
        pytest.param(
            "build_backend=poetry",
            "error: --data build_backend=poetry: not one of the choices for `build_backend`",
            "hint: choose one of: hatchling, uv_build, setuptools, flit_core, pdm-backend",
            id="choice-not-listed-backend",
        ),
        pytest.param(
            "licence=Apache-2.0",
            "error: --data licence=Apache-2.0: the template has no question `licence`",
            "hint: did you mean `--data license=Apache-2.0`?",
            id="key-typo",
        ),
        pytest.param(
            "cli=maybe",
            "error: --data cli=maybe: `cli` is a yes/no question",
            "hint: answer `--data cli=true` or `--data cli=false`",
            id="bool-not-boolean",
        ),
    ],
)
def test_invalid_answer_exits_2_and_writes_nothing(
    template_repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    expected: str,
    hint: str,
) -> None:
    dest = tmp_path / "never"
    assert _new(template_repo, dest, "--defaults", "-d", answer) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ")
    assert expected in err[0]
    assert err[1].startswith(hint)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


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


class _FakeWorker:
    """Stands in for copier's Worker: records its arguments, renders nothing."""

    calls: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
        self.template = SimpleNamespace(questions_data={"project_name": {"type": "str"}})
        self.answers = SimpleNamespace(combined={"project_name": "x"})

    def __enter__(self) -> _FakeWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run_copy(self) -> None:
        (self.calls[-1]["dst_path"] / "pyproject.toml").write_text("", encoding="utf-8")


def test_default_source_is_this_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_FakeWorker, "calls", [])
    monkeypatch.setattr("setsquare.commands.new.Worker", _FakeWorker)
    assert main(["new", str(tmp_path / "x"), "--defaults", "--no-git"]) == 0
    (kwargs,) = _FakeWorker.calls
    assert kwargs["src_path"] == "https://github.com/setsquare-dev/setsquare.git"
    assert kwargs["vcs_ref"] == f"v{__version__}"
    assert kwargs["unsafe"] is False
    assert kwargs["defaults"] is True
    # Rendered beside DEST, then moved in: the template never sees a temporary name.
    assert kwargs["dst_path"].parent == tmp_path
    assert kwargs["dst_path"].name.startswith(".x.setsquare-new-")
    assert kwargs["data"]["project_name"] == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]
    assert (tmp_path / "x" / "pyproject.toml").is_file()


def test_interactive_offers_dest_as_the_default_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_FakeWorker, "calls", [])
    monkeypatch.setattr("setsquare.commands.new.Worker", _FakeWorker)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert main(["new", str(tmp_path / "my-app"), "--no-git"]) == 0
    (kwargs,) = _FakeWorker.calls
    assert kwargs["defaults"] is False
    assert "project_name" not in kwargs["data"]
    assert kwargs["user_defaults"] == {"project_name": "my-app"}


def test_parents_are_created_and_removed_again_on_failure(
    template_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "a" / "b" / "demo"
    assert _new(template_repo, dest, "--defaults", "-d", "licence=MIT") == 2
    assert "licence" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


ANSWER_TYPES = {
    "flag": {"type": "bool", "default": False},
    "count": {"type": "int", "default": 1},
    "ratio": {"type": "float", "default": 0.5},
    "config": {"type": "json", "default": "{}"},
    "extra": {"type": "yaml", "default": []},
    "untyped_int": {"default": 3},
    "level": {"type": "int", "choices": [1, 2, 3], "default": 1},
    "colour": {"type": "str", "choices": {"Red": "red", "Green": "green"}, "default": "red"},
    "pairs": {"type": "str", "choices": [["Label A", "a"], ["Label B", "b"]], "default": "a"},
    "templated": {"type": "str", "choices": "{{ options }}", "default": "x"},
    "many": {"type": "str", "choices": ["x", "y"], "multiselect": True, "default": []},
    "token": {"type": "str", "secret": True, "choices": ["s1", "s2"], "default": "s1"},
    "computed": {"type": "str", "default": "0.1.0", "when": False},
}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param(key, value, id=f"{key}={value}")
        for key, value in [
            ("flag", "true"),
            ("flag", "No"),
            ("flag", " on "),
            ("flag", "0"),
            ("flag", "y"),
            ("count", "12"),
            ("count", "-3"),
            ("ratio", "2"),
            ("ratio", "1e3"),
            ("config", '{"a": [1, 2]}'),
            ("extra", "[a, b]"),
            ("extra", "plain text"),
            ("untyped_int", "7"),
            ("level", "2"),
            ("colour", "green"),
            ("pairs", "b"),
            ("templated", "anything"),
            ("many", "[x, z]"),
            ("token", "s2"),
            ("computed", "9.9.9"),
        ]
    ],
)
def test_answers_that_fit_their_question_pass(key: str, value: str) -> None:
    check_answers(ANSWER_TYPES, {key: value})


@pytest.mark.parametrize(
    ("key", "value", "message", "hint"),
    [
        pytest.param(*row, id=f"{row[0]}={row[1]}")
        for row in [
            (
                "flg",
                "true",
                "the template has no question `flg`",
                "did you mean `--data flag=true`?",
            ),
            (
                "FLAG",
                "true",
                "the template has no question `FLAG`",
                "did you mean `--data flag=true`?",
            ),
            ("zzz", "1", "the template has no question `zzz`", "the template's questions are: "),
            ("_src_path", "x", "the template has no question `_src_path`", "the template's"),
            ("flag", "maybe", "`flag` is a yes/no question", "answer `--data flag=true`"),
            ("flag", "", "`flag` is a yes/no question", "answer `--data flag=true`"),
            ("flag", "none", "`flag` is a yes/no question", "answer `--data flag=true`"),
            ("count", "1.5", "`count` takes a whole number", "answer like `--data count=3`"),
            ("count", "ten", "`count` takes a whole number", "answer like"),
            ("untyped_int", "x", "`untyped_int` takes a whole number", "answer like"),
            ("ratio", "half", "`ratio` takes a number", "answer like `--data ratio=1.5`"),
            ("config", "{a: 1}", "`config` takes JSON: Expecting property name", "quote the value"),
            ("extra", "[a, b", "`extra` takes YAML: expected ',' or ']'", "quote it"),
            ("level", "4", "not one of the choices for `level`", "choose one of: 1, 2, 3"),
            ("colour", "Red", "not one of the choices for `colour`", "did you mean `red`?"),
            ("colour", "blue", "not one of the choices for `colour`", "choose one of: red, green"),
            ("pairs", "Label A", "not one of the choices for `pairs`", "did you mean `a`?"),
            ("pairs", "c", "not one of the choices for `pairs`", "choose one of: a, b"),
        ]
    ],
)
def test_answers_that_do_not_fit_are_refused(key: str, value: str, message: str, hint: str) -> None:
    with pytest.raises(UsageError) as excinfo:
        check_answers(ANSWER_TYPES, {key: value})
    assert excinfo.value.message.startswith(f"--data {key}={value}: ")
    assert message in excinfo.value.message
    assert (excinfo.value.hint or "").startswith(hint)


def test_a_secret_answer_is_not_echoed() -> None:
    with pytest.raises(UsageError) as excinfo:
        check_answers(ANSWER_TYPES, {"token": "hunter2"})
    assert "hunter2" not in excinfo.value.message + (excinfo.value.hint or "")
    assert excinfo.value.message == "--data token=****: not one of the choices for `token`"
