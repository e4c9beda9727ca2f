"""adopt's pre-commit step on real configurations: superseded hooks, the bundle, `ci: skip`.

The inputs are the `.pre-commit-config.yaml` files of released sdists from the adopt
corpus (tests/adopt_corpus/repos.txt), as their maintainers wrote them.
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from setsquare.adopt.precommit_config import BUNDLE_HOOKS
from setsquare.adopt.superseded_adopt import ConfigStep, plan_config

PINS = {"ruff": Version("0.17.6"), "mypy": Version("2.4.1")}
URL = "https://github.com/setsquare-dev/setsquare"

#: attrs 26.1.0: on pre-commit.ci, ruff-pre-commit at Ruff 0.15.6, pre-commit-hooks
#: with `exclude:` on end-of-file-fixer, validate-pyproject from upstream.
ATTRS = """\
---
ci:
  autoupdate_schedule: monthly

repos:
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.15.6
    hooks:
      - id: ruff-check
        args: [--fix, --exit-non-zero-on-fix]
      - id: ruff-format

  - repo: https://github.com/econchick/interrogate
    rev: 1.7.0
    hooks:
      - id: interrogate
        args: [tests]

  - repo: https://github.com/codespell-project/codespell
    rev: v2.4.2
    hooks:
      - id: codespell
        args: [--exclude-file=tests/test_mypy.yml, --skip=*.svg]

  - repo: https://github.com/abravalheri/validate-pyproject
    rev: v0.25
    hooks:
      - id: validate-pyproject
        # Optional extra validations from SchemaStore:
        additional_dependencies: ["validate-pyproject-schema-store[all]"]

  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v6.0.0
    hooks:
      - id: trailing-whitespace
      - id: end-of-file-fixer
        exclude: docs/_static
      - id: check-toml
      - id: check-yaml
"""

#: pytest 7.0.1 (its first 63 lines): black, fix-encoding-pragma --remove, flake8 with
#: plugins, reorder-python-imports, pyupgrade and mirrors-mypy with `files:`.
PYTEST = """\
repos:
-   repo: https://github.com/psf/black
    rev: 21.11b1
    hooks:
    -   id: black
        args: [--safe, --quiet]
-   repo: https://github.com/asottile/blacken-docs
    rev: v1.12.0
    hooks:
    -   id: blacken-docs
        additional_dependencies: [black==20.8b1]
-   repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.0.1
    hooks:
    -   id: trailing-whitespace
    -   id: end-of-file-fixer
    -   id: fix-encoding-pragma
        args: [--remove]
    -   id: check-yaml
    -   id: debug-statements
        exclude: _pytest/(debugging|hookspec).py
        language_version: python3
-   repo: https://github.com/PyCQA/flake8
    rev: 4.0.1
    hooks:
    -   id: flake8
        language_version: python3
        additional_dependencies:
          - flake8-typing-imports==1.9.0
          - flake8-docstrings==1.5.0
-   repo: https://github.com/asottile/reorder_python_imports
    rev: v2.6.0
    hooks:
    -   id: reorder-python-imports
        args: ['--application-directories=.:src', --py36-plus]
-   repo: https://github.com/asottile/pyupgrade
    rev: v2.29.1
    hooks:
    -   id: pyupgrade
        args: [--py36-plus]
-   repo: https://github.com/asottile/setup-cfg-fmt
    rev: v1.20.0
    hooks:
    -   id: setup-cfg-fmt
        args: [--max-py-version=3.10]
-   repo: https://github.com/pre-commit/pygrep-hooks
    rev: v1.9.0
    hooks:
    -   id: python-use-type-annotations
-   repo: https://github.com/pre-commit/mirrors-mypy
    rev: v0.910-1
    hooks:
    -   id: mypy
        files: ^(src/|testing/)
        args: []
        additional_dependencies:
          - iniconfig>=1.1.0
          - py>=1.8.2
          - attrs>=19.2.0
          - packaging
          - tomli
          - types-atomicwrites
          - types-pkg_resources
