from __future__ import annotations

import pytest
import yaml

from setsquare.adopt.precommit_config import BUNDLE_HOOKS, BUNDLE_URL, add_bundle, validate_config
from setsquare.errors import InputError, UsageError

HOOKS = "\n".join(f"      - id: {h}" for h in BUNDLE_HOOKS)
ENTRY = f"""\
  # The setsquare bundle: the quality gate from one repo at one rev.
  - repo: https://github.com/setsquare-dev/setsquare
    rev: v9.9.9
    hooks:
{HOOKS}
"""

COMMENTED = """\
# Team hooks: keep this comment.
default_stages: [pre-commit]
repos:
  # Our own checks
  - repo: local
    hooks:
      - id: no-todo  # trailing comment
        name: no TODO
        entry: TODO
        language: pygrep

# Settings after the list stay after it.
fail_fast: false
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", f"repos:\n{ENTRY}", id="new-file"),
        pytest.param("repos: []\n", f"repos:\n{ENTRY}", id="empty-list"),
        pytest.param(
            "fail_fast: true\nrepos: []\n", f"fail_fast: true\nrepos:\n{ENTRY}", id="flow-list"
        ),
        pytest.param(
            COMMENTED,
            COMMENTED.replace("\n# Settings", f"{ENTRY}\n# Settings"),
            id="merge-keeps-comments-and-order",
        ),
    ],
)
def test_add_bundle(text: str, expected: str) -> None:
    change = add_bundle(text, ".pre-commit-config.yaml", rev="v9.9.9")
    assert change.text == expected
    assert change.added == BUNDLE_HOOKS
    yaml.safe_load(change.text)


def test_zero_indent_lists_keep_their_style() -> None:
    text = (
        "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n"
        "    language: fail\n"
    )
    change = add_bundle(text, "c.yaml", rev="v1")
    assert change.text.startswith(text)
    assert "\n# The setsquare bundle" in change.text
    assert "\n- repo: https://github.com/setsquare-dev/setsquare\n  rev: v1\n" in change.text
    assert len(yaml.safe_load(change.text)["repos"]) == 2


def test_noop_when_the_bundle_is_there() -> None:
    once = add_bundle(COMMENTED, "c.yaml", rev="v1").text
    again = add_bundle(once, "c.yaml", rev="v2")
    assert again.text == once
    assert again.bundle_present


def test_hooks_other_repos_provide_are_not_doubled() -> None:
    text = (
        "repos:\n"
        "  - repo: https://github.com/pre-commit/pre-commit-hooks\n"
        "    rev: v6.0.0\n"
        "    hooks:\n"
        "      - id: trailing-whitespace\n"
        "  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
        "    rev: v0.17.6\n"
        "    hooks:\n"
        "      - id: ruff\n"
    )
    change = add_bundle(text, "c.yaml", rev="v1")
    assert "trailing-whitespace" not in change.added
    assert "ruff-check" not in change.added
    assert change.already_provided == {
        "trailing-whitespace": "https://github.com/pre-commit/pre-commit-hooks",
        "ruff-check": "https://github.com/astral-sh/ruff-pre-commit",
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("repos:\n  - repo: x\n   bad: [\n", ".pre-commit-config.yaml:3: invalid YAML"),
        ("- just\n- a list\n", ".pre-commit-config.yaml: is not a pre-commit configuration"),
        ("repos: 3\n", ".pre-commit-config.yaml: is not a pre-commit configuration"),
    ],
)
def test_broken_config_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        add_bundle(text, ".pre-commit-config.yaml", rev="v1")
    assert excinfo.value.message.startswith(message)
    assert excinfo.value.hint


def entry(
    indent: int = 2,
    offset: int = 2,
    nl: str = "\n",
    *,
    url: str = "https://github.com/setsquare-dev/setsquare",
    rev: str = "v9.9.9",
) -> str:
    """The bundle's entry as adopt writes it, at *indent* with keys *offset* from the `-`."""
    pad, inner = " " * indent, " " * (indent + offset)
    lines = [
        f"{pad}# The setsquare bundle: the quality gate from one repo at one rev.",
        f"{pad}-{' ' * (offset - 1)}repo: {url}",
        f"{inner}rev: {rev}",
        f"{inner}hooks:",
        *(f"{inner}  - id: {h}" for h in BUNDLE_HOOKS),
    ]
    return nl.join(lines) + nl


