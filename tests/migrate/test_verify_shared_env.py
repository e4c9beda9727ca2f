"""When --verify's two builds may share one build environment (pure rules, no builds)."""

from __future__ import annotations

import pytest

from setsquare.commands._shared_env import met, shareable

INSTALLED = {"setuptools": "84.2.1", "wheel": "0.45.1", "setuptools-scm": "9.2.0"}

SHAREABLE = [
    # the migration raises a lower bound: a fresh environment resolves the same
    (["setuptools >= 46.4.0", "wheel"], ["setuptools>=77", "wheel"], True),
    (["setuptools"], ["setuptools>=61"], True),
    (
        ["setuptools>=42", "setuptools_scm[toml]>=3.4.1"],
        ["setuptools>=77", "setuptools-scm[toml]>=5"],
        True,
    ),
    (
        ["setuptools>=56; python_version >= '3.6'", "setuptools; python_version < '3'"],
        ['setuptools>=61; python_version >= "3.6"'],
        True,
    ),
    # the shared environment holds an older release than the new bound asks for
    (["setuptools>=40"], ["setuptools>=90"], False),
    # anything but lower bounds may resolve differently
    (["setuptools<70"], ["setuptools>=61"], False),
    (["setuptools>=61"], ["setuptools>=61,<80"], False),
    (["setuptools==84.2.1"], ["setuptools>=61"], False),
    (["setuptools>=61"], ["setuptools~=84.0"], False),
    (["setuptools>=61"], ["setuptools>=61,!=84.0"], False),
    (["setuptools>=61"], ["setuptools>=85.0b1"], False),
    # a package, or an extra, on one side only
    (["setuptools>=61", "wheel"], ["setuptools>=61"], False),
    (["setuptools>=61"], ["setuptools>=61", "setuptools_scm"], False),
    (["setuptools_scm[toml]>=3"], ["setuptools_scm>=3"], False),
    # what cannot be compared is not shared
    (["setuptools>=61"], ["setuptools @ https://example.org/setuptools.whl"], False),
    (["setuptools>=61"], ["setuptools >= = 61"], False),
    (["setuptools>=40", "setuptools>=60"], ["setuptools>=60"], False),
]


@pytest.mark.parametrize(("first", "second", "expected"), SHAREABLE)
def test_an_environment_is_shared_only_when_a_fresh_one_would_equal_it(
    first: list[str], second: list[str], expected: bool
) -> None:
    assert shareable(first, second, INSTALLED) is expected


def test_the_marker_environment_decides_which_requirements_count() -> None:
    old = {"python_version": "2.7"}
    assert shareable(["setuptools; python_version < '3'"], ["setuptools"], INSTALLED, old)
    assert not shareable(["setuptools; python_version < '3'"], ["setuptools"], INSTALLED)


MET = [
    ([], True),
    (["setuptools>=40.8.0"], True),
    (["Setuptools_SCM>=8"], True),
    (["setuptools>=90"], False),
    (["six"], False),
    (["six; python_version < '3'"], True),  # the marker leaves nothing to install
    (["setuptools_scm[toml]"], False),  # extras may need more than the package
    (["wheel @ https://example.org/wheel.whl"], False),
    (["not a requirement ("], False),
    (["setuptools>=85.0.0rc1"], False),
    (["setuptools>=84.0.0rc1"], True),
]


@pytest.mark.parametrize(("requirements", "expected"), MET)
def test_a_requirement_is_taken_from_the_environment_only_when_installing_changes_nothing(
    requirements: list[str], expected: bool
) -> None:
    assert met(requirements, INSTALLED) is expected
