"""black's and isort's settings follow them into Ruff's tables when adopt replaces them."""

from __future__ import annotations

import pytest
import yaml
from packaging.version import Version

from setsquare.adopt.superseded import Found, find
from setsquare.adopt.superseded_args import unmoved
from setsquare.adopt.superseded_settings import move_settings

PINS = {"ruff": Version("0.17.6"), "mypy": Version("2.4.1")}


def _hooks(black_args: str = "", isort_args: str = "") -> list[Found]:
    text = "repos:\n"
    if black_args is not None:
        text += "- repo: https://github.com/psf/black\n  rev: 1\n  hooks:\n  - id: black\n"
        text += f"    args: [{black_args}]\n" if black_args else ""
    if isort_args:
        text += "- repo: https://github.com/PyCQA/isort\n  rev: 1\n  hooks:\n  - id: isort\n"
        text += f"    args: [{isort_args}]\n"
    return find(yaml.safe_load(text)["repos"], PINS)


PROJECT = '[project]\nname = "x"\nrequires-python = ">=3.9"\n'


@pytest.mark.parametrize(
    ("pyproject", "black", "isort", "expected", "lines"),
    [
        pytest.param(
            PROJECT,
            "--line-length=100, --safe, --quiet",
            "",
            PROJECT + "\n[tool.ruff]\nline-length = 100\n",
            ["pyproject.toml: set [tool.ruff] line-length (from black's `line-length`)"],
            id="black-line-length-arg",
        ),
        pytest.param(
            PROJECT,
            "-l, '120', -S, -C",
            "",
            PROJECT + "\n[tool.ruff]\nline-length = 120\n\n[tool.ruff.format]\n"
            'quote-style = "preserve"\nskip-magic-trailing-comma = true\n',
            [
                "pyproject.toml: set [tool.ruff] line-length (from black's `line-length`)",
                (
                    "pyproject.toml: set [tool.ruff.format] quote-style "
                    "(from black's `skip-string-normalization`)"
                ),
                (
                    "pyproject.toml: set [tool.ruff.format] skip-magic-trailing-comma "
                    "(from black's `skip-magic-trailing-comma`)"
                ),
            ],
            id="black-short-options",
        ),
        pytest.param(
            PROJECT + "\n[tool.black]\nline-length = 99  # ours\n",
            "--target-version=py39",
            "",
            PROJECT + "\n[tool.black]\nline-length = 99  # ours\n\n[tool.ruff]\nline-length = 99\n",
            ["pyproject.toml: set [tool.ruff] line-length (from black's `line-length`)"],
            id="tool-black-table-and-target-from-requires-python",
        ),
        pytest.param(
            "[tool.black]\nline-length = 99\n\n[tool.ruff]\nline-length = 79\n",
            "",
            "",
            "[tool.black]\nline-length = 99\n\n[tool.ruff]\nline-length = 79\n",
            [
                (
                    "black's `line-length` not carried over (conflict: pyproject.toml already has "
                    "[tool.ruff] with line-length = 79)"
                )
            ],
            id="ruffs-own-setting-wins-and-is-named",
        ),
        pytest.param(
            PROJECT,
            "",
            "--profile, black, --filter-files, -p, acme",
            PROJECT + '\n[tool.ruff.lint.isort]\nknown-first-party = ["acme"]\n',
            [
                (
                    "pyproject.toml: set [tool.ruff.lint.isort] known-first-party "
                    "(from isort's `known_first_party`)"
                )
            ],
            id="isort-profile-black-is-ruffs-default",
        ),
        pytest.param(
            PROJECT,
            "--experimental-string-processing",
            "",
            PROJECT,
            [
                (
                    "black: `--experimental-string-processing` not carried over "
                    "(no Ruff setting reads it)"
                )
            ],
            id="unknown-argument-named",
        ),
    ],
)
def test_move_settings(
    pyproject: str, black: str, isort: str, expected: str, lines: list[str]
) -> None:
    change = move_settings(pyproject, "pyproject.toml", _hooks(black, isort))
    assert (change.text or pyproject) == expected
    assert change.lines == lines


def test_without_pyproject_nothing_moves_and_adopt_says_so() -> None:
    change = move_settings(None, "pyproject.toml", _hooks("--line-length=100"))
    assert change.text is None
    assert change.lines == [
        (
            "pyproject.toml: none, so black's line-length = 100 did not move to Ruff's settings "
            "(run `setsquare migrate` first to create it)"
        )
    ]


def test_nothing_to_move() -> None:
    change = move_settings(PROJECT, "pyproject.toml", _hooks("--safe"))
    assert (change.text, change.lines) == (None, [])


