from __future__ import annotations

from typing import TYPE_CHECKING

import copier
import pytest

from setsquare.commands._update_git import conflicts as _conflicts
from setsquare.commands._update_git import status as _status
from setsquare.main import main
from tests.helpers import run, tool
from tests.template.update_history import NEW_TAG, OLD_TAG, make_template_history

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template_history(tmp_path_factory.mktemp("history") / "setsquare")


def _project(history: Path, dst: Path, ref: str = OLD_TAG) -> Path:
    copier.run_copy(
        str(history), dst, data={"project_name": "demo"}, vcs_ref=ref, defaults=True, quiet=True
    )
    run(["git", "init", "-q", "-b", "main"], dst)
    _commit(dst, "Start")
    return dst


def _commit(root: Path, message: str) -> None:
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", message], root)


def _status_lines(root: Path) -> str:
    return run(["git", "status", "--porcelain", "--ignored"], root).stdout


@pytest.mark.slow
def test_a_project_from_setsquare_new_updates(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "demo"
    argv = ["new", str(project), "--template", str(history), "--vcs-ref", OLD_TAG, "--defaults"]
    assert main(argv) == 0
    _commit(project, "Start")
    capsys.readouterr()

    assert main(["update", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Updated demo from template {OLD_TAG} to {NEW_TAG}"
    assert "git diff" in out
    assert (project / "CONTRIBUTING.md").is_file()


@pytest.mark.slow
def test_a_forced_conflict_exits_1_and_names_the_file(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo")
    # A bot moved the bundle to a release between the two the update spans:
    # both sides changed the same line to different values.
    config = project / ".pre-commit-config.yaml"
    text = config.read_text(encoding="utf-8")
    assert f"rev: {OLD_TAG}\n" in text
    config.write_text(text.replace(f"rev: {OLD_TAG}\n", "rev: v0.0.2\n"), encoding="utf-8")
    _commit(project, "Bot: bump the bundle")

    assert main(["update", str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Updated demo from template {OLD_TAG} to {NEW_TAG}"
    assert out[1:3] == ["1 file(s) need a manual merge:", "  .pre-commit-config.yaml"]
    assert out[3].startswith("hint: resolve the blocks between `<<<<<<< before updating`")
    merged = config.read_text(encoding="utf-8")
    assert "<<<<<<< before updating\n" in merged
    assert "rev: v0.0.2\n" in merged
    assert f"rev: {NEW_TAG}\n" in merged
    # The rest of the update was applied all the same.
    assert (project / "CONTRIBUTING.md").is_file()


@pytest.mark.slow
def test_nothing_to_update(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo", ref=NEW_TAG)
    assert main(["update", str(project)]) == 0
    assert capsys.readouterr().out == f"demo is already at template {NEW_TAG}: nothing to update\n"
    assert _status_lines(project) == ""


def test_refuses_uncommitted_changes(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo")
    (project / "README.md").write_text("edited\n", encoding="utf-8")
    (project / "notes.txt").write_text("new\n", encoding="utf-8")
    before = _status_lines(project)

    assert main(["update", str(project)]) == 2
    assert capsys.readouterr().err == (
        f"error: {project}: uncommitted changes in README.md, notes.txt\n"
        "hint: commit or stash them first, so the update is a diff of its own to review\n"
    )
    assert _status_lines(project) == before
    assert not (project / "CONTRIBUTING.md").exists()


def test_refuses_a_directory_that_is_not_a_copier_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["git", "init", "-q"], tmp_path)
    assert main(["update", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"error: {tmp_path}: not a project made from a Copier template (no .copier-answers.yml)"
    )
    assert err[1].startswith("hint: `setsquare update` updates projects made by `setsquare new`")


def test_refuses_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing"
    assert main(["update", str(missing)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {missing}: no such directory\n")


@pytest.mark.slow
def test_refuses_a_project_outside_git(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "demo"
    copier.run_copy(
        str(history), project, data={"project_name": "demo"}, vcs_ref=OLD_TAG, defaults=True
    )
    capsys.readouterr()
    assert main(["update", str(project)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"error: {project}: not inside a git repository"
    assert err[1].startswith("hint: copier updates are git merges")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            "project_name: demo\n",
            (
                ".copier-answers.yml: no `_src_path` or `_commit`: the template source and "
                "version of the project are unknown"
            ),
        ),
        (
            "_src_path: somewhere\nproject_name: demo\n",
            (
                ".copier-answers.yml: no `_commit`: the template source and version of the "
                "project are unknown"
            ),
        ),
        ("_commit: v1\n  bad: [indent\n", ".copier-answers.yml:2: not valid YAML:"),
        ("- a list\n", ".copier-answers.yml: expected a mapping of answers"),
    ],
)
def test_refuses_a_broken_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], answers: str, message: str
) -> None:
    (tmp_path / ".copier-answers.yml").write_text(answers, encoding="utf-8")
    assert main(["update", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"error: {tmp_path}/{message}")
    assert err[1].startswith("hint: ")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answer", "message", "hint"),
    [
        pytest.param(
            "python_min=3.9",
            "error: --data python_min=3.9: not one of the choices for `python_min`",
            "hint: choose one of: 3.10, 3.11, 3.12, 3.13, 3.14",
            id="choice-not-listed",
        ),
        pytest.param(
            "author_email=nope",
            "error: Validation error for question 'author_email'",
            "hint: pass a valid answer with --data KEY=VALUE",
            id="copier-validator",
        ),
        pytest.param(
            "github_ownr=acme",
            "error: --data github_ownr=acme: the template has no question `github_ownr`",
            "hint: did you mean `--data github_owner=acme`?",
            id="key-typo",
        ),
    ],
)
def test_an_invalid_answer_exits_2_and_changes_nothing(
    history: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    message: str,
    hint: str,
) -> None:
    project = _project(history, tmp_path / "demo")
    assert main(["update", str(project), "--data", answer]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(message)
    assert err[1].startswith(hint)
    assert _status_lines(project) == ""


@pytest.mark.slow
def test_a_downgrade_is_refused(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo", ref=NEW_TAG)
    assert main(["update", str(project), "--vcs-ref", OLD_TAG]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {project}: could not update from {history}: ")
    assert "downgrading" in err
    assert _status_lines(project) == ""


@pytest.mark.slow
def test_vcs_ref_picks_the_release(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An explicit ref equal to the project's release: nothing to update, even
    # though a newer tag exists.
    project = _project(history, tmp_path / "demo")
    assert main(["update", str(project), "--vcs-ref", OLD_TAG]) == 0
    assert capsys.readouterr().out == f"demo is already at template {OLD_TAG}: nothing to update\n"


def test_rejected_hunks_are_found_even_when_ignored(tmp_path: Path) -> None:
    git = tool("git")
    run(["git", "init", "-q"], tmp_path)
    (tmp_path / ".gitignore").write_text("*.rej\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("a\n", encoding="utf-8")
    (tmp_path / "merged.txt").write_text("a\n", encoding="utf-8")
    _commit(tmp_path, "Start")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml.rej").write_text("@@ hunk\n", encoding="utf-8")
    (tmp_path / "merged.txt").write_text(
        "<<<<<<< before updating\na\n=======\nb\n>>>>>>> after updating\n", encoding="utf-8"
    )
    (tmp_path / "new.md").write_text("Title\n=======\n", encoding="utf-8")
    status = _status(git, tmp_path, ignored=True)
    assert _conflicts(tmp_path, tmp_path, status) == ["merged.txt", "sub/pyproject.toml.rej"]


@pytest.mark.parametrize(
    ("src", "message", "hint"),
    [
        (
            "{tmp}/gone",
            "error: .copier-answers.yml:2: `_src_path` {tmp}/gone is not a template directory",
            "hint: point `_src_path` at a clone of the template",
        ),
        (
            "../gone",
            (
                "error: .copier-answers.yml:2: `_src_path` ../gone is not a template directory "
                "(from the current folder)"
            ),
            "hint: point `_src_path` at a clone of the template",
        ),
        (
            "file://{tmp}/gone.git",
            "error: .: could not update from file://{tmp}/gone.git: fatal: ",
            "hint: check --vcs-ref and that the template source in .copier-answers.yml",
        ),
    ],
)
def test_an_unreachable_template_exits_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    src: str,
    message: str,
    hint: str,
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    answers = f"_commit: {OLD_TAG}\n_src_path: {src.format(tmp=tmp_path)}\nproject_name: x\n"
    (project / ".copier-answers.yml").write_text(answers, encoding="utf-8")
    run(["git", "init", "-q"], project)
    _commit(project, "Start")
    monkeypatch.chdir(project)
    assert main(["update"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(message.format(tmp=tmp_path))
    assert err[1].startswith(hint)
    assert _status_lines(project) == ""


@pytest.mark.slow
def test_an_update_that_runs_template_code_is_refused(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A later release with a Copier migration: updating across it runs code.
    later = tmp_path / "later"
    run(["git", "clone", "-q", str(history), str(later)], tmp_path)
    with (later / "copier.yml").open("a", encoding="utf-8") as config:
        config.write('\n_migrations:\n  - version: v9.0.0\n    command: ["python", "-c", "1"]\n')
    _commit(later, "A release with a migration")
    run(["git", "tag", "v9.0.0"], later)
    project = tmp_path / "demo"
    copier.run_copy(
        str(later), project, data={"project_name": "demo"}, vcs_ref=OLD_TAG, defaults=True
    )
    run(["git", "init", "-q", "-b", "main"], project)
    _commit(project, "Start")
    capsys.readouterr()

    assert main(["update", str(project)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"error: {project}: the update runs template code: "
        "Template uses potentially unsafe feature: migrations."
    )
    assert err[1].startswith("hint: read the template's changelog; if you trust it")
    assert _status_lines(project) == ""


@pytest.mark.slow
def test_changing_an_answer_at_the_same_release(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo", ref=NEW_TAG)
    assert main(["update", str(project), "-d", "description=Now with sprockets."]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Re-rendered demo at template {NEW_TAG} with the changed answers"
    assert 'description = "Now with sprockets."\n' in (project / "pyproject.toml").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_check_says_when_a_newer_release_exists_and_writes_nothing(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo")
    (project / "notes.txt").write_text("uncommitted work\n", encoding="utf-8")
    before = _status_lines(project)

    assert main(["update", str(project), "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"demo uses template {OLD_TAG}; {NEW_TAG} is available",
        "hint: `setsquare update` applies it (review with `git diff`, then commit)",
    ]
    assert _status_lines(project) == before

    # Checked against a chosen release: the one it is at.
    assert main(["update", str(project), "--check", "--vcs-ref", OLD_TAG]) == 0
    assert capsys.readouterr().out == f"demo is at the newest template release ({OLD_TAG})\n"


@pytest.mark.slow
def test_check_after_the_update_is_current(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(history, tmp_path / "demo")
    assert main(["update", str(project)]) == 0
    _commit(project, "Update")
    capsys.readouterr()
    assert main(["update", str(project), "--check"]) == 0
    assert capsys.readouterr().out == f"demo is at the newest template release ({NEW_TAG})\n"


@pytest.mark.parametrize(
    ("argv", "first_line"),
    [
        (["--check", "--data", "cli=true"], "error: --check takes no --data"),
        (["--check"], "error: {path}: not a project made from a Copier template"),
    ],
)
def test_check_refusals_exit_2(
    argv: list[str], first_line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["update", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(first_line.format(path=tmp_path))
    assert err[1].startswith("hint: ")
