from __future__ import annotations

import json
import subprocess

import pytest

from setsquare.migrate.tools import ruff_rules
from tests.helpers import tool


def test_rule_table_matches_the_installed_ruff() -> None:
    """ruff_rules.txt is regenerated whenever the pinned Ruff moves (`ruff rule --all`)."""
    shown = subprocess.run(
        [tool("ruff"), "rule", "--all", "--output-format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {rule["code"]: rule["preview"] for rule in json.loads(shown) if rule["code"]}
    assert ruff_rules.rules() == installed


@pytest.mark.parametrize(
    ("selector", "known", "preview_only"),
    [
        ("E", True, False),
        ("E1", True, False),
        ("E2", True, True),
        ("E501", True, False),
        ("E203", True, True),
        ("E12", False, False),
        ("W503", False, False),
        ("B0", True, False),
        ("TID", True, False),
        ("TI", False, False),
        ("PL", True, False),
        ("C", True, False),
    ],
)
def test_selectors(selector: str, known: bool, preview_only: bool) -> None:
    assert (ruff_rules.known(selector), ruff_rules.preview_only(selector)) == (known, preview_only)


def test_ruff_agrees_on_which_selectors_exist(tmp_path: pytest.TempPathFactory) -> None:
    for selector, known in (("E12", False), ("TI", False), ("C", True), ("B0", True)):
        done = subprocess.run(
            [tool("ruff"), "check", "--isolated", "--select", selector, "-"],
            input="x = 1\n",
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode == 0) is known, (selector, done.stderr)
