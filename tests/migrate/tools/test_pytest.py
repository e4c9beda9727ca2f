from __future__ import annotations

import pytest

from tests.migrate.tools.support import run


def test_pytest_noop() -> None:
    existing = "[tool.pytest.ini_options]\naddopts = ['-q']\n"
    done = run({"setup.cfg": "[metadata]\nname = x\n"}, existing)
    assert done.text == existing
    assert done.result.entries == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"pytest.ini": "[pytest]\nminversion = 7.0\naddopts = -ra -p no:cacheprovider\n"},
            '[tool.pytest.ini_options]\nminversion = "7.0"\n'
            'addopts = ["-ra", "-p", "no:cacheprovider"]\n',
            id="minversion stays a string, addopts are shell words",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\npythonpath = 'my dir' src\n"},
            '[tool.pytest.ini_options]\npythonpath = ["my dir", "src"]\n',
            id="pythonpath: shell words, as pytest splits it",
        ),
        pytest.param(
            {
                "setup.cfg": "[tool:pytest]\nmarkers =\n    slow: slow ones\n"
                "    # flaky on CI\n    net: network\nxfail_strict = 1\npythonpath = src lib\n"
            },
            '[tool.pytest.ini_options]\nmarkers = [\n    "slow: slow ones",\n'
            '    # flaky on CI\n    "net: network",\n]\nxfail_strict = true\n'
            'pythonpath = ["src", "lib"]\n',
            id="linelist keeps comments, bools typed, paths split",
        ),
        pytest.param(
            {"tox.ini": "[pytest]\nfilterwarnings =\n    error\n    ignore::UserWarning\n"},
            '[tool.pytest.ini_options]\nfilterwarnings = ["error", "ignore::UserWarning"]\n',
            id="tox.ini [pytest]",
        ),
        pytest.param(
            {
                "tox.ini": "[pytest]\naddopts = -x\n",
                "setup.cfg": "[tool:pytest]\naddopts = -q\n",
            },
            '[tool.pytest.ini_options]\naddopts = ["-x"]\n',
            id="tox.ini beats setup.cfg",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\nenv =\n    A=1\n    B=2\nasyncio_mode = auto\n"},
            '[tool.pytest.ini_options]\nenv = ["A=1", "B=2"]\nasyncio_mode = "auto"\n',
            id="plugin keys: multi-line is a line list, else a string",
        ),
    ],
)
def test_pytest_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_pytest_ini_wins_even_without_a_pytest_section() -> None:
    done = run({"pytest.ini": "# nothing here\n", "setup.cfg": "[tool:pytest]\naddopts = -q\n"})
    assert done.text == ""
    ledger = done.ledger()
    assert "pytest never reads it: pytest.ini takes precedence" in ledger
    assert "pytest runs with no configuration" in ledger
    # The empty file would still shadow pyproject.toml: it goes.
    assert done.result.remove_files == {"pytest.ini"}


def test_pyproject_table_shadows_legacy_sections() -> None:
    done = run({"setup.cfg": "[tool:pytest]\naddopts = -q\n"}, "[tool.pytest.ini_options]\n")
    assert done.text == "[tool.pytest.ini_options]\n"
    assert "pytest never reads it: pyproject.toml [tool.pytest] takes precedence" in done.ledger()
    assert done.result.consumed == {"setup.cfg": {"tool:pytest"}}


def test_dot_pytest_ini_is_read_and_removed() -> None:
    done = run({".pytest.ini": "[pytest]\naddopts = -q\n", "tox.ini": "[pytest]\naddopts = -x\n"})
    assert done.text == '[tool.pytest.ini_options]\naddopts = ["-q"]\n'
    assert done.result.remove_files == {".pytest.ini"}
    assert "pytest never reads it: .pytest.ini takes precedence" in done.ledger()


def test_pytest_toml_is_reported_not_migrated() -> None:
    done = run({"pytest.toml": "[pytest]\naddopts = ['-q']\n"})
    assert done.text == ""
    assert done.ledger() == (
        "kept        pytest.toml (pytest reads it before pyproject.toml; move its tables under"
        " [tool.pytest] by hand)\n"
    )


