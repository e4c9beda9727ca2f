"""`migrate` and `adopt` against hostile trees: links out, folders and pipes where files
should be, odd encodings, wrong TOML types. Each row is the contract for one input."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.safety.harness import Case, Dir, Fifo, Link, run_case

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CFG = "[metadata]\nname = demo\nversion = 1.0\n"
PROJECT = {"setup.cfg": CFG}
PASSWORD = "hunter2-s3cret"
NETRC = f"machine example.org login ada password {PASSWORD}\n"
OUTSIDE_REQS = {"file.txt": "six\n", "netrc": NETRC, "reqs/dev.txt": "pytest\n"}

M = ("migrate", "{project}")
M_RM = ("migrate", "{project}", "--remove-legacy")
M_DIFF = ("migrate", "{project}", "--diff")
M_CHECK = ("migrate", "{project}", "--check")
A = ("adopt", "{project}", "--no-install")
ANY = None  # the command may write anything inside the project


def _text(project: Path, rel: str) -> str:
    return (project / rel).read_text(encoding="utf-8")


def _kept(rel: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert (project / rel).exists() or (project / rel).is_symlink(), f"{rel} was removed"

    return check


def _bytes(rel: str, data: bytes) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert (project / rel).read_bytes() == data

    return check


def _starts(rel: str, prefix: bytes) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert (project / rel).read_bytes().startswith(prefix)

    return check


def _no_final_newline(rel: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        assert not (project / rel).read_bytes().endswith(b"\n")

    return check


def _crlf(rel: str) -> Callable[[Path], None]:
    def check(project: Path) -> None:
        data = (project / rel).read_bytes()
        assert b"\r\n" in data
        assert data.count(b"\n") == data.count(b"\r\n"), f"{rel} has mixed line endings"

    return check


OUTSIDE_INCLUDES = [
    Case(
        "absolute-include-is-never-read-or-removed",
        M_RM,
        {**PROJECT, "requirements-dev.txt": "-r {outside}/file.txt\npytest\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line=r"kept        requirements-dev.txt \(it includes a file outside the project",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
        after=_kept("requirements-dev.txt"),
    ),
    Case(
        "dotdot-include-is-never-read-or-removed",
        M_RM,
        {**PROJECT, "requirements-dev.txt": "-r ../outside/file.txt\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line=r"kept        requirements-dev.txt \(it includes \.\./outside/file\.txt outside",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
    ),
    Case(
        "absolute-include-of-a-netrc-never-echoes-it",
        M_RM,
        {**PROJECT, "requirements.txt": "-r {outside}/netrc\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
        secret=PASSWORD,
    ),
    Case(
        "absolute-include-of-a-netrc-never-in-the-diff",
        M_DIFF,
        {**PROJECT, "requirements.txt": "-r {outside}/netrc\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        secret=PASSWORD,
    ),
    Case(
        "absolute-constraint-is-never-read",
        M_RM,
        {**PROJECT, "requirements-dev.txt": "-c {outside}/netrc\npytest\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
        secret=PASSWORD,
    ),
    Case(
        "include-through-a-linked-folder-is-never-read",
        M_RM,
        {**PROJECT, "deps": Link("{outside}/reqs"), "requirements-dev.txt": "-r deps/dev.txt\n"},
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
    ),
    Case(
        "a-file-including-a-kept-file-is-kept-too",
        M_RM,
        {
            **PROJECT,
            "requirements-dev.txt": "-r requirements-test.txt\nblack\n",
            "requirements-test.txt": "-r {outside}/file.txt\npytest\n",
        },
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
    ),
    Case(
        "linked-requirements-folder-is-never-read-or-removed",
        M_RM,
        {**PROJECT, "requirements": Link("{outside}/reqs")},
        OUTSIDE_REQS,
        exit=0,
        first_line=r"kept        requirements/dev.txt \(a link to outside the project",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
    ),
    Case(
        "linked-requirements-file-is-never-read-or-removed",
        M_RM,
        {**PROJECT, "requirements.txt": Link("{outside}/file.txt")},
        OUTSIDE_REQS,
        exit=0,
        first_line=r"kept        requirements.txt \(a link to outside the project",
        changes=frozenset({"pyproject.toml", "setup.cfg"}),
    ),
    Case(
        "linked-dev-requirements-file-with-a-password-is-never-echoed",
        M_DIFF,
        {**PROJECT, "requirements-dev.txt": Link("{outside}/netrc")},
        OUTSIDE_REQS,
        exit=0,
        first_line="kept",
        secret=PASSWORD,
    ),
    Case(
        "a-link-inside-the-project-is-followed",
        M_RM,
        {**PROJECT, "requirements-dev.txt": Link("reqs/dev.txt"), "reqs/dev.txt": "pytest\n"},
        exit=0,
        first_line="",
        changes=ANY,
        after=_bytes("reqs/dev.txt", b"pytest\n"),
    ),
]

LINKED_CONFIG = [
    Case(
        f"{verb}-refuses-a-{name.replace('.', '-').strip('-')}-linked-outside",
        argv,
        {**PROJECT, name: Link(f"{{outside}}/{name}")},
        {name: content},
        exit=2,
        first_line=rf"error: {re.escape(name)}: leads outside the project",
        secret=secret,
    )
    for verb, argv in (("migrate", M), ("adopt", A))
    for name, content, secret in (
        ("setup.cfg", f"[metadata]\nname = x\npassword = {PASSWORD}\n", PASSWORD),
        ("pyproject.toml", f'[project]\nname = "{PASSWORD}"\n', PASSWORD),
        ("tox.ini", f"[tox]\nenvlist = {PASSWORD}\n", PASSWORD),
        (".pre-commit-config.yaml", f"repos: []\n# {PASSWORD}\n", PASSWORD),
        (".flake8", f"[flake8]\nignore = {PASSWORD}\n", PASSWORD),
    )
    if verb == "migrate" or name in {"pyproject.toml", ".pre-commit-config.yaml"}
]

NOT_FILES = [
    Case(
        f"{verb}-{name.replace('.', '-').strip('-')}-is-a-{kind}",
        argv,
        {**PROJECT, name: entry},
        exit=2,
        first_line=rf"error: {re.escape(name)}: is not a file",
    )
    for verb, argv in (("migrate", M), ("adopt", A))
    for name in ("pyproject.toml", "setup.cfg", ".pre-commit-config.yaml", "tox.ini")
    for kind, entry in (("folder", Dir()), ("named-pipe", Fifo()))
    if verb == "migrate" or name in {"pyproject.toml", ".pre-commit-config.yaml"}
]

ODD_FILES = [
    Case(
        "migrate-path-is-a-file",
        ("migrate", "{project}/setup.cfg"),
        PROJECT,
        exit=2,
        first_line=r"error: .*/setup\.cfg: not a directory",
    ),
    Case(
        "adopt-path-is-missing",
        ("adopt", "{project}/nope", "--no-install"),
        PROJECT,
        exit=2,
        first_line=r"error: .*/nope: no such directory",
    ),
    Case(
        "migrate-dangling-link-for-setup-cfg",
        M,
        {"setup.cfg": Link("missing.cfg"), "setup.py": "from setuptools import setup\nsetup()\n"},
        exit=0,
        first_line="",
        changes=ANY,
    ),
    Case(
        "migrate-link-loop-for-setup-cfg",
        M,
        {"setup.cfg": Link("other.cfg"), "other.cfg": Link("setup.cfg")},
        exit=2,
        first_line=r"error: setup\.cfg: ",
    ),
    Case(
        "migrate-non-utf8-pyproject",
        M,
        {**PROJECT, "pyproject.toml": b'[project]\nname = "Jos\xe9"\n'},
        exit=2,
        first_line=r"error: pyproject\.toml:2: is not UTF-8 text",
    ),
    Case(
        "migrate-binary-pyproject",
        M,
        {**PROJECT, "pyproject.toml": b"\x00\x01\x02binary\x00"},
        exit=2,
        first_line=r"error: pyproject\.toml",
    ),
    Case(
        "adopt-binary-pyproject",
        A,
        {"pyproject.toml": b"\x89PNG\r\n\x1a\n\x00\x00"},
        exit=2,
        first_line=r"error: pyproject\.toml",
    ),
    Case(
        "migrate-bom-setup-cfg-is-read-and-keeps-its-bom",
        M,
        {"setup.cfg": "\ufeff" + CFG + "\n[bdist_wheel]\nuniversal = 1\n"},
        exit=0,
        first_line="",
        changes=ANY,
        after=_starts("setup.cfg", b"\xef\xbb\xbf[bdist_wheel]"),
    ),
    Case(
        "migrate-bom-pyproject-is-read-and-keeps-its-bom",
        M,
        {**PROJECT, "pyproject.toml": '\ufeff[build-system]\nrequires = ["setuptools"]\n'},
        exit=0,
        first_line="",
        changes=ANY,
        after=_starts("pyproject.toml", b"\xef\xbb\xbf[build-system]"),
    ),
    Case(
        "migrate-crlf-pyproject-stays-crlf",
        M,
        {**PROJECT, "pyproject.toml": '[build-system]\r\nrequires = ["setuptools"]\r\n'},
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf("pyproject.toml"),
    ),
    Case(
        "migrate-crlf-setup-cfg-stays-crlf",
        M,
        {"setup.cfg": (CFG + "\n[bdist_wheel]\nuniversal = 1\n").replace("\n", "\r\n")},
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf("setup.cfg"),
    ),
    Case(
        "migrate-crlf-tox-ini-stays-crlf",
        M,
        {
            **PROJECT,
            "tox.ini": "[tox]\r\nenvlist = py311\r\n\r\n[flake8]\r\nmax-line-length = 100\r\n",
        },
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf("tox.ini"),
    ),
    Case(
        "migrate-crlf-setup-py-stays-crlf",
        M,
        {
            "setup.py": (
                "from setuptools import setup\n\nsetup(\n    name='demo',\n    version='1.0',\n"
                "    cmdclass={},\n)\n"
            ).replace("\n", "\r\n")
        },
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf("setup.py"),
    ),
    Case(
        "adopt-crlf-pre-commit-config-stays-crlf",
        A,
        {
            "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n',
            ".pre-commit-config.yaml": "repos:\r\n- repo: local\r\n  hooks: []\r\n",
        },
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf(".pre-commit-config.yaml"),
    ),
    Case(
        "adopt-crlf-pyproject-stays-crlf",
        A,
        {"pyproject.toml": '[project]\r\nname = "demo"\r\nversion = "1"\r\n'},
        exit=0,
        first_line="",
        changes=ANY,
        after=_crlf("pyproject.toml"),
    ),
    Case(
        "adopt-pyproject-without-final-newline-keeps-that",
        A,
        {"pyproject.toml": '[project]\nname = "demo"\nversion = "1"'},
        exit=0,
        first_line="",
        changes=ANY,
        after=_no_final_newline("pyproject.toml"),
    ),
    Case(
        "adopt-github-is-a-file",
        A,
        {"pyproject.toml": '[project]\nname = "demo"\n', ".github": "not a folder\n"},
        exit=2,
        first_line=r"error: .*\.github",
    ),
    Case(
        "adopt-workflows-folder-linked-outside",
        A,
        {"pyproject.toml": '[project]\nname = "demo"\n', ".github/workflows": Link("{outside}")},
        {"other.yml": "on: push\n"},
        exit=2,
        first_line=r"error: \.github/workflows/lint\.yml: leads outside the project",
    ),
]

BAD_ARGUMENTS = [
    Case(
        f"adopt-refuses-bundle-{what}-{name}",
        (*A, f"--bundle-{what}", value),
        {"pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n'},
        exit=2,
        first_line=rf"error: the bundle {what} .* {problem}",
    )
    for what, name, value, problem in (
        ("rev", "empty", "", "is empty"),
        ("rev", "newline-injection", "v1\n  - repo: evil", "contains a line break"),
        ("url", "newline-injection", "https://h/x\n  - repo: evil", "contains a line break"),
    )
]

WRONG_TYPES = [
    Case(
        f"{verb}-pyproject-{name}",
        argv,
        {**PROJECT, "pyproject.toml": text},
        exit=2,
        first_line=rf"error: pyproject\.toml(:\d+)?: `{key}` must be a table, not {kind}",
    )
    for verb, argv in (("migrate", M), ("adopt", A))
    for name, text, key, kind in (
        ("project-is-a-string", 'project = "x"\n', "project", "a string"),
        ("tool-is-a-number", "tool = 5\n", "tool", "an integer"),
        ("tool-ruff-is-a-list", "[[tool.ruff]]\nx = 1\n", "tool.ruff", "an array"),
        ("build-system-is-a-string", 'build-system = "x"\n', "build-system", "a string"),
        ("tool-mypy-is-a-bool", "[tool]\nmypy = true\n", "tool.mypy", "a boolean"),
    )
]

CASES = [*OUTSIDE_INCLUDES, *LINKED_CONFIG, *NOT_FILES, *ODD_FILES, *BAD_ARGUMENTS, *WRONG_TYPES]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_tree(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, tmp_path, capsys)


def test_case_ids_are_unique() -> None:
    assert len({c.id for c in CASES}) == len(CASES)
