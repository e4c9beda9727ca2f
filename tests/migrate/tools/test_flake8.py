from __future__ import annotations

import pytest

from tests.migrate.tools.support import run


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({}, id="no files"),
        pytest.param({"setup.cfg": "[metadata]\nname = x\n"}, id="no [flake8]"),
        pytest.param({"tox.ini": "[tox]\nenvlist = py311\n"}, id="tox.ini without [flake8]"),
    ],
)
def test_flake8_noop(files: dict[str, str]) -> None:
    done = run(files, "[project]\nname = 'x'\n")
    assert done.text == "[project]\nname = 'x'\n"
    assert done.result.entries == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {".flake8": "[flake8]\nmax-line-length = 99\n"},
            '[tool.ruff]\nline-length = 99\n\n[tool.ruff.lint]\nselect = ["E", "W", "F"]\n',
            id="defaults made explicit",
        ),
        pytest.param(
            {".flake8": "[flake8]\nmax-complexity = 8\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "C90"]\n\n'
            "[tool.ruff.lint.mccabe]\nmax-complexity = 8\n",
            id="mccabe only with max-complexity",
        ),
        pytest.param(
            {"setup.cfg": "[flake8]\nselect = E,W\n", ".flake8": "[flake8]\nselect = F\n"},
            '[tool.ruff.lint]\nselect = ["E", "W"]\n',
            id="setup.cfg beats .flake8",
        ),
        pytest.param(
            {"tox.ini": "[flake8]\nselect = E\n", ".flake8": "[flake8]\nselect = F\n"},
            '[tool.ruff.lint]\nselect = ["E"]\n',
            id="tox.ini beats .flake8",
        ),
        pytest.param(
            {"setup.cfg": "[flake8]\nselect = W\n", "tox.ini": "[flake8]\nselect = E\n"},
            '[tool.ruff.lint]\nselect = ["W"]\n',
            id="setup.cfg beats tox.ini",
        ),
        pytest.param(
            {".flake8": "[flake8]\nselect = B,C\nextend-ignore = B950\nmax-complexity = 5\n"},
            '[tool.ruff.lint]\nselect = ["B0", "C90"]\n\n[tool.ruff.lint.mccabe]\n'
            "max-complexity = 5\n",
            id="B without B9; C is mccabe only when no comprehensions plugin",
        ),
        pytest.param(
            {".flake8": "[flake8]\nextend-select = B904\nignore = E501,W503\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "B0", "B904"]\nignore = ["E501"]\n',
            id="B9 only by name; W503 has no Ruff rule",
        ),
        pytest.param(
            {".flake8": "[flake8]\nexclude = .git,build\nextend-exclude = dist\n"},
            '[tool.ruff]\nextend-exclude = [".git", "build", "dist"]\n\n'
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n',
            id="exclude keeps Ruff's defaults",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\nper-file-ignores =\n"
                "    # generated\n    src/gen/*.py: E501,W291\n    __init__.py:F401\n"
            },
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n[tool.ruff.lint.per-file-ignores]\n'
            '# generated\n"src/gen/*.py" = ["E501", "W291"]\n"__init__.py" = ["F401"]\n',
            id="per-file-ignores, multi-line with a comment",
        ),
        pytest.param(
            {".flake8": "[flake8]\nper-file-ignores = a.py,b.py:E1 E2 c.py: F\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n[tool.ruff.lint.per-file-ignores]\n'
            '"a.py" = ["E1", "E2"]\n"b.py" = ["E1", "E2"]\n"c.py" = ["F"]\n',
            id="per-file-ignores, one line, flake8's tokenizer",
        ),
        pytest.param(
            {".flake8": "[flake8]\nper-file-ignores =\n    a.py: W503\n    b.py: E501\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n[tool.ruff.lint.per-file-ignores]\n'
            '"b.py" = ["E501"]\n',
            id="per-file-ignores: a pattern left with nothing Ruff knows goes",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\ninline-quotes = '\ndocstring-convention = numpy\n"
                "ban-relative-imports = parents\n"
            },
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "D", "Q", "TID252"]\n\n'
            '[tool.ruff.lint.flake8-quotes]\ninline-quotes = "single"\n\n'
            '[tool.ruff.lint.flake8-tidy-imports]\nban-relative-imports = "parents"\n\n'
            '[tool.ruff.lint.pydocstyle]\nconvention = "numpy"\n',
            id="plugin options reveal plugins and map",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\nextend-ignore = T100\n",
                "tox.ini": "[testenv]\ndeps = flake8-fixme\n",
            },
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "FIX"]\nignore = ["FIX001"]\n',
            id="T100 is flake8-fixme's when that is installed",
        ),
        pytest.param(
            {".flake8": "[flake8]\nextend-ignore = T100\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "T10"]\nignore = ["T100"]\n',
            id="T100 is flake8-debugger's otherwise",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\nselect = E\n",
                "tox.ini": "[testenv]\n# flake8-bugbear would be nice\ndeps = pytest\n",
            },
            '[tool.ruff.lint]\nselect = ["E"]\n',
            id="explicit select; a plugin named in a comment is not installed",
        ),
        pytest.param(
            {".flake8": "[flake8]\nselect = E203, E501\n"},
            '[tool.ruff.lint]\nselect = ["E501"]\n',
            id="preview-only selection has no effect in Ruff: dropped",
        ),
    ],
)
def test_flake8_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_dead_flake8_configs_are_reported_and_removed() -> None:
    done = run({"tox.ini": "[flake8]\nselect = E\n", ".flake8": "[flake8]\nselect = F\n"})
    assert [entry.render() for entry in done.result.entries][:2] == [
        "dropped     .flake8:1 [flake8] (flake8 never reads it: tox.ini takes precedence)",
        "dropped     .flake8:2 [flake8] select (flake8 never reads it: tox.ini takes precedence)",
    ]
    assert done.result.consumed == {".flake8": {"flake8"}, "tox.ini": {"flake8"}}
    assert done.result.remove_files == {".flake8"}


