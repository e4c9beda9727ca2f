"""Superseded hooks: which are found, and how they leave the config byte for byte."""

from __future__ import annotations

import pytest
import yaml
from packaging.version import Version

from setsquare.adopt.superseded import SUPERSEDED, find, repo_name
from setsquare.adopt.superseded_config import conflicts, plan
from setsquare.adopt.superseded_edit import remove_hooks
from setsquare.adopt.yaml_source import load
from setsquare.checks.pins import bundle_pins

PINS = {"ruff": Version("0.17.6"), "mypy": Version("2.4.1")}


def _found(text: str) -> list[tuple[str, str]]:
    repos = yaml.safe_load(text)["repos"]
    return [(f.hook_id, f.replacement.bundle_hook) for f in find(repos, PINS)]


def repo(url: str, rev: str, *hooks: str) -> str:
    lines = [f"  - repo: {url}", f"    rev: {rev}", "    hooks:"]
    lines += [f"      - id: {hook}" for hook in hooks]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "repos:\n" + repo("https://github.com/psf/black", "21.9b0", "black"),
            [("black", "ruff-format")],
            id="black",
        ),
        pytest.param(
            "repos:\n" + repo("https://github.com/psf/black-pre-commit-mirror", "26.1.0", "black"),
            [("black", "ruff-format")],
            id="black-mirror",
        ),
        pytest.param(
            "repos:\n" + repo("git@github.com:PyCQA/isort.git", "5.9.3", "isort"),
            [("isort", "ruff-check")],
            id="isort-ssh-url-any-case",
        ),
        pytest.param(
            "repos:\n"
            + repo(
                "https://github.com/asottile/reorder_python_imports",
                "v2.6.0",
                "reorder-python-imports",
            ),
            [("reorder-python-imports", "ruff-check")],
            id="reorder-python-imports-old-repo-name",
        ),
        pytest.param(
            "repos:\n"
            + repo(
                "https://github.com/pre-commit/pre-commit-hooks",
                "v4.0.1",
                "trailing-whitespace",
                "flake8",
                "fix-encoding-pragma",
            ),
            [("flake8", "ruff-check"), ("fix-encoding-pragma", "ruff-check")],
            id="pre-commit-hooks-old-flake8-and-pragma-only",
        ),
        pytest.param(
            "repos:\n" + repo("https://github.com/astral-sh/ruff-pre-commit", "v0.17.6", "ruff"),
            [],
            id="ruff-pre-commit-at-the-bundles-version-is-kept",
        ),
        pytest.param(
            "repos:\n"
            + repo(
                "https://github.com/astral-sh/ruff-pre-commit", "v0.15.6", "ruff", "ruff-format"
            ),
            [("ruff", "ruff-check"), ("ruff-format", "ruff-format")],
            id="ruff-pre-commit-at-another-version",
        ),
        pytest.param(
            "repos:\n" + repo("https://github.com/pre-commit/mirrors-mypy", "v2.4.1", "mypy"),
            [("mypy", "mypy")],
            id="mirrors-mypy-even-at-the-same-version",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks:\n  - id: black\n    name: black\n"
            "    entry: black\n    language: system\n",
            [],
            id="a-local-hook-called-black-is-the-users-own",
        ),
        pytest.param(
            "repos:\n" + repo("https://github.com/asottile/blacken-docs", "1.12.0", "blacken-docs"),
            [],
            id="blacken-docs-formats-docs-not-superseded",
        ),
    ],
)
def test_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_the_table_names_only_bundle_hooks() -> None:
    from setsquare.adopt.precommit_config import BUNDLE_HOOKS

    assert {r.bundle_hook for r in SUPERSEDED.values()} <= set(BUNDLE_HOOKS)
    assert all(r.why for r in SUPERSEDED.values())
    assert all(name == name.lower() and name.count("/") == 1 for name, _ in SUPERSEDED)


def test_the_pins_are_the_bundles() -> None:
    # The table's ruff-pre-commit rule compares against these: the real ones.
    assert set(bundle_pins()) == {"ruff", "mypy"}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://github.com/PyCQA/isort", "pycqa/isort"),
        ("https://github.com/psf/black.git/", "psf/black"),
        ("git@github.com:psf/black.git", "psf/black"),
        ("git://github.com/pre-commit/pre-commit-hooks", "pre-commit/pre-commit-hooks"),
        ("https://gitlab.com/pycqa/flake8", "pycqa/flake8"),
        ("local", ""),
    ],
)
def test_repo_name(url: str, name: str) -> None:
    assert repo_name(url) == name


