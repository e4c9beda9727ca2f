"""The release check: a tag, project.version and setsquare_version that disagree stop a release."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from scripts.check_release_version import HINT, main
from tests.helpers import REPO_ROOT, run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

SCRIPT = REPO_ROOT / "scripts" / "check_release_version.py"


def _repo(root: Path, *, project: str | None, template: str) -> Path:
    """A repository root whose pyproject.toml and copier.yml carry these versions.

    *template* is copier.yml's YAML text for the default, quotes and all.
    """
    version = "" if project is None else f'version = "{project}"\n'
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "setsquare"\n{version}dynamic = []\n', encoding="utf-8"
    )
    (root / "copier.yml").write_text(
        "_subdirectory: template\n\n"
        "setsquare_version:\n"
        "  type: str\n"
        f"  default: {template}\n"
        "  when: false\n",
        encoding="utf-8",
    )
    return root


MISMATCH = f"\nhint: {HINT}\n"


@pytest.mark.parametrize(
    ("tag", "project", "template", "code", "stderr"),
    [
        pytest.param("v0.2.0", "0.2.0", '"0.2.0"', 0, "", id="all-three-agree"),
        pytest.param("v1.0.0rc1", "1.0.0rc1", "'1.0.0rc1'", 0, "", id="pre-release-agrees"),
        pytest.param(
            "v0.3.0",
            "0.2.0",
            '"0.2.0"',
            1,
            "error: tag v0.3.0 releases 0.3.0, but pyproject.toml project.version is 0.2.0"
            " and copier.yml setsquare_version is 0.2.0" + MISMATCH,
            id="tag-ahead-of-both",
        ),
        pytest.param(
            "v0.2.0",
            "0.1.0",
            '"0.2.0"',
            1,
            "error: tag v0.2.0 releases 0.2.0, but pyproject.toml project.version is 0.1.0"
            + MISMATCH,
            id="project-version-not-bumped",
        ),
        pytest.param(
            "v0.2.0",
            "0.2.0",
            '"0.1.0"',
            1,
            "error: tag v0.2.0 releases 0.2.0, but copier.yml setsquare_version is 0.1.0"
            + MISMATCH,
            id="setsquare-version-not-bumped",
        ),
        # The rendered rev is `v` + setsquare_version, character for character:
        # PEP 440 calls these equal, but the tag v1.0.0-rc1 would not exist.
        pytest.param(
            "v1.0.0rc1",
            "1.0.0rc1",
            '"1.0.0-rc1"',
            1,
            "error: tag v1.0.0rc1 releases 1.0.0rc1, but copier.yml setsquare_version is 1.0.0-rc1"
            + MISMATCH,
            id="same-version-spelled-differently",
        ),
        pytest.param(
            "0.2.0",
            "0.2.0",
            '"0.2.0"',
            2,
            "error: tag '0.2.0' is not a release tag\n"
            "hint: release tags are v<version>, e.g. v0.2.0; only those trigger the release\n",
            id="tag-without-v",
        ),
        pytest.param("v", "0.2.0", '"0.2.0"', 2, "error: tag 'v' is not", id="tag-is-only-v"),
        # YAML reads an unquoted 0.10 as the float 0.1: the template would pin v0.1.
        pytest.param(
            "v0.10",
            "0.10",
            "0.10",
            2,
            "error: copier.yml: setsquare_version's default is 0.1, not a string\n"
            'hint: quote it: default: "X.Y.Z"\n',
            id="unquoted-setsquare-version",
        ),
        pytest.param(
            "v0.2.0",
            None,
            '"0.2.0"',
            2,
            "error: pyproject.toml: project.version is not set as a string\n",
            id="project-version-missing",
        ),
    ],
)
def test_release_check(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tag: str,
    project: str | None,
    template: str,
    code: int,
    stderr: str,
) -> None:
    root = _repo(tmp_path, project=project, template=template)
    assert main([tag, "--root", str(root)]) == code
    captured = capsys.readouterr()
    assert captured.err.startswith(stderr)
    if code == 1:
        assert captured.err == stderr  # the mismatch in one line, then the hint
    if code == 0:
        assert captured.err == ""
        assert captured.out == (
            f"{tag}: pyproject.toml project.version and copier.yml setsquare_version agree\n"
        )


def test_missing_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["v0.2.0", "--root", str(tmp_path)]) == 2
    first, hint = capsys.readouterr().err.splitlines()
    assert first.startswith("error: pyproject.toml: cannot be read: ")
    assert hint == "hint: run the check from the repository root"


def _tag() -> str:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return f"v{pyproject['project']['version']}"


def test_this_checkout_can_be_released_at_its_version() -> None:
    # As release.yml runs it: the script by path, from the repository root.
    result = run([sys.executable, str(SCRIPT), _tag()], REPO_ROOT)
    assert result.stdout.startswith(f"{_tag()}: ")


def test_this_checkout_refuses_another_tag() -> None:
    result = run([sys.executable, str(SCRIPT), _tag() + ".1"], REPO_ROOT, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"error: tag {_tag()}.1 releases ")
