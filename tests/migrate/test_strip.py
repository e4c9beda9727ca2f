from __future__ import annotations

import pytest

from setsquare.migrate.strip import remove_sections

CFG = """\
# file header

[metadata]
name = a

# about bdist_wheel
[bdist_wheel]
universal = 1
# trailing note of bdist_wheel

[options]
zip_safe = false
"""


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({"nothing"}, CFG),
        (
            {"metadata", "options"},
            (
                "# file header\n\n# about bdist_wheel\n[bdist_wheel]\nuniversal = 1\n"
                "# trailing note of bdist_wheel\n"
            ),
        ),
        (
            {"bdist_wheel"},
            "# file header\n\n[metadata]\nname = a\n\n[options]\nzip_safe = false\n",
        ),
        ({"metadata", "options", "bdist_wheel"}, None),
    ],
)
def test_remove_sections(names: set[str], expected: str | None) -> None:
    assert remove_sections(CFG, names) == expected


def test_crlf_is_kept() -> None:
    text = "[a]\r\nx = 1\r\n[b]\r\ny = 2\r\n"
    assert remove_sections(text, {"a"}) == "[b]\r\ny = 2\r\n"


def test_keep_comments_leaves_a_commented_file() -> None:
    text = "# tox configuration lives in tox.toml now\n\n[flake8]\nmax-line-length = 100\n"
    assert remove_sections(text, {"flake8"}) is None
    assert remove_sections(text, {"flake8"}, keep_comments=True) == (
        "# tox configuration lives in tox.toml now\n"
    )
    assert remove_sections("[flake8]\nx = 1\n", {"flake8"}, keep_comments=True) is None


def test_kept_options_stay_with_their_header() -> None:
    text = (
        "[metadata]\nname = a\n\n[options]\npackages = find:\n"
        "# the old pkg_resources way\nnamespace_packages =\n    ckanext\n    ckanext.x\n"
        "zip_safe = False\n\n[flake8]\nx = 1\n"
    )
    assert remove_sections(
        text, {"metadata", "options"}, keep={"options": {"namespace_packages"}}
    ) == (
        "[options]\n# the old pkg_resources way\nnamespace_packages =\n    ckanext\n"
        "    ckanext.x\n\n[flake8]\nx = 1\n"
    )
    # Only kept options left: the file is not empty, so it is not deleted.
    assert remove_sections(
        "[options]\nnamespace_packages = a\n", {"options"}, keep={"options": {"namespace_packages"}}
    ) == ("[options]\nnamespace_packages = a\n")