"""


def entry(hooks: list[str], *, dash: int = 2, offset: int = 2, **keys: dict[str, str]) -> str:
    """The bundle's entry as adopt writes it."""
    pad, inner = " " * dash, " " * (dash + offset)
    lines = [
        f"{pad}# The setsquare bundle: the quality gate from one repo at one rev.",
        f"{pad}-{' ' * (offset - 1)}repo: {URL}",
        f"{inner}rev: v9.9.9",
        f"{inner}hooks:",
    ]
    for hook in hooks:
        lines.append(f"{inner}  - id: {hook}")
        lines.extend(
            f"{inner}    {k}: {v}" for k, v in keys.get(hook.replace("-", "_"), {}).items()
        )
    return "\n".join(lines) + "\n"


def but(*left_out: str) -> list[str]:
    return [hook for hook in BUNDLE_HOOKS if hook not in left_out]


def _plan(text: str, *, replace: bool = True, readmes: tuple[str, ...] = ()) -> ConfigStep:
    return plan_config(text, None, readmes, url=URL, rev="v9.9.9", pins=PINS, replace=replace)


def test_attrs_ruff_pre_commit_replaced_and_ci_skip_added() -> None:
    step = _plan(ATTRS)
    ruff = (
        "  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.15.6\n    hooks:\n"
        "      - id: ruff-check\n        args: [--fix, --exit-non-zero-on-fix]\n"
        "      - id: ruff-format\n\n"
    )
    expected = ATTRS.replace(ruff, "").replace(
        "  autoupdate_schedule: monthly\n", "  autoupdate_schedule: monthly\n  skip: [mypy]\n"
    )
    expected += entry(
        but(
            "trailing-whitespace",
            "end-of-file-fixer",
            "check-toml",
            "check-yaml",
            "validate-pyproject",
        )
    )
    assert step.config_text == expected
    assert step.on_ci
    assert step.actions[0] == (
        ".pre-commit-config.yaml: removed `ruff-check` (https://github.com/astral-sh/"
        "ruff-pre-commit): the bundle's `ruff-check` does its job (the bundle runs Ruff at the "
        "version it pins); hint: `--keep-superseded` keeps such hooks"
    )
    assert step.actions[-1] == (
        ".pre-commit-config.yaml: added `ci: skip: [mypy]`: pre-commit.ci has no project "
        "environment, which the bundle's mypy needs (CI runs it after installing the project, "
        "as the lint workflow adopt adds does)"
    )
    # Their end-of-file-fixer keeps its `exclude: docs/_static`: the bundle's is not added.
    assert (
        ".pre-commit-config.yaml: kept `end-of-file-fixer` from "
        "https://github.com/pre-commit/pre-commit-hooks (the bundle's would run it twice)"
    ) in step.notes


def test_attrs_second_run_changes_nothing() -> None:
    once = _plan(ATTRS).config_text
    again = _plan(once)
    assert again.config_text == once
    assert again.actions == []


def test_pytest_superseded_hooks_removed_and_mypy_keeps_their_files() -> None:
    step = _plan(PYTEST)
    gone = [
        (
            "-   repo: https://github.com/psf/black\n    rev: 21.11b1\n    hooks:\n"
            "    -   id: black\n        args: [--safe, --quiet]\n"
        ),
        "    -   id: fix-encoding-pragma\n        args: [--remove]\n",
        (
            "-   repo: https://github.com/PyCQA/flake8\n    rev: 4.0.1\n    hooks:\n"
            "    -   id: flake8\n        language_version: python3\n"
            "        additional_dependencies:\n          - flake8-typing-imports==1.9.0\n"
            "          - flake8-docstrings==1.5.0\n"
            "-   repo: https://github.com/asottile/reorder_python_imports\n    rev: v2.6.0\n"
            "    hooks:\n    -   id: reorder-python-imports\n"
            "        args: ['--application-directories=.:src', --py36-plus]\n"
            "-   repo: https://github.com/asottile/pyupgrade\n    rev: v2.29.1\n    hooks:\n"
            "    -   id: pyupgrade\n        args: [--py36-plus]\n"
        ),
        "-   repo: https://github.com/pre-commit/mirrors-mypy\n",
    ]
    expected = PYTEST
    for text in gone:
        assert text in expected
        expected = expected.replace(text, "")
    mypy_rest = expected[expected.index("    rev: v0.910-1\n") :]
    expected = expected.removesuffix(mypy_rest)
    expected += entry(
        but("trailing-whitespace", "end-of-file-fixer", "check-yaml", "debug-statements"),
        dash=0,
        offset=4,
        mypy={"files": "^(src/|testing/)"},
    )
    assert step.config_text == expected
    assert not step.on_ci
    removed = [line.split("`")[1] for line in step.actions if "removed `" in line]
    assert removed == [
        "black",
        "fix-encoding-pragma",
        "flake8",
        "reorder-python-imports",
        "pyupgrade",
        "mypy",
    ]
    assert ".pre-commit-config.yaml: the bundle's `mypy` keeps `files: ^(src/|testing/)`" in (
        step.actions
    )
    # --remove is what UP009 does: nothing to report about it.
    assert not any("--remove" in line for line in step.actions)


