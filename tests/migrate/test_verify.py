"""--verify with real isolated builds (python -m build, uv as the installer)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from setsquare.commands._verify import verify_migration
from setsquare.main import main
from setsquare.migrate.project import migrate_project
from tests.helpers import run
from tests.migrate.golden import CASES, case_args, tree

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "name",
    [
        "setup-cfg-full-project",
        "setup-py-literal-arguments-move",
        "setup-cfg-edge-values",
        "setup-cfg-computed-attr-version-needs-its-imports",
        "setup-cfg-license-files-globs",
        "setup-cfg-manifest-package-data",
        "requirements-txt-of-a-packaged-project-becomes-a-group",
        "requirements-read-by-setup-py-never-removed",
        "include-of-an-editable-only-file-stays",
        "setup-py-text-license-moves-license-files-to-tool-setuptools",
        "setup-py-version-beats-setup-cfg-attr",
        "setup-py-importing-its-own-package-keeps-legacy-backend",
        "setup-py-company-author-beside-setup-cfg-emails-kept-whole",
        "setup-py-keyword-arguments-leave-setup-py-and-setup-cfg-packaging-alone",
        "setup-py-computed-name-left-alone",
        "setup-py-extras-changed-in-place-stay-in-setup-py",
        "setup-py-spdx-license-beside-computed-classifiers-kept-as-text",
        "setup-cfg-spdx-license-beside-setup-py-computed-classifiers-kept-as-text",
        "setup-cfg-beside-an-existing-project-table-keeps-its-package-data",
        "tools-existing-tables-are-never-written-into",
    ],
)
def test_verify_passes_on_the_golden_cases(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "project"
    shutil.copytree(CASES / name / "input", work)

    assert main(["migrate", str(work), "--verify", *case_args(CASES / name)]) == 0

    captured = capsys.readouterr()
    assert "verify: the migrated project builds the same wheel and sdist" in captured.out
    assert "verify: building the project as it is" in captured.err  # progress is shown
    assert tree(work) == tree(CASES / name / "expected")


def test_verify_reports_a_difference_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "project"
    shutil.copytree(CASES / "setup-cfg-full-project" / "input", work)
    before = tree(work)
    files = {rel: (work / rel).read_text(encoding="utf-8") for rel in ("setup.cfg", "setup.py")}
    changes = dict(migrate_project(files).changes)
    # A migration that lost a dependency and an entry point must not pass.
    text = changes["pyproject.toml"]
    assert text is not None
    changes["pyproject.toml"] = text.replace('    "click>=8.0",\n', "").replace(
        'acme-gui = "acme_widgets.gui:run"\n', 'acme-gui = "acme_widgets.gui:other"\n'
    )

    assert verify_migration(work, changes) is False

    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("verify: METADATA Requires-Dist:") for line in out)
    assert any(line.startswith("verify: entry points:") for line in out)
    assert tree(work) == before


def test_verify_builds_a_setuptools_scm_project_from_its_git_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 14: the copies --verify builds have no .git, so setuptools_scm found no
    # version there ("unable to detect version") although the project builds as it is.
    work = tmp_path / "project"
    shutil.copytree(CASES / "setuptools-scm-in-setup-py-stays" / "input", work)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "init"], ["tag", "v1.4.2"]):
        run(["git", *command], work)

    assert main(["migrate", str(work), "--verify"]) == 0

    captured = capsys.readouterr()
    assert "verify: setuptools_scm version 1.4.2 (from the real tree)" in captured.err
    assert "verify: the migrated project builds the same wheel and sdist" in captured.out


@pytest.mark.parametrize("zip_safe", ["False", "True"])
def test_verify_lets_the_dropped_zip_safe_flag_go(
    zip_safe: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # setuptools writes setup.cfg's zip_safe as an egg-info flag file in the sdist (and
    # for True as dist-info/zip-safe in the wheel); the migration drops the obsolete key,
    # and no installer reads the flag.
    work = tmp_path / "project"
    (work / "zs").mkdir(parents=True)
    (work / "zs" / "__init__.py").write_text("", encoding="utf-8")
    (work / "setup.py").write_text("from setuptools import setup\n\nsetup()\n", encoding="utf-8")
    (work / "setup.cfg").write_text(
        f"[metadata]\nname = zs\nversion = 1\n\n[options]\npackages = zs\nzip_safe = {zip_safe}\n",
        encoding="utf-8",
    )

    assert main(["migrate", str(work), "--verify"]) == 0

    assert "verify: the migrated project builds the same wheel and sdist" in (
        capsys.readouterr().out
    )
