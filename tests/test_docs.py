"""The documentation is part of the interface: keep it in step with the code, and build it."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
import yaml

from setsquare import errors
from setsquare.parser import make_parser
from tests.helpers import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

DOCS = REPO_ROOT / "docs"


def _page(rel: str) -> str:
    return (DOCS / rel).read_text(encoding="utf-8")


def _commands() -> list[str]:
    subparsers = next(a for a in make_parser()._actions if a.dest == "command")
    return list(subparsers.choices)  # type: ignore[arg-type]


def _toctree(rel: str) -> list[str]:
    block = re.search(r"```\{toctree\}\n(?::[^\n]*\n)*\n?(.*?)```", _page(rel), re.DOTALL)
    assert block is not None, rel
    return block.group(1).split()


def test_every_command_has_a_page_with_its_own_help() -> None:
    assert set(_toctree("commands/index.md")) == set(_commands())
    for name in _commands():
        page = _page(f"commands/{name}.md")
        assert page.startswith(f"# `setsquare {name}`\n"), name
        assert f"```{{setsquare-help}} {name}\n```" in page, name


def test_every_hook_id_has_a_page() -> None:
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = [hook["id"] for hook in manifest]
    assert ids
    assert _toctree("hooks/index.md") == ids
    for hook_id in ids:
        assert _page(f"hooks/{hook_id}.md").startswith(f"# `{hook_id}`\n"), hook_id


def test_every_template_question_has_a_row() -> None:
    spec = yaml.safe_load((REPO_ROOT / "copier.yml").read_text(encoding="utf-8"))
    asked = [
        name
        for name, value in spec.items()
        if not name.startswith("_") and isinstance(value, dict) and value.get("when") is not False
    ]
    assert asked
    rows = re.findall(r"^\| `([a-z_]+)` \|", _page("template.md"), re.MULTILINE)
    assert rows == asked


def test_every_exit_code_is_documented() -> None:
    from setsquare import main

    codes = {value for name, value in vars(main).items() if name.startswith("EXIT_")}
    codes |= {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.SetsquareError)
    }
    codes |= {1}  # a check failed: returned by the commands, not raised
    documented = {
        int(code) for code in re.findall(r"^\| (\d+) \|", _page("commands/index.md"), re.M)
    }
    assert documented == codes


def test_every_page_is_reachable_from_the_index() -> None:
    pages = {p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.md")}
    reached = {"index"}
    for rel in ("index.md", "commands/index.md", "hooks/index.md"):
        folder = rel.rpartition("/")[0]
        reached |= {f"{folder}/{name}" if folder else name for name in _toctree(rel)}
    assert pages == reached


def test_the_readme_links_only_to_pages_that_exist() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?!https?:)[^)#]+)\)", readme)
    assert links
    for link in links:
        assert (REPO_ROOT / link).exists(), link


@pytest.mark.slow
def test_the_docs_build_strictly(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-n",
            "-q",
            "-b",
            "html",
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "html" / "migrate-mapping.html").read_text(encoding="utf-8")
    # Generated from the golden ledgers: a key of each source made it into the tables.
    for key in ("long_description", "install_requires=", "--index-url", "max-line-length"):
        assert key in html, key
    page = (tmp_path / "html" / "commands" / "migrate.html").read_text(encoding="utf-8")
    assert "usage: setsquare migrate" in page