LOCAL = (
    "  - repo: local\n    hooks:\n      - id: x\n        name: x\n        entry: x\n"
    "        language: fail\n"
)
LOCAL0 = "- repo: local\n  hooks:\n  - id: x\n    name: x\n    entry: x\n    language: fail\n"
BOM = "\ufeff"
LONG = "x" * 100_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# only comments\n", f"# only comments\nrepos:\n{entry()}", id="only-comments"
        ),
        pytest.param("# no newline", f"# no newline\nrepos:\n{entry()}", id="comment-without-eol"),
        pytest.param("  \n\n", f"repos:\n{entry()}", id="blank-file"),
        pytest.param(BOM, f"{BOM}repos:\n{entry()}", id="bom-only"),
        pytest.param("---\n", f"---\nrepos:\n{entry()}", id="document-start-only"),
        pytest.param("---\n...\n", f"---\nrepos:\n{entry()}...\n", id="empty-document-with-end"),
        pytest.param("repos:\n", f"repos:\n{entry()}", id="repos-empty"),
        pytest.param("repos: ~  # none yet\n", f"repos:  # none yet\n{entry()}", id="repos-tilde"),
        pytest.param(
            "repos: null\nfail_fast: true\n",
            f"repos:\n{entry()}fail_fast: true\n",
            id="repos-null-then-key",
        ),
        pytest.param(
            "repos: []  # none yet\n", f"repos:  # none yet\n{entry()}", id="empty-list-comment"
        ),
        pytest.param("repos: [ ]", f"repos:\n{entry()}", id="empty-list-no-eol"),
        pytest.param(
            "repos:\n  []  # c\nx-y: 1\n",
            f"repos:\n  # c\n{entry()}x-y: 1\n",
            id="empty-list-own-line",
        ),
        pytest.param("repos: &r []\n", f"repos:\n{entry()}", id="empty-list-unused-anchor"),
        pytest.param("fail_fast: true\n", f"fail_fast: true\nrepos:\n{entry()}", id="no-repos-key"),
        pytest.param(
            "fail_fast: true\n...\n",
            f"fail_fast: true\nrepos:\n{entry()}...\n",
            id="no-repos-key-document-end",
        ),
        pytest.param(
            "fail_fast: true\n\n# trailer\n",
            f"fail_fast: true\nrepos:\n{entry()}\n# trailer\n",
            id="no-repos-key-trailing-comment",
        ),
        pytest.param(f"repos:\n{LOCAL}", f"repos:\n{LOCAL}{entry()}", id="local-last"),
        pytest.param(f"repos:\n{LOCAL0}", f"repos:\n{LOCAL0}{entry(0)}", id="dash-at-column-0"),
        pytest.param(
            "repos:\n-   repo: local\n    hooks: []\n",
            f"repos:\n-   repo: local\n    hooks: []\n{entry(0, 4)}",
            id="keys-four-from-dash",
        ),
        pytest.param(
            "  repos:\n    - repo: meta\n      hooks: []\n",
            f"  repos:\n    - repo: meta\n      hooks: []\n{entry(4)}",
            id="indented-document",
        ),
        pytest.param(
            f"repos:\n{LOCAL}      # - id: retired\n\n# Settings\nfail_fast: true\n",
            f"repos:\n{LOCAL}      # - id: retired\n{entry()}\n# Settings\nfail_fast: true\n",
            id="deeper-comment-stays-with-list",
        ),
        pytest.param(
            f"repos:\n{LOCAL}# shallower comment\n",
            f"repos:\n{LOCAL}{entry()}# shallower comment\n",
            id="column-0-comment-goes-after",
        ),
        pytest.param(
            "repos:\n  - repo: meta\n    hooks: []  # no eol",
            f"repos:\n  - repo: meta\n    hooks: []  # no eol\n{entry()}",
            id="no-final-newline",
        ),
        pytest.param(
            "repos:\n- repo: https://a/b\n  rev: v1\n  hooks: [{id: a}, {id: b}]\n",
            f"repos:\n- repo: https://a/b\n  rev: v1\n  hooks: [{{id: a}}, {{id: b}}]\n{entry(0)}",
            id="flow-hooks-in-block-entry",
        ),
        pytest.param(
            "repos:\n  - {repo: meta,\n     hooks: []}\n",
            f"repos:\n  - {{repo: meta,\n     hooks: []}}\n{entry()}",
            id="flow-mapping-entry",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    language: fail\n"
            "    entry: |+\n      keep\n\n\n",
            "repos:\n- repo: local\n  hooks:\n  - id: x\n    name: x\n    language: fail\n"
            f"    entry: |+\n      keep\n\n\n{entry(0)}",
            id="kept-block-scalar-last",
        ),
        pytest.param(
            "x-base: &b\n  repo: meta\n  hooks: []\nrepos:\n- *b\n",
            f"x-base: &b\n  repo: meta\n  hooks: []\nrepos:\n- *b\n{entry(0)}",
            id="alias-item-last",
        ),
        pytest.param(
            "x-base: &b\n  hooks: []\nrepos:\n- <<: *b\n  repo: meta\n",
            f"x-base: &b\n  hooks: []\nrepos:\n- <<: *b\n  repo: meta\n{entry(0)}",
            id="merge-key-in-entry",
        ),
        pytest.param(
            "repos: &r\n  - repo: meta\n    hooks: []\n",
            f"repos: &r\n  - repo: meta\n    hooks: []\n{entry()}",
            id="unused-anchor-on-list",
        ),
        pytest.param(
            "%YAML 1.1\n---\nrepos:\n- repo: meta\n  hooks: []\n",
            f"%YAML 1.1\n---\nrepos:\n- repo: meta\n  hooks: []\n{entry(0)}",
            id="yaml-directive",
        ),
        pytest.param(f"{BOM}repos:\n{LOCAL}", f"{BOM}repos:\n{LOCAL}{entry()}", id="bom-kept"),
        pytest.param(f"{BOM}repos: []\n", f"{BOM}repos:\n{entry()}", id="bom-empty-list"),
        pytest.param(
            "repos:\r\n  - repo: meta\r\n    hooks: []\r\n# end\r\n",
            f"repos:\r\n  - repo: meta\r\n    hooks: []\r\n{entry(nl=chr(13) + chr(10))}# end\r\n",
            id="crlf-kept",
        ),
        pytest.param(
            "repos: []\r\n", f"repos:\r\n{entry(nl=chr(13) + chr(10))}", id="crlf-empty-list"
        ),
        pytest.param(
            "repos:\r  - repo: meta\r    hooks: []\r",
            f"repos:\r  - repo: meta\r    hooks: []\r{entry(nl=chr(13))}",
            id="cr-kept",
        ),
        pytest.param(
            "repos:\r\n  - repo: meta\r\n    hooks: []\n",
            f"repos:\r\n  - repo: meta\r\n    hooks: []\n{entry(nl=chr(13) + chr(10))}",
            id="mixed-endings-take-the-most-common",
        ),
        pytest.param(
            f"repos:\n{LOCAL}        args: [{LONG}]\n",
            f"repos:\n{LOCAL}        args: [{LONG}]\n{entry()}",
            id="very-long-line",
        ),
        pytest.param(
            "x-a: &a [*a]\nx-n: .nan\nrepos: []\n",
            f"x-a: &a [*a]\nx-n: .nan\nrepos:\n{entry()}",
            id="self-referencing-alias-and-nan-elsewhere",
        ),
    ],
)
def test_add_bundle_layouts(text: str, expected: str) -> None:
    change = add_bundle(text, ".pre-commit-config.yaml", rev="v9.9.9")
    assert change.text == expected
    before = yaml.safe_load(text.removeprefix(BOM)) or {}
    after = yaml.safe_load(change.text.removeprefix(BOM))
    assert repr(after["repos"][:-1]) == repr(before.get("repos") or [])
    assert after["repos"][-1]["rev"] == "v9.9.9"
    again = add_bundle(change.text, ".pre-commit-config.yaml", rev="v1.0.0")
    assert again.text == change.text
    assert again.bundle_present


