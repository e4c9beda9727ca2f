from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from setsquare.hooks import mypy as hook
from setsquare.hooks._mypy_config import read_settings
from setsquare.hooks._mypy_output import drop_missing_third_party
from setsquare.hooks._mypy_targets import project_targets
from setsquare.hooks.mypy import find_environment

if TYPE_CHECKING:
    from pathlib import Path


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project to work in: its own repository root, no environment around it."""
    root = tmp_path / "project"
    # mypy looks for config up to the repository root: stop it at the project.
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    monkeypatch.delenv("UV_PROJECT_ENVIRONMENT", raising=False)
    monkeypatch.delenv("MYPY_CONFIG_FILE_DIR", raising=False)
    return root


# --- what mypy's config names ----------------------------------------------------------

FILES_PYPROJECT = '[tool.mypy]\nfiles = ["pkg"]\n'
BARE_PYPROJECT = "[tool.mypy]\nstrict = true\n"


@pytest.mark.parametrize(
    ("files", "args", "config_file", "has_targets"),
    [
        pytest.param({}, [], None, False, id="no-config"),
        pytest.param(
            {"pyproject.toml": "[project]\nname = 'x'\n"}, [], None, False, id="no-tool-mypy"
        ),
        pytest.param(
            {"pyproject.toml": BARE_PYPROJECT}, [], "pyproject.toml", False, id="pyproject-bare"
        ),
        pytest.param(
            {"pyproject.toml": FILES_PYPROJECT}, [], "pyproject.toml", True, id="pyproject-files"
        ),
        pytest.param(
            {"pyproject.toml": '[tool.mypy]\npackages = ["pkg"]\n'},
            [],
            "pyproject.toml",
            True,
            id="pyproject-packages",
        ),
        pytest.param(
            {"pyproject.toml": '[tool.mypy]\nmodules = ["mod"]\n'},
            [],
            "pyproject.toml",
            True,
            id="pyproject-modules",
        ),
        pytest.param(
            {"mypy.ini": "[mypy]\nstrict = True\n"}, [], "mypy.ini", False, id="mypy-ini-bare"
        ),
        pytest.param(
            {"mypy.ini": "[mypy]\nfiles = pkg\n"}, [], "mypy.ini", True, id="mypy-ini-files"
        ),
        pytest.param(
            {".mypy.ini": "[mypy]\nfiles = pkg\n"}, [], ".mypy.ini", True, id="dot-mypy-ini-files"
        ),
        pytest.param({".mypy.ini": "[mypy]\n"}, [], ".mypy.ini", False, id="dot-mypy-ini-bare"),
        pytest.param(
            {"setup.cfg": "[mypy]\nfiles = pkg\n"}, [], "setup.cfg", True, id="setup-cfg-files"
        ),
        pytest.param(
            {"setup.cfg": "[mypy]\nstrict = True\n"}, [], "setup.cfg", False, id="setup-cfg-bare"
        ),
        pytest.param(
            {"setup.cfg": "[flake8]\nmax-line-length = 88\n"},
            [],
            None,
            False,
            id="setup-cfg-no-mypy",
        ),
        # mypy reads the first config it finds and no other: mypy.ini hides pyproject's files.
        pytest.param(
            {"mypy.ini": "[mypy]\nstrict = True\n", "pyproject.toml": FILES_PYPROJECT},
            [],
            "mypy.ini",
            False,
            id="mypy-ini-wins-over-pyproject",
        ),
        pytest.param(
            {"pyproject.toml": FILES_PYPROJECT, "setup.cfg": "[mypy]\nstrict = True\n"},
            [],
            "pyproject.toml",
            True,
            id="pyproject-wins-over-setup-cfg",
        ),
        pytest.param(
            {"other.ini": "[mypy]\nfiles = pkg\n", "pyproject.toml": BARE_PYPROJECT},
            ["--config-file", "other.ini"],
            "other.ini",
            True,
            id="config-file-argument",
        ),
        pytest.param({}, ["pkg"], None, True, id="files-in-args"),
        pytest.param({}, ["-p", "pkg"], None, True, id="package-in-args"),
        pytest.param({}, ["-m", "mod"], None, True, id="module-in-args"),
        pytest.param({}, ["-c", "x = 1"], None, True, id="command-in-args"),
        pytest.param({}, ["--strict"], None, False, id="flags-only-in-args"),
    ],
)
def test_what_the_config_names(
    project: Path,
    files: dict[str, str],
    args: list[str],
    config_file: str | None,
    has_targets: bool,
) -> None:
    _tree(project, files)
    settings = read_settings(args)
    assert settings is not None
    assert settings.config_file == config_file
    assert settings.has_targets is has_targets


@pytest.mark.parametrize(
    ("files", "args", "chosen"),
    [
        pytest.param({}, [], False, id="nothing"),
        pytest.param({}, ["--python-executable", "/usr/bin/python3"], True, id="arg-executable"),
        pytest.param({}, ["--no-site-packages"], True, id="arg-no-site-packages"),
        pytest.param(
            {"pyproject.toml": '[tool.mypy]\npython_executable = "/usr/bin/python3"\n'},
            [],
            True,
            id="config-executable",
        ),
        pytest.param(
            {"mypy.ini": "[mypy]\nno_site_packages = True\n"},
            [],
            True,
            id="config-no-site-packages",
        ),
    ],
)
def test_an_interpreter_the_user_chose_is_left_alone(
    project: Path, files: dict[str, str], args: list[str], chosen: bool
) -> None:
    _tree(project, files)
    settings = read_settings(args)
    assert settings is not None
    assert settings.interpreter_chosen is chosen


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--no-such-flag"], id="unknown-flag"),
        pytest.param(["--config-file", "missing.ini"], id="missing-config-file"),
        pytest.param(["--version"], id="version"),
    ],
)
def test_arguments_mypy_refuses_are_left_to_mypy(project: Path, args: list[str]) -> None:
    assert read_settings(args) is None


@pytest.mark.parametrize("before", [None, "/elsewhere"])
def test_reading_the_config_leaves_the_environment_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch, before: str | None
) -> None:
    import os

    if before is not None:
        monkeypatch.setenv("MYPY_CONFIG_FILE_DIR", before)
    _tree(project, {"pyproject.toml": BARE_PYPROJECT})
    assert read_settings([]) is not None
    assert os.environ.get("MYPY_CONFIG_FILE_DIR") == before


def test_config_paths_and_excludes_are_read(project: Path) -> None:
    _tree(
        project,
        {
            "pyproject.toml": """\
                [tool.mypy]
                files = ["lib/pkg"]
                mypy_path = "stubs"
                exclude = ["^build/"]
            """
        },
    )
    settings = read_settings(["-O", "json"])
    assert settings is not None
    assert settings.source_dirs == ("lib/pkg", "stubs")
    assert settings.exclude == ("^build/",)
    assert settings.json_output


# --- what the hook checks when the config names nothing --------------------------------


@pytest.mark.parametrize(
    ("files", "exclude", "targets"),
    [
        pytest.param(
            ["src/pkg/__init__.py", "src/pkg/core.py", "tests/test_core.py"],
            (),
            ["src"],
            id="src-layout",
        ),
        pytest.param(
            ["src/ns/pkg/__init__.py", "setup.py"], (), ["src"], id="src-namespace-package"
        ),
        pytest.param(["src/single.py"], (), ["src"], id="src-single-module"),
        pytest.param(
            ["src/app.js", "pkg/__init__.py"], (), ["pkg"], id="src-without-python-is-not-a-layout"
        ),
        pytest.param(
            [
                "pkg/__init__.py",
                "pkg/core.py",
                "other/__init__.pyi",
                "tool.py",
                "tests/__init__.py",
                "test/__init__.py",
                "setup.py",
                "conftest.py",
                "noxfile.py",
            ],
            (),
            ["other", "pkg", "tool.py"],
            id="flat-packages-and-modules",
        ),
        pytest.param(["mod.py", "README.md"], (), ["mod.py"], id="single-module"),
        pytest.param(["mod.py", "mod.pyi"], (), ["mod.pyi"], id="stub-beside-module"),
        pytest.param(["pkg/__init__.py", "pkg.py"], (), ["pkg"], id="package-shadows-module"),
        pytest.param(["scripts/run.py", "docs/conf.py"], (), [], id="folders-without-init"),
        pytest.param(["my-script.py", "bad-name/__init__.py"], (), [], id="not-importable-names"),
        pytest.param(["README.md", "data/x.csv"], (), [], id="no-python"),
        pytest.param(
            ["pkg/__init__.py", "gen/__init__.py"], ("^gen/",), ["pkg"], id="mypy-exclude"
        ),
        pytest.param(["pkg/__init__.py"], ("[",), ["pkg"], id="broken-exclude-left-to-mypy"),
    ],
)
def test_project_targets(
    tmp_path: Path, files: list[str], exclude: tuple[str, ...], targets: list[str]
) -> None:
    _tree(tmp_path, dict.fromkeys(files, ""))
    assert project_targets(tmp_path, exclude) == targets


# --- which environment ------------------------------------------------------------------


def _venv(path: Path, *, windows: bool = False) -> Path:
    python = path / "Scripts" / "python.exe" if windows else path / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    return python


OWN = "hook-env"


@pytest.mark.parametrize(
    ("venvs", "environ", "found"),
    [
        pytest.param([], {}, None, id="nothing"),
        pytest.param([".venv"], {}, ".venv", id="dot-venv"),
        pytest.param(["venv"], {}, "venv", id="venv"),
        pytest.param([".venv", "venv"], {}, ".venv", id="dot-venv-before-venv"),
        pytest.param(
            [".venv", "active"], {"VIRTUAL_ENV": "active"}, "active", id="active-virtualenv-first"
        ),
        pytest.param(
            [".venv", OWN], {"VIRTUAL_ENV": OWN}, ".venv", id="the-hooks-own-env-is-not-the-project"
        ),
        pytest.param([OWN], {"VIRTUAL_ENV": OWN}, None, id="only-the-hooks-own-env"),
        pytest.param(
            ["venv"], {"VIRTUAL_ENV": "gone"}, "venv", id="active-virtualenv-without-python"
        ),
        pytest.param(
            [".venv", "build-env"],
            {"UV_PROJECT_ENVIRONMENT": "build-env"},
            "build-env",
            id="uv-project-environment-before-dot-venv",
        ),
        pytest.param(
            ["build-env", "active"],
            {"UV_PROJECT_ENVIRONMENT": "build-env", "VIRTUAL_ENV": "active"},
            "active",
            id="active-virtualenv-before-uv-project-environment",
        ),
        pytest.param(
            [".venv"],
            {"UV_PROJECT_ENVIRONMENT": "missing"},
            ".venv",
            id="uv-project-environment-absent",
        ),
    ],
)
def test_find_environment(
    tmp_path: Path, venvs: list[str], environ: dict[str, str], found: str | None
) -> None:
    for name in venvs:
        _venv(tmp_path / name)
    # Relative names in the table stand for folders under the project.
    absolute = {
        key: str(tmp_path / value) if key == "VIRTUAL_ENV" else value
        for key, value in environ.items()
    }
    env = find_environment(tmp_path, absolute, str(tmp_path / OWN))
    if found is None:
        assert env is None
    else:
        assert env is not None
        assert env.python == tmp_path / found / "bin" / "python"


def test_uv_project_environment_may_be_absolute(tmp_path: Path) -> None:
    python = _venv(tmp_path / "elsewhere")
    env = find_environment(
        tmp_path / "project", {"UV_PROJECT_ENVIRONMENT": str(tmp_path / "elsewhere")}, "/hook"
    )
    assert env is not None
    assert env.python == python
    assert env.origin.startswith("UV_PROJECT_ENVIRONMENT")


def test_windows_layout(tmp_path: Path) -> None:
    python = _venv(tmp_path / ".venv", windows=True)
    env = find_environment(tmp_path, {}, "/hook/env")
    assert env is not None
    assert env.python == python


@pytest.mark.parametrize(
    ("files", "config", "name", "own"),
    [
        pytest.param(["pkg/__init__.py"], "", "pkg", True, id="top-level-package"),
        pytest.param(["tool.py"], "", "tool", True, id="top-level-module"),
        pytest.param(["src/pkg/core.py"], "", "pkg", True, id="src-package"),
        pytest.param(["src/stub.pyi"], "", "stub", True, id="src-stub"),
        pytest.param(["lib/pkg/__init__.py"], 'files = ["lib/pkg"]', "pkg", True, id="in-files"),
        pytest.param(["stubs/ext.pyi"], 'mypy_path = "stubs"', "ext", True, id="in-mypy-path"),
        pytest.param(["numpy/data.csv"], "", "numpy", False, id="folder-without-python"),
        pytest.param(["lib/pkg/__init__.py"], "", "pkg", False, id="elsewhere"),
        pytest.param([], "", "requests", False, id="absent"),
    ],
)
def test_what_counts_as_the_projects_own_module(
    project: Path, files: list[str], config: str, name: str, own: bool
) -> None:
    _tree(project, {"pyproject.toml": f"[tool.mypy]\n{config}\n", **dict.fromkeys(files, "")})
    settings = read_settings([])
    assert settings is not None
    assert hook._is_project_module(hook._project_dirs(project, settings), name) is own


# --- dropping third-party missing imports from mypy's report -----------------------------


def _local(name: str) -> bool:
    return name == "pkg"


MISSING_REQUESTS = (
    'pkg/a.py:1: error: Library stubs not installed for "requests"  [import-untyped]\n'
    'pkg/a.py:1: note: Hint: "python3 -m pip install types-requests"\n'
    'pkg/a.py:1: note: (or run "mypy --install-types" to install all missing stub packages)\n'
)
MISSING_NUMPY = (
    "pkg/b.py:2: error: Cannot find implementation or library stub for module named "
    '"numpy.linalg"  [import-not-found]\n'
    "pkg/b.py:2: note: See https://mypy.readthedocs.io/en/stable/running_mypy.html#missing-imports\n"
)
MISSING_OWN = (
    "pkg/b.py:3: error: Cannot find implementation or library stub for module named "
    '"pkg.gone"  [import-not-found]\n'
)
TYPE_ERROR = (
    'pkg/b.py:9: error: Incompatible return value type (got "str", expected "int")  '
    "[return-value]\n"
)


@pytest.mark.parametrize(
    ("stdout", "expected", "skipped", "errors"),
    [
        pytest.param(
            MISSING_REQUESTS
            + MISSING_NUMPY
            + "Found 2 errors in 2 files (checked 3 source files)\n",
            "Success: no issues found in 3 source files\n",
            ("requests", "numpy.linalg"),
            0,
            id="only-third-party",
        ),
        pytest.param(
            MISSING_REQUESTS + TYPE_ERROR + "Found 2 errors in 2 files (checked 2 source files)\n",
            TYPE_ERROR + "Found 1 error in 1 file (checked 2 source files)\n",
            ("requests",),
            1,
            id="type-error-stays",
        ),
        pytest.param(
            MISSING_OWN + MISSING_NUMPY + "Found 2 errors in 1 file (checked 1 source file)\n",
            MISSING_OWN + "Found 1 error in 1 file (checked 1 source file)\n",
            ("numpy.linalg",),
            1,
            id="missing-module-of-the-project-stays",
        ),
        pytest.param(
            'pkg/b.py: note: In function "f":\n'
            + MISSING_NUMPY
            + 'pkg/b.py: note: In function "g":\n'
            + TYPE_ERROR
            + "Found 2 errors in 1 file (checked 1 source file)\n",
            'pkg/b.py: note: In function "g":\n'
            + TYPE_ERROR
            + "Found 1 error in 1 file (checked 1 source file)\n",
            ("numpy.linalg",),
            1,
            id="error-context-goes-with-its-error",
        ),
        pytest.param(
            "pkg/__init__.py:1: note: In module imported here:\n" + MISSING_REQUESTS,
            "",
            ("requests",),
            0,
            id="import-context-goes-with-its-error",
        ),
        pytest.param(
            'pkg/a.py:1: error: Library stubs not installed for "requests"  [import-untyped]\n'
            "    import requests\n"
            "    ^\n" + TYPE_ERROR + "        return x\n",
            TYPE_ERROR + "        return x\n",
            ("requests",),
            1,
            id="source-lines-go-with-their-message",
        ),
        pytest.param(
            "Success: no issues found in 1 source file\n",
            "Success: no issues found in 1 source file\n",
            (),
            0,
            id="nothing-to-drop",
        ),
        pytest.param(
            'x.py:1: error: Name "y" is not defined  [name-defined]\n'
            'x.py:1: note: Did you mean "numpy"?\n',
            'x.py:1: error: Name "y" is not defined  [name-defined]\n'
            'x.py:1: note: Did you mean "numpy"?\n',
            (),
            1,
            id="other-errors-naming-modules-stay",
        ),
        pytest.param(
            'C:\\work\\pkg\\a.py:1:8: error: Library stubs not installed for "yaml"  '
            "[import-untyped]\n",
            "",
            ("yaml",),
            0,
            id="windows-path-and-column",
        ),
    ],
)
def test_drop_missing_third_party(
    stdout: str, expected: str, skipped: tuple[str, ...], errors: int
) -> None:
    filtered = drop_missing_third_party(stdout, _local)
    assert filtered.text == expected
    assert filtered.skipped == skipped
    assert filtered.errors == errors


def test_drop_missing_third_party_json() -> None:
    def item(line: int, message: str, code: str) -> str:
        return json.dumps(
            {
                "file": "pkg/a.py",
                "line": line,
                "message": message,
                "code": code,
                "severity": "error",
            }
        )

    lines = [
        item(1, 'Library stubs not installed for "requests"', "import-untyped"),
        item(
            2,
            'Cannot find implementation or library stub for module named "pkg.x"',
            "import-not-found",
        ),
        "not json",
        "[]",
    ]
    filtered = drop_missing_third_party("\n".join(lines) + "\n", _local, json_output=True)
    assert filtered.text == "".join(f"{line}\n" for line in lines[1:])
    assert filtered.skipped == ("requests",)
    assert filtered.errors == 1


# --- real mypy runs through main() -------------------------------------------------------

CLEAN = """\
from pkg.util import double


