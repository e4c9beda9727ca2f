from __future__ import annotations

import pytest

from setsquare.errors import InputError
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


_PLUGIN = {"requirements-dev.txt": "flake8\nFlake8-pyproject\n"}


@pytest.mark.parametrize(
    ("files", "existing", "expected"),
    [
        pytest.param(
            {},
            "[tool.flake8]\nmax-line-length = 99\nextend-ignore = ['E203', 'E501']\n",
            '[tool.ruff]\nline-length = 99\n\n[tool.ruff.lint]\nselect = ["E", "W", "F"]\n'
            'ignore = ["E203", "E501"]\n',
            id="the only flake8 config: TOML number and array",
        ),
        pytest.param(
            {},
            '[tool.flake8]\nextend-ignore = "E203,E501"\nmax-line-length = "99"\n',
            '[tool.ruff]\nline-length = 99\n\n[tool.ruff.lint]\nselect = ["E", "W", "F"]\n'
            'ignore = ["E203", "E501"]\n',
            id="strings are read as flake8 reads INI text",
        ),
        pytest.param(
            {},
            "[tool.flake8]\nper-file-ignores = [\n    '__init__.py:F401',\n"
            "    'tests/*: E501, W291',\n]\n",
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n[tool.ruff.lint.per-file-ignores]\n'
            '"__init__.py" = ["F401"]\n"tests/*" = ["E501", "W291"]\n',
            id="per-file-ignores array: items joined by lines, as flake8 does",
        ),
        pytest.param(
            {},
            "[tool.flake8]\nignore = [\n    'E231',  # after a comma\n    # tabs\n    'E241',\n]\n",
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\nignore = [\n    # after a comma\n'
            '    "E231",\n    # tabs\n    "E241",\n]\n',
            id="comments in the array stay with their items",
        ),
        pytest.param(
            {".flake8": "[flake8]\nselect = F\n", **_PLUGIN},
            "[tool.flake8]\nselect = ['E']\n",
            '[tool.ruff.lint]\nselect = ["E"]\n',
            id="Flake8-pyproject installed: [tool.flake8] replaces .flake8",
        ),
        pytest.param(
            {"tox.ini": "[flake8]\nselect = F\n", "setup.cfg": "[flake8]\nselect = W\n", **_PLUGIN},
            "[tool.flake8]\n",
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n',
            id="an empty [tool.flake8] still replaces setup.cfg: flake8's defaults",
        ),
    ],
)
def test_flake8_pyproject_table_fixes(files: dict[str, str], existing: str, expected: str) -> None:
    done = run(files, existing)
    assert done.text == expected
    second = run(done.files_after, done.text)
    assert second.text == expected
    assert second.result.entries == []


def test_flake8_pyproject_shadows_every_ini_section() -> None:
    done = run({".flake8": "[flake8]\nselect = F\n", **_PLUGIN}, "[tool.flake8]\nselect = ['E']\n")
    assert done.result.consumed == {".flake8": {"flake8"}}
    assert done.result.remove_files == {".flake8"}
    assert (
        "dropped     .flake8:2 [flake8] select (flake8 never reads it: pyproject.toml"
        " [tool.flake8] (Flake8-pyproject) takes precedence)"
    ) in done.ledger()
    assert "transformed pyproject.toml:2 [tool.flake8] select -> [tool.ruff.lint] select" in (
        done.ledger()
    )


def test_flake8_pyproject_without_the_plugin_named_moves_nothing() -> None:
    """flake8 alone reads tox.ini; with the plugin it reads [tool.flake8]: which one runs?"""
    existing = "[tool.flake8]\nselect = ['E']\n"
    done = run({"tox.ini": "[flake8]\nselect = F\n"}, existing)
    assert done.text == existing
    assert done.result.consumed == {}
    ledger = done.ledger().splitlines()
    assert [line.split(" (")[0] for line in ledger] == [
        "kept        pyproject.toml:1 [tool.flake8]",
        "kept        pyproject.toml:2 [tool.flake8] select",
        "kept        tox.ini:1 [flake8]",
        "kept        tox.ini:2 [flake8] select",
    ]
    assert "Flake8-pyproject is not named as a dependency" in ledger[0]


@pytest.mark.parametrize(
    "ini",
    [
        pytest.param("[flake8]\nenable-extensions = B950\n", id="enable-extensions"),
        pytest.param("[flake8]\n\n[flake8:local-plugins]\npaths = .\n", id="local plugins"),
    ],
)
def test_flake8_pyproject_with_ini_plugin_loading_moves_nothing(ini: str) -> None:
    """flake8 loads plugins from the INI file even when Flake8-pyproject supplies the rest."""
    existing = "[tool.flake8]\nselect = ['E']\n"
    done = run({"setup.cfg": ini, **_PLUGIN}, existing)
    assert done.text == existing
    assert done.result.consumed == {}
    assert "still loads plugins as setup.cfg says; merge the two by hand" in done.ledger()


def test_flake8_pyproject_plugin_loading_keys_are_inert() -> None:
    done = run({}, "[tool.flake8]\nextend-select = ['B950']\nenable-extensions = ['B950']\n")
    assert (
        "dropped     pyproject.toml:3 [tool.flake8] enable-extensions (Flake8-pyproject never"
        " hands it to flake8, which loads plugins first)"
    ) in done.ledger()


def test_flake8_pyproject_table_stays_when_ruff_has_a_conflict() -> None:
    existing = "[tool.flake8]\nselect = ['E']\n\n[tool.ruff.lint]\nselect = ['F']\n"
    done = run({}, existing)
    assert done.text == existing
    assert "conflict: pyproject.toml already has [tool.ruff.lint]" in done.ledger()


@pytest.mark.parametrize(
    ("existing", "message"),
    [
        pytest.param(
            "[tool.flake8]\nignore = ['E203, E501']\n",
            "pyproject.toml:2: [tool.flake8] `ignore` item 'E203, E501' is not one item:"
            " flake8 reads each array item whole",
            id="two codes in one item",
        ),
        pytest.param(
            "[tool.flake8]\nmax-line-length = [88]\n",
            "pyproject.toml:2: [tool.flake8] `max-line-length` must be a string, a number,"
            " a boolean or an array of strings, not [88]",
            id="array of numbers",
        ),
        pytest.param(
            "[tool]\nflake8 = 1\n",
            "pyproject.toml:1: `tool.flake8` is not a table",
            id="not a table",
        ),
    ],
)
def test_flake8_pyproject_bad_values(existing: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        run({}, existing)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        pytest.param(
            "[project]\nname = 'x'\n\n[tool.flake8]\nmax-line-length = 99\n",
            "[project]\nname = 'x'\n\n[tool.ruff]\nline-length = 99\n\n"
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n',
            id="last table: Ruff's tables take its place",
        ),
        pytest.param(
            "[tool.flake8]\nmax-line-length = 99\n\n[build-system]\nrequires = []\n",
            '[tool.ruff]\nline-length = 99\n\n[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n'
            "[build-system]\nrequires = []\n",
            id="first table: no blank line above, one below",
        ),
        pytest.param(
            "[tool.black]\nline-length = 99\n\n[project]\nname = 'x'\n\n"
            "[tool.flake8]\nmax-line-length = 99\n",
            "[tool.black]\nline-length = 99\n\n[tool.ruff]\nline-length = 99\n\n"
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n'
            "[project]\nname = 'x'\n",
            id="split [tool]: the file does not end in a blank line",
        ),
    ],
)
def test_flake8_pyproject_table_removed_with_its_spacing(existing: str, expected: str) -> None:
    assert run({}, existing).text == expected
