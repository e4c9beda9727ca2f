"""The README is part of the interface: keep it in step with the code."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

import yaml

from setsquare.main import main, make_parser
from tests.helpers import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```console\n(.*?)```", section, re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert "setsquare new" in commands[0]
    assert commands[1] == "bash .ci/run"


def test_quick_start_scaffold_command_works(template_repo: Path, tmp_path: Path) -> None:
    first = _quick_start_commands()[0]
    words = shlex.split(first.split("&&", 1)[1])
    argv = words[words.index("setsquare") + 1 :]
    assert argv[:2] == ["new", "../demo-project"]
    dest = tmp_path / "demo-project"
    argv[1] = str(dest)
    argv[argv.index("--template") + 1] = str(template_repo)
    assert main(argv) == 0
    assert (dest / "src" / "demo_project" / "__init__.py").is_file()


def test_every_command_has_a_section() -> None:
    parser = make_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name in subparsers.choices:  # type: ignore[union-attr]
        assert f"### `setsquare {name}`" in README


def test_every_hook_id_has_a_section() -> None:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks
    for hook in hooks:
        assert f"### `{hook['id']}`" in README, hook["id"]


def test_exit_codes_are_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |", "| 141 |", "| 143 |"):
        assert code in README
