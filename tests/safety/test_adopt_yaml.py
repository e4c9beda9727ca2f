"""`adopt` against odd `.pre-commit-config.yaml` files, through the real command.

Accepted layouts must come out as the same repos plus the bundle, once, every other
byte kept and pre-commit itself able to load the file; refused ones get exit 2, a
first line naming the file and line, and nothing written. Each row is one contract.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING

import pytest
import yaml

from setsquare.adopt.precommit_config import BUNDLE_HOOKS, BUNDLE_URL
from setsquare.main import main
from tests.safety.harness import Case, run_case

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CONFIG = ".pre-commit-config.yaml"
A = ("adopt", "{project}", "--no-install")
BOM = "\ufeff"
NOTHING = frozenset[str]()
ANY = None  # adopt also adds a workflow; the config is checked by `after`

LOCAL = (
    "  - repo: local\n"
    "    hooks:\n"
    "      - id: no-todo  # keep me\n"
    "        name: no TODO\n"
    "        entry: TODO\n"
    "        language: pygrep\n"
)
REMOTE = (
    "  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
    "    rev: v6.0.0\n"
    "    hooks:\n"
    "      - id: check-json\n"
)


def _entry_lines(text: str) -> tuple[int, int]:
    """The first and one-past-last line of the bundle's entry in *text*'s lines."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "# The setsquare bundle" in line)
    end = next(i for i in range(start, len(lines)) if "- id: check-tool-pins" in lines[i]) + 1
    return start, end


def bundled(
    original: str,
    *,
    spliced: bool = True,
    rev: str | None = None,
    url: str = BUNDLE_URL,
    crlf: bool = False,
    new_key: bool = False,
) -> Callable[[Path], None]:
    """Check the written config: the old repos, then the bundle exactly once.

    *spliced*: every byte of *original* is still there, in order, around the
    entry (False where adopt rewrote an empty `repos:` value); *new_key*: the line
    before the entry is a `repos:` adopt added. *crlf*: every line ends with CRLF.
    A BOM in *original* must still lead the file.
    """

    def check(project: Path) -> None:
        raw = (project / CONFIG).read_bytes()
        text = raw.decode("utf-8")
        assert text.startswith(BOM) == original.startswith(BOM), "BOM lost or added"
        body = text.removeprefix(BOM)
        data = yaml.safe_load(body)
        before = yaml.safe_load(original.removeprefix(BOM)) or {}
        repos = data["repos"]
        assert [r["repo"] for r in repos].count(url) == 1, "the bundle is not there exactly once"
        assert repos[-1]["repo"] == url
        assert [h["id"] for h in repos[-1]["hooks"]] == list(BUNDLE_HOOKS)
        if rev is not None:
            assert repos[-1]["rev"] == rev
        assert repos[:-1] == (before.get("repos") or []), "another repo changed"
        assert {k: v for k, v in data.items() if k != "repos"} == {
            k: v for k, v in before.items() if k != "repos"
        }
        if spliced:
            lines = body.splitlines(keepends=True)
            start, end = _entry_lines(body)
            if new_key:
                assert lines[start - 1].rstrip("\r\n") == "repos:"
                start -= 1
            rest = "".join(lines[:start] + lines[end:])
            old = original.removeprefix(BOM)
            # A file without a final newline gets one before the entry.
            assert rest in {old, old + "\n", old + "\r\n"}
        if crlf:
            assert raw.count(b"\n") == raw.count(b"\r\n"), "a line does not end with CRLF"
        clientlib = importlib.import_module("pre_commit.clientlib")
        clientlib.load_config(str(project / CONFIG))  # pre-commit itself accepts it

    return check


def ok(
    case_id: str, config: str | bytes | None, after: Callable[[Path], None], *extra: str
) -> Case:
    project = {} if config is None else {CONFIG: config}
    return Case(
        f"adopt-yaml-{case_id}",
        (*A, *extra),
        project,
        exit=0,
        first_line="",
        changes=ANY,
        after=after,
    )


def refused(case_id: str, config: str | bytes, first_line: str, *extra: str) -> Case:
    return Case(
        f"adopt-yaml-{case_id}",
        (*A, *extra),
        {CONFIG: config},
        exit=2,
        first_line=first_line,
        changes=NOTHING,
    )


