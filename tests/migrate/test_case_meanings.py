"""What the golden cases' output means, beyond their bytes.

The golden cases (setuptools_scm beside setup.cfg or setup.py, a readme without a
content type, `file:` directives, non-ASCII authors, other tools' sections, a
requirements-only project, tool tables the project already has) pin the output byte
for byte; these tests state what the output means (parsed values, every section name
on its own, the refusals) and, marked slow, build each case before and after with the
real backends to show the wheel publishes the same METADATA.
"""

from __future__ import annotations

import shutil
from email.parser import HeaderParser
from typing import TYPE_CHECKING, Any

import pytest

from setsquare._toml import load_toml
from setsquare.commands._verify import build
from setsquare.main import main
from setsquare.migrate.compare import compare_artifacts
from tests.migrate.golden import CASES, NAMES, tree

if TYPE_CHECKING:
    from email.message import Message
    from pathlib import Path

    from setsquare.migrate.compare import Artifacts

STUB_NAME_ONLY = 'from setuptools import setup\nsetup(name="demo", packages=[])\n'

#: (files, the error line, the hint line): the refusal names the file(s) without a version.
NO_VERSION: list[tuple[str, dict[str, str], str, str]] = [
    (
        "setup.cfg",
        {"setup.cfg": "[metadata]\nname = demo\n"},
        "error: setup.cfg: [metadata] has no version, and pyproject.toml's [project] must have one",
        (
            "hint: add `version = 1.0` (or `version = attr: pkg.__version__`) to setup.cfg "
            "[metadata], then run again"
        ),
    ),
    (
        "setup.py",
        {"setup.py": STUB_NAME_ONLY},
        "error: setup.py: setup() has no version, and pyproject.toml's [project] must have one",
        'hint: add `version="1.0"` to setup(), then run again',
    ),
    (
        "both",
        {"setup.cfg": "[options]\nzip_safe = false\n", "setup.py": STUB_NAME_ONLY},
        (
            "error: setup.cfg: neither [metadata] nor setup.py's setup() has a version, and "
            "pyproject.toml's [project] must have one"
        ),
        (
            "hint: add `version = 1.0` (or `version = attr: pkg.__version__`) to setup.cfg "
            '[metadata] or `version="1.0"` to setup(), then run again'
        ),
    ),
]


