from __future__ import annotations

from typing import Any

import pytest
from packaging.version import Version

from setsquare.checks.pins import bundle_pins, pin_problems

BUNDLE = {"ruff": Version("0.17.6"), "mypy": Version("2.4.1")}


def test_bundle_pins_come_from_setsquare_metadata() -> None:
    assert bundle_pins() == BUNDLE


@pytest.mark.parametrize(
    ("pyproject", "lock", "expected"),
    [
        pytest.param(
            {"dependency-groups": {"lint": ["ruff==0.17.6", "mypy==2.4.1"]}}, None, [], id="same"
        ),
        pytest.param({"dependency-groups": {"dev": ["ruff>=0.5"]}}, None, [], id="range-admits"),
        pytest.param(
            {"dependency-groups": {"dev": ["ruff==0.15.0", {"include-group": "x"}]}},
            None,
            [
                (
                    "pyproject.toml [dependency-groups].dev: `ruff==0.15.0` excludes ruff 0.17.6, "
                    "the version the setsquare bundle runs"
                )
            ],
            id="group-pin",
        ),
        pytest.param(
            {"project": {"optional-dependencies": {"lint": ["mypy<2"]}}},
            None,
            [
                (
                    "pyproject.toml [project.optional-dependencies].lint: `mypy<2` excludes "
                    "mypy 2.4.1, the version the setsquare bundle runs"
                )
            ],
            id="extra-pin",
        ),
        pytest.param(
            {"tool": {"uv": {"dev-dependencies": ["ruff~=0.16.0"]}}},
            None,
            [
                (
                    "pyproject.toml [tool.uv].dev-dependencies: `ruff~=0.16.0` excludes "
                    "ruff 0.17.6, the version the setsquare bundle runs"
                )
            ],
            id="uv-dev-dependencies",
        ),
        pytest.param(
            {},
            {
                "package": [
                    {"name": "ruff", "version": "0.18.0"},
                    {"name": "mypy", "version": "2.4.1"},
                ]
            },
            ["uv.lock: locks ruff 0.18.0, but the setsquare bundle runs ruff 0.17.6"],
            id="lock-drift",
        ),
    ],
)
def test_pin_problems(
    pyproject: dict[str, Any], lock: dict[str, Any] | None, expected: list[str]
) -> None:
    assert [p.render() for p in pin_problems(pyproject, lock, BUNDLE)] == expected
