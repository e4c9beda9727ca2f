"""The bundle's hooks carry the scope of the hooks they replace, written so YAML reads it back."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from setsquare.adopt.precommit_config import BUNDLE_HOOKS, add_bundle

URL = "https://github.com/setsquare-dev/setsquare"


@pytest.mark.parametrize(
    ("keys", "lines"),
    [
        pytest.param({"exclude": "^docs/_static"}, ["exclude: ^docs/_static"], id="plain"),
        pytest.param(
            # humanize 4.17.0's trailing-whitespace exclude, backslashes and all.
            {"exclude": r"\.github/ISSUE_TEMPLATE\.md|\.github/PULL_REQUEST_TEMPLATE\.md"},
            [r"exclude: \.github/ISSUE_TEMPLATE\.md|\.github/PULL_REQUEST_TEMPLATE\.md"],
            id="backslashes-stay-plain",
        ),
        pytest.param({"exclude": "^(a|b) #x"}, ["exclude: '^(a|b) #x'"], id="comment-sign-quoted"),
        pytest.param({"files": "[ab]/"}, ["files: '[ab]/'"], id="flow-indicator-quoted"),
        pytest.param({"exclude": "it's"}, ["exclude: it's"], id="apostrophe-inside"),
        pytest.param({"exclude": "'x': y"}, ["exclude: '''x'': y'"], id="apostrophe-quoted"),
        pytest.param(
            {"exclude": "(?x)^(\n  a\n  |b\n)$\n"},
            [r'exclude: "(?x)^(\n  a\n  |b\n)$\n"'],
            id="verbose-regex-on-one-line",
        ),
        pytest.param(
            {"types": ["python"], "types_or": ["python", "pyi"]},
            ["types: [python]", "types_or: [python, pyi]"],
            id="lists-in-flow-style",
        ),
        pytest.param({"files": "yes"}, ["files: 'yes'"], id="would-read-as-bool"),
    ],
)
def test_hook_keys_written_and_read_back(keys: dict[str, Any], lines: list[str]) -> None:
    change = add_bundle("repos: []\n", "c.yaml", rev="v1", hook_keys={"ruff-format": keys})
    extra = "".join(f"        {line}\n" for line in lines)
    assert f"      - id: ruff-format\n{extra}      - id: mypy\n" in change.text
    (bundle,) = yaml.safe_load(change.text)["repos"]
    assert bundle["hooks"][BUNDLE_HOOKS.index("ruff-format")] == {"id": "ruff-format", **keys}


def test_keys_for_a_hook_not_added_are_not_written() -> None:
    text = (
        "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.17.6\n"
        "    hooks:\n      - id: ruff-format\n"
    )
    change = add_bundle(text, "c.yaml", rev="v1", hook_keys={"ruff-format": {"exclude": "x"}})
    assert "exclude" not in change.text.removeprefix(text)
    assert "ruff-format" not in change.added


def test_leave_out() -> None:
    change = add_bundle("repos: []\n", "c.yaml", rev="v1", leave_out=("validate-pyproject",))
    assert change.added == tuple(h for h in BUNDLE_HOOKS if h != "validate-pyproject")
    assert URL in change.text
