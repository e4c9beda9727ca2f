"""Updating is boring: an older release updates to the current one with no conflict.

Every test renders a project from the older release of a temporary template
history (see `update_history`), commits it, updates it with `setsquare update`
and compares the whole tree with a fresh render of the current release.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import copier
import pytest
import yaml

from setsquare.commands.update import update
from setsquare.main import main
from tests.helpers import render, run, tool
from tests.template.combos import FULL
from tests.template.update_history import (
    BOT_EDITS,
    MID_TAG,
    NEW_TAG,
    OLD_CHECKOUT,
    OLD_TAG,
    USER_EDITS,
    add_workflow,
    bot_bumps_checkout,
    change_description,
    make_template_history,
    old_answers,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

#: The defaults, and a combination with a CLI, another backend and licence, a
#: higher Python floor and answers full of quotes, backslashes and non-ASCII.
COMBOS = ["defaults", "uv_build-cli-py311-unicode"]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template_history(tmp_path_factory.mktemp("history") / "setsquare")


def _render_at(history: Path, dst: Path, data: dict[str, Any], ref: str) -> Path:
    copier.run_copy(str(history), dst, data=data, vcs_ref=ref, defaults=True, quiet=True)
    return dst


def _commit(root: Path, message: str) -> None:
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", message], root)


def _project_from_old_release(
    history: Path,
    dst: Path,
    data: dict[str, Any],
    edits: Iterable[Callable[[Path], None]] = (),
    *,
    start: str = OLD_TAG,
) -> Path:
    _render_at(history, dst, data, start)
    run(["git", "init", "-q", "-b", "main"], dst)
    _commit(dst, "Start from setsquare")
    edits = list(edits)
    if edits:
        for edit in edits:
            edit(dst)
        _commit(dst, "User and bot edits")
    return dst


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def _assert_no_conflicts(tree: dict[str, bytes]) -> None:
    assert not [name for name in tree if name.endswith(".rej")]
    marked = [
        name
        for name, content in tree.items()
        if any(line.startswith((b"<<<<<<<", b">>>>>>>")) for line in content.splitlines())
    ]
    assert not marked


def _assert_same_tree(updated: dict[str, bytes], expected: dict[str, bytes]) -> None:
    assert sorted(updated) == sorted(expected)
    differing = [name for name in expected if updated[name] != expected[name]]
    assert not differing, "\n".join(
        f"--- {name}\n{expected[name].decode()}\n+++ updated\n{updated[name].decode()}"
        for name in differing
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("combo", "start"),
    [("defaults", OLD_TAG), ("defaults", MID_TAG), ("uv_build-cli-py311-unicode", OLD_TAG)],
)
def test_update_from_an_older_release_equals_a_fresh_render(
    history: Path, tmp_path: Path, combo: str, start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = old_answers(FULL[combo])
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, start=start)
    before = _tree(project)

    assert update(path=str(project)) == 0
    assert f"from template {start} to {NEW_TAG}" in capsys.readouterr().out

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected = _tree(_render_at(history, tmp_path / "new" / "project", data, NEW_TAG))
    _assert_same_tree(updated, expected)
    # The releases really differ: a file dropped, (from the oldest) a file and
    # a question added.
    assert updated != before
    assert "requirements-dev.txt" in before
    assert "requirements-dev.txt" not in updated
    assert yaml.safe_load(updated[".copier-answers.yml"])["_commit"] == NEW_TAG
    if start == OLD_TAG:
        assert "CONTRIBUTING.md" not in before
        assert "github_owner" not in yaml.safe_load(before[".copier-answers.yml"])
        assert "github_owner" in yaml.safe_load(updated[".copier-answers.yml"])


@pytest.mark.slow
def test_updates_release_by_release_with_edits_between(history: Path, tmp_path: Path) -> None:
    data = FULL["defaults"]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, USER_EDITS)

    assert update(path=str(project), vcs_ref=MID_TAG) == 0
    _assert_no_conflicts(_tree(project))
    _commit(project, "Update to the middle release")
    for edit in BOT_EDITS:
        edit(project)
    _commit(project, "Bot edits")
    assert update(path=str(project)) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(history, tmp_path / "new" / "project", data, NEW_TAG)
    for edit in [*USER_EDITS, *BOT_EDITS]:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))


@pytest.mark.slow
@pytest.mark.parametrize("combo", COMBOS)
def test_user_and_bot_edits_survive_an_update(history: Path, tmp_path: Path, combo: str) -> None:
    data = old_answers(FULL[combo])
    edits = [*USER_EDITS, *BOT_EDITS]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)

    assert update(path=str(project)) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(history, tmp_path / "new" / "project", data, NEW_TAG)
    for edit in edits:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))
    # The template's own changes arrived next to the edits.
    pyproject = tomllib.loads(updated["pyproject.toml"].decode())
    assert pyproject["project"]["dependencies"] == ["requests>=2.32"]
    assert pyproject["project"]["description"] == "Widgets, now with sprockets."
    assert "E501" in pyproject["tool"]["ruff"]["lint"]["ignore"]
    assert "PGH" in pyproject["tool"]["ruff"]["lint"]["select"]
    assert ".github/workflows/docs.yml" in updated
    # Nothing left staged or unmerged: the update is an ordinary diff to review.
    assert run(["git", "diff", "--name-only", "--diff-filter=U"], project).stdout == ""


@pytest.mark.slow
def test_changing_answers_during_an_update_is_honoured(history: Path, tmp_path: Path) -> None:
    data = FULL["defaults"]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data)
    changes = {"python_min": "3.11", "description": "Widgets for 3.11 and later."}

    assert update(path=str(project), data=changes) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected = _tree(
        _render_at(history, tmp_path / "new" / "project", {**data, **changes}, NEW_TAG)
    )
    _assert_same_tree(updated, expected)
    pyproject = tomllib.loads(updated["pyproject.toml"].decode())
    assert pyproject["project"]["requires-python"] == ">=3.11"
    assert pyproject["project"]["description"] == changes["description"]
    answers = yaml.safe_load(updated[".copier-answers.yml"])
    assert answers["python_min"] == "3.11"


@pytest.mark.parametrize("docs", [False, True], ids=["defaults", "docs"])
def test_the_bot_leaves_the_template_pins_alone(
    template_repo: Path, tmp_path: Path, docs: bool
) -> None:
    """Every pin the template renders is one the bot is told to ignore, and no other."""
    dst = render(template_repo, tmp_path / "p", {**FULL["defaults"], "docs": docs})
    config = yaml.safe_load((dst / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ignored = {
        entry["package-ecosystem"]: {rule["dependency-name"] for rule in entry.get("ignore", [])}
        for entry in config["updates"]
    }

    used_actions = set()
    for workflow in (dst / ".github" / "workflows").glob("*.yml"):
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    used_actions.add(step["uses"].split("@", 1)[0])
    assert used_actions
    assert ignored["github-actions"] == used_actions

    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    exact_pins = {
        requirement.split("==", 1)[0]
        for group in pyproject["dependency-groups"].values()
        for requirement in group
        if isinstance(requirement, str) and "==" in requirement
    }
    assert exact_pins
    assert ignored["uv"] == exact_pins


@pytest.mark.slow
def test_plain_copier_update_gives_the_same_result(history: Path, tmp_path: Path) -> None:
    """Users without setsquare get the same merge from Copier's own command line."""
    data = FULL["defaults"]
    edits = [*USER_EDITS, *BOT_EDITS]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)

    copier_cli = [tool("copier"), "update", "--defaults", "--skip-answered", "--conflict", "inline"]
    run(copier_cli, project)

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(history, tmp_path / "new" / "project", data, NEW_TAG)
    for edit in edits:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))


