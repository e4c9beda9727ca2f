"""The rendered `.pre-commit-config.yaml` runs green with the real bundle.

GitHub is out of reach here, so the bundle URL is pointed at the committed copy
of this checkout and `rev:` at its commit; pre-commit then installs setsquare
and its pinned tools from the package index exactly as it would from GitHub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import yaml

from tests.helpers import render, run, tool

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

BUNDLE_URL = "https://github.com/setsquare-dev/setsquare"


def test_fresh_render_passes_its_hooks(
    template_repo: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    dst = render(template_repo, tmp_path / "acme", {"project_name": "acme", "cli": True})
    config_path = dst / ".pre-commit-config.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == [BUNDLE_URL]
    head = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    text = config_path.read_text(encoding="utf-8")
    text = text.replace(BUNDLE_URL, str(template_repo))
    text = text.replace(f"rev: {config['repos'][0]['rev']}", f"rev: {head}")
    config_path.write_text(text, encoding="utf-8")

    run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"], dst)
    run(["git", "init", "-q", "-b", "main"], dst)
    # As the lint workflow does: the mypy hook checks against the project's .venv.
    run([tool("uv"), "sync", "--quiet"], dst)
    run(["git", "add", "-A"], dst)
    home = str(tmp_path_factory.mktemp("pre-commit-home"))
    result = run(
        [tool("pre-commit"), "run", "--all-files", "--show-diff-on-failure"],
        dst,
        PRE_COMMIT_HOME=home,
    )
    assert "ruff check" in result.stdout
    assert "ruff format" in result.stdout
    assert "Failed" not in result.stdout

    # The same hooks must catch a lint error and a formatting error.
    (dst / "src" / "acme" / "sloppy.py").write_text("import os\nx=[1,2 ]\n", encoding="utf-8")
    run(["git", "add", "-A"], dst)
    failed = run([tool("pre-commit"), "run", "--all-files"], dst, check=False, PRE_COMMIT_HOME=home)
    assert failed.returncode == 1
    assert "F401" in failed.stdout
    assert "files were modified by this hook" in failed.stdout


def test_bundle_manifest_is_valid() -> None:
    from tests.helpers import REPO_ROOT

    run([tool("pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml"], REPO_ROOT)