def at(line: int | None, message: str) -> str:
    """The expected first line: the config named (with *line*), then *message* (a regex)."""
    where = re.escape(CONFIG) + (f":{line}" if line is not None else "")
    return rf"error: (.*/)?{where}: {message}"


BLOCK = (
    f"# Team hooks\nrepos:\n{LOCAL}{REMOTE}\n"
    "# Settings after the list stay after it.\nfail_fast: false\n"
)

ACCEPTED = [
    ok("no-config-yet", None, bundled("", spliced=False)),
    ok("empty-file", "", bundled("", spliced=False)),
    ok("only-comments", "# nothing here yet\n", bundled("# nothing here yet\n", new_key=True)),
    ok("repos-null", "repos:\nfail_fast: true\n", bundled("repos:\nfail_fast: true\n")),
    ok("repos-tilde", "repos: ~  # none yet\n", bundled("repos: ~  # none yet\n", spliced=False)),
    ok("repos-empty-flow-list", "repos: []\n", bundled("repos: []\n", spliced=False)),
    ok(
        "repos-empty-flow-list-on-its-own-line",
        "repos:\n  []\nfail_fast: true\n",
        bundled("repos:\n  []\nfail_fast: true\n", spliced=False),
    ),
    ok("no-repos-key", "fail_fast: true\n", bundled("fail_fast: true\n", new_key=True)),
    ok("block-list-keeps-comments-and-order", BLOCK, bundled(BLOCK)),
    ok(
        "block-list-at-column-0",
        "repos:\n- repo: meta\n  hooks:\n  - id: check-useless-excludes\n",
        bundled("repos:\n- repo: meta\n  hooks:\n  - id: check-useless-excludes\n"),
    ),
    ok(
        "block-list-keys-four-from-dash",
        "repos:\n-   repo: meta\n    hooks:\n    -   id: identity\n",
        bundled("repos:\n-   repo: meta\n    hooks:\n    -   id: identity\n"),
    ),
    ok("local-repo-last", f"repos:\n{REMOTE}{LOCAL}", bundled(f"repos:\n{REMOTE}{LOCAL}")),
    ok(
        "comment-deeper-than-last-entry",
        f"repos:\n{LOCAL}      # - id: retired\n",
        bundled(f"repos:\n{LOCAL}      # - id: retired\n"),
    ),
    ok(
        "comment-at-column-0-then-key",
        f"repos:\n{REMOTE}\n# stages\ndefault_stages: [pre-commit]\n",
        bundled(f"repos:\n{REMOTE}\n# stages\ndefault_stages: [pre-commit]\n"),
    ),
    ok(
        "flow-hooks-in-block-entry",
        "repos:\n- repo: https://a.example/b\n  rev: v1.0.0\n  hooks: [{id: a}, {id: b}]\n",
        bundled(
            "repos:\n- repo: https://a.example/b\n  rev: v1.0.0\n  hooks: [{id: a}, {id: b}]\n"
        ),
    ),
    ok(
        "flow-mapping-entry-in-block-list",
        "repos:\n  - {repo: meta, hooks: [{id: identity}]}\n",
        bundled("repos:\n  - {repo: meta, hooks: [{id: identity}]}\n"),
    ),
    ok(
        "anchor-and-alias-elsewhere",
        "x-exclude: &vendored ^vendor/\nrepos:\n- repo: https://a.example/b\n  rev: v1.0.0\n"
        "  hooks:\n  - id: a\n    exclude: *vendored\n",
        bundled(
            "x-exclude: &vendored ^vendor/\nrepos:\n- repo: https://a.example/b\n  rev: v1.0.0\n"
            "  hooks:\n  - id: a\n    exclude: *vendored\n"
        ),
    ),
    ok(
        "merge-key-in-entry",
        "x-base: &base\n  hooks: [{id: identity}]\nrepos:\n- <<: *base\n  repo: meta\n",
        bundled("x-base: &base\n  hooks: [{id: identity}]\nrepos:\n- <<: *base\n  repo: meta\n"),
    ),
    ok(
        "block-scalar-last",
        "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    language: fail\n"
        "    entry: |\n      not allowed\n",
        bundled(
            "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    language: fail\n"
            "    entry: |\n      not allowed\n"
        ),
    ),
    ok(
        "no-final-newline",
        f"repos:\n{REMOTE.rstrip()}",
        bundled(f"repos:\n{REMOTE.rstrip()}"),
    ),
    ok(
        "very-long-line",
        f"repos:\n{REMOTE}        args: [{'x' * 200_000}]\n",
        bundled(f"repos:\n{REMOTE}        args: [{'x' * 200_000}]\n"),
    ),
    ok("document-start", f"---\nrepos:\n{REMOTE}", bundled(f"---\nrepos:\n{REMOTE}")),
    ok("document-end", f"repos:\n{REMOTE}...\n", bundled(f"repos:\n{REMOTE}...\n")),
    ok("bom-kept", f"{BOM}repos:\n{REMOTE}", bundled(f"{BOM}repos:\n{REMOTE}")),
    ok("bom-empty-list", f"{BOM}repos: []\n", bundled(f"{BOM}repos: []\n", spliced=False)),
    ok(
        "crlf-kept",
        f"repos:\n{LOCAL}# end\n".replace("\n", "\r\n"),
        bundled(f"repos:\n{LOCAL}# end\n".replace("\n", "\r\n"), crlf=True),
    ),
    ok(
        "crlf-empty-list",
        "repos: []\r\nfail_fast: true\r\n",
        bundled("repos: []\r\nfail_fast: true\r\n", spliced=False, crlf=True),
    ),
    ok(
        "bom-and-crlf",
        f"{BOM}repos:\r\n{REMOTE}".replace("\n", "\r\n").replace("\r\r\n", "\r\n"),
        bundled(
            f"{BOM}repos:\r\n{REMOTE}".replace("\n", "\r\n").replace("\r\r\n", "\r\n"), crlf=True
        ),
    ),
    ok(
        "rev-that-reads-as-a-number-is-quoted",
        "repos: []\n",
        bundled("repos: []\n", spliced=False, rev="1.0"),
        "--bundle-rev",
        "1.0",
    ),
    ok(
        "scp-style-url-and-sha-rev",
        "repos: []\n",
        bundled("repos: []\n", spliced=False, rev="0" * 40, url="git@git.example:o/r.git"),
        "--bundle-url",
        "git@git.example:o/r.git",
        "--bundle-rev",
        "0" * 40,
    ),
    ok(
        "branch-rev-with-slash",
        "repos: []\n",
        bundled("repos: []\n", spliced=False, rev="release/1.x", url="/srv/git/setsquare"),
        "--bundle-url",
        "/srv/git/setsquare",
        "--bundle-rev",
        "release/1.x",
    ),
]

