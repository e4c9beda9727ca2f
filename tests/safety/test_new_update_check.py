"""`new`, `update` and `check` against hostile input: a typo'd answer, a broken answers file, a
pyproject.toml of the wrong shape, an unknown check id, Ctrl-C half-way through a render.
Each row is the contract for one input: exit 2 (or 130/143), `path:line: problem`, a hint,
and nothing written."""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from copier._main import Worker
from copier.errors import UserMessageError

import setsquare.main
from tests.helpers import REPO_ROOT, run, tracked_files
from tests.safety.harness import Case, Dir, Link, run_case

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

PASSWORD = "hunter2-s3cret"
STAGING = ".demo.setsquare-new-"


def _new(*extra: str) -> tuple[str, ...]:
    return (
        "new",
        "{project}/demo",
        "--template",
        "{template}",
        "--vcs-ref",
        "HEAD",
        "--defaults",
        "--no-git",
        *extra,
    )


def _data(*answers: str) -> tuple[str, ...]:
    return _new(*(arg for answer in answers for arg in ("--data", answer)))


#: What copier reads of this checkout; the rest (tests, sources) only slows every clone.
TEMPLATE_PARTS = frozenset({"copier.yml", "template", "partials", "hooks"})


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed git copy of the template parts of this checkout."""
    dest = tmp_path_factory.mktemp("template") / "setsquare"
    for name in tracked_files(REPO_ROOT):
        if name.split("/", 1)[0] in TEMPLATE_PARTS:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, dest / name)
    run(["git", "init", "-q", "-b", "main"], dest)
    run(["git", "add", "-A"], dest)
    run(["git", "commit", "-q", "-m", "template under test"], dest)
    return dest


def _with_template(case: Case, template: Path) -> Case:
    argv = tuple(arg.replace("{template}", str(template)) for arg in case.argv)
    return dataclasses.replace(case, argv=argv)


def _no_staging(project: Path) -> None:
    left = [path.name for path in project.iterdir() if STAGING in path.name]
    assert left == [], f"staging folders left: {left}"


def _empty_dir(rel: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert (project / rel).is_dir()
        assert list((project / rel).iterdir()) == []
        _no_staging(project)

    return check


def _rendered(project: Path) -> None:
    demo = project / "demo"
    assert (demo / "pyproject.toml").is_file()
    answers = (demo / ".copier-answers.yml").read_text(encoding="utf-8")
    assert "setsquare-new" not in answers
    assert "project_name: demo\n" in answers
    assert not any("setsquare-new" in path.read_text(encoding="utf-8") for path in _files(demo))
    _no_staging(project)


def _files(root: Path) -> Iterator[Path]:
    return (path for path in root.rglob("*") if path.is_file())


NEW = [
    Case(
        "new-data-key-typo-names-closest",
        _data("licence=Apache-2.0"),
        first_line=r"error: --data licence=Apache-2\.0: the template has no question `licence`$",
        after=_no_staging,
    ),
    Case(
        "new-data-unknown-key-lists-questions",
        _data("colour=blue"),
        first_line=r"error: --data colour=blue: the template has no question `colour`$",
        after=_no_staging,
    ),
    Case(
        "new-data-copier-setting-is-not-a-question",
        _data("_subdirectory=.."),
        first_line=r"error: --data _subdirectory=\.\.: the template has no question",
    ),
    Case(
        "new-data-bool-maybe-refused",
        _data("cli=maybe"),
        first_line=r"error: --data cli=maybe: `cli` is a yes/no question$",
    ),
    Case(
        "new-data-bool-empty-refused",
        _data("cli="),
        first_line=r"error: --data cli=: `cli` is a yes/no question$",
    ),
    Case(
        "new-data-bool-none-refused",
        _data("cli=none"),
        first_line=r"error: --data cli=none: `cli` is a yes/no question$",
    ),
    Case(
        "new-data-choice-not-listed-names-closest",
        _data("license=GPL"),
        first_line=r"error: --data license=GPL: not one of the choices for `license`$",
    ),
    Case(
        "new-data-choice-label-is-not-a-value",
        _data("license=Proprietary (not for a public index)"),
        first_line=r"error: --data license=Proprietary .*: not one of the choices for `license`$",
    ),
    Case(
        "new-data-python-min-not-listed",
        _data("python_min=3.9"),
        first_line=r"error: --data python_min=3\.9: not one of the choices for `python_min`$",
    ),
    Case(
        "new-data-second-answer-checked-too",
        _data("cli=yes", "build_backend=poetry"),
        first_line=r"error: --data build_backend=poetry: not one of the choices",
    ),
    Case(
        "new-data-validator-refuses-late-nothing-left",
        _data("author_email=not-an-address"),
        first_line=r"error: Validation error for question 'author_email'",
        after=_no_staging,
    ),
    Case(
        "new-data-bad-name-refused-empty-dest-kept",
        _data("project_name=not valid"),
        project={"demo": Dir()},
        first_line=r"error: Validation error for question 'project_name'",
        after=_empty_dir("demo"),
    ),
    Case(
        "new-data-typo-empty-dest-kept",
        _data("licence=MIT"),
        project={"demo": Dir()},
        first_line=r"error: --data licence=MIT: ",
        after=_empty_dir("demo"),
    ),
    Case(
        "new-dest-is-a-file",
        _new(),
        project={"demo": "mine\n"},
        first_line=r"error: .*/demo: is a file, not a folder$",
    ),
    Case(
        "new-dest-not-empty",
        _new(),
        project={"demo/keep.txt": "mine\n"},
        first_line=r"error: .*/demo: already exists and is not an empty directory$",
    ),
    Case(
        "new-dest-parent-is-a-file",
        ("new", "{project}/file/demo", "--template", "{template}", "--defaults", "--no-git"),
        project={"file": "mine\n"},
        first_line=r"error: .*/file/demo: .*/file is a file, not a folder$",
    ),
    Case(
        "new-dest-is-a-dangling-link",
        _new(),
        project={"demo": Link("{outside}/nowhere")},
        first_line=r"error: .*/demo: a symbolic link to nothing$",
    ),
    Case(
        "new-dest-link-to-a-full-folder-outside",
        _new(),
        project={"demo": Link("{outside}")},
        outside={"secret.txt": PASSWORD},
        first_line=r"error: .*/demo: already exists and is not an empty directory$",
        secret=PASSWORD,
    ),
    Case(
        "new-template-missing",
        ("new", "{project}/demo", "--template", "{outside}/nope", "--defaults", "--no-git"),
        first_line=r"error: .*/outside/nope: no such template directory$",
    ),
    Case(
        "new-template-is-a-file",
        ("new", "{project}/demo", "--template", "{outside}/copier.yml", "--defaults"),
        outside={"copier.yml": "project_name: x\n"},
        first_line=r"error: .*/outside/copier\.yml: is a file, not a template folder$",
    ),
    Case(
        "new-template-needs-a-newer-copier",
        ("new", "{project}/demo", "--template", "{outside}", "--defaults", "--no-git"),
        outside={"copier.yml": "_min_copier_version: '999.0'\n"},
        first_line=r"error: could not render the template from .*/outside",
        after=_no_staging,
    ),
    Case(
        "new-vcs-ref-unknown",
        ("new", "{project}/demo", "--template", "{template}", "--vcs-ref", "v99.0.0", "--defaults"),
        first_line=r"error: .*: no tag, branch or commit `v99\.0\.0`$",
        after=_no_staging,
    ),
    Case(
        "new-renders-in-a-sibling-and-moves-in",
        _data("cli=on"),
        exit=0,
        first_line=r"Created demo in .*/demo$",
        changes=None,
        after=_rendered,
    ),
    Case(
        "new-fills-an-empty-dest",
        _new(),
        project={"demo": Dir()},
        exit=0,
        first_line=r"Created demo in .*/demo$",
        changes=None,
        after=_rendered,
    ),
]

NEW_HINTS = {
    "new-data-key-typo-names-closest": "hint: did you mean `--data license=Apache-2.0`?",
    "new-data-unknown-key-lists-questions": "hint: the template's questions are: author_email,",
    "new-data-bool-maybe-refused": "hint: answer `--data cli=true` or `--data cli=false`",
    "new-data-choice-not-listed-names-closest": "hint: did you mean `GPL-3.0-or-later`?",
    "new-data-choice-label-is-not-a-value": "hint: did you mean `LicenseRef-Proprietary`?",
    "new-data-python-min-not-listed": "hint: choose one of: 3.10, 3.11, 3.12, 3.13, 3.14",
    "new-dest-is-a-file": "hint: choose a new directory",
    "new-vcs-ref-unknown": "hint: check --vcs-ref",
}


@pytest.mark.parametrize("case", NEW, ids=[case.id for case in NEW])
def test_new(
    case: Case, template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = run_case(_with_template(case, template), tmp_path, capsys)
    if case.id in NEW_HINTS:
        assert err.splitlines()[1].startswith(NEW_HINTS[case.id]), err


# --- update ------------------------------------------------------------------------------

ANSWERS = "_commit: COMMIT\n_src_path: SRC\nproject_name: demo\ncli: false\n"


@dataclass(frozen=True)
class Repo:
    """The project an update case starts from: committed *files*, then *untracked* ones."""

    files: Mapping[str, str | bytes] = field(default_factory=dict)
    git: bool = True
    untracked: Mapping[str, str] = field(default_factory=dict)


def _answers(commit: str = "HEAD", src: str = "{template}") -> Repo:
    return Repo({".copier-answers.yml": ANSWERS.replace("SRC", src).replace("COMMIT", commit)})


def _broken(data: str | bytes) -> Repo:
    return Repo({".copier-answers.yml": data})


U = ("update", "{project}")
UPDATE: list[tuple[Case, Repo]] = [
    (
        Case(
            "update-path-is-a-file",
            ("update", "{project}/README.md"),
            first_line=r"error: .*/README\.md: (not a directory|is a file, not a folder)$",
        ),
        Repo({"README.md": "hi\n"}),
    ),
    (
        Case("update-path-missing", ("update", "{project}/gone"), first_line=r"error: .*/gone: "),
        Repo(),
    ),
    (
        Case(
            "update-not-a-copier-project",
            U,
            first_line=r"error: .*/project: not a project made from a Copier template",
        ),
        Repo({"README.md": "hi\n"}),
    ),
    (
        Case(
            "update-answers-file-is-a-folder",
            U,
            first_line=r"error: .*/project: not a project made from a Copier template",
        ),
        Repo({".copier-answers.yml/x": "hi\n"}),
    ),
    (
        Case(
            "update-answers-not-utf8-names-line",
            U,
            first_line=r"error: .*/\.copier-answers\.yml:2: is not UTF-8 text \(byte 0xff\)$",
        ),
        _broken(b"_commit: v1\nproject_name: caf\xff\n"),
    ),
    (
        Case(
            "update-answers-binary",
            U,
            first_line=r"error: .*/\.copier-answers\.yml:1: not (UTF-8 text|valid YAML)",
        ),
        _broken(b"\x00\x01\x02\x03PK\x05\x06"),
    ),
    (
        Case(
            "update-answers-control-character-names-line",
            U,
            first_line=r"error: .*/\.copier-answers\.yml:2: not valid YAML: unacceptable character",
        ),
        _broken("_commit: v1\nproject_name: a\x07b\n"),
    ),
    (
        Case(
            "update-answers-malformed-yaml-names-line",
            U,
            first_line=r"error: .*/\.copier-answers\.yml:2: not valid YAML: ",
        ),
        _broken("_commit: v1\n  bad: [indent\n"),
    ),
    (
        Case(
            "update-answers-a-list",
            U,
            first_line=r"error: .*/\.copier-answers\.yml: expected a mapping of answers$",
        ),
        _broken("- _commit\n- _src_path\n"),
    ),
    (
        Case(
            "update-answers-a-scalar",
            U,
            first_line=r"error: .*/\.copier-answers\.yml: expected a mapping of answers$",
        ),
        _broken("just text\n"),
    ),
    (
        Case(
            "update-answers-empty",
            U,
            first_line=r"error: .*/\.copier-answers\.yml: expected a mapping of answers$",
        ),
        _broken(""),
    ),
    (
        Case(
            "update-answers-without-src-path",
            U,
            first_line=r"error: .*/\.copier-answers\.yml: no `_src_path`: ",
        ),
        _broken("_commit: v1\nproject_name: demo\n"),
    ),
    (
        Case(
            "update-answers-without-commit",
            U,
            first_line=r"error: .*/\.copier-answers\.yml: no `_commit`: ",
        ),
        _broken("_src_path: /somewhere\nproject_name: demo\n"),
    ),
    (
        Case(
            "update-answers-commit-not-a-string-names-line",
            U,
            first_line=r"error: .*\.yml:2: `_commit` must be a string, not a list$",
        ),
        _broken("_src_path: /somewhere\n_commit: [v1]\n"),
    ),
    (
        Case(
            "update-answers-src-path-gone",
            U,
            first_line=(
                r"error: .*/\.copier-answers\.yml:2: `_src_path` .*/outside/gone "
                r"is not a template directory$"
            ),
        ),
        _answers(commit="v1", src="{outside}/gone"),
    ),
    (
        Case(
            "update-answers-src-path-is-a-file",
            U,
            outside={"file.txt": "x\n"},
            first_line=r"error: .*/\.copier-answers\.yml:2: `_src_path` .*/file\.txt is not",
        ),
        _answers(commit="v1", src="{outside}/file.txt"),
    ),
    (
        Case(
            "update-answers-src-path-relative-gone",
            U,
            first_line=(
                r"error: .*:2: `_src_path` \.\./no-such-template is not a template "
                r"directory \(from the current folder\)$"
            ),
        ),
        _answers(commit="v1", src="../no-such-template"),
    ),
    (
        Case(
            "update-answers-link-to-a-secret-outside",
            U,
            outside={"netrc.yml": f"password: {PASSWORD}\n"},
            first_line=r"error: .*/\.copier-answers\.yml: no `_src_path` or `_commit`",
            secret=PASSWORD,
        ),
        Repo({".copier-answers.yml": ""}, git=False),
    ),
    (
        Case(
            "update-not-a-git-repository",
            U,
            first_line=r"error: .*/project: not inside a git repository$",
        ),
        dataclasses.replace(_answers(), git=False),
    ),
    (
        Case(
            "update-dirty-tree-refused",
            U,
            first_line=r"error: .*/project: uncommitted changes in notes\.txt$",
        ),
        dataclasses.replace(_answers(), untracked={"notes.txt": "wip\n"}),
    ),
    (
        Case(
            "update-data-key-typo-names-closest",
            (*U, "--vcs-ref", "HEAD", "--data", "licence=MIT"),
            first_line=r"error: --data licence=MIT: the template has no question `licence`$",
        ),
        _answers(),
    ),
    (
        Case(
            "update-data-bool-maybe-refused",
            (*U, "--vcs-ref", "HEAD", "--data", "cli=maybe"),
            first_line=r"error: --data cli=maybe: `cli` is a yes/no question$",
        ),
        _answers(),
    ),
    (
        Case(
            "update-data-choice-not-listed",
            (*U, "--vcs-ref", "HEAD", "--data", "build_backend=poetry"),
            first_line=r"error: --data build_backend=poetry: not one of the choices",
        ),
        _answers(),
    ),
    (
        Case(
            "update-unknown-commit-names-line",
            (*U, "--vcs-ref", "HEAD"),
            first_line=(
                r"error: .*/\.copier-answers\.yml:1: `_commit` (deadbeef){5} is not a tag "
                r"or commit of the template "
            ),
        ),
        _answers(commit="deadbeef" * 5),
    ),
    (
        Case(
            "update-vcs-ref-unknown",
            (*U, "--vcs-ref", "v99.0.0"),
            first_line=r"error: --vcs-ref v99\.0\.0: no such tag, branch or commit in the template",
        ),
        _answers(),
    ),
]

UPDATE_HINTS = {
    "update-answers-not-utf8-names-line": "hint: restore the file from git",
    "update-answers-src-path-gone": "hint: point `_src_path` at a clone of the template",
    "update-not-a-git-repository": "hint: copier updates are git merges",
    "update-dirty-tree-refused": "hint: commit or stash them first",
    "update-data-key-typo-names-closest": "hint: did you mean `--data license=MIT`?",
    "update-unknown-commit-names-line": "hint: restore `_commit` from git",
}


def _fill(value: str | bytes, names: Mapping[str, str]) -> bytes:
    if isinstance(value, bytes):
        return value
    for key, name in names.items():
        value = value.replace(f"{{{key}}}", name)
    return value.encode()


@pytest.mark.parametrize(("case", "repo"), UPDATE, ids=[case.id for case, _ in UPDATE])
def test_update(
    case: Case,
    repo: Repo,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    names = {"template": str(template), "outside": str(tmp_path / "outside")}
    for rel, value in repo.files.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_bytes(_fill(value, names))
    if case.id == "update-answers-link-to-a-secret-outside":
        (project / ".copier-answers.yml").unlink()
        (project / ".copier-answers.yml").symlink_to(tmp_path / "outside" / "netrc.yml")
    if repo.git:
        run(["git", "init", "-q", "-b", "main"], project)
        run(["git", "add", "-A"], project)
        run(["git", "commit", "-q", "--allow-empty", "-m", "Start"], project)
    for rel, value in repo.untracked.items():
        (project / rel).write_text(value, encoding="utf-8")
    # `git status` may refresh the index's stat cache; nothing else may change.
    case = dataclasses.replace(_with_template(case, template), changes=frozenset({".git/index"}))
    _, _, err = run_case(case, tmp_path, capsys)
    if case.id in UPDATE_HINTS:
        assert err.splitlines()[1].startswith(UPDATE_HINTS[case.id]), err


# --- check ------------------------------------------------------------------------------

C = ("check", "{project}")
PYPROJECT_OK = '[project]\nname = "demo"\nversion = "1"\n'
CHECK = [
    Case(
        "check-path-is-a-file",
        ("check", "{project}/pyproject.toml"),
        project={"pyproject.toml": PYPROJECT_OK},
        first_line=r"error: .*/pyproject\.toml: is a file, not a folder$",
    ),
    Case("check-path-missing", ("check", "{project}/gone"), first_line=r"error: .*/gone: "),
    Case(
        "check-pyproject-not-utf8-names-line",
        C,
        project={"pyproject.toml": b'[project]\nname = "caf\xe9"\n'},
        first_line=r"error: .*/pyproject\.toml:2: is not UTF-8 text \(byte 0xe9\)$",
    ),
    Case(
        "check-pyproject-binary",
        C,
        project={"pyproject.toml": b"\x00\x01\x02\x03PK\x03\x04\n"},
        first_line=r"error: .*/pyproject\.toml:1: not valid TOML: ",
    ),
    Case(
        "check-pyproject-utf16",
        C,
        project={"pyproject.toml": '[project]\nname = "x"\n'.encode("utf-16")},
        first_line=r"error: .*/pyproject\.toml:1: is not UTF-8 text \(byte 0xff\)$",
    ),
    Case(
        "check-pyproject-bom",
        C,
        project={"pyproject.toml": "\ufeff" + PYPROJECT_OK},
        first_line=r"error: .*/pyproject\.toml:1: starts with a byte-order mark",
    ),
    Case(
        "check-pyproject-malformed-names-line-and-column",
        C,
        project={"pyproject.toml": '[project]\nname = "demo"\n[tool.ruff\n'},
        first_line=(
            r"error: .*/pyproject\.toml:3: not valid TOML: "
            r"Expected '\]' at the end of a table declaration \(column 11\)$"
        ),
    ),
    Case(
        "check-pyproject-unterminated-string",
        C,
        project={"pyproject.toml": '[project]\nname = "demo\n'},
        first_line=r"error: .*/pyproject\.toml:2: not valid TOML: ",
    ),
    Case(
        "check-pyproject-duplicate-key",
        C,
        project={"pyproject.toml": '[project]\nname = "a"\nname = "b"\n'},
        first_line=r"error: .*/pyproject\.toml:3: not valid TOML: Cannot overwrite a value",
    ),
    Case(
        "check-pyproject-project-is-a-string",
        C,
        project={"pyproject.toml": 'project = "x"\n'},
        first_line=r"error: .*/pyproject\.toml:1: `project` must be a table, not a string$",
    ),
    Case(
        "check-pyproject-tool-is-an-integer",
        C,
        project={"pyproject.toml": "tool = 5\n" + PYPROJECT_OK},
        first_line=r"error: .*/pyproject\.toml:1: `tool` must be a table, not an integer$",
    ),
    Case(
        "check-pyproject-tool-ruff-is-a-string",
        C,
        project={"pyproject.toml": PYPROJECT_OK + '[tool]\nruff = "strict"\n'},
        first_line=r"error: .*/pyproject\.toml:5: `tool\.ruff` must be a table, not a string$",
    ),
    Case(
        "check-pyproject-dependency-not-a-string",
        C,
        project={"pyproject.toml": PYPROJECT_OK + "dependencies = [\n  1,\n]\n"},
        first_line=r"error: .*:4: `project\.dependencies\[0\]` must be a string, not an integer$",
    ),
    Case(
        "check-pyproject-extras-an-array",
        C,
        project={"pyproject.toml": PYPROJECT_OK + 'optional-dependencies = ["x"]\n'},
        first_line=r"error: .*:4: `project\.optional-dependencies` must be a table, not an array$",
    ),
    Case(
        "check-pyproject-build-requires-a-string",
        C,
        project={"pyproject.toml": '[build-system]\nrequires = "hatchling"\n'},
        first_line=r"error: .*:2: `build-system\.requires` must be an array, not a string$",
    ),
    Case(
        "check-pyproject-repo-review-select-a-string",
        C,
        project={"pyproject.toml": '[tool.repo-review]\nselect = "SQ"\n'},
        first_line=r"error: .*:2: `tool\.repo-review\.select` must be an array, not a string$",
    ),
    Case(
        "check-pyproject-is-a-link-to-a-secret",
        C,
        project={"pyproject.toml": Link("{outside}/netrc")},
        outside={"netrc": f"machine example.org password {PASSWORD}\n"},
        first_line=r"error: .*/pyproject\.toml:1: not valid TOML: ",
        secret=PASSWORD,
    ),
    Case(
        "check-precommit-malformed-names-line",
        C,
        project={".pre-commit-config.yaml": "repos:\n- repo: local\n  hooks: [\n"},
        first_line=r"error: .*/\.pre-commit-config\.yaml:4: not valid YAML: ",
    ),
    Case(
        "check-precommit-not-utf8",
        C,
        project={".pre-commit-config.yaml": b"repos: []\n# caf\xe9\n"},
        first_line=r"error: .*/\.pre-commit-config\.yaml:2: is not UTF-8 text \(byte 0xe9\)$",
    ),
    Case(
        "check-precommit-a-list",
        C,
        project={".pre-commit-config.yaml": "- repo: local\n"},
        first_line=r"error: .*/\.pre-commit-config\.yaml:1: the file must be a mapping, not a list",
    ),
    Case(
        "check-precommit-empty",
        C,
        project={".pre-commit-config.yaml": ""},
        first_line=r"error: .*/\.pre-commit-config\.yaml: the file must be a mapping, not empty$",
    ),
    Case(
        "check-precommit-repos-a-string",
        C,
        project={".pre-commit-config.yaml": "repos: none\n"},
        first_line=r"error: .*/\.pre-commit-config\.yaml:1: `repos` must be a list, not a string$",
    ),
    Case(
        "check-precommit-hook-without-id",
        C,
        project={
            ".pre-commit-config.yaml": "repos:\n- repo: local\n  hooks:\n  - name: x\n",
        },
        first_line=r"error: .*/\.pre-commit-config\.yaml:4: `repos\[0\]\.hooks\[0\]` has no `id`$",
    ),
    Case(
        "check-precommit-rev-a-number",
        C,
        project={
            ".pre-commit-config.yaml": (
                "repos:\n- repo: https://github.com/x/y\n  rev: 1.0\n  hooks: [{id: a}]\n"
            ),
        },
        first_line=r"error: .*/\.pre-commit-config\.yaml:3: `repos\[0\]\.rev` must be a string",
    ),
    Case(
        "check-ruff-toml-malformed",
        C,
        project={"ruff.toml": "line-length = \n"},
        first_line=r"error: .*/ruff\.toml:1: not valid TOML: ",
    ),
    Case(
        "check-setup-cfg-without-section",
        C,
        project={"setup.cfg": "name = demo\n"},
        first_line=r"error: .*/setup\.cfg:1: an option before the first `\[section\]` header$",
    ),
    Case(
        "check-noxfile-syntax-error",
        C,
        project={"noxfile.py": "import nox\n\ndef tests(session:\n"},
        first_line=r"error: .*/noxfile\.py:3: not valid Python: ",
    ),
    Case(
        "check-workflow-a-list",
        C,
        project={".github/workflows/ci.yml": "- run: x\n"},
        first_line=r"error: .*/workflows/ci\.yml:1: the file must be a mapping, not a list$",
    ),
    Case(
        "check-select-unknown-id-lists-prefixes",
        (*C, "--select", "ZZZ999"),
        first_line=r"error: --select ZZZ999: no check has this id or prefix$",
    ),
    Case(
        "check-select-lowercase-id-names-closest",
        (*C, "--select", "sq100"),
        first_line=r"error: --select sq100: no check has this id or prefix$",
    ),
    Case(
        "check-select-partial-prefix-explained",
        (*C, "--select", "SQ1"),
        first_line=r"error: --select SQ1: no check has this id or prefix$",
    ),
    Case(
        "check-select-family-name-explained",
        (*C, "--select", "setsquare"),
        first_line=r"error: --select setsquare: no check has this id or prefix$",
    ),
    Case(
        "check-select-one-bad-id-among-good",
        (*C, "--select", "SQ100,SQ999,PC"),
        first_line=r"error: --select SQ999: no check has this id or prefix$",
    ),
    Case(
        "check-ignore-unknown-id",
        (*C, "--ignore", "SQ3OO"),
        first_line=r"error: --ignore SQ3OO: no check has this id or prefix$",
    ),
    Case(
        "check-ignore-star-refused",
        (*C, "--ignore", "*"),
        first_line=r"error: --ignore \*: no check has this id or prefix$",
    ),
    Case(
        "check-select-known-prefix-runs",
        (*C, "--select", "SQ"),
        project={"pyproject.toml": PYPROJECT_OK},
        exit=1,
        first_line=r"FAIL SQ310: ",
    ),
]

CHECK_HINTS = {
    "check-pyproject-not-utf8-names-line": "hint: save it as UTF-8",
    "check-pyproject-malformed-names-line-and-column": "hint: fix the TOML there",
    "check-pyproject-project-is-a-string": "hint: the packaging specification gives the types",
    "check-pyproject-tool-is-an-integer": "hint: `[tool]` holds one table per tool",
    "check-precommit-malformed-names-line": "hint: fix the YAML there",
    "check-precommit-a-list": "hint: see the file's layout: https://pre-commit.com/",
    "check-select-unknown-id-lists-prefixes": "hint: `setsquare check --all` lists the checks; "
    "the prefixes are: ",
    "check-select-lowercase-id-names-closest": "hint: ids are case-sensitive: did you mean "
    "`SQ100`?",
    "check-select-partial-prefix-explained": "hint: a prefix is the letters alone: `SQ`",
    "check-select-family-name-explained": "hint: `setsquare` is a family name; select its "
    "checks by prefix: SQ",
    "check-ignore-unknown-id": "hint: did you mean `SQ3",
    "check-ignore-star-refused": "hint: `*` works with --select only",
}


@pytest.mark.parametrize("case", CHECK, ids=[case.id for case in CHECK])
def test_check(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run_case(case, tmp_path, capsys)
    if case.id in CHECK_HINTS:
        assert err.splitlines()[1].startswith(CHECK_HINTS[case.id]), err


# --- new, stopped half-way ------------------------------------------------------------------


def _stop_after(
    monkeypatch: pytest.MonkeyPatch, files: int, stop: Callable[[Worker], None]
) -> list[int]:
    """Let copier render *files* files, then call *stop*; return how many were on disk."""
    original = Worker._render_file
    seen: list[int] = []

    def render_file(self: Worker, *args: Any, **kwargs: Any) -> None:
        if len(seen) == files:
            seen.append(sum(1 for path in Path(self.dst_path).rglob("*") if path.is_file()))
            stop(self)
        seen.append(0)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Worker, "_render_file", render_file)
    return seen


def _interrupt(worker: Worker) -> None:
    raise KeyboardInterrupt


def _terminate(worker: Worker) -> None:
    os.kill(os.getpid(), signal.SIGTERM)


def _disk_full(worker: Worker) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", str(Path(worker.dst_path) / "x"))


def _late_template_error(worker: Worker) -> None:
    raise UserMessageError("a value failed to render")


STOPS = [
    pytest.param(_interrupt, 130, r"interrupted$", None, id="ctrl-c"),
    pytest.param(_interrupt, 130, r"interrupted$", Dir(), id="ctrl-c-into-empty-dest"),
    pytest.param(_terminate, 143, r"terminated$", None, id="sigterm"),
    pytest.param(
        _disk_full,
        2,
        r"error: .*/demo: could not write the project \(no space left on device\)$",
        None,
        id="disk-full",
    ),
    pytest.param(
        _late_template_error,
        2,
        r"error: could not render the template from .*: a value failed to render$",
        Dir(),
        id="late-template-error",
    ),
]


# Stopped mid-render, copier drops its half-read `os.scandir` iterator without closing
# it; Python warns about that when it collects the iterator, long after the test's point.
COPIER_SCANDIR = pytest.mark.filterwarnings(
    "ignore:unclosed scandir iterator:ResourceWarning",
    "ignore:Exception ignored in. <posix.ScandirIterator:pytest.PytestUnraisableExceptionWarning",
)


@COPIER_SCANDIR
@pytest.mark.parametrize(("stop", "code", "first_line", "dest"), STOPS)
def test_new_stopped_half_way_leaves_dest_as_it_was(
    stop: Callable[[Worker], None],
    code: int,
    first_line: str,
    dest: Dir | None,
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if stop is _terminate and not hasattr(setsquare.main, "Terminated"):
        pytest.skip("main does not turn SIGTERM into an exception")
    seen = _stop_after(monkeypatch, 3, stop)
    case = Case(
        f"new-stopped-{code}",
        _new(),
        project={} if dest is None else {"demo": dest},
        exit=code,
        first_line=first_line,
        after=_no_staging if dest is None else _empty_dir("demo"),
    )
    run_case(_with_template(case, template), tmp_path, capsys)
    assert seen[3] >= 3, "the render was not stopped part-way"
    assert (tmp_path / "project" / "demo").exists() == (dest is not None)


def test_new_stopped_while_moving_in_puts_everything_back(
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = Path.rename
    moved: list[str] = []

    def rename(self: Path, target: Any) -> Path:
        if STAGING in self.parent.name:
            if len(moved) == 3:
                raise KeyboardInterrupt
            moved.append(self.name)
        return original(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    case = Case(
        "new-stopped-while-moving-in",
        _new(),
        project={"demo": Dir()},
        exit=130,
        first_line=r"interrupted$",
        after=_empty_dir("demo"),
    )
    run_case(_with_template(case, template), tmp_path, capsys)
    assert len(moved) == 3


def test_new_runs_git_init_after_the_move(
    template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from setsquare.commands import new

    original = new._git_init
    seen: list[Path] = []

    def git_init(target: Path) -> None:
        assert (target / "pyproject.toml").is_file()
        assert not [path for path in target.parent.iterdir() if STAGING in path.name]
        seen.append(target)
        original(target)

    monkeypatch.setattr(new, "_git_init", git_init)
    argv = tuple(arg for arg in _new() if arg != "--no-git")
    case = Case(
        "new-git-init-after-move",
        argv,
        exit=0,
        first_line=r"Created demo in ",
        changes=None,
        after=lambda project: None,
    )
    run_case(_with_template(case, template), tmp_path, capsys)
    assert [path.name for path in seen] == ["demo"]
    assert (tmp_path / "project" / "demo" / ".git").is_dir()
