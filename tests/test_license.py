"""setsquare's own LICENSE is the full MIT text the template gives every MIT project."""

from __future__ import annotations

from tests.helpers import REPO_ROOT


def test_license_is_the_complete_mit_text() -> None:
    ours = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    template = (REPO_ROOT / "partials" / "licenses" / "MIT.txt").read_text(encoding="utf-8")
    expected = template.replace("{{ author_name }}", "2026 The setsquare developers")
    assert ours == expected
    assert "Permission is hereby granted" in ours