def test_what_the_other_hooks_leave_behind_is_named() -> None:
    text = (
        "repos:\n"
        "- repo: https://github.com/pre-commit/mirrors-mypy\n  rev: v1\n  hooks:\n"
        "  - id: mypy\n    args: [--strict]\n    additional_dependencies: [types-requests]\n"
        "- repo: https://github.com/asottile/pyupgrade\n  rev: v1\n  hooks:\n"
        "  - id: pyupgrade\n    args: [--py39-plus]\n"
    )
    mypy, pyupgrade = find(yaml.safe_load(text)["repos"], PINS)
    assert unmoved(mypy) == [
        "mypy: `args: --strict` not carried over",
        (
            "mypy: additional_dependencies (types-requests) not carried (the bundle's mypy uses "
            "the project's environment: install them there)"
        ),
    ]
    assert unmoved(pyupgrade) == ["pyupgrade: `args: --py39-plus` not carried over"]


#: pip-tools 7.6.2's .flake8 (its pytest-style options shortened to one).
FLAKE8 = """\
[flake8]
max-line-length = 100
# E203 conflicts with PEP8; see https://github.com/psf/black#slices
extend-ignore = E203

# flake8-pytest-style
# PT001:
pytest-fixture-no-parentheses = true
"""
PIP_TOOLS_HOOKS = """\
repos:
  - repo: https://github.com/psf/black-pre-commit-mirror
    rev: 26.10.0
    hooks:
      - id: black
        args: [--target-version=py39]
  - repo: https://github.com/PyCQA/isort
    rev: 9.0.2
    hooks:
      - id: isort
  - repo: https://github.com/PyCQA/flake8
    rev: 7.4.1
    hooks:
      - id: flake8
        additional_dependencies:
          - flake8-pytest-style == 2.2.0
"""


def test_flake8_config_becomes_rufs_select_as_migrate_maps_it() -> None:
    replaced = find(yaml.safe_load(PIP_TOOLS_HOOKS)["repos"], PINS)
    change = move_settings(
        PROJECT, "pyproject.toml", replaced, flake8_ini=FLAKE8, texts=[PIP_TOOLS_HOOKS]
    )
    assert change.text == PROJECT + (
        "\n[tool.ruff]\nline-length = 88\n"
        '\n[tool.ruff.lint]\nselect = ["E", "W", "F", "PT", "I"]\n'
        "# E203 conflicts with PEP8; see https://github.com/psf/black#slices\n"
        'ignore = ["E203"]\n'
        "\n[tool.ruff.lint.pycodestyle]\nmax-line-length = 100\n"
    )
    assert change.lines == [
        (
            ".flake8:8 [flake8] pytest-fixture-no-parentheses not carried over (no Ruff equivalent "
            "for this flake8 (or plugin) option)"
        ),
        "pyproject.toml: set [tool.ruff] line-length (from black's `line-length`)",
        "pyproject.toml: set [tool.ruff.lint] select (from .flake8:1 [flake8])",
        "pyproject.toml: set [tool.ruff.lint] ignore (from .flake8:4 [flake8] extend-ignore)",
        (
            "pyproject.toml: set [tool.ruff.lint.pycodestyle] max-line-length (from .flake8:2 "
            "[flake8] max-line-length)"
        ),
        (
            "pyproject.toml: [tool.ruff.lint] select also has I: the rules that do the replaced "
            "hooks' jobs"
        ),
    ]


def test_flake8_config_is_left_alone_when_ruff_already_selects() -> None:
    pyproject = PROJECT + '\n[tool.ruff.lint]\nselect = ["E", "F"]\n'
    replaced = find(yaml.safe_load(PIP_TOOLS_HOOKS)["repos"], PINS)
    change = move_settings(pyproject, "pyproject.toml", replaced, flake8_ini=FLAKE8)
    # isort is gone: its rules join the project's own select, nothing else changes.
    assert change.text == PROJECT + '\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n'
    assert change.lines == [
        "pyproject.toml: [tool.ruff.lint] select also has I: the rules that do the jobs of isort"
    ]


#: isort, pyupgrade, autoflake and fix-encoding-pragma, each replaced by ruff-check.
IMPORT_HOOKS = """repos:
- repo: https://github.com/PyCQA/isort
  rev: 5.13.2
  hooks:
  - id: isort
- repo: https://github.com/asottile/pyupgrade
  rev: v3.15.0
  hooks:
  - id: pyupgrade
- repo: https://github.com/PyCQA/autoflake
  rev: v2.2.1
  hooks:
  - id: autoflake
- repo: https://github.com/pre-commit/pre-commit-hooks
  rev: v4.5.0
  hooks:
  - id: fix-encoding-pragma
"""


