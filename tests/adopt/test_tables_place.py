"""adopt adds no table that would shadow a tool's settings kept in a legacy file.

mypy reads pyproject.toml's [tool.mypy] before setup.cfg, pytest reads
[tool.pytest.ini_options] before tox.ini and setup.cfg: a table added beside their
sections switches them off, and `setsquare migrate` then drops them as never read.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.tables_place import legacy_tools
from setsquare.main import main
from tests.helpers import child_env

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("files", "left"),
    [
        pytest.param(
            {"setup.cfg": "[mypy]\nstrict = True\n"}, {"mypy": "setup.cfg [mypy]"}, id="cfg-mypy"
        ),
        # mypy reads no setup.cfg without [mypy] (checked with mypy 2.4: an error under
        # [mypy-pkg] ignore_errors is still reported), so a [tool.mypy] shadows nothing.
        pytest.param(
            {"setup.cfg": "[mypy-pkg.*]\nignore_errors = True\n"},
            {},
            id="cfg-mypy-per-module-only",
        ),
        pytest.param(
            {"setup.cfg": "[tool:pytest]\naddopts = -q\n"},
            {"pytest": "setup.cfg [tool:pytest]"},
            id="cfg-tool-pytest",
        ),
        pytest.param(
            {"tox.ini": "[tox]\nenvlist = py311\n\n[pytest]\naddopts = -q\n"},
            {"pytest": "tox.ini [pytest]"},
            id="tox-pytest",
        ),
        # pytest reads [tool:pytest] from setup.cfg, never [pytest]: nothing to shadow.
        pytest.param({"setup.cfg": "[pytest]\naddopts = -q\n"}, {}, id="cfg-pytest-ignored"),
        # adopt adds no coverage table.
        pytest.param({"tox.ini": "[coverage:run]\nbranch = True\n"}, {}, id="tox-coverage"),
        pytest.param({"tox.ini": "[tox]\nenvlist = py311\n"}, {}, id="tox-only"),
        pytest.param({"setup.cfg": "[metadata]\nname = p\n"}, {}, id="cfg-metadata"),
        pytest.param(
            {"setup.cfg": "[flake8]\nmax-line-length = 120\n"},
            {},
            id="cfg-flake8-ruff-reads-no-legacy-file",
        ),
        pytest.param({"tox.ini": "[isort]\nprofile = black\n"}, {}, id="tox-isort"),
        # adopt's superseded step maps a .flake8 into Ruff's select itself.
        pytest.param({".flake8": "[flake8]\n"}, {"ruff": ".flake8 [flake8]"}, id="dot-flake8"),
        # The first file in the tool's own order is named.
        pytest.param(
            {"setup.cfg": "[tool:pytest]\n", "tox.ini": "[pytest]\n"},
            {"pytest": "tox.ini [pytest]"},
            id="tox-before-cfg",
        ),
        # Standalone files are read even when empty.
        pytest.param({"pytest.ini": ""}, {"pytest": "pytest.ini"}, id="empty-pytest-ini"),
        pytest.param({".mypy.ini": ""}, {"mypy": ".mypy.ini"}, id="empty-mypy-ini"),
        pytest.param(
            {"setup.cfg": "[mypy]\n[tool:pytest]\n[flake8]\n"},
            {
                "mypy": "setup.cfg [mypy]",
                "pytest": "setup.cfg [tool:pytest]",
            },
            id="cfg-all-three",
        ),
        # A file migrate cannot read may still be read by the tools: adopt stays out.
        pytest.param(
            {"setup.cfg": "[mypy]\nx = 1\nx = 2\n"},
            {"mypy": "setup.cfg", "pytest": "setup.cfg"},
            id="cfg-unreadable",
        ),
        # Only the project root's copy counts.
        pytest.param({"docs/setup.cfg": "[mypy]\n"}, {}, id="nested-cfg"),
    ],
)
def test_legacy_tools(tmp_path: Path, files: dict[str, str], left: dict[str, str]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert legacy_tools(tmp_path) == left


def _run(root: Path, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *argv],
        cwd=root,
        env=child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + done.stderr


def test_the_project_s_settings_still_apply_after_adopt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The field test's layout (python-dotenv 0.19.2): a pyproject.toml of tool tables, and
    # mypy's and pytest's settings in setup.cfg.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.portray]\nmodules = ["pkg"]\n', encoding="utf-8"
    )
    (tmp_path / "setup.cfg").write_text(
        "[mypy]\nignore_missing_imports = true\n\n"
        "[tool:pytest]\naddopts = -p no:cacheprovider --strict-markers\n",
        encoding="utf-8",
    )
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text(
        "import not_installed_anywhere\n", encoding="utf-8"
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_it.py").write_text(
        "import pytest\n\n\n@pytest.mark.unknown_marker\ndef test_it():\n    pass\n",
        encoding="utf-8",
    )

    def observed() -> tuple[str, str, bool]:
        mypy = _run(tmp_path, "mypy", "--no-incremental", "pkg").splitlines()[-1]
        pytest_out = _run(tmp_path, "pytest", "tests")
        config = next(line for line in pytest_out.splitlines() if "configfile:" in line)
        # --strict-markers (setup.cfg's addopts) makes the unknown marker an error.
        strict = "'unknown_marker' not found in `markers` configuration option" in pytest_out
        return mypy, config.split("configfile: ")[1], strict

    # ignore_missing_imports applies, and pytest reads setup.cfg.
    before = ("Success: no issues found in 1 source file", "setup.cfg", True)
    assert observed() == before
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    assert observed() == before
    out = capsys.readouterr().out
    assert "pyproject.toml: mypy's table not added: mypy would read it, not setup.cfg [mypy]" in out
    assert "pytest's table not added: pytest would read it, not setup.cfg [tool:pytest]" in out