def quadruple(x: int) -> int:
    return double(double(x))
"""
UTIL = """\
def double(x: int) -> int:
    return 2 * x
"""
SEEDED = """\
from pkg.util import double


def label(x: int) -> str:
    return double(x)
"""
THIRD_PARTY = """\
import numpy
import requests
from yaml import safe_load


def fetch(url: str) -> object:
    return safe_load(requests.get(url).text), numpy.zeros(1)
"""
RETURN_ERROR = 'Incompatible return value type (got "int", expected "str")'


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = hook.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_a_seeded_type_error_is_caught(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(project, {"pkg/__init__.py": "", "pkg/util.py": UTIL, "pkg/core.py": SEEDED})
    status, out = _main(capsys)
    assert status == 1, out
    assert f"pkg/core.py:5: error: {RETURN_ERROR}" in out
    assert (
        "setsquare-mypy: no `files` in any mypy config, so checking the project's packages: pkg"
        in out
    )


def test_a_cross_file_error_is_caught_in_a_src_layout(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only util.py "changed", but the error shows in core.py: the whole package is checked.
    _tree(
        project,
        {
            "pyproject.toml": "[project]\nname = 'pkg'\nversion = '1'\n",
            "src/pkg/__init__.py": "",
            "src/pkg/util.py": "def double(x: int) -> str:\n    return str(2 * x)\n",
            "src/pkg/core.py": CLEAN,
            "tests/test_core.py": "from pkg.core import quadruple\n",
        },
    )
    status, out = _main(capsys)
    assert status == 1, out
    assert "src/pkg/core.py:5:" in out
    assert "checking the project's packages: src" in out


def test_clean_code_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tree(
        project, {"pkg/__init__.py": "", "pkg/util.py": UTIL, "pkg/core.py": CLEAN, "tool.py": ""}
    )
    status, out = _main(capsys)
    assert status == 0, out
    assert "Success: no issues found in 4 source files" in out
    assert "third-party" not in out


def test_third_party_imports_without_an_environment_are_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(project, {"pkg/__init__.py": "", "pkg/net.py": THIRD_PARTY, "pkg/util.py": UTIL})
    status, out = _main(capsys)
    assert status == 0, out
    lines = [line for line in out.splitlines() if "third-party" in line]
    assert lines == [
        (
            "setsquare-mypy: no project environment found (no active virtualenv, "
            "UV_PROJECT_ENVIRONMENT, .venv or venv); 3 imports of third-party packages "
            "(numpy, requests, yaml) are treated as untyped"
        )
    ]
    assert "hint: create .venv" in out
    assert "error" not in out
    assert "Success: no issues found in 3 source files" in out


def test_without_an_environment_only_real_errors_count(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        project,
        {
            # Display options the hook must override to read mypy's report back.
            "pyproject.toml": (
                "[tool.mypy]\nstrict = true\npretty = true\nhide_error_codes = true\n"
            ),
            "pkg/__init__.py": "import pkg.gone\n",
            "pkg/net.py": THIRD_PARTY,
            "pkg/util.py": UTIL,
            "pkg/core.py": SEEDED,
        },
    )
    status, out = _main(capsys)
    assert status == 1, out
    assert RETURN_ERROR in out
    assert 'module named "pkg.gone"' in out  # the project's own missing module is an error
    assert "requests" not in out.split("setsquare-mypy: no project environment")[0]
    assert "Found 2 errors in 2 files (checked 4 source files)" in out
    assert "3 imports of third-party packages (numpy, requests, yaml)" in out


def test_configured_files_are_all_that_is_checked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        project,
        {
            "pyproject.toml": FILES_PYPROJECT,
            "pkg/__init__.py": "",
            "pkg/util.py": UTIL,
            "other/__init__.py": "",
            "other/core.py": SEEDED,
        },
    )
    status, out = _main(capsys)
    assert status == 0, out
    assert "Success: no issues found in 2 source files" in out
    assert "checking the project's packages" not in out


def test_mypy_ini_without_files_is_what_mypy_reads(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        project,
        {
            "mypy.ini": "[mypy]\nwarn_unused_configs = True\n",
            "pyproject.toml": FILES_PYPROJECT,
            "pkg/__init__.py": "",
            "pkg/util.py": UTIL,
            "other/__init__.py": "",
            "other/core.py": SEEDED,
        },
    )
    status, out = _main(capsys)
    assert status == 1, out
    assert "no `files` in `mypy.ini`, so checking the project's packages: other pkg" in out


def test_nothing_to_check_passes_with_a_message(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(project, {"scripts/run.py": "x: int = 'no'\n", "README.md": "# hi\n"})
    status, out = _main(capsys)
    assert status == 0
    assert out.splitlines() == [
        (
            "setsquare-mypy: nothing to check: no `files` in any mypy config, and no Python "
            "package or module in src/ or at the top level (tests/, setup.py, conftest.py and "
            "noxfile.py do not count)"
        ),
        "hint: list what to check in `files` under [tool.mypy]",
    ]


def test_arguments_mypy_refuses_get_mypys_message(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = _main(capsys, "--no-such-flag")
    assert status == 2
    assert "unrecognized arguments: --no-such-flag" in out


@pytest.fixture
def typed_env(project: Path) -> Path:
    """A real .venv holding one typed package, `typedlib` (no network needed)."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(project / ".venv")], check=True
    )
    (site,) = (project / ".venv").glob("lib/python*/site-packages")
    _tree(
        site,
        {"typedlib/__init__.py": "def answer() -> int:\n    return 42\n", "typedlib/py.typed": ""},
    )
    return project / ".venv"