def test_fix_encoding_pragma_with_remove_agrees_with_up009() -> None:
    base = "repos:\n" + repo(
        "https://github.com/pre-commit/pre-commit-hooks", "v4.0.1", "fix-encoding-pragma"
    )
    (adds,) = find(yaml.safe_load(base)["repos"], PINS)
    (removes,) = find(yaml.safe_load(base + "        args: [--remove]\n")["repos"], PINS)
    assert "UP009 removes" in adds.undoes
    assert removes.undoes == ""


BLACK = """\
  - repo: https://github.com/psf/black
    rev: 21.9b0
    hooks:
      - id: black
        args: [--safe]  # black's own check
"""
HYGIENE = """\
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.0.1
    hooks:
      - id: trailing-whitespace
      - id: fix-encoding-pragma
        # Python 2 is gone
        args: [--remove]
      - id: check-yaml
"""
LOCAL = """\
  - repo: local
    hooks:
      - id: rst
        name: rst
        entry: rst-lint
        language: python
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"repos:\n{BLACK}{LOCAL}", f"repos:\n{LOCAL}", id="first-repo"),
        pytest.param(f"repos:\n{LOCAL}{BLACK}", f"repos:\n{LOCAL}", id="last-repo"),
        pytest.param(
            f"repos:\n{LOCAL}\n{BLACK}\n{LOCAL}", f"repos:\n{LOCAL}\n{LOCAL}", id="blank-separated"
        ),
        pytest.param(f"repos:\n{BLACK}\n{LOCAL}", f"repos:\n{LOCAL}", id="first-then-blank-line"),
        pytest.param(
            f"repos:\n{LOCAL}\n{BLACK}", f"repos:\n{LOCAL}", id="last-after-blank-line-ends-file"
        ),
        pytest.param(
            f"repos:\n{LOCAL}\n{BLACK}\nci:\n  autofix_prs: false\n",
            f"repos:\n{LOCAL}\nci:\n  autofix_prs: false\n",
            id="last-before-another-key",
        ),
        pytest.param(
            f"repos:\n{LOCAL}  # formatting\n{BLACK}",
            f"repos:\n{LOCAL}  # formatting\n",
            id="comment-above-stays",
        ),
        pytest.param(
            f"repos:\n{HYGIENE}",
            "repos:\n"
            "  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
            "    rev: v4.0.1\n"
            "    hooks:\n"
            "      - id: trailing-whitespace\n"
            "      - id: check-yaml\n",
            id="one-hook-of-a-repo-with-its-comment",
        ),
        pytest.param(
            f"repos:\n{LOCAL}{BLACK}".replace("\n", "\r\n"),
            f"repos:\n{LOCAL}".replace("\n", "\r\n"),
            id="crlf",
        ),
        pytest.param(
            f"repos:\n{LOCAL}{BLACK}".rstrip("\n"), f"repos:\n{LOCAL}", id="no-final-newline"
        ),
        pytest.param(
            "repos:\n-   repo: https://github.com/ambv/black\n    rev: 21.7b0\n    hooks:\n"
            "    -   id: black\n        args: [--safe, --quiet]\n-   repo: meta\n"
            "    hooks:\n    -   id: identity\n",
            "repos:\n-   repo: meta\n    hooks:\n    -   id: identity\n",
            id="pluggy-style-four-space-dashes",
        ),
        pytest.param(
            "repos:\n- repo: https://github.com/myint/autoflake.git\n  rev: v1.4\n  hooks:\n"
            "  - id: autoflake\n    args: [\n      --in-place,\n      --remove-all-unused-imports,"
            "\n    ]\n\n- repo: meta\n  hooks:\n  - id: identity\n",
            "repos:\n- repo: meta\n  hooks:\n  - id: identity\n",
            id="configupdater-style-multi-line-flow-args",
        ),
        pytest.param(
            "repos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n"
            "        entry: |\n          multi\n          line\n        language: fail\n" + BLACK,
            "repos:\n  - repo: local\n    hooks:\n      - id: x\n        name: x\n"
            "        entry: |\n          multi\n          line\n        language: fail\n",
            id="after-a-block-scalar",
        ),
        pytest.param(
            "repos:\n  - repo: https://github.com/psf/black\n    rev: 1\n    hooks:\n"
            "      - id: black\n        entry: |\n          black\n\n",
            "repos:\n",
            id="block-scalar-last",
        ),
    ],
)
def test_remove(text: str, expected: str) -> None:
    data = load(text, "c.yaml").data
    targets = [(f.repo_index, f.hook_index) for f in find(data["repos"], PINS)]
    removal = remove_hooks(text, "c.yaml", targets)
    assert removal.text == expected
    assert removal.kept == {}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(
            "repos:\n  - repo: https://github.com/psf/black\n    rev: 1\n"
            "    hooks: [{id: black}]\n  - repo: https://github.com/PyCQA/isort\n    rev: 1\n"
            "    hooks: [{id: isort}, {id: x}]\n",
            "flow list",
            id="flow-hooks",
        ),
        pytest.param(
            "repos:\n  - repo: https://github.com/psf/black\n    rev: 1\n    hooks:\n"
            "      - &fmt {id: black}\n  - repo: local\n    hooks:\n      - id: y\n"
            "        name: y\n        entry: y\n        language: fail\n",
            "anchor or alias",
            id="anchor-inside",
        ),
    ],
)
def test_what_cannot_be_removed_as_text_is_kept_with_a_reason(text: str, reason: str) -> None:
    data = load(text, "c.yaml").data
    found = find(data["repos"], PINS)
    removal = remove_hooks(text, "c.yaml", [(f.repo_index, f.hook_index) for f in found])
    assert removal.kept
    assert all(reason in why for why in removal.kept.values())
    if len(removal.kept) == len(found):
        assert removal.text == text


def test_carried_scope() -> None:
    text = (
        "repos:\n"
        "  - repo: https://github.com/psf/black\n    rev: 1\n    hooks:\n"
        "      - id: black\n        exclude: ^docs/\n        types: [python]\n"
        "  - repo: https://github.com/PyCQA/isort\n    rev: 1\n    hooks:\n"
        "      - id: isort\n        exclude: ^vendor/\n        files: ^src/\n"
        "  - repo: https://github.com/PyCQA/flake8\n    rev: 1\n    hooks:\n"
        "      - id: flake8\n        exclude: ^vendor/\n"
    )
    result = plan(text, "c.yaml", pins=PINS, replace=True)
    assert result.text == "repos:\n"
    assert result.hook_keys == {
        "ruff-format": {"exclude": "^docs/", "types": ["python"]},
        # isort kept src/ in and flake8 did not: one `files:` cannot say both.
        "ruff-check": {"exclude": "^vendor/"},
    }
    (line,) = result.uncarried
    assert line.startswith("ruff-check: the `files:` of isort, flake8 differ")
    assert "hint: " in line


def test_excludes_that_differ_are_joined() -> None:
    text = (
        "repos:\n"
        "  - repo: https://github.com/PyCQA/isort\n    rev: 1\n    hooks:\n"
        "      - id: isort\n        exclude: ^a/\n"
        "  - repo: https://github.com/PyCQA/flake8\n    rev: 1\n    hooks:\n"
        "      - id: flake8\n        exclude: ^b/\n"
    )
    result = plan(text, "c.yaml", pins=PINS, replace=True)
    assert result.hook_keys == {"ruff-check": {"exclude": "(?:^a/)|(?:^b/)"}}


def test_keep_finds_and_names_the_pairs_that_undo_each_other() -> None:
    text = (
        "repos:\n"
        + repo("https://github.com/psf/black", "1", "black")
        + repo("https://github.com/PyCQA/flake8", "1", "flake8")
    )
    result = plan(text, "c.yaml", pins=PINS, replace=False)
    assert result.text == text
    assert [hook.hook_id for hook, _ in result.kept] == ["black", "flake8"]
    (line,) = conflicts(result.kept, {"ruff-format", "ruff-check"})
    assert line.startswith(
        "conflict: `black` (https://github.com/psf/black) and the bundle's `ruff-format` "
        "undo each other: the two formatters disagree"
    )
    # flake8 beside ruff-check only checks twice; black without ruff-format undoes nothing.
    assert conflicts(result.kept, {"ruff-check"}) == []
