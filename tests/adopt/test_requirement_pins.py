"""adopt re-pins Ruff and mypy in the requirements files migrate mirrors, as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from packaging.version import Version

from setsquare.adopt.requirement_pins import repin_requirements
from setsquare.main import main

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE = {"mypy": Version("2.4.1"), "ruff": Version("0.15.9")}

#: name, {path: text}, expected {path: text} of the files that change, expected notes
CASES: list[tuple[str, dict[str, str], dict[str, str], list[str]]] = [
    (
        "an-exact-pin-is-re-pinned-comments-and-order-kept",
        {"requirements-mypy.txt": "# type checking\nmypy==2.4.0  # keep\npytest\n"},
        {"requirements-mypy.txt": "# type checking\nmypy==2.4.1  # keep\npytest\n"},
        [],
    ),
    (
        "a-range-that-allows-the-bundle-stays",
        {"requirements-dev.txt": "mypy>=2\nruff\n"},
        {},
        [],
    ),
    (
        "markers-extras-and-crlf-are-kept",
        {"requirements/lint.in": "ruff<0.15 ; python_version >= '3.9'\r\nmypy[x]==1.0\r\n"},
        {"requirements/lint.in": 'ruff==0.15.9; python_version >= "3.9"\r\nmypy[x]==2.4.1\r\n'},
        [],
    ),
    (
        "a-hashed-line-is-named-not-edited",
        {"requirements.txt": "mypy==2.4.0 --hash=sha256:abc\n"},
        {},
        [
            (
                "requirements.txt:1: `mypy==2.4.0` excludes the bundle's version "
                "(checked by hash); hint: pin `mypy==2.4.1` and recompile it"
            )
        ],
    ),
    (
        "a-compiled-twin-is-named-its-in-file-re-pinned",
        {"requirements-dev.in": "mypy<2\n", "requirements-dev.txt": "mypy==1.19.1\n    # via -r\n"},
        {"requirements-dev.in": "mypy==2.4.1\n"},
        [
            (
                "requirements-dev.txt:1: `mypy==1.19.1` excludes the bundle's version "
                "(compiled from requirements-dev.in); hint: pin `mypy==2.4.1` and recompile it"
            )
        ],
    ),
    (
        "options-includes-and-continuations-stay",
        {"requirements-dev.txt": "-r requirements.txt\n-e .\nmypy\\\n==1.0\nother==1 # mypy==1\n"},
        {},
        [],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected", "notes"), [pytest.param(*case[1:], id=case[0]) for case in CASES]
)
def test_repin_requirements(
    files: dict[str, str], expected: dict[str, str], notes: list[str]
) -> None:
    change = repin_requirements(files, BUNDLE)
    assert (change.texts, change.notes) == (expected, notes)
    assert len(change.actions) == sum(
        a != b
        for path, text in expected.items()
        for a, b in zip(files[path].splitlines(), text.splitlines(), strict=True)
    )


def test_a_group_migrate_made_from_a_kept_file_stays_in_step_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """humanize 4.17.0: requirements-mypy.txt became the `mypy` group and stays for tox;
    adopt re-pins both, so migrate (and check-legacy-config, SQ300) find nothing after."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "1"\n', encoding="utf-8"
    )
    (tmp_path / "requirements-mypy.txt").write_text("mypy==1.0\npytest\n", encoding="utf-8")
    assert main(["migrate", str(tmp_path)]) == 0
    migrated = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert '"mypy==1.0"' in migrated
    assert (tmp_path / "requirements-mypy.txt").is_file()
    capsys.readouterr()

    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert "requirements-mypy.txt:1: `mypy==1.0` -> `mypy==" in out
    assert main(["migrate", str(tmp_path)]) == 0
    assert "Nothing to migrate" in capsys.readouterr().out
    assert main(["check", str(tmp_path), "--select", "SQ300,SQ320"]) == 0