def test_the_project_environment_gives_real_types(
    project: Path, typed_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        project,
        {
            "app.py": "import typedlib\n\nLABEL: str = typedlib.answer()\n",
            "net.py": "import requests\n",
        },
    )
    status, out = _main(capsys)
    assert status == 1, out
    assert 'Incompatible types in assignment (expression has type "int"' in out
    # With an environment, a package missing from it is an error, as with mypy itself.
    assert 'Library stubs not installed for "requests"' in out
    assert "no project environment" not in out


def test_the_report_names_a_few_packages_once_each(capsys: pytest.CaptureFixture[str]) -> None:
    hook._report_skipped(["numpy", "numpy.linalg", "attr", "boto3", "click", "django", "requests"])
    first, hint = capsys.readouterr().out.splitlines()
    assert first.endswith(
        "; 7 imports of third-party packages (attr, boto3, click, django, numpy, ...) are "
        "treated as untyped"
    )
    assert hint.startswith("hint: ")


def test_an_interpreter_chosen_in_args_is_used_as_is(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(project, {".venv/bin/python": "", "pkg/__init__.py": "import requests\n"})
    status, out = _main(capsys, "--no-site-packages")
    # No --python-executable for the .venv, and nothing dropped: mypy's verdict stands.
    assert status == 1, out
    assert 'Library stubs not installed for "requests"' in out
    assert "no project environment" not in out