def test_keep_superseded_names_each_and_the_conflicting_pair() -> None:
    step = _plan(PYTEST, replace=False)
    assert step.config_text.startswith(PYTEST)
    kept = [line for line in step.notes if "supersedes: --keep-superseded;" in line]
    assert len(kept) == 6
    assert kept[0] == (
        ".pre-commit-config.yaml: kept `black` (https://github.com/psf/black), which the "
        "bundle's `ruff-format` supersedes: --keep-superseded; hint: run adopt without it to "
        "replace it"
    )
    # mirrors-mypy kept: the bundle's mypy is not added beside it, so no second mypy runs.
    assert "      - id: mypy\n" not in step.config_text.removeprefix(PYTEST)
    conflicts = [line for line in step.notes if "conflict:" in line]
    assert conflicts == [
        (
            ".pre-commit-config.yaml: conflict: `black` (https://github.com/psf/black) and the "
            "bundle's `ruff-format` undo each other: the two formatters disagree on some code, so "
            "each rewrites the other's output; hint: remove one of the two"
        ),
        (
            ".pre-commit-config.yaml: conflict: `reorder-python-imports` (https://github.com/"
            "asottile/reorder_python_imports) and the bundle's `ruff-check` undo each other: the "
            "two sort imports differently, so each rewrites the other's order; hint: remove one of "
            "the two"
        ),
    ]


@pytest.mark.parametrize(
    ("readme", "on_ci"),
    [
        ("[![pre-commit.ci](https://results.pre-commit.ci/badge/github/o/r/main.svg)]", True),
        ("# r\n", False),
    ],
)
def test_a_readme_badge_means_pre_commit_ci(readme: str, on_ci: bool) -> None:
    step = _plan("repos: []\n", readmes=(readme,))
    assert step.on_ci is on_ci
    assert step.config_text.endswith("ci:\n  skip: [mypy]\n") is on_ci


#: annotated-types 0.8.0 declares `repository` in [project], which PEP 621 does not have.
INVALID = (
    '[project]\nname = "annotated-types"\ndynamic = ["version"]\n'
    'repository = "https://example.org"\n'
)


@pytest.mark.parametrize(
    ("pyproject", "added"),
    [
        pytest.param(INVALID, False, id="invalid-left-out-and-said"),
        pytest.param('[project]\nname = "acme"\nversion = "1"\n', True, id="valid"),
        pytest.param(None, True, id="none-yet"),
    ],
)
def test_validate_pyproject_is_not_added_to_fail_on_day_one(
    pyproject: str | None, added: bool
) -> None:
    step = plan_config("repos: []\n", pyproject, (), url=URL, rev="v9.9.9", pins=PINS, replace=True)
    assert ("- id: validate-pyproject\n" in step.config_text) is added
    said = [note for note in step.notes if "validate-pyproject refuses it today" in note]
    assert len(said) == (0 if added else 1)
    if said:
        assert said[0].startswith(
            "pyproject.toml: validate-pyproject refuses it today (`project` must not contain "
        )
        assert "hint: fix it" in said[0]


