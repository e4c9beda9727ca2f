"""Secrets are never printed and never copied: every credential form, through `migrate`.

Each form is one requirements line carrying a token. It runs three ways (write,
``--diff``, ``--check``); none may print the token, the write must not copy it
into pyproject.toml, and the line must stay, unchanged, in its requirements file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from tests.safety.harness import Case, run_case

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

TOKEN = "s3cr3tT0KEN9x"
SETUP_CFG = "[metadata]\nname = acme\nversion = 1.0\n\n[options]\npy_modules = acme\n"
SETUP_PY = (
    'from setuptools import setup\n\nsetup(name="acme", version="1.0", py_modules=["acme"])\n'
)


@dataclass(frozen=True)
class Form:
    """A credential form: *line* goes into *path* beside a plain requirement."""

    behaviour: str
    line: str
    path: str = "requirements.txt"
    setup: tuple[str, str] = ("setup.cfg", SETUP_CFG)


FORMS = [
    Form("upper-case-https-token", f"private @ HTTPS://user:{TOKEN}@pypi.example.org/p-1.0.tar.gz"),
    Form("mixed-case-https-token", f"private @ HtTpS://user:{TOKEN}@pypi.example.org/p-1.0.tar.gz"),
    Form("http-token", f"private @ http://user:{TOKEN}@pypi.example.org/p-1.0.tar.gz"),
    Form("ftp-token", f"private @ ftp://user:{TOKEN}@ftp.example.org/p-1.0.tar.gz"),
    Form("git+ssh-password", f"private @ git+ssh://git:{TOKEN}@git.example.org/o/private.git"),
    Form("git+https-token-only-user", f"private @ git+https://{TOKEN}@git.example.org/o/p.git"),
    Form("git+http-token", f"private @ git+http://user:{TOKEN}@git.example.org/o/p.git"),
    Form("git+file-token", f"private @ git+file://user:{TOKEN}@host/srv/p.git"),
    Form("hg+https-token", f"private @ hg+https://user:{TOKEN}@hg.example.org/p"),
    Form("svn+https-token", f"private @ svn+https://user:{TOKEN}@svn.example.org/p/trunk"),
    Form("bzr+https-token", f"private @ bzr+https://user:{TOKEN}@bzr.example.org/p"),
    Form("ssh-password", f"private @ ssh://deploy:{TOKEN}@host.example.org/p.tar.gz"),
    Form("at-in-password", f"private @ https://user:p@ss@{TOKEN}@pypi.example.org/p-1.0.tar.gz"),
    Form("percent-encoded-password", f"private @ https://user:{TOKEN}%40x@h.example.org/p.tar.gz"),
    Form(
        "literal-user-beside-variable", f"private @ https://{TOKEN}:${{PASSWORD}}@h.example.org/p"
    ),
    Form("index-url-option", f"--index-url https://user:{TOKEN}@pypi.example.org/simple"),
    Form("short-index-option", f"-i https://{TOKEN}@pypi.example.org/simple"),
    Form("extra-index-url-upper", f"--extra-index-url=HTTPS://__token__:{TOKEN}@pypi.example.org/"),
    Form("find-links-token", f"-f https://user:{TOKEN}@wheels.example.org/"),
    Form("editable-vcs-token", f"-e git+https://{TOKEN}@git.example.org/o/x#egg=x"),
    Form("egg-url-token", f"git+https://user:{TOKEN}@git.example.org/o/x@v1.0#egg=x"),
    Form("include-url-token", f"-r https://user:{TOKEN}@h.example.org/base.txt"),
    Form("hash-pinned-url-token", f"x @ https://u:{TOKEN}@h.example.org/x.whl --hash=sha256:ab"),
    Form(
        "dev-group-token",
        f"private @ HTTPS://user:{TOKEN}@pypi.example.org/p-1.0.tar.gz",
        path="requirements/dev.txt",
    ),
    Form(
        "setup-py-project-token",
        f"private @ git+ssh://git:{TOKEN}@git.example.org/o/private.git",
        setup=("setup.py", SETUP_PY),
    ),
]


def _project(form: Form) -> dict[str, str]:
    name, text = form.setup
    return {
        name: text,
        "acme.py": "VALUE = 1\n",
        form.path: f"six\n{form.line}\nattrs\n",
    }


def _not_copied(form: Form) -> Callable[[Path], None]:
    def after(project: Path) -> None:
        pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
        assert TOKEN not in pyproject
        assert '"six"' in pyproject  # the plain requirements did move
        # The line stays where pip reads it, byte for byte.
        assert form.line in (project / form.path).read_text(encoding="utf-8").splitlines()

    return after


def _cases() -> list[Case]:
    cases = []
    for form in FORMS:
        project = _project(form)
        cases += [
            Case(
                f"{form.behaviour}-not-copied",
                ("migrate", "{project}"),
                project,
                exit=0,
                changes=None,
                secret=TOKEN,
                after=_not_copied(form),
            ),
            Case(
                f"{form.behaviour}-not-shown-in-diff",
                ("migrate", "{project}", "--diff"),
                project,
                exit=0,
                secret=TOKEN,
            ),
            Case(
                f"{form.behaviour}-not-shown-by-check",
                ("migrate", "{project}", "--check"),
                project,
                exit=1,
                secret=TOKEN,
            ),
        ]
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
def test_secrets(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_case(case, tmp_path, capsys)
    # The ledger says the line was kept, and why, with the credential masked.
    kept = [line for line in out.splitlines() if line.startswith("kept") and "****" in line]
    assert len(kept) == 1, out
    assert "never copied" in kept[0], kept[0]


def test_a_comment_with_credentials_is_masked_where_it_is_copied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = Case(
        "comment-with-credentials-masked-in-pyproject",
        ("migrate", "{project}"),
        {
            "setup.cfg": SETUP_CFG,
            "acme.py": "",
            "requirements.txt": f"six\n# mirror: https://user:{TOKEN}@h.example.org/simple\nattrs\n",
        },
        exit=0,
        changes=None,
        secret=TOKEN,
    )
    run_case(case, tmp_path, capsys)
    pyproject = (tmp_path / "project" / "pyproject.toml").read_text(encoding="utf-8")
    assert "# mirror: https://****@h.example.org/simple" in pyproject
    assert TOKEN not in pyproject


def test_the_conventional_ssh_user_is_copied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # git@ is how every ssh remote logs in: no secret, so the requirement moves.
    line = "private @ git+ssh://git@git.example.org/o/private.git"
    case = Case(
        "ssh-user-without-password-is-copied",
        ("migrate", "{project}"),
        {"setup.cfg": SETUP_CFG, "acme.py": "", "requirements.txt": f"{line}\n"},
        exit=0,
        changes=None,
    )
    run_case(case, tmp_path, capsys)
    pyproject = (tmp_path / "project" / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{line}"' in pyproject