_FLOOR = {"requirements-dev.txt": "pytest>=9.0\n"}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {
                "pytest.ini": "[pytest]\nminversion = 9.0\naddopts = -ra\nxfail_strict = t\n"
                "max_warnings = 3\nlog_auto_indent = on\nlog_level = INFO\n"
                "faulthandler_timeout = 5\nverbosity_assertions = auto\n"
                "markers =\n    slow: slow ones\n",
                **_FLOOR,
            },
            '[tool.pytest]\nminversion = "9.0"\naddopts = ["-ra"]\nxfail_strict = true\n'
            'max_warnings = 3\nlog_auto_indent = true\nlog_level = "INFO"\n'
            'faulthandler_timeout = 5.0\nverbosity_assertions = "auto"\n'
            'markers = ["slow: slow ones"]\n',
            id="native: each key as its addini type reads it, unions member by member",
        ),
        pytest.param(
            {"tox.ini": "[pytest]\ntestpaths = tests\n\n[testenv]\ndeps =\n    py3: pytest~=9.1\n"},
            '[tool.pytest]\ntestpaths = ["tests"]\n',
            id="native: floor from a tox factor-conditional dependency",
        ),
        pytest.param(
            {
                "setup.cfg": "[tool:pytest]\nlog_cli = 1\n\n"
                "[options.extras_require]\ntest = pytest>=9\n"
            },
            "[tool.pytest]\nlog_cli = true\n",
            id="native: floor from a setup.cfg extra",
        ),
        pytest.param(
            {
                "pytest.ini": "[pytest]\nlog_cli = 1\n",
                "setup.py": "setup(tests_require=['pytest>=9'])",
            },
            "[tool.pytest]\nlog_cli = true\n",
            id="native: floor from a setup.py literal",
        ),
        pytest.param(
            {"pytest.ini": "[pytest]\nmax_warnings = 3\n", "requirements.txt": "pytest>=8\n"},
            '[tool.pytest.ini_options]\nmax_warnings = "3"\n',
            id="pytest 8 allowed: INI-style, values stay strings",
        ),
        pytest.param(
            {
                "pytest.ini": "[pytest]\nlog_cli = 1\n",
                "requirements-dev.txt": "pytest>=9\n",
                "requirements-ci.txt": "pytest\n",
            },
            "[tool.pytest.ini_options]\nlog_cli = true\n",
            id="one declaration without the floor is enough to stay INI-style",
        ),
    ],
)
def test_pytest_native_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_native_table_is_noted_in_the_ledger() -> None:
    done = run({"pytest.ini": "[pytest]\naddopts = -q\n", **_FLOOR})
    assert done.ledger().splitlines()[0] == (
        "moved       pytest.ini:1 [pytest] -> [tool.pytest] (native [tool.pytest]: the project"
        " requires pytest>=9 (requirements-dev.txt: pytest>=9.0))"
    )


def test_plugin_keys_keep_the_ini_style_table() -> None:
    done = run({"pytest.ini": "[pytest]\naddopts = -q\nenv = A=1\n", **_FLOOR})
    assert done.text == '[tool.pytest.ini_options]\naddopts = ["-q"]\nenv = "A=1"\n'
    assert "pytest does not declare the type of `env` (a plugin's)" in done.ledger()


def test_native_pyproject_table_without_floor_leaves_both_in_place() -> None:
    """pytest 8 ignores a native [tool.pytest] and reads tox.ini; pytest 9 the reverse."""
    existing = "[tool.pytest]\naddopts = ['-q']\n"
    done = run({"tox.ini": "[pytest]\naddopts = -x\n"}, existing)
    assert done.text == existing
    assert done.result.consumed == {}
    assert done.ledger() == (
        "kept        tox.ini:1 [pytest] (left in place: pytest < 9 reads tox.ini, pytest >= 9"
        " reads pyproject.toml [tool.pytest]; require pytest>=9 (or keep one config), then run"
        " again)\n"
        "kept        tox.ini:2 [pytest] addopts (left in place: pytest < 9 reads tox.ini, pytest"
        " >= 9 reads pyproject.toml [tool.pytest]; require pytest>=9 (or keep one config), then"
        " run again)\n"
    )


def test_native_pyproject_table_with_floor_shadows_tox_ini() -> None:
    existing = "[tool.pytest]\naddopts = ['-q']\n"
    done = run({"tox.ini": "[pytest]\naddopts = -x\n", **_FLOOR}, existing)
    assert done.text == existing
    assert done.result.consumed == {"tox.ini": {"pytest"}}
    assert "pytest never reads it: pyproject.toml [tool.pytest] takes precedence" in done.ledger()


