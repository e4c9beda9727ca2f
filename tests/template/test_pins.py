"""One version source: the template pins the tools setsquare's bundle runs."""

from __future__ import annotations

import sys

from typing import TYPE_CHECKING

from packaging.requirements import Requirement

from tests.helpers import REPO_ROOT, render

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

PINNED_TOOLS = {"ruff", "mypy"}


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for line in requirements:
        req = Requirement(line)
        if req.name in PINNED_TOOLS:
            pins[req.name] = str(req.specifier)
    return pins


def test_template_pins_the_bundle_versions(template_repo: Path, tmp_path: Path) -> None:
    ours = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    bundle = _pins(ours["project"]["dependencies"])
    assert set(bundle) == PINNED_TOOLS
    assert all(spec.startswith("==") for spec in bundle.values()), bundle

    dst = render(template_repo, tmp_path / "p", {"project_name": "p"})
    rendered = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    groups = rendered["dependency-groups"]
    template = _pins([r for group in groups.values() for r in group if isinstance(r, str)])
    assert template == bundle


def test_precommit_config_pins_this_release(template_repo: Path, tmp_path: Path) -> None:
    import yaml

    from setsquare import __version__

    dst = render(template_repo, tmp_path / "p", {"project_name": "p"})
    config = yaml.safe_load((dst / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "https://github.com/setsquare-dev/setsquare"
    assert repo["rev"] == f"v{__version__}"
