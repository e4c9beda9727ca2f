"""The README is part of the interface: keep it in step with the code."""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

from setsquare.main import main
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