NOT_A_CONFIG = "is not a pre-commit configuration"
INVALID = "not a valid pre-commit configuration"
REFUSED = [
    refused("repos-twice", f"repos: []\nrepos:\n{LOCAL}", at(2, "duplicate key `repos`")),
    refused(
        "rev-twice",
        "repos:\n  - repo: https://a.example/b\n    rev: v1\n    rev: v2\n    hooks: []\n",
        at(4, r"duplicate key `rev` \(first on line 3\)"),
    ),
    refused(
        "hook-key-twice",
        f"repos:\n{LOCAL}        name: again\n",
        at(8, r"duplicate key `name` \(first on line 5\)"),
    ),
    refused("bom-and-repos-twice", f"{BOM}repos: []\nrepos: []\n", at(2, "duplicate key")),
    refused("crlf-and-repos-twice", "repos: []\r\n\r\nrepos: []\r\n", at(3, "duplicate key")),
    refused(
        "repos-is-an-alias",
        f"x-repos: &r\n{LOCAL}repos: *r\n",
        at(8, r"`repos:` is an alias"),
    ),
    refused(
        "repos-anchor-reused",
        f"repos: &r\n{LOCAL}ci:\n  skip: *r\n",
        at(1, r"`repos:` is anchored \(`&r`\) and reused elsewhere"),
    ),
    refused(
        "flow-style-repos",
        "repos: [{repo: meta, hooks: [{id: identity}]}]\n",
        at(1, r"`repos:` is a flow-style list"),
    ),
    refused(
        "flow-style-repos-over-lines",
        "# c\nrepos: [\n  {repo: meta, hooks: [{id: identity}]},\n]\n",
        at(2, r"`repos:` is a flow-style list"),
    ),
    refused("flow-document", "{repos: []}\n", at(1, "the configuration is a flow-style mapping")),
    refused("explicit-key", "? repos\n: []\n", at(1, "`repos` is written as an explicit key")),
    refused(
        "repos-from-merge-key", "x: &b\n  repos: []\n<<: *b\n", at(3, "`repos:` comes from a merge")
    ),
    refused(
        "two-documents", "repos: []\n---\nrepos: []\n", at(2, "invalid YAML: expected a single")
    ),
    refused("tab-indentation", "repos:\n\t- repo: meta\n", at(2, "invalid YAML")),
    refused("nul-character", "repos: []\n# \x00\n", at(2, "invalid YAML: the control character")),
    refused(
        "deep-nesting",
        "repos: " + "[" * 5000 + "]" * 5000 + "\n",
        at(1, "invalid YAML: nested more than 100 levels deep"),
    ),
    refused("top-level-list", "- repo: meta\n", at(None, NOT_A_CONFIG)),
    refused("top-level-scalar", "pre-commit please\n", at(None, NOT_A_CONFIG)),
    refused("repos-is-a-mapping", "repos:\n  meta: {}\n", at(None, NOT_A_CONFIG)),
    refused(
        "missing-rev",
        "repos:\n  - repo: https://a.example/b\n    hooks: []\n",
        at(2, f"{INVALID}: repo 'https://a.example/b': missing required key: rev"),
    ),
    refused(
        "rev-is-a-float",
        "repos:\n  - repo: https://a.example/b\n    rev: 1.0\n    hooks: []\n",
        at(3, f"{INVALID}: repo 'https://a.example/b', key `rev`: expected string"),
    ),
    refused(
        "hook-without-id",
        "repos:\n  - repo: https://a.example/b\n    rev: v1\n    hooks:\n      - name: x\n",
        at(5, f"{INVALID}: .*hook #1: missing required key: id"),
    ),
    refused("not-utf-8", "repos: []\n# café\n".encode("latin-1"), at(2, "is not UTF-8")),
    refused(
        "utf-16",
        f"{BOM}repos: []\n".encode("utf-16"),
        rf"error: (.*/)?{re.escape(CONFIG)}(:\d+)?: is not UTF-8",
    ),
    refused(
        "bundle-rev-with-a-newline",
        "repos: []\n",
        r"error: the bundle rev 'v1\\n  - repo: evil' contains a line break",
        "--bundle-rev",
        "v1\n  - repo: evil",
    ),
    refused(
        "bundle-url-with-a-newline",
        "repos: []\n",
        r"error: the bundle url 'https://x.example/r\\n' contains a line break",
        "--bundle-url",
        "https://x.example/r\n",
    ),
    refused(
        "bundle-url-with-a-comment",
        "repos: []\n",
        r"error: the bundle url 'https://x.example/r #c' contains whitespace",
        "--bundle-url",
        "https://x.example/r #c",
    ),
    refused(
        "bundle-rev-flow-punctuation",
        "repos: []\n",
        r"error: the bundle rev 'v1,\{x\}' contains `,`",
        "--bundle-rev",
        "v1,{x}",
    ),
    refused(
        "bundle-rev-yaml-indicator",
        "repos: []\n",
        r"error: the bundle rev '&anchor' starts with `&`",
        "--bundle-rev",
        "&anchor",
    ),
    refused(
        "bundle-url-local",
        "repos: []\n",
        r"error: the bundle url 'local' is reserved",
        "--bundle-url",
        "local",
    ),
]

TOKEN_URL = [
    Case(
        "adopt-yaml-bundle-url-with-token-refused-token-not-printed",
        (*A, "--bundle-url", "https://ada:hunter2-tok@git.example/o/r #x"),
        {CONFIG: "repos: []\n"},
        exit=2,
        first_line=r"error: the bundle url 'https://\*\*\*\*@git\.example/o/r #x' contains",
        secret="hunter2-tok",
    ),
]

CASES = ACCEPTED + REFUSED + TOKEN_URL


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_adopt_yaml(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_case(case, tmp_path, capsys)


def test_case_ids_are_unique() -> None:
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize(
    "config",
    [
        pytest.param(BLOCK, id="block"),
        pytest.param("repos: []\r\n", id="crlf-empty-list"),
        pytest.param(f"{BOM}repos:\n{REMOTE}", id="bom"),
        pytest.param("", id="empty"),
    ],
)
def test_second_run_changes_nothing(
    config: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / CONFIG).write_bytes(config.encode())
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    once = (tmp_path / CONFIG).read_bytes()
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    assert (tmp_path / CONFIG).read_bytes() == once
    assert f"{CONFIG}: the setsquare bundle is already there" in capsys.readouterr().out
