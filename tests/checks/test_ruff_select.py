"""One answer to "does Ruff select its rules explicitly?" for adopt, check and the hook:
the file Ruff reads (`.ruff.toml`, else `ruff.toml`, else pyproject.toml), following
`extend` within the project."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.ruff_config import ruff_file
from setsquare.checks.pins import explicit_ruff_select
from setsquare.errors import InputError
from setsquare.ruff_files import RuffSelect, ruff_select

if TYPE_CHECKING:
    from pathlib import Path

SELECT = '[lint]\nselect = ["E"]\n'
PYPROJECT_SELECT = '[tool.ruff.lint]\nselect = ["E"]\n'


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"pyproject.toml": PYPROJECT_SELECT}, RuffSelect("pyproject.toml", explicit=True)),
        ({"pyproject.toml": '[tool.ruff]\nselect = ["E"]\n'}, RuffSelect("pyproject.toml", True)),
        (
            {"pyproject.toml": '[tool.ruff.lint]\nextend-select = ["B"]\n'},
            RuffSelect("pyproject.toml", False),
        ),
        ({}, RuffSelect("pyproject.toml", explicit=False)),
        ({"ruff.toml": SELECT}, RuffSelect("ruff.toml", explicit=True)),
        # Ruff reads the ruff.toml and never the pyproject.toml beside it.
        (
            {"pyproject.toml": PYPROJECT_SELECT, "ruff.toml": "line-length = 99\n"},
            RuffSelect("ruff.toml", False),
        ),
        # An empty ruff.toml is still the file Ruff reads.
        ({"pyproject.toml": PYPROJECT_SELECT, "ruff.toml": ""}, RuffSelect("ruff.toml", False)),
        # .ruff.toml comes first.
        ({".ruff.toml": "", "ruff.toml": SELECT}, RuffSelect(".ruff.toml", False)),
        ({".ruff.toml": SELECT, "ruff.toml": ""}, RuffSelect(".ruff.toml", True)),
        # extend is followed within the project, relative to the file that names it.
        (
            {"ruff.toml": 'extend = "config/base.toml"\n', "config/base.toml": SELECT},
            RuffSelect("ruff.toml", True, extends="config/base.toml"),
        ),
        (
            {
                "ruff.toml": 'extend = "config/base.toml"\n',
                "config/base.toml": 'extend = "../pyproject.toml"\n',
                "pyproject.toml": PYPROJECT_SELECT,
            },
            RuffSelect("ruff.toml", True, extends="config/base.toml"),
        ),
        (
            {
                "pyproject.toml": '[tool.ruff]\nextend = "ruff-base.toml"\n',
                "ruff-base.toml": "line-length = 99\n",
            },
            RuffSelect("pyproject.toml", False, extends="ruff-base.toml"),
        ),
        # The file's own select wins; it needs nothing from what it extends.
        (
            {"ruff.toml": 'extend = "../x.toml"\n[lint]\nselect = ["F"]\n'},
            RuffSelect("ruff.toml", True),
        ),
        # What cannot be read here is named, not guessed.
        (
            {"ruff.toml": 'extend = "../shared/ruff.toml"\n'},
            RuffSelect("ruff.toml", False, "../shared/ruff.toml", extends="../shared/ruff.toml"),
        ),
        (
            {"ruff.toml": 'extend = "missing.toml"\n'},
            RuffSelect("ruff.toml", False, "missing.toml", extends="missing.toml"),
        ),
        (
            {"ruff.toml": 'extend = "ruff.toml"\n'},
            RuffSelect("ruff.toml", False, "ruff.toml", extends="ruff.toml"),
        ),
    ],
)
def test_ruff_select(tmp_path: Path, files: dict[str, str], expected: RuffSelect) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert ruff_select(tmp_path) == expected
    assert explicit_ruff_select(tmp_path) is expected.explicit
    # adopt writes its select to the same file.
    assert (ruff_file(tmp_path) or "pyproject.toml") == expected.path


def test_broken_toml_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text('extend = "base.toml"\n', encoding="utf-8")
    (tmp_path / "base.toml").write_text("[lint]\nselect = \n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        ruff_select(tmp_path)
    assert excinfo.value.path == "base.toml"
    assert excinfo.value.line == 2
    assert explicit_ruff_select(tmp_path) is False
