from __future__ import annotations

import pytest

from tests.migrate.tools.support import run


@pytest.mark.parametrize(
    ("files", "pyproject", "expected"),
    [
        pytest.param(
            {".isort.cfg": "[settings]\nprofile = black\nknown_first_party = a,b\n"},
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["a", "b"]\n',
            id="profile black is Ruff's default",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nforce-single-line = true\nno_lines_before = LOCALFOLDER\n"},
            "",
            "[tool.ruff.lint.isort]\nforce-single-line = true\n"
            'no-lines-before = ["local-folder"]\n',
            id="dashes or underscores; section names in Ruff's words",
        ),
        pytest.param(
            {
                ".isort.cfg": "[settings]\nknown_first_party = a\n",
                "setup.cfg": "[isort]\nknown_first_party = b\n",
            },
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["a"]\n',
            id=".isort.cfg beats setup.cfg",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nknown_first_party = b\n"},
            "[tool.isort]\nknown_first_party = ['c']\n",
            "[tool.isort]\nknown_first_party = ['c']\n\n"
            '[tool.ruff.lint.isort]\nknown-first-party = ["c"]\n',
            id="pyproject [tool.isort] beats setup.cfg",
        ),
        pytest.param(
            {},
            "[tool.black]\nline-length = 79\nskip-magic-trailing-comma = true\n",
            "[tool.black]\nline-length = 79\nskip-magic-trailing-comma = true\n\n"
            "[tool.ruff]\nline-length = 79\n\n"
            "[tool.ruff.format]\nskip-magic-trailing-comma = true\n",
            id="black: line length and magic trailing comma",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\nmax-line-length = 100\n",
                ".isort.cfg": "[settings]\nline_length = 90\n",
            },
            "[tool.black]\nline-length = 88\n",
            "[tool.black]\nline-length = 88\n\n[tool.ruff]\nline-length = 88\n\n"
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n'
            "[tool.ruff.lint.pycodestyle]\nmax-line-length = 100\n",
            id="black's length formats, flake8's length still bounds E501",
        ),
    ],
)
def test_isort_and_black_fixes(files: dict[str, str], pyproject: str, expected: str) -> None:
    done = run(files, pyproject)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_line_length_conflicts_are_reported() -> None:
    done = run({".isort.cfg": "[settings]\nline_length = 90\n"}, "[tool.black]\nline-length = 88\n")
    assert (
        "dropped     .isort.cfg:2 [settings] line_length -> [tool.ruff] line-length"
        " (Ruff's isort wraps at the shared line length 88)"
    ) in done.ledger()


def test_unsupported_isort_settings_are_reported() -> None:
    done = run({".isort.cfg": "[settings]\nmulti_line_output = 7\nskip_glob = gen/*\n"})
    ledger = done.ledger()
    assert "multi_line_output (Ruff's isort always does what multi_line_output = 3" in ledger
    assert "skip_glob (Ruff's isort rules have no such setting)" in ledger


def test_every_black_key_is_in_the_ledger() -> None:
    black = (
        "[tool.black]\nline-length = 99\nskip-string-normalization = false\n"
        "required-version = '24'\npreview = true\nexclude = '/gen/'\n"
    )
    ledger = run({}, black).ledger()
    for key in ("line-length", "skip-string-normalization", "required-version", "preview"):
        assert f"pyproject.toml [tool.black] {key} " in ledger
    assert "exclude (a regex: Ruff takes globs" in ledger


def test_isort_cfg_stays_while_it_shadows_a_tool_isort_table() -> None:
    existing = "[tool.isort]\nknown_first_party = ['old']\n"
    done = run({".isort.cfg": "[settings]\nknown_first_party = new\n"}, existing)
    assert done.text == existing + '\n[tool.ruff.lint.isort]\nknown-first-party = ["new"]\n'
    assert done.result.remove_files == set()
    assert "kept: pyproject.toml has a [tool.isort] that isort would read" in done.ledger()
    assert run(done.files_after, done.text).text == done.text
