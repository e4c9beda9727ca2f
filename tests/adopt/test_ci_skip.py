"""pre-commit.ci gets `ci: skip` for the bundle hooks that need the project's environment."""

from __future__ import annotations

import pytest
import yaml

from setsquare.adopt.ci_skip import NEEDS_PROJECT_ENV, add_skip, on_precommit_ci
from setsquare.adopt.precommit_config import BUNDLE_HOOKS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # attrs 26.1.0's config opens like this.
            "ci:\n  autoupdate_schedule: monthly\n\nrepos:\n  - repo: meta\n    hooks:\n"
            "      - id: identity\n",
            "ci:\n  autoupdate_schedule: monthly\n  skip: [mypy]\n\nrepos:\n  - repo: meta\n"
            "    hooks:\n      - id: identity\n",
            id="ci-first-new-skip-key",
        ),
        pytest.param(
            'repos: []\nci:\n  autoupdate_commit_msg: "chore: x"  # ours\n',
            'repos: []\nci:\n  autoupdate_commit_msg: "chore: x"  # ours\n  skip: [mypy]\n',
            id="ci-last-comment-kept",
        ),
        pytest.param(
            "repos: []\nci:\n    skip: [pylint]\n    autoupdate_schedule: monthly\n",
            "repos: []\nci:\n    skip: [pylint, mypy]\n    autoupdate_schedule: monthly\n",
            id="flow-skip-list",
        ),
        pytest.param(
            "repos: []\nci:\n  skip: []\n",
            "repos: []\nci:\n  skip: [mypy]\n",
            id="empty-flow-skip-list",
        ),
        pytest.param(
            "repos: []\nci:\n  skip:\n  - pylint  # needs the env\n  autofix_prs: false\n",
            "repos: []\nci:\n  skip:\n  - pylint  # needs the env\n  - mypy\n"
            "  autofix_prs: false\n",
            id="block-skip-list",
        ),
        pytest.param(
            "repos: []\nci: {autoupdate_schedule: monthly}\n",
            "repos: []\nci: {autoupdate_schedule: monthly, skip: [mypy]}\n",
            id="flow-ci-mapping",
        ),
        pytest.param("repos: []\n", "repos: []\nci:\n  skip: [mypy]\n", id="no-ci-key-badge-only"),
        pytest.param(
            "repos: []", "repos: []\nci:\n  skip: [mypy]\n", id="no-ci-key-no-final-newline"
        ),
        pytest.param(
            "repos: []\r\nci:\r\n  autoupdate_schedule: monthly\r\n",
            "repos: []\r\nci:\r\n  autoupdate_schedule: monthly\r\n  skip: [mypy]\r\n",
            id="crlf",
        ),
        pytest.param(
            "repos: []\nci:\n  skip: [mypy]\n", "repos: []\nci:\n  skip: [mypy]\n", id="already"
        ),
    ],
)
def test_add_skip(text: str, expected: str) -> None:
    change = add_skip(text, "c.yaml", ["mypy"])
    assert change.text == expected
    assert change.added == (() if text == expected else ("mypy",))
    assert change.problem == ""
    assert add_skip(change.text, "c.yaml", ["mypy"]).text == change.text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("repos: []\nci:\n", "`ci:` is empty"),
        ("repos: []\nci: monthly\n", "`ci:` is not a mapping"),
        ("repos: []\nci:\n  skip: mypy\n", "`ci: skip` is not a list"),
        ("x: &s [a]\nrepos: []\nci:\n  skip: *s\n", "anchors or aliases"),
    ],
)
def test_layouts_left_alone_say_why(text: str, problem: str) -> None:
    change = add_skip(text, "c.yaml", ["mypy"])
    assert change.text == text
    assert problem in change.problem


@pytest.mark.parametrize(
    ("config", "readmes", "expected"),
    [
        ({"ci": {"autoupdate_schedule": "monthly"}, "repos": []}, [], True),
        (
            {"repos": []},
            ["[![pre-commit.ci status](https://results.pre-commit.ci/badge/...)]"],
            True,
        ),
        ({"repos": []}, ["# acme\n\nUses pre-commit.\n"], False),
        (None, [], False),
    ],
)
def test_on_precommit_ci(config: object, readmes: list[str], expected: bool) -> None:
    assert on_precommit_ci(config, readmes) is expected


def test_the_hooks_skipped_are_bundle_hooks_that_use_the_project_environment() -> None:
    from tests.helpers import REPO_ROOT

    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    described = {hook["id"]: hook.get("description", "") for hook in manifest}
    assert set(NEEDS_PROJECT_ENV) <= set(BUNDLE_HOOKS)
    assert all("project's own environment" in described[hook] for hook in NEEDS_PROJECT_ENV)
    # No other hook of the bundle says it needs the project's environment.
    assert {h for h, text in described.items() if "environment" in text} == set(NEEDS_PROJECT_ENV)