DUP_REV = "repos:\n  - repo: https://a/b\n    rev: v1\n    rev: v2\n    hooks: []\n"
INVALID = "not a valid pre-commit configuration: "
REPO_PREFIX = f"{INVALID}repo 'https://a/b'"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "repos: []\nrepos:\n" + LOCAL,
            "2: duplicate key `repos` (first on line 1)",
            id="repos-twice",
        ),
        pytest.param(DUP_REV, "4: duplicate key `rev` (first on line 3)", id="rev-twice"),
        pytest.param(
            "repos: []\nx: {a: 1, a: 2}\n",
            "2: duplicate key `a` (first on line 2)",
            id="flow-key-twice",
        ),
        pytest.param(
            f"{BOM}repos: []\nrepos: []\n", "2: duplicate key `repos`", id="bom-repos-twice"
        ),
        pytest.param(
            "repos: []\r\nrepos: []\r\n", "2: duplicate key `repos`", id="crlf-repos-twice"
        ),
        pytest.param(
            "x: &r\n  - repo: meta\n    hooks: []\nrepos: *r\n",
            "4: `repos:` is an alias",
            id="repos-alias",
        ),
        pytest.param(
            "repos: &r\n  - repo: meta\n    hooks: []\nci: {skip: *r}\n",
            "1: `repos:` is anchored (`&r`) and reused elsewhere",
            id="repos-anchor-reused",
        ),
        pytest.param(
            "repos: [{repo: meta, hooks: []}]\n", "1: `repos:` is a flow-style list", id="flow-list"
        ),
        pytest.param(
            "repos: [ # nothing yet\n]\n",
            "1: `repos:` is a flow-style list",
            id="empty-flow-list-with-comment",
        ),
        pytest.param(
            "{repos: []}\n", "1: the configuration is a flow-style mapping", id="flow-document"
        ),
        pytest.param(
            "# c\n{}\n", "2: the configuration is a flow-style mapping", id="flow-empty-document"
        ),
        pytest.param(
            "? repos\n: []\n", "1: `repos` is written as an explicit key", id="explicit-key"
        ),
        pytest.param(
            "x: &b\n  repos: []\n<<: *b\n",
            "3: `repos:` comes from a merge key",
            id="repos-from-merge",
        ),
        pytest.param(
            "x: &k repos\nfail_fast: true\n*k : []\n",
            "3: the `repos` key is written as an alias",
            id="repos-key-alias",
        ),
        pytest.param(
            "repos: []\n---\nrepos: []\n",
            "2: invalid YAML: expected a single document",
            id="two-documents",
        ),
        pytest.param(
            "repos:\n\t- repo: meta\n", "2: invalid YAML: while scanning", id="tab-indent"
        ),
        pytest.param(
            "repos: []\n# \x00\n", "2: invalid YAML: the control character U+0000", id="nul-byte"
        ),
        pytest.param(
            "repos: " + "[" * 3000 + "]" * 3000,
            "1: invalid YAML: nested more than 100 levels deep",
            id="deep-nesting",
        ),
        pytest.param(
            "repos: " + "[" * 99 + "]" * 99,  # with the top mapping: 100 levels
            "1: not a valid pre-commit configuration",
            id="nesting-at-the-limit-is-parsed",
        ),
        pytest.param(
            "? [a]\n: 1\nrepos: []\n",
            "1: invalid YAML: while constructing a mapping",
            id="unhashable-key",
        ),
        pytest.param("~\n", ": is not a pre-commit configuration", id="null-document"),
        pytest.param("just text\n", ": is not a pre-commit configuration", id="scalar-document"),
        pytest.param("repos: {a: 1}\n", ": is not a pre-commit configuration", id="repos-mapping"),
        pytest.param(
            "repos:\n  - repo: https://a/b\n    hooks: []\n",
            f"2: {REPO_PREFIX}: missing required key: rev",
            id="missing-rev",
        ),
        pytest.param(
            "repos:\n  - repo: https://a/b\n    rev: 1.0\n    hooks: []\n",
            f"3: {REPO_PREFIX}, key `rev`: expected string got float",
            id="float-rev",
        ),
        pytest.param(
            "repos:\n  - repo: https://a/b\n    rev: v1\n    hooks:\n      - name: n\n",
            f"5: {REPO_PREFIX}, hook #1: missing required key: id",
            id="hook-without-id",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks:\n  - id: a\n    name: a\n    entry: a\n"
            "    language: cobol\n",
            f"7: {INVALID}repo 'local', hook 'a', key `language`: expected one of",
            id="unknown-language",
        ),
        pytest.param(
            "repos:\n  - 3\n",
            f"2: {INVALID}repo #1: expected a Repository map",
            id="repo-not-a-mapping",
        ),
        pytest.param(
            "files: '['\nrepos: []\n",
            f"1: {INVALID}key `files`: '[' is not a valid python regex",
            id="bad-files-regex",
        ),
    ],
)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        add_bundle(text, ".pre-commit-config.yaml", rev="v1")
    assert excinfo.value.message.startswith(
        f".pre-commit-config.yaml{':' if message[0].isdigit() else ''}{message}"
    )
    assert excinfo.value.hint
    assert "adopt again" in excinfo.value.hint or "pre-commit.com" in excinfo.value.hint