@pytest.mark.slow
def test_an_older_project_switches_to_vcs_versioning_during_an_update(
    history: Path, tmp_path: Path
) -> None:
    """`setsquare update --data versioning=vcs` on a project made before the question."""
    data = FULL["defaults"]
    # The user's own edits, but not `description`: it is the line after `version`, which
    # vcs removes, and git merges no two changes to adjacent lines (docs/template.md).
    edits = [*(edit for edit in USER_EDITS if edit is not change_description), *BOT_EDITS]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)
    assert "versioning" not in yaml.safe_load(_tree(project)[".copier-answers.yml"])

    assert main(["update", "--data", "versioning=vcs", str(project)]) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(
        history, tmp_path / "new" / "project", {**data, "versioning": "vcs"}, NEW_TAG
    )
    for edit in edits:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))
    pyproject = tomllib.loads(updated["pyproject.toml"].decode())
    assert pyproject["project"]["dynamic"] == ["version"]
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dependencies"] == ["requests>=2.32"]
    assert yaml.safe_load(updated[".copier-answers.yml"])["versioning"] == "vcs"


@pytest.mark.slow
@pytest.mark.parametrize("combo", COMBOS)
def test_an_older_project_switches_docs_on_during_an_update(
    history: Path, tmp_path: Path, combo: str
) -> None:
    """`setsquare update --data docs=true` on a project made before the question."""
    data = old_answers(FULL[combo])
    # The user's own edits, but not a docs workflow of their own: that one would
    # rightly conflict with the template's.
    edits = [edit for edit in USER_EDITS if edit is not add_workflow]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)
    assert "docs" not in yaml.safe_load(_tree(project)[".copier-answers.yml"])

    assert main(["update", "--data", "docs=true", str(project)]) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(
        history, tmp_path / "new" / "project", {**data, "docs": True}, NEW_TAG
    )
    for edit in edits:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))
    assert yaml.safe_load(updated[".copier-answers.yml"])["docs"] is True
    assert {"docs/conf.py", "docs/api.md", ".github/workflows/docs.yml"} <= set(updated)
    pyproject = tomllib.loads(updated["pyproject.toml"].decode())
    assert pyproject["project"]["dependencies"] == ["requests>=2.32"]
    assert "docs" in pyproject["dependency-groups"]
    # And the pages it brought build strictly.
    run([tool("uv"), "sync", "--quiet", "--group", "docs"], project)
    sphinx = str(project / ".venv" / "bin" / "sphinx-build")
    run(
        [sphinx, "-W", "-n", "--keep-going", "-q", "-b", "html", "docs", "docs/_build/html"],
        project,
    )
    assert (project / "docs" / "_build" / "html" / "api.html").is_file()


