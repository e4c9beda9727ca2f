"""Rendered projects let Ruff format the Python code blocks in their Markdown.

The bundle's `ruff-format` hook keeps its file types (an existing repository
that adopts the bundle gets no Markdown rewritten); the rendered
`.pre-commit-config.yaml` widens them for the project. Proven with the real
pre-commit and the bundle installed from a local clone, as in `test_precommit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import pytest
import yaml

from tests.helpers import REPO_ROOT, render, run, tool

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE_URL = "https://github.com/setsquare-dev/setsquare"
SLOPPY = "# Notes\n\n```python\nx=[1,2 ]\n```\n"
FORMATTED = "# Notes\n\n```python\nx = [1, 2]\n```\n"


def _ruff_format_hook(config: dict[str, Any]) -> dict[str, Any]:
    (repo,) = config["repos"]
    (hook,) = [h for h in repo["hooks"] if h["id"] == "ruff-format"]
    return cast("dict[str, Any]", hook)


def test_the_project_opts_in_and_the_bundle_does_not(template_repo: Path, tmp_path: Path) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": "p"})
    config = yaml.safe_load((dst / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert _ruff_format_hook(config)["types_or"] == ["python", "pyi", "jupyter", "markdown"]
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (bundle_hook,) = [h for h in manifest if h["id"] == "ruff-format"]
    assert "markdown" not in bundle_hook["types_or"]


@pytest.mark.slow
def test_the_hook_formats_markdown_only_where_the_project_opts_in(
    template_repo: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    dst = render(template_repo, tmp_path / "acme", {"project_name": "acme"})
    config_path = dst / ".pre-commit-config.yaml"
    head = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    text = config_path.read_text(encoding="utf-8").replace(BUNDLE_URL, str(template_repo))
    rev = yaml.safe_load(text)["repos"][0]["rev"]
    config_path.write_text(text.replace(f"rev: {rev}", f"rev: {head}"), encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], dst)
    (dst / "NOTES.md").write_text(SLOPPY, encoding="utf-8")
    run(["git", "add", "-A"], dst)
    home = str(tmp_path_factory.mktemp("pre-commit-home"))
    hook = [tool("pre-commit"), "run", "ruff-format", "--files", "NOTES.md"]

    # The bundle's own file types, as an existing repository that adopts it has them.
    bundle_only = yaml.safe_load(text.replace(f"rev: {rev}", f"rev: {head}"))
    del _ruff_format_hook(bundle_only)["types_or"]
    (dst / "bundle-only.yaml").write_text(yaml.safe_dump(bundle_only), encoding="utf-8")
    untouched = run([*hook, "--config", "bundle-only.yaml"], dst, PRE_COMMIT_HOME=home)
    assert "(no files to check)Skipped" in untouched.stdout
    assert (dst / "NOTES.md").read_text(encoding="utf-8") == SLOPPY

    # The rendered project's configuration: the code block is formatted.
    formatted = run(hook, dst, check=False, PRE_COMMIT_HOME=home)
    assert formatted.returncode == 1, formatted.stdout
    assert "files were modified by this hook" in formatted.stdout
    assert (dst / "NOTES.md").read_text(encoding="utf-8") == FORMATTED