@pytest.mark.parametrize(
    ("url", "rev", "written"),
    [
        ("https://host/owner/repo", "v0.1.0", ("repo: https://host/owner/repo", "rev: v0.1.0")),
        (
            "git@host:owner/repo.git",
            "a" * 40,
            ("repo: git@host:owner/repo.git", f"rev: {'a' * 40}"),
        ),
        ("/abs/local/path", "main", ("repo: /abs/local/path", "rev: main")),
        ("file:///x", "release/1.x", ("repo: file:///x", "rev: release/1.x")),
        ("https://host/o/r", "1.0", ("rev: '1.0'",)),
        ("https://host/o/r", "1234567", ("rev: '1234567'",)),
        ("https://host/o/r", "true", ("rev: 'true'",)),
        ("https://host/o/r", "~", ("rev: '~'",)),
    ],
)
def test_bundle_ref_accepted(url: str, rev: str, written: tuple[str, ...]) -> None:
    change = add_bundle("repos: []\n", "c.yaml", url=url, rev=rev)
    for line in written:
        assert f"\n    {line}\n" in change.text or f"\n  - {line}\n" in change.text
    assert yaml.safe_load(change.text)["repos"][0] | {"hooks": []} == {
        "repo": url,
        "rev": rev,
        "hooks": [],
    }


