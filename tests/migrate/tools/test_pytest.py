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