@pytest.mark.slow
def test_an_older_project_moves_to_gitlab_ci_during_an_update(
    history: Path, tmp_path: Path
) -> None:
    """`setsquare update --data ci=gitlab`: .gitlab-ci.yml in, the GitHub files out."""
    data = FULL["defaults"]
    # The user's own edits, but not a workflow of their own: see the test below.
    edits = [edit for edit in USER_EDITS if edit is not add_workflow]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)
    assert ".github/workflows/lint.yml" in _tree(project)

    assert main(["update", "--data", "ci=gitlab", str(project)]) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    expected_root = _render_at(
        history, tmp_path / "new" / "project", {**data, "ci": "gitlab"}, NEW_TAG
    )
    for edit in edits:
        edit(expected_root)
    _assert_same_tree(updated, _tree(expected_root))
    assert not [name for name in updated if name.startswith(".github/")]
    assert ".gitlab-ci.yml" in updated
    pyproject = tomllib.loads(updated["pyproject.toml"].decode())
    assert pyproject["project"]["urls"]["Source"] == "https://gitlab.com/acme-widgets/acme-widgets"
    assert pyproject["project"]["dependencies"] == ["requests>=2.32"]
    assert yaml.safe_load(updated[".copier-answers.yml"])["ci"] == "gitlab"


@pytest.mark.slow
def test_moving_to_gitlab_keeps_the_users_own_github_files(history: Path, tmp_path: Path) -> None:
    """A workflow the user added stays. The template's own GitHub files go, edited or not:
    Copier deletes every file the new render no longer has, without a conflict, so the
    edit survives only in git, where the update's diff shows the deletion to review."""
    data = FULL["defaults"]
    edits = [add_workflow, bot_bumps_checkout]
    project = _project_from_old_release(history, tmp_path / "old" / "project", data, edits)

    assert main(["update", "--data", "ci=gitlab", str(project)]) == 0

    updated = _tree(project)
    _assert_no_conflicts(updated)
    assert [name for name in updated if name.startswith(".github/")] == [
        ".github/workflows/docs.yml"
    ]
    deleted = run(["git", "diff", "--name-only", "--diff-filter=D"], project).stdout.split()
    assert ".github/workflows/lint.yml" in deleted
    assert ".github/dependabot.yml" in deleted
    edited = run(["git", "show", "HEAD:.github/workflows/lint.yml"], project).stdout
    # The bot's pin, not the old release's: recoverable with `git restore`.
    assert "actions/checkout@" in edited
    assert OLD_CHECKOUT not in edited
