"""What --verify accepts as the same METADATA, and what it reports."""

from __future__ import annotations

import pytest

from setsquare.migrate.compare import Artifacts, compare_artifacts, compare_metadata

BEFORE = """\
Metadata-Version: 2.1
Name: acme
Version: 1.0
Summary: Widgets
Home-page: https://example.org
Download-URL: https://example.org/dl
Author: Ada, Bob
Author-email: ada@example.org, bob@example.org
License: MIT
Project-URL: Source, https://example.org/src
Classifier: License :: OSI Approved :: MIT License
Classifier: Topic :: Utilities
Requires-Python: >=3.8
Requires-Dist: click>=8
Requires-Dist: pyyaml; extra == "yaml"
Provides-Extra: yaml
License-File: LICENSE

Readme text.
"""

AFTER = """\
Metadata-Version: 2.4
Name: acme
Version: 1.0
Summary: Widgets
Author-email: Ada <ada@example.org>, Bob <bob@example.org>
License-Expression: MIT
Project-URL: Homepage, https://example.org
Project-URL: Download, https://example.org/dl
Project-URL: Source, https://example.org/src
Classifier: Topic :: Utilities
Requires-Python: >=3.8
Description-Content-Type: text/x-rst
Requires-Dist: click>=8
Requires-Dist: pyyaml; extra == "yaml"
Provides-Extra: yaml
License-File: LICENSE
Dynamic: license-file

Readme text.
"""


def test_known_equivalent_spellings_are_the_same() -> None:
    assert compare_metadata(BEFORE, AFTER) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("Version: 1.0", "Version: 1.1", "Version: ['1.0'] before, ['1.1'] after"),
        (
            "Requires-Dist: click>=8",
            "Requires-Dist: click>=7",
            (
                "Requires-Dist: ['click>=8', 'pyyaml; extra == \"yaml\"'] before, "
                "['click>=7', 'pyyaml; extra == \"yaml\"'] after"
            ),
        ),
        (
            "Provides-Extra: yaml",
            "Provides-Extra: testing",
            "Provides-Extra: ['yaml'] before, ['testing'] after",
        ),
        (
            "Summary: Widgets",
            "Summary: Gadgets",
            "Summary: ['Widgets'] before, ['Gadgets'] after",
        ),
        (
            "License-Expression: MIT",
            "License-Expression: Apache-2.0",
            "License: 'MIT' before, 'Apache-2.0' after",
        ),
        (
            "Description-Content-Type: text/x-rst",
            "Description-Content-Type: text/markdown",
            "Description-Content-Type: ['text/x-rst'] before, ['text/markdown'] after",
        ),
        (
            "Author-email: Ada <ada@example.org>, Bob <bob@example.org>",
            "Author-email: Ada <ada@example.org>",
            (
                "Author (names, e-mails): (['Ada', 'Bob'], ['ada@example.org', 'bob@example.org'])"
                " before, (['Ada'], ['ada@example.org']) after"
            ),
        ),
        ("Readme text.", "Other text.", "Description: 'Readme text.' before, 'Other text.' after"),
    ],
)
def test_real_differences_are_reported(old: str, new: str, problem: str) -> None:
    assert old in AFTER
    after = AFTER.replace(old, new)
    assert compare_metadata(BEFORE, after) == [problem]


def test_file_lists_and_entry_points() -> None:
    before = Artifacts(
        BEFORE,
        "[console_scripts]\nacme = acme:main\n",
        frozenset({"a.py"}),
        frozenset({"setup.cfg", "a.py"}),
    )
    same = Artifacts(
        AFTER,
        "[console_scripts]\nacme=acme:main\n",
        frozenset({"a.py"}),
        frozenset({"setup.cfg", "a.py", "pyproject.toml"}),
    )
    assert compare_artifacts(before, same, sdist_allowed={"pyproject.toml"}) == []
    other = Artifacts(AFTER, "", frozenset({"b.py"}), frozenset({"a.py"}))
    assert compare_artifacts(before, other, sdist_allowed=set()) == [
        "entry points: {'console_scripts': {'acme': 'acme:main'}} before, {} after",
        "wheel lost a.py",
        "wheel gained b.py",
        "sdist lost setup.cfg",
    ]


@pytest.mark.parametrize(
    ("wheel", "sdist", "problems"),
    [
        pytest.param(
            set(), {"acme.egg-info/not-zip-safe"}, [], id="sdist-egg-info-not-zip-safe-goes"
        ),
        pytest.param(
            {"acme-1.0.dist-info/zip-safe"},
            {"acme.egg-info/zip-safe"},
            [],
            id="wheel-and-sdist-zip-safe-go",
        ),
        pytest.param(
            set(),
            {"acme.egg-info/not-zip-safe.txt"},
            ["sdist lost acme.egg-info/not-zip-safe.txt"],
            id="a-file-only-named-alike-is-a-difference",
        ),
        pytest.param(
            {"acme/zip-safe"}, set(), ["wheel lost acme/zip-safe"], id="a-package-file-is-no-flag"
        ),
    ],
)
def test_only_the_obsolete_zip_safe_flag_files_may_differ(
    wheel: set[str], sdist: set[str], problems: list[str]
) -> None:
    # setuptools writes them for zip_safe, which the migration drops as obsolete.
    before = Artifacts(BEFORE, "", frozenset({"a.py", *wheel}), frozenset({"a.py", *sdist}))
    after = Artifacts(BEFORE, "", frozenset({"a.py"}), frozenset({"a.py"}))
    assert compare_artifacts(before, after, sdist_allowed=set()) == problems
    # and the other way round: a migration that adds a flag back is not a difference either
    gained = [p.replace("lost", "gained") for p in problems]
    assert compare_artifacts(after, before, sdist_allowed=set()) == gained
