"""Files a migrated pyproject.toml names, and the ledger line when one is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.main import main
from setsquare.migrate.references import referenced_files

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ({"project": {"readme": "README.md"}}, [("README.md", "[project] readme")]),
        (
            {"project": {"readme": {"file": "A.md", "content-type": "text/markdown"}}},
            [("A.md", "[project] readme")],
        ),
        (
            {"project": {"license-files": ["LICENSE", "NOTICE*", "licenses/[ab].txt"]}},
            [("LICENSE", "[project] license-files")],
        ),
        ({"project": {"license": {"file": "COPYING"}}}, [("COPYING", "[project] license")]),
        (
            {
                "tool": {
                    "setuptools": {
                        "dynamic": {
                            "version": {"attr": "a.__version__"},
                            "readme": {"file": ["A.rst", "B.rst"]},
                            "optional-dependencies": {"x": {"file": "x.txt"}},
                        }
                    }
                }
            },
            [
                ("A.rst", "[tool.setuptools.dynamic] readme"),
                ("B.rst", "[tool.setuptools.dynamic] readme"),
                ("x.txt", "[tool.setuptools.dynamic.optional-dependencies] x"),
            ],
        ),
    ],
)
def test_referenced_files(toml: dict[str, object], expected: list[tuple[str, str]]) -> None:
    assert referenced_files(toml) == expected


def test_a_missing_file_is_named_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[metadata]\nname = a\nversion = 1\nlong_description = file: GONE.md\n", encoding="utf-8"
    )
    assert main(["migrate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "kept        GONE.md (named by [project] readme but missing: setuptools skips" in out
    assert (tmp_path / "pyproject.toml").is_file()
