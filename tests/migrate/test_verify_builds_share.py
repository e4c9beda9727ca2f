"""--verify's two builds share one environment only while neither sees more than its own.

Real isolated builds (uv or pip from the package index) of tiny setuptools projects.
"""

from __future__ import annotations

import contextlib
import tempfile
from typing import TYPE_CHECKING

import pytest

from setsquare.commands._build_tree import Side, _shared_envs, build_all

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

#: setup.py notes, each time a hook runs it, whether `six` can be imported there.
SETUP_PY = """\
import importlib.util
from setuptools import setup

with open({seen!r}, "a") as seen:
    seen.write(str(importlib.util.find_spec("six") is not None) + "\\n")
setup()
"""


def _project(root: Path, seen: Path, *, setup_cfg_extra: str = "", pyproject: str = "") -> Path:
    (root / "demo").mkdir(parents=True)
    (root / "demo" / "__init__.py").write_text("", encoding="utf-8")
    (root / "setup.py").write_text(SETUP_PY.format(seen=str(seen)), encoding="utf-8")
    (root / "setup.cfg").write_text(
        f"[metadata]\nname = demo\nversion = 1.0\n\n[options]\npackages = demo\n{setup_cfg_extra}",
        encoding="utf-8",
    )
    if pyproject:
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return root


def test_a_build_needing_more_moves_to_its_own_environment(tmp_path: Path) -> None:
    # Both declare no [build-system], so they share one; setup_requires makes the
    # backend ask for `six` in the second only, which must never reach the first.
    before = _project(tmp_path / "before", tmp_path / "seen-before")
    after = _project(
        tmp_path / "after", tmp_path / "seen-after", setup_cfg_extra="setup_requires = six\n"
    )
    with contextlib.ExitStack() as stack:
        logs = [stack.enter_context(tempfile.TemporaryFile("w+")) for _ in range(2)]
        sides = [
            Side(before, tmp_path / "out-before", logs[0]),
            Side(after, tmp_path / "out-after", logs[1]),
        ]
        assert build_all(sides) == [True, True]

    seen_before = (tmp_path / "seen-before").read_text(encoding="utf-8").split()
    seen_after = (tmp_path / "seen-after").read_text(encoding="utf-8").split()
    assert set(seen_before) == {"False"}
    assert seen_after[0] == "False"  # asked for it in the shared environment
    assert seen_after[-1] == "True"  # built in its own, with it
    for side in ("before", "after"):
        assert len(list((tmp_path / f"out-{side}").glob("demo-1.0*.whl"))) == 1


def test_the_environment_is_shared_only_when_a_fresh_one_would_equal_it(
    tmp_path: Path,
) -> None:
    seen = tmp_path / "seen"
    as_is = _project(tmp_path / "as-is", seen)  # build's default: setuptools >= 40.8.0
    raised = _project(
        tmp_path / "raised", seen, pyproject='[build-system]\nrequires = ["setuptools>=61"]\n'
    )
    more = _project(
        tmp_path / "more",
        seen,
        pyproject='[build-system]\nrequires = ["setuptools>=61", "six"]\n',
    )
    with contextlib.ExitStack() as stack:
        log = stack.enter_context(tempfile.TemporaryFile("w+"))
        envs = _shared_envs(
            [Side(tree, tmp_path / "out", log) for tree in (as_is, raised, more)], stack
        )
        first, second, third = envs
        assert first is not None
        assert second is not None
        assert third is None
        assert first.env is second.env
        assert first.shared
        assert second.shared
        assert list(second.requires) == ["setuptools>=61"]
