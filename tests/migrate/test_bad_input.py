"""Bad input: a one-line message naming file and line, a hint, exit 2, and no byte changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.main import main
from tests.migrate.golden import tree

if TYPE_CHECKING:
    from pathlib import Path

CFG = "[metadata]\nname = demo\nversion = 1.0\n"
STUB = "from setuptools import setup\nsetup()\n"

BAD: list[tuple[str, dict[str, bytes], str]] = [
    (
        "malformed-setup-cfg",
        {"setup.cfg": b"[metadata]\nname = demo\nthis is not an option\n"},
        "setup.cfg:3: cannot parse 'this is not an option'",
    ),
    (
        "key-twice",
        {"setup.cfg": b"[metadata]\nname = demo\nname = other\n"},
        "setup.cfg:3: option `name` appears twice in section [metadata]",
    ),
    (
        "non-utf8-setup-cfg",
        {"setup.cfg": b"[metadata]\nname = demo\nauthor = Jos\xe9\n"},
        "setup.cfg:3: is not UTF-8 text (byte 0xe9)",
    ),
    (
        "bad-interpolation",
        {"setup.cfg": b"[metadata]\nname = demo\nurl = https://x.org/a%20b\n"},
        "setup.cfg:3: [metadata] url: '%' must be followed by '%' or '(', found: '%20b'",
    ),
    (
        "default-section",
        {"setup.cfg": b"[metadata]\nname = demo\n\n[DEFAULT]\nbase = six\n"},
        (
            "setup.cfg:4: has a [DEFAULT] section, whose keys setuptools adds to every section; "
            "setsquare cannot migrate that faithfully"
        ),
    ),
    (
        "invalid-install-requires",
        {"setup.cfg": b"[options]\ninstall_requires =\n    requests>=>2\n"},
        (
            "setup.cfg:3: [options] install_requires: invalid requirement 'requests>=>2': "
            "Expected semicolon (after name with no version specifier) or end"
        ),
    ),
    (
        "ambiguous-marker",
        {"setup.cfg": b'[options]\ninstall_requires = six; python_version < "3.8"\n'},
        (
            "setup.cfg:2: [options] install_requires: 'six; python_version < \"3.8\"' is two "
            "requirements to setuptools (`;` separates them on one line), not one with a marker"
        ),
    ),
    (
        "mixed-file-extras",
        {"setup.cfg": b"[options.extras_require]\na = file: a.txt\nb = six\n"},
        (
            "setup.cfg:2: [options.extras_require] mixes `file:` extras (a) with inline ones; "
            "pyproject.toml can only make all extras dynamic or none"
        ),
    ),
    (
        "unknown-options-section",
        {"setup.cfg": b"[options.packages]\nx = 1\n"},
        "setup.cfg:1: unknown section [options.packages]: setuptools refuses it",
    ),
    (
        "invalid-requirement-line",
        {
            "pyproject.toml": b'[project]\nname = "a"\n',
            "requirements.txt": b"six\nnot a requirement!\n",
        },
        "requirements.txt:2: invalid requirement 'not a requirement!'",
    ),
    (
        "missing-include",
        {"requirements-dev.txt": b"-r requirements/base.txt\npytest\n"},
        "requirements-dev.txt:1: -r requirements/base.txt: no such file (requirements/base.txt)",
    ),
    (
        "missing-constraint",
        {"requirements.txt": b"six\n-c constraints.txt\n"},
        "requirements.txt:2: -c constraints.txt: no such file (constraints.txt)",
    ),
    (
        "cyclic-include",
        {
            "requirements-a.txt": b"-r requirements-b.txt\nsix\n",
            "requirements-b.txt": b"attrs\n-r requirements-a.txt\n",
        },
        (
            "requirements-b.txt:2: -r includes form a cycle: "
            "requirements-a.txt -> requirements-b.txt -> requirements-a.txt"
        ),
    ),
    (
        "broken-pyproject",
        {"pyproject.toml": b"[project\nname = 'x'\n", "setup.cfg": CFG.encode()},
        "pyproject.toml:1: invalid TOML: Unexpected character: '\\n'",
    ),
    (
        "other-project",
        {"pyproject.toml": b'[project]\nname = "other"\n', "setup.cfg": CFG.encode()},
        "pyproject.toml: [project] names 'other' but setup.cfg:2 names 'demo'",
    ),
    (
        "conflicting-field",
        {
            "pyproject.toml": b'[project]\nname = "demo"\nversion = "2.0"\n',
            "setup.cfg": CFG.encode(),
        },
        "pyproject.toml: [project] version is '2.0' here but setup.cfg:3 says '1.0'",
    ),
    (
        "other-backend",
        {
            "pyproject.toml": b'[build-system]\nrequires = ["hatchling"]\n'
            b'build-backend = "hatchling.build"\n',
            "setup.cfg": CFG.encode(),
        },
        (
            "pyproject.toml: [build-system] uses 'hatchling.build', but the legacy configuration "
            "is setuptools'"
        ),
    ),
    (
        "pip-options-in-a-file-directive",
        {
            "setup.cfg": b"[metadata]\nname = a\nversion = 1\n"
            b"[options]\ninstall_requires = file: requirements.txt\n",
            "requirements.txt": b"six\n-r other.txt\n",
            "other.txt": b"attrs\n",
        },
        (
            "requirements.txt:2: -r: setup.cfg reads this file with `install_requires = file:`, "
            "and setuptools does not understand pip options"
        ),
    ),
    (
        "setup-py-syntax",
        {"setup.py": b"from setuptools import setup\nsetup(\n"},
        "setup.py:2: is not valid Python: '(' was never closed",
    ),
]


@pytest.mark.parametrize(("files", "message"), [pytest.param(f, m, id=i) for i, f, m in BAD])
def test_bad_input_is_refused_and_nothing_written(
    files: dict[str, bytes], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    before = tree(tmp_path)

    assert main(["migrate", str(tmp_path)]) == 2

    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"error: {message}"
    assert err[1].startswith("hint: ")
    assert len(err) == 2
    assert tree(tmp_path) == before


def test_missing_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'nope'}: no such directory")


def test_nothing_to_migrate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "done"\n', encoding="utf-8")
    assert main(["migrate", str(tmp_path), "--check"]) == 0
    assert capsys.readouterr().out == "Nothing to migrate.\n"
