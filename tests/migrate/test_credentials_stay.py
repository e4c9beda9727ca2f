"""A requirement carrying a credential stays in setup.cfg or setup.py, never in pyproject.toml.

The rule is the one requirements files follow (`setsquare.redact`, through
`setsquare.migrate.requirements.has_credentials`): what `redact` would mask is a
secret. ``install_requires`` (or ``[options.extras_require]``) holding one stays in
setup.cfg, which setuptools reads before pyproject.toml, and its ``[project]`` field
is declared dynamic; the ledger says it was kept. Each case runs three ways (write,
``--diff``, ``--check``) through the hostile-input harness: the token is never printed.
A literal ``install_requires=`` in setup.py follows the same rule: it stays in setup.py.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from setsquare._toml import tomllib
from tests.safety.harness import Case, run_case

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

TOKEN = "s3cr3tT0KEN9x"


@dataclass(frozen=True)
class Form:
    """A requirement with a credential, placed in *option* of *section*."""

    behaviour: str
    line: str
    section: str = "options"
    option: str = "install_requires"


FORMS = [
    Form("https-user-and-token", f"private @ https://user:{TOKEN}@pypi.example.org/p-1.0.whl"),
    Form("upper-case-scheme", f"private @ HTTPS://user:{TOKEN}@pypi.example.org/p-1.0.whl"),
    Form("token-as-the-user", f"private @ git+https://{TOKEN}@git.example.org/o/p.git"),
    Form("ssh-password", f"private @ git+ssh://git:{TOKEN}@git.example.org/o/p.git"),
    Form(
        "extra-with-a-token",
        f"private @ https://user:{TOKEN}@pypi.example.org/p-1.0.whl",
        section="options.extras_require",
        option="secret",
    ),
]

#: which [project] field each place fills
FIELD = {"install_requires": "dependencies", "secret": "optional-dependencies"}


def setup_cfg(form: Form) -> str:
    options = "[options]\npy_modules = acme\n"
    if form.section == "options":
        return (
            "[metadata]\nname = acme\nversion = 1.0\n\n"
            f"{options}{form.option} =\n    six\n    {form.line}\n"
        )
    return (
        f"[metadata]\nname = acme\nversion = 1.0\n\n{options}install_requires = six\n\n"
        f"[{form.section}]\nplain = attrs\n{form.option} =\n    {form.line}\n"
    )


def _kept_in_setup_cfg(form: Form) -> Callable[[Path], None]:
    def after(project: Path) -> None:
        pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
        assert TOKEN not in pyproject
        data = tomllib.loads(pyproject)["project"]
        assert FIELD[form.option] in data["dynamic"]
        assert FIELD[form.option] not in data
        assert data["name"] == "acme"  # the rest did move
        cfg = configparser.RawConfigParser()
        cfg.read_string((project / "setup.cfg").read_text(encoding="utf-8"))
        assert form.line in cfg.get(form.section, form.option).splitlines()
        assert not cfg.has_section("metadata")

    return after


def _cases() -> list[Case]:
    cases = []
    for form in FORMS:
        project = {"setup.cfg": setup_cfg(form), "acme.py": "VALUE = 1\n"}
        cases += [
            Case(
                f"{form.behaviour}-kept-in-setup-cfg",
                ("migrate", "{project}"),
                project,
                exit=0,
                changes=frozenset({"setup.cfg", "pyproject.toml"}),
                secret=TOKEN,
                after=_kept_in_setup_cfg(form),
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


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in _cases()])
def test_a_setup_cfg_requirement_with_credentials_stays_in_setup_cfg(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_case(case, tmp_path, capsys)
    kept = [line for line in out.splitlines() if line.startswith("kept")]
    assert any("credentials" in line and "never copied" in line for line in kept), out


def test_a_plain_url_requirement_still_moves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No userinfo, no secret: the rule must not keep ordinary direct references back.
    line = "private @ https://pypi.example.org/p-1.0.whl"
    form = Form("plain-url", line)
    case = Case(
        "plain-url-moves",
        ("migrate", "{project}"),
        {"setup.cfg": setup_cfg(form), "acme.py": ""},
        exit=0,
        changes=None,
    )
    run_case(case, tmp_path, capsys)
    data = tomllib.loads((tmp_path / "project" / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["dependencies"] == ["six", line]
    assert "dynamic" not in data["project"]


@pytest.mark.slow
def test_the_kept_requirements_still_reach_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The build is the judge: --verify builds before and after and compares METADATA.
    case = Case(
        "kept-requirements-verified",
        ("migrate", "{project}", "--verify"),
        {
            "setup.cfg": setup_cfg(FORMS[0]),
            # a setup.cfg-only project needs this stub to build before the migration
            "setup.py": "from setuptools import setup\n\nsetup()\n",
            "acme.py": "VALUE = 1\n",
        },
        exit=0,
        changes=None,
        after=_kept_in_setup_cfg(FORMS[0]),
    )
    _, out, _ = run_case(case, tmp_path, capsys)
    assert "verify: the migrated project builds the same wheel and sdist" in out


@pytest.mark.parametrize("form", FORMS[:4], ids=[f.behaviour for f in FORMS[:4]])
def test_a_setup_py_requirement_with_credentials_stays_in_setup_py(
    form: Form, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_py = (
        "from setuptools import setup\n\n"
        f"setup(\n    name='acme',\n    version='1.0',\n    py_modules=['acme'],\n"
        f"    install_requires=['six', '{form.line}'],\n)\n"
    )

    def kept(project: Path) -> None:
        pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
        assert TOKEN not in pyproject
        data = tomllib.loads(pyproject)["project"]
        assert (data["name"], data["dynamic"]) == ("acme", ["dependencies"])
        assert form.line in (project / "setup.py").read_text(encoding="utf-8")

    case = Case(
        f"{form.behaviour}-kept-in-setup-py",
        ("migrate", "{project}"),
        {"setup.py": setup_py, "acme.py": ""},
        exit=0,
        changes=frozenset({"setup.py", "pyproject.toml"}),
        secret=TOKEN,
        after=kept,
    )
    _, out, _ = run_case(case, tmp_path, capsys)
    assert any(
        line.startswith("kept") and "install_requires=" in line and "never copied" in line
        for line in out.splitlines()
    ), out
