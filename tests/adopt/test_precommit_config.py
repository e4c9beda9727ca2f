from __future__ import annotations

import pytest
import yaml

from setsquare.adopt.precommit_config import BUNDLE_HOOKS, add_bundle
from setsquare.errors import InputError

HOOKS = "\n".join(f"      - id: {h}" for h in BUNDLE_HOOKS)
ENTRY = f"""\
  # The setsquare bundle: the quality gate from one repo at one rev.
  - repo: https://github.com/setsquare-dev/setsquare
    rev: v9.9.9
    hooks:
{HOOKS}
"""

COMMENTED = """\
# Team hooks: keep this comment.
default_stages: [pre-commit]
repos:
  # Our own checks
  - repo: local
    hooks:
      - id: no-todo  # trailing comment
        name: no TODO
        entry: TODO
        language: pygrep

# Settings after the list stay after it.
fail_fast: false
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", f"repos:\n{ENTRY}", id="new-file"),
        pytest.param("repos: []\n", f"repos:\n{ENTRY}", id="empty-list"),
        pytest.param(
            "fail_fast: true\nrepos: []\n", f"fail_fast: true\nrepos:\n{ENTRY}", id="flow-list"
        ),
        pytest.param(
            COMMENTED,
            COMMENTED.replace("\n# Settings", f"{ENTRY}\n# Settings"),
            id="merge-keeps-comments-and-order",
        ),
    ],
)
def test_add_bundle(text: str, expected: str) -> None:
    change = add_bundle(text, ".pre-commit-config.yaml", rev="v9.9.9")
    assert change.text == expected
    assert change.added == BUNDLE_HOOKS
    yaml.safe_load(change.text)


def test_zero_indent_lists_keep_their_style() -> None:
    text = (
        "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n"
        "    language: fail\n"
    )
    change = add_bundle(text, "c.yaml", rev="v1")
    assert change.text.startswith(text)
    assert "\n# The setsquare bundle" in change.text
    assert "\n- repo: https://github.com/setsquare-dev/setsquare\n  rev: v1\n" in change.text
    assert len(yaml.safe_load(change.text)["repos"]) == 2


def test_noop_when_the_bundle_is_there() -> None:
    once = add_bundle(COMMENTED, "c.yaml", rev="v1").text
    again = add_bundle(once, "c.yaml", rev="v2")
    assert again.text == once
    assert again.bundle_present


def test_hooks_other_repos_provide_are_not_doubled() -> None:
    text = (
        "repos:\n"
        "  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
        "    rev: v6.0.0\n"
        "    hooks:\n"
        "      - id: trailing-whitespace\n"
        "  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
        "    rev: v0.17.6\n"
        "    hooks:\n"
        "      - id: ruff\n"
    )
    change = add_bundle(text, "c.yaml", rev="v1")
    assert "trailing-whitespace" not in change.added
    assert "ruff-check" not in change.added
    assert change.already_provided == {
        "trailing-whitespace": "https://github.com/pre-commit/pre-commit-hooks",
        "ruff-check": "https://github.com/astral-sh/ruff-pre-commit",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("repos:\n  - repo: x\n   bad: [\n", ".pre-commit-config.yaml:3: invalid YAML"),
        ("- just\n- a list\n", ".pre-commit-config.yaml: is not a pre-commit configuration"),
        ("repos: 3\n", ".pre-commit-config.yaml: is not a pre-commit configuration"),
    ],
)
def test_broken_config_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        add_bundle(text, ".pre-commit-config.yaml", rev="v1")
    assert excinfo.value.message.startswith(message)
    assert excinfo.value.hint
