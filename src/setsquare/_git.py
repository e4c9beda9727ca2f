"""The files of a work tree as git sees them."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def listed_files(root: Path) -> list[str] | None:
    """Tracked files plus new ones git does not ignore, or None outside a git work tree."""
    result = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        return None
    return [name for name in result.stdout.decode().split("\0") if name]
