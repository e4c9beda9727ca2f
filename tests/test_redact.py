"""redact(): credentials in any URL of any text are masked, everything else is left alone."""

from __future__ import annotations

import pytest

from setsquare.redact import redact

MASKED = [
    pytest.param(
        "https://user:TOKEN@host/simple", "https://****@host/simple", id="https-user-password"
    ),
    pytest.param("http://user:TOKEN@host/simple", "http://****@host/simple", id="http"),
    pytest.param(
        "HTTPS://user:TOKEN@host/simple", "HTTPS://****@host/simple", id="upper-case-scheme"
    ),
    pytest.param(
        "HtTpS://user:TOKEN@Host/simple", "HtTpS://****@Host/simple", id="mixed-case-scheme"
    ),
    pytest.param("ftp://user:TOKEN@host/pub/x.tar.gz", "ftp://****@host/pub/x.tar.gz", id="ftp"),
    pytest.param(
        "https://ghp_TOKEN123456@github.example/o/r",
        "https://****@github.example/o/r",
        id="token-only-user",
    ),
    pytest.param(
        "https://TOKEN:x-oauth-basic@github.example/o/r",
        "https://****@github.example/o/r",
        id="token-as-user-with-fixed-password",
    ),
    pytest.param("https://user:p@ss@host/simple", "https://****@host/simple", id="at-in-password"),
    pytest.param(
        "https://u:a@b@c@host/simple", "https://****@host/simple", id="several-at-in-password"
    ),
    pytest.param(
        "https://user%40corp:p%40ss%2F@host/simple",
        "https://****@host/simple",
        id="percent-encoded",
    ),
    pytest.param(
        "https://user:p#ss@host/simple", "https://****@host/simple", id="unencoded-hash-in-password"
    ),
    pytest.param(
        "https://user:TOKEN@host:8443/simple", "https://****@host:8443/simple", id="port-kept"
    ),
    pytest.param("https://user:TOKEN@host", "https://****@host", id="no-path"),
    pytest.param(
        "git+https://user:TOKEN@g.example/o/r.git@v1.0#egg=r",
        "git+https://****@g.example/o/r.git@v1.0#egg=r",
        id="git+https-revision-kept",
    ),
    pytest.param("git+http://TOKEN@g.example/o/r", "git+http://****@g.example/o/r", id="git+http"),
    pytest.param(
        "GIT+HTTPS://TOKEN@g.example/o/r", "GIT+HTTPS://****@g.example/o/r", id="git+https-upper"
    ),
    pytest.param("git+file://user:TOKEN@h/srv/r", "git+file://****@h/srv/r", id="git+file"),
    pytest.param("git://user:TOKEN@h/r", "git://****@h/r", id="git-protocol"),
    pytest.param("hg+https://user:TOKEN@h/r", "hg+https://****@h/r", id="hg+https"),
    pytest.param("svn+https://user:TOKEN@h/r", "svn+https://****@h/r", id="svn+https"),
    pytest.param("bzr+https://user:TOKEN@h/r", "bzr+https://****@h/r", id="bzr+https"),
    pytest.param(
        "git+ssh://git:TOKEN@h/o/r.git", "git+ssh://git:****@h/o/r.git", id="git+ssh-password"
    ),
    pytest.param(
        "GIT+SSH://git:TOKEN@h/o/r.git", "GIT+SSH://git:****@h/o/r.git", id="git+ssh-upper"
    ),
    pytest.param("ssh://deploy:TOKEN@h/r", "ssh://deploy:****@h/r", id="ssh-password"),
    pytest.param("svn+ssh://me:p@ss@h/r", "svn+ssh://me:****@h/r", id="svn+ssh-at-in-password"),
    pytest.param("sftp://me:TOKEN@h/x", "sftp://me:****@h/x", id="sftp-password"),
    pytest.param(
        "x @ https://user:TOKEN@h.example/x.whl",
        "x @ https://****@h.example/x.whl",
        id="pep508-direct-reference",
    ),
    pytest.param(
        "--index-url https://u:TOKEN@h/simple", "--index-url https://****@h/simple", id="index-url"
    ),
    pytest.param(
        "--index-url=https://u:TOKEN@h/", "--index-url=https://****@h/", id="index-url-equals"
    ),
    pytest.param("-i https://u:TOKEN@h/simple", "-i https://****@h/simple", id="short-option"),
    pytest.param(
        "-ihttps://u:TOKEN@h/simple", "-ihttps://****@h/simple", id="short-option-attached"
    ),
    pytest.param(
        "--extra-index-url https://TOKEN@h/simple",
        "--extra-index-url https://****@h/simple",
        id="extra-index-url",
    ),
    pytest.param(
        'url = "https://u:TOKEN@h/simple"', 'url = "https://****@h/simple"', id="double-quoted"
    ),
    pytest.param("url = 'https://u:TOKEN@h'", "url = 'https://****@h'", id="single-quoted-no-path"),
    pytest.param('"https://u:TOKEN@h"', '"https://****@h"', id="quote-ends-the-host"),
    pytest.param("<https://u:TOKEN@h>", "<https://****@h>", id="angle-brackets"),
    pytest.param(
        "a https://u:ONE@h1/x b git+ssh://git:TWO@h2/y c",
        "a https://****@h1/x b git+ssh://git:****@h2/y c",
        id="several-per-line",
    ),
    pytest.param(
        "line https://u:ONE@h1/x\n--extra-index-url http://TWO@h2/\r\nend",
        "line https://****@h1/x\n--extra-index-url http://****@h2/\r\nend",
        id="multi-line",
    ),
    pytest.param(
        "https://user:${TOKEN}@h/x",
        "https://****:${TOKEN}@h/x",
        id="literal-user-placeholder-password",
    ),
    pytest.param(
        "https://${USER}:TOKEN@h/x",
        "https://${USER}:****@h/x",
        id="placeholder-user-literal-password",
    ),
    pytest.param(
        "https://u:${token}@h/x", "https://****@h/x", id="lower-case-braces-are-not-expanded-by-pip"
    ),
    pytest.param("https://u:pre${TOKEN}@h/x", "https://****@h/x", id="partly-literal-password"),
]