def test_black_stays_while_its_line_length_has_nowhere_to_go() -> None:
    # pyjwt 2.3.0 and pip-tools 6.4.0 have no pyproject.toml; with `--line-length` removing
    # black would let ruff-format rewrap every line at 88.
    text = (
        "repos:\n  - repo: https://github.com/psf/black\n    rev: 21.9b0\n    hooks:\n"
        "      - id: black\n        args: [--line-length=100]\n"
        "  - repo: https://github.com/PyCQA/isort\n    rev: 5.9.3\n    hooks:\n"
        "      - id: isort\n"
    )
    step = _plan(text)
    assert step.config_text.startswith(
        "repos:\n  - repo: https://github.com/psf/black\n    rev: 21.9b0\n    hooks:\n"
        "      - id: black\n        args: [--line-length=100]\n"
        "  # The setsquare bundle"
    )
    assert (
        ".pre-commit-config.yaml: kept `black` (https://github.com/psf/black), which the "
        "bundle's `ruff-format` supersedes: its settings (line-length = 100) have no "
        "pyproject.toml to go to; hint: run `setsquare migrate` first, then adopt again"
    ) in step.notes
    assert any(line.startswith("conflict: `black`", 25) for line in step.notes)
    # isort has nothing to carry: it goes.
    assert any("removed `isort`" in line for line in step.actions)


def test_black_with_only_a_target_version_goes_without_pyproject() -> None:
    # pyjwt 2.3.0: `args: ["--target-version=py36"]`, which changes no line ruff-format writes.
    text = (
        "repos:\n  - repo: https://github.com/psf/black\n    rev: 21.9b0\n    hooks:\n"
        '      - id: black\n        args: ["--target-version=py36"]\n'
    )
    step = _plan(text)
    assert step.config_text.startswith("repos:\n  # The setsquare bundle")
    assert any("removed `black`" in line for line in step.actions)


#: The bundle added by hand (or by an adopt run with --keep-superseded) beside black,
#: which stays off docs/: removing black must not widen what `ruff-format` touches.
PRESENT = """\
repos:
  - repo: https://github.com/psf/black
    rev: 21.5b2
    hooks:
      - id: black
        exclude: ^docs/  # their examples
  - repo: https://github.com/pycqa/isort
    rev: 5.10.1
    hooks:
      - id: isort
        files: ^src/
  - repo: https://github.com/setsquare-dev/setsquare
    rev: v9.9.9
    hooks:
      - id: ruff-check  # lint
        files: ^lib/
      - id: ruff-format
      - {id: check-legacy-config}
"""


def test_a_present_bundle_takes_over_the_scope_of_the_hooks_it_replaces() -> None:
    step = _plan(PRESENT)
    assert step.config_text == (
        "repos:\n"
        "  - repo: https://github.com/setsquare-dev/setsquare\n"
        "    rev: v9.9.9\n"
        "    hooks:\n"
        "      - id: ruff-check  # lint\n"
        "        files: ^lib/\n"
        "      - id: ruff-format\n"
        "        exclude: ^docs/\n"
        "      - {id: check-legacy-config}\n"
    )
    assert ".pre-commit-config.yaml: the bundle's `ruff-format` keeps `exclude: ^docs/`" in (
        step.actions
    )
    # Their own `files:` on ruff-check stays; isort's is named, not merged in.
    assert (
        ".pre-commit-config.yaml: the bundle's `ruff-check` keeps its own `files:`; the hook "
        "it replaced had `files: ^src/`; hint: merge the two by hand"
    ) in step.notes
    # A second run finds nothing to carry.
    again = _plan(step.config_text)
    assert again.config_text == step.config_text
    assert not [line for line in again.actions if "keeps" in line]


def test_a_present_bundle_without_the_hook_is_told_not_edited() -> None:
    text = PRESENT.replace("      - id: ruff-format\n", "")
    step = _plan(text)
    assert "      - id: ruff-format\n" not in step.config_text
    assert any("does not run `ruff-format`" in note for note in step.notes)
