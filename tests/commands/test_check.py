from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

from setsquare._shape import TOML_WORDS, problem, toml_line
from setsquare.commands._review_files import PYPROJECT
from setsquare.main import main
from tests.template.references import REFERENCE

if TYPE_CHECKING:
    from pathlib import Path


def test_the_default_render_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(REFERENCE, project)
    assert main(["check", str(project), "--all"]) == 0
    out = capsys.readouterr().out
    for check_id in ("SQ100", "SQ110", "SQ140", "SQ190", "SQ200", "SQ300", "SQ310", "SQ320"):
        assert f"ok   {check_id}: " in out
    assert out.splitlines()[-1].endswith(" 0 failed, 16 skipped")


def test_legacy_and_missing_bundle_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "old"\nversion = "1"\n', encoding="utf-8"
    )
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 99\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: https://github.com/psf/black\n  rev: 24.1.0\n  hooks: [{id: black}]\n",
        encoding="utf-8",
    )
    assert main(["check", str(tmp_path), "--select", "SQ"]) == 1
    out = capsys.readouterr().out
    assert "FAIL SQ110: Formats with ruff-format" in out
    assert "FAIL SQ300: No packaging metadata or tool configuration in legacy places" in out
    assert (
        "- setup.cfg:1: `setsquare migrate` moves 2 items ([flake8] max-line-length, [flake8])"
        in out
    )
    assert "FAIL SQ310: Ruff's rules are selected explicitly" in out
    assert "ok   SQ" not in out  # only failures without --all


def test_not_a_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'nope'}: not a directory\n")


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        pytest.param('project = "x"\n', ("project",), 1, id="top-level-key"),
        pytest.param(
            '[project]\nname = "a"\ndependencies = "x"\n',
            ("project", "dependencies"),
            3,
            id="in-table",
        ),
        pytest.param(
            "[project]\ndependencies = [\n  1,\n]\n",
            ("project", "dependencies", 0),
            2,
            id="array-item-at-its-key",
        ),
        pytest.param(
            'project.dependencies = "x"\n', ("project", "dependencies"), 1, id="dotted-key"
        ),
        pytest.param("[tool.ruff]\nlint = 5\n", ("tool", "ruff", "lint"), 2, id="dotted-header"),
        pytest.param(
            '[ "tool" . "repo-review" ]\nselect = "SQ"\n',
            ("tool", "repo-review", "select"),
            2,
            id="quoted-header",
        ),
        pytest.param(
            '[project]\ndescription = """\ndependencies = 1\n"""\ndependencies = 2\n',
            ("project", "dependencies"),
            5,
            id="skips-multiline-strings",
        ),
        pytest.param(
            "project = {name = 5}\n", ("project", "name"), 1, id="inline-table-at-its-key"
        ),
        pytest.param(
            "[[tool.mypy.overrides]]\nmodule = 5\n",
            ("tool", "mypy", "overrides", 0, "module"),
            2,
            id="array-of-tables",
        ),
        pytest.param("# nothing here\n", ("project",), None, id="not-found"),
    ],
)
def test_toml_line_finds_the_key(text: str, path: tuple[str | int, ...], line: int | None) -> None:
    assert toml_line(text, path) == line


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param({"project": "x"}, "`project` must be a table, not a string", id="table"),
        pytest.param({"tool": {"x": []}}, "`tool.x` must be a table, not an array", id="each"),
        pytest.param(
            {"project": {"dependencies": ["a", True]}},
            "`project.dependencies[1]` must be a string, not a boolean",
            id="array-item",
        ),
        pytest.param(
            {"project": {"license": 1.5}},
            "`project.license` must be a string or a table, not a float",
            id="either",
        ),
        pytest.param(
            {"tool": {"repo-review": {"ignore": {"SQ1": None}}}},
            "`tool.repo-review.ignore.SQ1` must be a string, not empty",
            id="table-of-strings",
        ),
        pytest.param(
            {"project": {"urls": {"a b": 1}}},
            '`project.urls."a b"` must be a string, not an integer',
            id="quoted-key",
        ),
    ],
)
def test_pyproject_shape_problems(value: dict[str, Any], message: str) -> None:
    found = problem(value, PYPROJECT, TOML_WORDS)
    assert found is not None
    assert found.message == message


def test_a_plugin_that_crashes_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A value the pre-checks do not know still must not end in a traceback:
    # sp-repo-review's PP302 reads `minversion` with int().
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\nminversion = "six"\n', encoding="utf-8"
    )
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"error: {tmp_path}: the repo-review plugin `sp_repo_review` failed on this repository "
        "(ValueError: invalid literal for int() with base 10: 'six')"
    )
    assert err[1].startswith("hint: a file it reads probably has a value of an unexpected type")


def test_a_crash_in_setsquare_is_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object) -> bool:
        raise RuntimeError("bug")

    monkeypatch.setattr("setsquare.checks.repo_review.explicit_ruff_select", crash)
    assert main(["check", str(tmp_path)]) == 3
    assert "Traceback" in capsys.readouterr().err


ADOPTED_ELSEWHERE = """\
repos:
- repo: https://github.com/astral-sh/ruff-pre-commit
  rev: v0.17.6
  hooks:
  - id: ruff
  - id: ruff-format
- repo: /srv/mirrors/setsquare
  rev: 0123456789abcdef0123456789abcdef01234567
  hooks:
  - id: trailing-whitespace
  - id: end-of-file-fixer
  - id: check-merge-conflict
  - id: mypy
  - id: check-legacy-config
  - id: check-tool-pins
"""


def test_the_bundle_from_a_mirror_and_kept_upstream_ruff_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What `adopt --bundle-url /srv/mirrors/setsquare` leaves beside ruff-pre-commit:
    # the bundle is known by its own hook ids, and ruff-pre-commit does ruff's jobs.
    (tmp_path / ".pre-commit-config.yaml").write_text(ADOPTED_ELSEWHERE, encoding="utf-8")
    assert main(["check", str(tmp_path), "--select", "SQ100,SQ110,SQ140,SQ190", "--all"]) == 0
    out = capsys.readouterr().out
    for check_id in ("SQ100", "SQ110", "SQ140", "SQ190"):
        assert f"ok   {check_id}: " in out


def test_setsquare_passes_its_own_check(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import REPO_ROOT

    assert main(["check", str(REPO_ROOT)]) == 0
    assert capsys.readouterr().out.endswith(" 0 failed, 15 skipped\n")


@pytest.mark.parametrize(
    ("files", "passes"),
    [
        ({"pyproject.toml": '[tool.ruff.lint]\nselect = ["E"]\n'}, True),
        # Ruff reads the ruff.toml (even empty), never the pyproject.toml select beside it.
        ({"pyproject.toml": '[tool.ruff.lint]\nselect = ["E"]\n', "ruff.toml": ""}, False),
        ({".ruff.toml": "", "ruff.toml": '[lint]\nselect = ["E"]\n'}, False),
        ({"ruff.toml": 'extend = "base.toml"\n', "base.toml": '[lint]\nselect = ["E"]\n'}, True),
    ],
)
def test_sq310_reads_the_file_ruff_reads(
    tmp_path: Path, files: dict[str, str], passes: bool
) -> None:
    from setsquare.checks.repo_review import SQ310

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert (SQ310.check(tmp_path, []) is True) is passes
