"""--verify with real isolated builds (python -m build, uv as the installer)."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from setsquare.commands._verify import verify_migration
from setsquare.main import main
from setsquare.migrate.project import migrate_project
from tests.migrate.test_cases import CASES, tree

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "name",
    [
        "f1-setup-cfg",
        "f4-setup-py",
        "f5-setup-cfg-edges",
        "d2-version-attr-computed",
        "d20-license-files-globs",
        "d48-manifest-package-data",
    ],
)
def test_verify_passes_on_the_golden_cases(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "project"
    shutil.copytree(CASES / name / "input", work)

    assert main(["migrate", str(work), "--verify"]) == 0

    captured = capsys.readouterr()
    assert "verify: the migrated project builds the same wheel and sdist" in captured.out
    assert "verify: building the project as it is" in captured.err  # progress is shown
    assert tree(work) == tree(CASES / name / "expected")


def test_verify_reports_a_difference_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "project"
    shutil.copytree(CASES / "f1-setup-cfg" / "input", work)
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