@pytest.mark.parametrize(
    ("ruff", "written", "line", "hooks"),
    [
        pytest.param(
            '[tool.ruff.lint]\nselect = [\n    "E",\n    "F",  # pyflakes\n]\n',
            (
                '[tool.ruff.lint]\nselect = [\n    "E",\n    "F",  # pyflakes\n'
                '    "I",\n    "UP",\n]\n'
            ),
            "[tool.ruff.lint] select also has I, UP",
            "isort, pyupgrade, fix-encoding-pragma",
            id="select-multiline-comment-kept",
        ),
        pytest.param(
            '[tool.ruff.lint]\nselect = ["E4", "F"]\nextend-select = ["B"]\n',
            '[tool.ruff.lint]\nselect = ["E4", "F"]\nextend-select = ["B", "I", "UP"]\n',
            "[tool.ruff.lint] extend-select also has I, UP",
            "isort, pyupgrade, fix-encoding-pragma",
            id="their-extend-select",
        ),
        pytest.param(
            '[tool.ruff]\nselect = ["E", "F401"]\n',
            '[tool.ruff]\nselect = ["E", "F401", "I", "UP", "F841"]\n',
            "[tool.ruff] select also has I, UP, F841",
            "isort, pyupgrade, autoflake, fix-encoding-pragma",
            id="top-level-select-of-older-ruff",
        ),
    ],
)
def test_the_rules_of_each_replaced_hook_join_their_select(
    ruff: str, written: str, line: str, hooks: str
) -> None:
    """No job is lost: isort's I, pyupgrade's UP (and UP009 of fix-encoding-pragma),
    autoflake's F401 and F841 go where the project lists its rules."""
    replaced = find(yaml.safe_load(IMPORT_HOOKS)["repos"], PINS)
    change = move_settings(PROJECT + "\n" + ruff, "pyproject.toml", replaced)
    assert change.text == PROJECT + "\n" + written
    assert change.lines == [f"pyproject.toml: {line}: the rules that do the jobs of {hooks}"]
    again = move_settings(change.text, "pyproject.toml", replaced)
    assert (again.text, again.lines) == (None, [])


def test_a_rule_they_ignore_is_added_and_the_ignore_named() -> None:
    pyproject = PROJECT + '\n[tool.ruff.lint]\nselect = ["E", "F"]\nignore = ["I001"]\n'
    change = move_settings(pyproject, "pyproject.toml", _hooks("", "--profile=black"))
    assert change.text is not None
    assert 'select = ["E", "F", "I"]' in change.text
    assert change.lines[-1] == (
        "pyproject.toml: Ruff's ignore has I001, so part of the job of isort (I) stays "
        "undone; hint: remove I001 from [tool.ruff.lint] ignore if Ruff is to do it"
    )


def test_the_settings_go_to_the_ruff_toml_ruff_reads() -> None:
    """Ruff reads ruff.toml instead of pyproject.toml: keys at its top level, `[lint]`."""
    ruff_toml = 'line-length = 99\n\n[lint]\nselect = ["E", "F"]\n'
    change = move_settings(
        PROJECT,
        "pyproject.toml",
        _hooks("--skip-string-normalization", "--profile=black, -p, acme"),
        ruff_toml=("ruff.toml", ruff_toml),
    )
    assert change.text is None
    assert change.ruff_text == (
        'line-length = 99\n\n[lint]\nselect = ["E", "F", "I"]\n'
        '\n[lint.isort]\nknown-first-party = ["acme"]\n'
        '\n[format]\nquote-style = "preserve"\n'
    )
    assert change.lines == [
        "ruff.toml: set [format] quote-style (from black's `skip-string-normalization`)",
        "ruff.toml: set [lint.isort] known-first-party (from isort's `known_first_party`)",
        "ruff.toml: [lint] select also has I: the rules that do the jobs of isort",
    ]


@pytest.mark.parametrize(
    ("ruff_toml", "written", "lines"),
    [
        pytest.param(
            "",
            "line-length = 100\n",
            [".ruff.toml: set line-length (from black's `line-length`)"],
            id="empty-file-gets-it",
        ),
        pytest.param(
            'extend-exclude = ["docs"]\n',
            None,
            [
                (
                    "black's `line-length` not carried over (conflict: .ruff.toml already has "
                    "settings of its own, without line-length)"
                )
            ],
            id="settings-of-its-own-win-as-in-pyproject",
        ),
    ],
)
def test_black_s_line_length_and_a_ruff_toml_without_pyproject(
    ruff_toml: str, written: str | None, lines: list[str]
) -> None:
    """No pyproject.toml is needed where Ruff reads a ruff.toml; a top level with settings
    is the user's, as `[tool.ruff]` is in pyproject.toml."""
    change = move_settings(
        None, "pyproject.toml", _hooks("--line-length=100"), ruff_toml=(".ruff.toml", ruff_toml)
    )
    assert (change.text, change.ruff_text, change.lines) == (None, written, lines)


@pytest.mark.parametrize(
    ("target", "written", "line"),
    [
        pytest.param(
            "py36",
            "py37",
            "black's target py36 is older than Ruff's oldest: [tool.ruff] "
            'target-version = "py37"',
            id="pytest-7.0.1-py36-raised",
        ),
        pytest.param("py38", "py38", None, id="py38-as-is"),
        pytest.param("py310", "py310", None, id="py310-as-is"),
    ],
)
def test_a_target_ruff_cannot_read_is_never_written(
    target: str, written: str, line: str | None
) -> None:
    # Ruff refuses the whole pyproject.toml on `target-version = "py36"`: every hook stops.
    pyproject = f'[tool.black]\ntarget-version = ["{target}"]\n'
    change = move_settings(pyproject, "pyproject.toml", _hooks("--safe"))
    assert change.text == pyproject + f'\n[tool.ruff]\ntarget-version = "{written}"\n'
    assert (line in change.lines) if line else not any("older" in x for x in change.lines)