UNCHANGED = [
    pytest.param("https://host/simple", id="no-userinfo"),
    pytest.param("HTTPS://Host.Example/Simple", id="no-userinfo-upper"),
    pytest.param("git+ssh://git@host/x.git", id="git+ssh-conventional-user"),
    pytest.param("ssh://git@host/x.git", id="ssh-user"),
    pytest.param("svn+ssh://me@host/r", id="svn+ssh-user"),
    pytest.param("pkg @ https://host/x.whl", id="pep508-at-is-not-userinfo"),
    pytest.param("pkg@https://host/x.whl", id="pep508-at-without-spaces"),
    pytest.param(
        "black @ git+https://g.example/o/black@24.1.0#egg=black", id="revision-after-path"
    ),
    pytest.param("x @ https://h.example/x.tar.gz#sha256=ab@", id="at-in-fragment-after-path"),
    pytest.param("contact ada@example.org for access", id="email"),
    pytest.param("Ada <ada@example.org>, https://example.org", id="email-beside-url"),
    pytest.param("mailto:ada@example.org", id="mailto"),
    pytest.param("git@github.com:o/r.git", id="scp-like-ssh"),
    pytest.param("https://${TOKEN}@h/x", id="placeholder-token"),
    pytest.param("https://${USER}:${TOKEN}@h/x", id="placeholder-user-and-password"),
    pytest.param("https://${A}${B}:${C}@h/x", id="concatenated-placeholders"),
    pytest.param("git+ssh://git:${TOKEN}@h/x", id="ssh-placeholder-password"),
    pytest.param("https://@h/x", id="empty-userinfo"),
    pytest.param("", id="empty"),
    pytest.param("no url at all: a://b, @@@, ://@x", id="fragments-of-urls"),
]


@pytest.mark.parametrize(("text", "expected"), MASKED)
def test_redact_masks(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert "TOKEN" not in redact(text).replace("${TOKEN}", "")
    # Masking is idempotent: a second pass (error reporter over a ledger line) changes nothing.
    assert redact(expected) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_redact_noop(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "a" * 1_000_000, "a" * 1_000_000, id="1mb-scheme-characters-without-separator"
        ),
        pytest.param("a-1." * 250_000, "a-1." * 250_000, id="1mb-mixed-scheme-characters"),
        pytest.param("@" * 1_000_000, "@" * 1_000_000, id="1mb-of-at"),
        pytest.param("https://" + "@" * 1_000_000, "https://****@", id="1mb-authority-of-at"),
        pytest.param("https://" + "a" * 1_000_000, "https://" + "a" * 1_000_000, id="1mb-host"),
        pytest.param(
            "https://u:p@h/x " * 60_000, "https://****@h/x " * 60_000, id="1mb-of-secret-urls"
        ),
        pytest.param("a://" * 250_000, "a://" * 250_000, id="1mb-of-separators"),
        pytest.param("@b://" * 200_000, "@b://" * 200_000, id="1mb-of-at-and-separators"),
    ],
)
def test_long_lines_stay_linear(line: str, expected: str) -> None:
    # Each run of scheme characters is tried once and the quantifiers are possessive,
    # so none of these can backtrack quadratically (they would take hours if they
    # did); no timing assert, which would be flaky on a loaded CI machine.
    assert redact(line) == expected