@pytest.mark.parametrize(
    ("what", "value", "reason"),
    [
        ("rev", "v1\n  - repo: evil", "contains a line break"),
        ("rev", "v1\r", "contains a line break"),
        ("rev", "v1\u2028x", "contains a line break"),
        ("rev", "", "is empty"),
        ("rev", "v 1", "contains whitespace"),
        ("rev", "v1\t", "contains whitespace"),
        ("rev", "v1\x07", "contains a control character"),
        ("rev", "v1#x", "contains `#`"),
        ("rev", "v1,2", "contains `,`"),
        ("rev", "v[1]", "contains `[`"),
        ("rev", "{v1}", "contains `{`"),
        ("rev", "it's", "contains `'`"),
        ("rev", '"v1"', 'contains `"`'),
        ("rev", "-v1", "starts with `-`"),
        ("rev", "&a", "starts with `&`"),
        ("rev", "*a", "starts with `*`"),
        ("rev", "!tag", "starts with `!`"),
        ("rev", "|x", "starts with `|`"),
        ("rev", ">x", "starts with `>`"),
        ("rev", "%x", "starts with `%`"),
        ("rev", "@x", "starts with `@`"),
        ("rev", "?x", "starts with `?`"),
        ("rev", ":x", "starts with `:`"),
        ("rev", "v1:", "ends with `:`"),
        ("url", "https://host/o/r\n  - repo: evil", "contains a line break"),
        ("url", "https://host/o/r #x", "contains whitespace"),
        ("url", "local", "is reserved by pre-commit"),
        ("url", "meta", "is reserved by pre-commit"),
        ("url", "", "is empty"),
    ],
)
def test_bundle_ref_refused(what: str, value: str, reason: str) -> None:
    url, rev = (value, "v1") if what == "url" else (BUNDLE_URL, value)
    with pytest.raises(UsageError) as excinfo:
        add_bundle("repos: []\n", "c.yaml", url=url, rev=rev)
    assert excinfo.value.message == f"the bundle {what} {value!r} {reason}" or (
        excinfo.value.message.startswith(f"the bundle {what} {value!r} {reason}")
    )
    assert f"--bundle-{what}" in (excinfo.value.hint or "")


def test_bundle_ref_is_checked_before_the_file() -> None:
    with pytest.raises(UsageError):
        add_bundle("{broken", "c.yaml", rev="v1\n")


