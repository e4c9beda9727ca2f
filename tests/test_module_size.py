"""Small modules with one job: no module of setsquare's own is over 300 lines.

The generated validator under ``_vendor`` is pre_compile's output, byte for byte, and
does not count.
"""

from __future__ import annotations

from tests.helpers import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "setsquare"
LIMIT = 300


def test_no_module_is_over_300_lines() -> None:
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if "_vendor" not in path.relative_to(PACKAGE).parts
    }
    assert len(sizes) > 100  # the whole package was read
    assert {path: lines for path, lines in sizes.items() if lines > LIMIT} == {}