@pytest.mark.parametrize(
    ("files", "error", "hint"), [row[1:] for row in NO_VERSION], ids=[r[0] for r in NO_VERSION]
)
def test_no_version_is_refused_naming_the_file_without_it(
    files: dict[str, str],
    error: str,
    hint: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Without setuptools_scm, [project] needs a version from somewhere.
    for rel, text in files.items():
        (tmp_path / rel).write_text(text, encoding="utf-8")
    before = tree(tmp_path)

    assert main(["migrate", str(tmp_path)]) == 2

    assert capsys.readouterr().err.splitlines() == [error, hint]
    assert tree(tmp_path) == before


def _toml(case: str) -> dict[str, Any]:
    return load_toml(CASES / case / "expected" / "pyproject.toml")


def test_scm_cases_leave_the_version_to_setuptools_scm() -> None:
    # A dynamic version, no attr: source; a file: source stays (it wins over
    # setuptools_scm in setup.cfg and in pyproject.toml alike).
    for case in (
        "setuptools-scm-in-setup-py-stays",
        "setuptools-scm-beats-setup-cfg-attr-version",
        "setup-cfg-file-version-beats-setuptools-scm",
    ):
        data = _toml(case)
        project = data["project"]
        assert project["dynamic"] == ["version"], case
        assert "version" not in project, case
        requires = data["build-system"]["requires"]
        assert any(r.startswith("setuptools_scm") for r in requires), case
    assert (
        "dynamic" not in _toml("setuptools-scm-beats-setup-cfg-attr-version")["tool"]["setuptools"]
    )
    assert _toml("setup-cfg-file-version-beats-setuptools-scm")["tool"]["setuptools"][
        "dynamic"
    ] == {"version": {"file": "VERSION"}}
    # setup() keeps use_scm_version, which is what switches setuptools_scm on there.
    setup_py = (CASES / "setuptools-scm-in-setup-py-stays" / "expected" / "setup.py").read_text(
        encoding="utf-8"
    )
    assert "use_scm_version=True" in setup_py
    assert "setup_requires" not in setup_py


#: `file:` directives, one at a time:
#: setup.cfg line -> ([project] dynamic, [tool.setuptools.dynamic]).
FILE_DIRECTIVES: list[tuple[str, str, list[str], dict[str, object]]] = [
    (
        "description",
        "[metadata]\nname = demo\nversion = 1\ndescription = file: DESC.txt\n",
        ["description"],
        {"description": {"file": "DESC.txt"}},
    ),
    (
        "classifiers",
        "[metadata]\nname = demo\nversion = 1\nclassifiers = file: a.txt, b.txt\n",
        ["classifiers"],
        {"classifiers": {"file": ["a.txt", "b.txt"]}},
    ),
    (
        # scripts and gui-scripts too: setuptools refuses console_scripts read from
        # the file unless `scripts` is dynamic.
        "entry_points",
        "[metadata]\nname = demo\nversion = 1\n[options]\nentry_points = file: ep.cfg\n",
        ["entry-points", "scripts", "gui-scripts"],
        {"entry-points": {"file": "ep.cfg"}},
    ),
]


@pytest.mark.parametrize(
    ("cfg", "dynamic", "table"),
    [row[1:] for row in FILE_DIRECTIVES],
    ids=[row[0] for row in FILE_DIRECTIVES],
)
def test_file_directives_become_dynamic_fields(
    cfg: str,
    dynamic: list[str],
    table: dict[str, object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "setup.cfg").write_text(cfg, encoding="utf-8")

    assert main(["migrate", str(tmp_path)]) == 0

    assert "(file: read at build time)" in capsys.readouterr().out
    data = load_toml(tmp_path / "pyproject.toml")
    assert data["project"]["dynamic"] == dynamic
    assert data["tool"]["setuptools"]["dynamic"] == table


def test_non_ascii_people_are_utf8_in_pyproject() -> None:
    # The bytes are UTF-8 (no \u escapes), and each name keeps its own e-mail.
    raw = (CASES / "setup-cfg-non-ascii-authors" / "expected" / "pyproject.toml").read_bytes()
    for text in ("José Müller", "jose@exämple.org", "李雷", "Zoë Ørsted"):
        assert text.encode("utf-8") in raw
    assert b"\\u" not in raw
    project = _toml("setup-cfg-non-ascii-authors")["project"]
    assert project["authors"] == [
        {"name": "José Müller", "email": "jose@exämple.org"},
        {"name": "李雷", "email": "li@example.cn"},
    ]
    assert project["maintainers"] == [{"name": "Zoë Ørsted", "email": "zoe@example.org"}]


#: Sections setuptools or other tools read from setup.cfg, with no [tool.*] twin
#: setsquare could write faithfully.
KEPT_SECTIONS = [
    "[aliases]\nrelease = sdist bdist_wheel\n",
    "[easy_install]\nindex_url = https://mirror.example.org/simple\n",
    "[upload]\nrepository = https://upload.example.org/legacy/\n",
    "[pycodestyle]\nmax-line-length = 100\n",
    "[pydocstyle]\nconvention = numpy\n",
    "[bumpversion]\ncurrent_version = 1\n",
    "[versioneer]\nVCS = git\nstyle = pep440\n",
]


@pytest.mark.parametrize("section", KEPT_SECTIONS, ids=[s.split("]")[0][1:] for s in KEPT_SECTIONS])
def test_other_sections_stay_in_setup_cfg(
    section: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = section.split("]")[0][1:]
    (tmp_path / "setup.cfg").write_text(
        f"[metadata]\nname = demo\nversion = 1\n\n{section}", encoding="utf-8"
    )

    assert main(["migrate", str(tmp_path)]) == 0

    out = capsys.readouterr().out
    assert f"kept        setup.cfg:5 [{name}] (not packaging metadata; left in setup.cfg)\n" in out
    assert (tmp_path / "setup.cfg").read_text(encoding="utf-8") == section
    data = load_toml(tmp_path / "pyproject.toml")
    assert set(data["tool"]) == {"setuptools"}
    assert data["tool"]["setuptools"] == {"include-package-data": False}


#: The one [tool.*] table a migration takes away: Ruff replaces Flake8-pyproject's.
TAKEN_TOOL_TABLES = {"flake8"}


def _tool_keys_never_written(before: dict[str, Any], after: dict[str, Any], where: str) -> None:
    """Each table of *before* keeps exactly its own keys and values; sub-tables may be added."""
    assert {k: v for k, v in after.items() if not isinstance(v, dict)} == {
        k: v for k, v in before.items() if not isinstance(v, dict)
    }, where
    for key, value in before.items():
        if isinstance(value, dict):
            _tool_keys_never_written(value, after[key], f"{where}.{key}")


@pytest.mark.parametrize("case", NAMES)
def test_tool_tables_the_project_has_are_never_written_into(case: str) -> None:
    # tools-existing-tables-are-never-written-into shows it with a conflict, values
    # already there and a table read (black's) but left for black.
    before_path = CASES / case / "input" / "pyproject.toml"
    if not before_path.is_file():
        return
    before = load_toml(before_path).get("tool", {})
    after = _toml(case).get("tool", {})
    for table, value in before.items():
        if table in TAKEN_TOOL_TABLES:
            assert table not in after, case
        else:
            _tool_keys_never_written(value, after[table], f"{case}: tool.{table}")


def test_requirements_alone_invent_no_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No name or version is made up; the ledger says so, nothing is written.
    (tmp_path / "requirements.txt").write_text("flask>=3\n", encoding="utf-8")
    before = tree(tmp_path)
    kept = (
        "kept        requirements.txt (no [project] to hold it: this project builds no wheel; "
        "to publish these as its dependencies, write [project] with them by hand)\n"
    )

    assert main(["migrate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"{kept}Nothing to migrate.\n"
    assert main(["migrate", str(tmp_path), "--check"]) == 0
    assert capsys.readouterr().out == f"{kept}Nothing to migrate.\n"
    assert tree(tmp_path) == before


def test_requirements_only_case_writes_only_the_group() -> None:
    # With a dev file: the group needs no project; [project] is not invented.
    assert _toml("requirements-only-project-builds-no-wheel") == {
        "dependency-groups": {"dev": ["pytest>=8"]}
    }


def test_requirements_become_a_group_once_the_project_builds_a_wheel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a name (and the version [project] needs) the project builds a wheel,
    # whose METADATA a requirements file must not change (issue 14).
    case = tmp_path / "project"
    shutil.copytree(CASES / "requirements-only-project-builds-no-wheel" / "expected", case)
    text = (case / "pyproject.toml").read_text(encoding="utf-8")
    (case / "pyproject.toml").write_text(
        f'[project]\nname = "demo"\nversion = "0.1"\n\n{text}', encoding="utf-8"
    )

    assert main(["migrate", str(case)]) == 0

    assert "mapped      requirements.txt:1 flask>=3 -> [dependency-groups] requirements\n" in (
        capsys.readouterr().out
    )
    data = load_toml(case / "pyproject.toml")
    assert data["project"] == {"name": "demo", "version": "0.1"}
    assert data["dependency-groups"] == {"dev": ["pytest>=8"], "requirements": ["flask>=3"]}


# -- real builds -------------------------------------------------------------------


def _build_both(case: str, tmp_path: Path) -> tuple[Artifacts, Artifacts, list[str]]:
    """Build the golden input and expected trees; what they publish, and the differences."""
    before_tree, after_tree = tmp_path / "before", tmp_path / "after"
    shutil.copytree(CASES / case / "input", before_tree)
    shutil.copytree(CASES / case / "expected", after_tree)
    old, new = tree(before_tree), tree(after_tree)
    changed = {rel for rel in old.keys() | new.keys() if old.get(rel) != new.get(rel)}
    before = build(before_tree, tmp_path / "out-before", "the input", migrated=False)
    after = build(after_tree, tmp_path / "out-after", "the expected tree", migrated=True)
    problems = compare_artifacts(before, after, sdist_allowed=changed | {"setup.cfg"})
    return before, after, problems


def _metadata(artifacts: Artifacts) -> Message:
    return HeaderParser().parsestr(artifacts.metadata)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "version"),
    [
        ("setuptools-scm-in-setup-py-stays", "2.5.0"),
        (
            "setuptools-scm-beats-setup-cfg-attr-version",
            "2.5.0",
        ),  # setuptools_scm beat the attr: before too
        (
            "setup-cfg-file-version-beats-setuptools-scm",
            "3.1.4",
        ),  # the file beats setuptools_scm, before and after
    ],
)
def test_scm_cases_build_the_same_version(
    case: str, version: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No git checkout in the copies: setuptools_scm takes the version from here.
    monkeypatch.setenv("SETUPTOOLS_SCM_PRETEND_VERSION", "2.5.0")

    before, after, problems = _build_both(case, tmp_path)

    assert problems == []
    assert _metadata(before)["Version"] == version
    assert _metadata(after)["Version"] == version


@pytest.mark.slow
def test_md_readme_without_content_type_keeps_its_rendering(tmp_path: Path) -> None:
    # setuptools never guessed from setup.cfg's file name, so METADATA had no
    # Description-Content-Type, which means text/x-rst; the migration writes that
    # explicitly (README: "a missing content type becoming text/x-rst"), not the
    # text/markdown pyproject.toml would guess from `readme = "README.md"`.
    before, after, problems = _build_both("setup-cfg-readme-without-content-type-is-rst", tmp_path)

    assert problems == []
    assert _metadata(before)["Description-Content-Type"] is None
    assert _metadata(after)["Description-Content-Type"] == "text/x-rst"
    readme = (
        CASES / "setup-cfg-readme-without-content-type-is-rst" / "input" / "README.md"
    ).read_text(encoding="utf-8")
    assert str(_metadata(after).get_payload()).strip() == readme.strip()


@pytest.mark.slow
def test_file_directives_build_the_same(tmp_path: Path) -> None:
    # The summary, classifiers and entry points still come from their files.
    before, after, problems = _build_both("setup-cfg-file-directives-stay-dynamic", tmp_path)

    assert problems == []
    metadata = _metadata(after)
    assert metadata["Summary"] == "A summary read from a file"
    assert metadata.get_all("Classifier") == [
        "Programming Language :: Python :: 3",
        "Topic :: Utilities",
    ]
    assert "[demo.plugins]\nbasic = demo:main" in after.entry_points
    assert "[console_scripts]\ndemo = demo:main" in after.entry_points
    assert before.entry_points == after.entry_points


@pytest.mark.slow
def test_non_ascii_people_survive_the_build(tmp_path: Path) -> None:
    # METADATA is UTF-8 text with the names as written, before and after.
    before, after, problems = _build_both("setup-cfg-non-ascii-authors", tmp_path)

    assert problems == []
    assert _metadata(before)["Author"] == "José Müller, 李雷"
    assert _metadata(after)["Author-email"] == (
        "José Müller <jose@exämple.org>, 李雷 <li@example.cn>"
    )
    assert _metadata(after)["Maintainer-email"] == "Zoë Ørsted <zoe@example.org>"
    assert "=?utf-8?" not in after.metadata.lower()
