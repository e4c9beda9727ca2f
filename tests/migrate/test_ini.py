from __future__ import annotations

import pytest

from setsquare.errors import InputError
from setsquare.migrate.ini import IniLine, parse_ini

SETUP_CFG = """\
# header comment

[metadata]
# the distribution name
name = demo
url = https://example.org/?a=1&b=%%2

[options]
install_requires =
    requests>=2  # inline stays in the line
    # pinned because of bug 12
    click<9
"""


def test_options_keep_lines_and_comments() -> None:
    parsed = parse_ini(SETUP_CFG, "setup.cfg")
    assert parsed.header_comments == ("header comment",)
    metadata = parsed.section("metadata")
    assert metadata is not None
    name = metadata.get("name")
    assert name is not None
    assert (name.value, name.line, name.comments) == ("demo", 5, ("the distribution name",))
    # Raw value: interpolation (%% -> %) is the consumer's business, as in each tool.
    url = metadata.get("url")
    assert url is not None
    assert url.value == "https://example.org/?a=1&b=%%2"
    options = parsed.section("options")
    assert options is not None
    requires = options.get("install_requires")
    assert requires is not None
    assert requires.lines == (
        IniLine("requests>=2  # inline stays in the line", 10),
        IniLine("click<9", 12, ("pinned because of bug 12",)),
    )
    assert parsed.section("missing") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[a]\nx = 1\nx = 2\n", "setup.cfg:3: option `x` appears twice in section [a]"),
        ("x = 1\n", "setup.cfg:1: text before the first [section] header: 'x = 1'"),
        ("[a]\n[a]\n", "setup.cfg:2: section [a] appears twice"),
        ("[a]\nx = 1\nnot an option\n", "setup.cfg:3: cannot parse 'not an option'"),
    ],
)
def test_malformed_files_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        parse_ini(text, "setup.cfg")
    assert excinfo.value.message == message
    assert excinfo.value.hint