def test_codes_ruff_lacks_are_reported() -> None:
    done = run({".flake8": "[flake8]\nextend-ignore = W503, E203, X1\nformat = pylint\n"})
    ledger = done.ledger()
    assert "Ruff has no rule for W503 (pycodestyle)" in ledger
    assert "no known flake8 plugin reports X1, and Ruff has no such rule" in ledger
    assert "dropped     .flake8:3 [flake8] format (output format is chosen on Ruff's" in ledger


def test_local_plugins_keep_the_flake8_section() -> None:
    done = run(
        {".flake8": "[flake8]\nselect = E\n\n[flake8:local-plugins]\nextension =\n    X = x:X\n"}
    )
    assert done.result.consumed == {}
    assert done.result.remove_files == set()
    assert "local flake8 plugins have no Ruff port" in done.ledger()


@pytest.mark.parametrize(
    "where",
    [
        pytest.param({"requirements-dev.txt": "flake8==7.1\nflake8-bugbear>=24  # B\n"}, id="req"),
        pytest.param(
            {
                ".pre-commit-config.yaml": "repos:\n- repo: https://example.org/pycqa/flake8\n"
                "  rev: 7.1.0\n  hooks:\n  - id: flake8\n"
                "    additional_dependencies: [flake8-bugbear==24.1.17]\n"
            },
            id="pre-commit",
        ),
        pytest.param(
            {"setup.cfg": "[options.extras_require]\nlint = flake8_bugbear\n"}, id="extra"
        ),
        pytest.param({}, id="pyproject dependency group"),
    ],
)
def test_plugins_found_where_they_are_installed_from(where: dict[str, str]) -> None:
    pyproject = "" if where else '[dependency-groups]\nlint = ["flake8-bugbear"]\n'
    done = run({".flake8": "# shared with the editor\n[flake8]\n", **where}, pyproject)
    assert done.text.endswith(
        '[tool.ruff.lint]\n# shared with the editor\nselect = ["E", "W", "F", "B0"]\n'
    )
    assert "flake8-bugbear (named as a dependency)" in done.ledger()