def test_empty_pyproject_table_is_no_config() -> None:
    """An empty [tool.pytest] is not config to pytest: setup.cfg is still read, not dropped."""
    done = run({"setup.cfg": "[tool:pytest]\naddopts = -q\n"}, "[tool.pytest]\n")
    assert "never reads it" not in done.ledger()
    assert "conflict: pyproject.toml already has [tool.pytest]" in done.ledger()
    assert done.result.consumed == {}


@pytest.mark.parametrize(
    "existing",
    [
        pytest.param("[tool.pytest.ini_options]\naddopts = ['-q']\n", id="INI-style"),
        pytest.param("[tool.pytest]\naddopts = ['-q']\n", id="native"),
    ],
)
def test_pytest_ini_over_a_different_pyproject_table_is_a_conflict(existing: str) -> None:
    done = run({"pytest.ini": "[pytest]\naddopts = -x\n", **_FLOOR}, existing)
    assert done.text == existing
    assert done.result.remove_files == set()
    assert "conflict: pyproject.toml already has [tool.pytest], ignored while pytest.ini" in (
        done.ledger()
    )


@pytest.mark.parametrize(
    "existing",
    [
        pytest.param("[tool.pytest.ini_options]\naddopts = ['-x']\n", id="INI-style"),
        pytest.param("[tool.pytest]\naddopts = ['-x']\n", id="native"),
    ],
)
def test_pytest_ini_equal_to_the_pyproject_table_moves(existing: str) -> None:
    """The existing table's own style is compared, whatever the floor says."""
    done = run({"pytest.ini": "[pytest]\naddopts = -x\n", **_FLOOR}, existing)
    assert done.text == existing
    assert done.result.remove_files == {"pytest.ini"}
    assert "already in pyproject.toml with this value" in done.ledger()


def test_pytest_toml_shadows_everything_under_pytest_9() -> None:
    done = run({"pytest.toml": "[pytest]\n", "pytest.ini": "[pytest]\naddopts = -x\n", **_FLOOR})
    assert done.text == ""
    assert "pytest never reads it: pytest.toml takes precedence" in done.ledger()
    assert done.result.remove_files == {"pytest.ini"}


def test_pytest_toml_without_floor_moves_what_pytest_8_reads() -> None:
    """pytest 9 reads pytest.toml before and after; pytest 8 reads the moved table."""
    done = run({"pytest.toml": "[pytest]\n", "pytest.ini": "[pytest]\naddopts = -x\n"})
    assert done.text == '[tool.pytest.ini_options]\naddopts = ["-x"]\n'
    assert done.result.remove_files == {"pytest.ini"}


def test_empty_dot_pytest_ini_splits_pytest_8_and_9() -> None:
    """pytest 9 reads an empty .pytest.ini (no config); pytest 8 skips it for setup.cfg."""
    done = run({".pytest.ini": "# nothing\n", "setup.cfg": "[tool:pytest]\naddopts = -q\n"})
    assert done.text == ""
    assert done.result.consumed == {}
    assert "pytest < 9 reads setup.cfg, pytest >= 9 reads .pytest.ini" in done.ledger()


@pytest.mark.parametrize("value", ["t", "y", "ON", "0", "no"])
def test_pytest_booleans_as_pytest_reads_them(value: str) -> None:
    done = run({"pytest.ini": f"[pytest]\nxfail_strict = {value}\n"})
    expected = "true" if value.lower() in ("t", "y", "on") else "false"
    assert done.text == f"[tool.pytest.ini_options]\nxfail_strict = {expected}\n"


def test_pyproject_with_both_table_styles_is_reported() -> None:
    existing = "[tool.pytest]\naddopts = ['-q']\n\n[tool.pytest.ini_options]\naddopts = ['-x']\n"
    done = run({}, existing)
    assert done.text == existing
    assert done.ledger() == (
        "kept        pyproject.toml [tool.pytest] (pytest >= 9 refuses native keys and a"
        " non-empty [tool.pytest.ini_options] together (UsageError), pytest < 9 reads only"
        " ini_options; keep one of the two by hand)\n"
    )
