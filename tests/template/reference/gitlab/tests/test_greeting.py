from __future__ import annotations

import pytest

import acme_widgets
from acme_widgets import greet


def test_version_is_a_string() -> None:
    assert isinstance(acme_widgets.__version__, str)


@pytest.mark.parametrize(
    ("name", "excited", "expected"),
    [
        ("world", False, "Hello, world."),
        ("  world ", False, "Hello, world."),
        ("world", True, "Hello, world!"),
    ],
)
def test_greet(name: str, *, excited: bool, expected: str) -> None:
    assert greet(name, excited=excited) == expected


def test_greet_rejects_an_empty_name() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        greet("   ")
