"""A blank line above headers the migration set flush against content, and only there."""

from __future__ import annotations

import pytest

from setsquare.migrate.layout import separate_new_tables


@pytest.mark.parametrize(
    ("original", "text", "expected"),
    [
        pytest.param(
            "",
            "[tool.ruff]\nline-length = 90\n[tool.ruff.lint]\nselect = []\n",
            "[tool.ruff]\nline-length = 90\n\n[tool.ruff.lint]\nselect = []\n",
            id="new-sub-table-after-values",
        ),
        pytest.param(
            "[a]\nk = 1\n[b]\nj = 2\n",
            "[a]\nk = 1\n[b]\nj = 2\n\n[c]\nx = 1\n",
            "[a]\nk = 1\n[b]\nj = 2\n\n[c]\nx = 1\n",
            id="the-users-own-flush-headers-stay",
        ),
        pytest.param(
            "[tool.isort]\nx = 1\n",
            "[tool.new]\n# why\ny = 2\n# about isort\n[tool.isort]\nx = 1\n",
            "[tool.new]\n# why\ny = 2\n\n# about isort\n[tool.isort]\nx = 1\n",
            id="comments-above-a-header-stay-with-it",
        ),
        pytest.param(
            "",
            'a = """\nx\n[not.a.header]\n"""\n',
            'a = """\nx\n[not.a.header]\n"""\n',
            id="a-header-look-alike-in-a-string-is-left",
        ),
        pytest.param(
            "",
            "[[tool.mypy.overrides]]\nmodule = 'a'\n[[tool.mypy.overrides]]\nmodule = 'b'\n",
            "[[tool.mypy.overrides]]\nmodule = 'a'\n\n[[tool.mypy.overrides]]\nmodule = 'b'\n",
            id="array-of-tables",
        ),
    ],
)
def test_separate_new_tables(original: str, text: str, expected: str) -> None:
    assert separate_new_tables(original, text) == expected
    assert separate_new_tables(original, expected) == expected