def test_mutable_rev_warning_is_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    add_bundle("repos:\n- repo: https://a/b\n  rev: main\n  hooks: [{id: x}]\n", "c.yaml", rev="v1")
    out, err = capsys.readouterr()
    assert out + err == ""


def test_own_bad_output_is_a_bug_not_a_write(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "setsquare.adopt.precommit_config.splice_entry", lambda body, *_a, **_k: body
    )
    with pytest.raises(RuntimeError, match="This is a bug in setsquare"):
        add_bundle("repos: []\n", "c.yaml", rev="v1")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("repos: []\n", id="empty-list"),
        pytest.param(f"{BOM}repos:\n{LOCAL}", id="bom"),
        pytest.param("repos:\r\n- repo: meta\r\n  hooks: []\r\n", id="crlf"),
        pytest.param("minimum_pre_commit_version: '99'\nrepos: []\n", id="future-min-version"),
    ],
)
def test_validate_config_accepts(text: str) -> None:
    validate_config(text, "c.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "c.yaml: is not a pre-commit configuration", id="empty"),
        pytest.param(
            "fail_fast: true\n", "c.yaml: is not a pre-commit configuration", id="no-repos"
        ),
        pytest.param("repos:\n", "c.yaml: is not a pre-commit configuration", id="null-repos"),
        pytest.param(DUP_REV, "c.yaml:4: duplicate key `rev`", id="duplicate"),
        pytest.param(
            "repos:\n- repo: https://a/b\n  hooks: []\n", "c.yaml:2: not a valid", id="no-rev"
        ),
    ],
)
def test_validate_config_refuses(text: str, message: str) -> None:
    with pytest.raises(InputError) as excinfo:
        validate_config(text, "c.yaml")
    assert excinfo.value.message.startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "repos:\n- 3\n",
            "2: repo #1: expected a Repository map but got a int",
            id="repo-not-a-mapping",
        ),
        pytest.param(
            "repos:\n- rev: v1\n",
            "2: repo #1: missing required key: repo",
            id="no-repo",
        ),
        pytest.param(
            "repos:\n- repo: https://a/b\n  hooks: []\n",
            "2: repo 'https://a/b': missing required key: rev",
            id="no-rev",
        ),
        pytest.param(
            "repos:\n- repo: https://a/b\n  rev: 1.0\n  hooks: []\n",
            "3: repo 'https://a/b', key `rev`: expected string got float",
            id="float-rev",
        ),
        pytest.param(
            "repos:\n- repo: local\n",
            "2: repo 'local': missing required key: hooks",
            id="no-hooks",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks: x\n",
            "3: repo 'local', key `hooks`: expected array got str",
            id="hooks-not-a-list",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks:\n  - name: n\n",
            "4: repo 'local', hook #1: missing required key: id",
            id="hook-without-id",
        ),
        pytest.param(
            "repos:\n- repo: local\n  hooks:\n  - id: 3\n",
            "4: repo 'local', hook 3, key `id`: expected string got int",
            id="hook-id-not-a-string",
        ),
    ],
)
def test_structural_check_without_pre_commit(
    monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.setattr("setsquare.adopt.precommit_schema._schema_check", lambda: None)
    with pytest.raises(InputError) as excinfo:
        validate_config(text, "c.yaml")
    line, _, rest = message.partition(": ")
    assert excinfo.value.message.startswith(f"c.yaml:{line}: {INVALID}{rest}")


def test_structural_check_accepts_what_adopt_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("setsquare.adopt.precommit_schema._schema_check", lambda: None)
    change = add_bundle(f"repos:\n{LOCAL}", "c.yaml", rev="v1")
    validate_config(change.text, "c.yaml")


def test_the_bundle_at_another_url_is_recognised_by_its_own_hook_ids() -> None:
    # adopt --bundle-url MIRROR, then plain adopt: one bundle, not a second one.
    text = (
        "repos:\n- repo: /srv/mirrors/setsquare\n  rev: v0.1.0\n  hooks:\n"
        "  - id: ruff-check\n  - id: check-tool-pins\n"
    )
    change = add_bundle(text, ".pre-commit-config.yaml", rev="v0.1.0")
    assert change.bundle_present
    assert change.text == text
