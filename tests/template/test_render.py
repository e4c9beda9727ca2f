"""Fast checks on the template itself and on what it renders (no project environment)."""

from __future__ import annotations

import ast
import filecmp
import keyword
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from setsquare import __version__
from tests.helpers import REPO_ROOT, render
from tests.template.combos import FULL

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REFERENCE = Path(__file__).parent / "reference" / "default"
COPIER_YML = yaml.safe_load((REPO_ROOT / "copier.yml").read_text(encoding="utf-8"))
QUESTIONS = {k: v for k, v in COPIER_YML.items() if not k.startswith("_")}

#: Public interface: these names are passed with --data and recorded in answers files.
PUBLIC_QUESTIONS = {
    "project_name",
    "package_name",
    "description",
    "author_name",
    "author_email",
    "github_owner",
    "license",
    "python_min",
    "build_backend",
    "cli",
}


def test_public_questions_are_all_there() -> None:
    asked = {name for name, q in QUESTIONS.items() if q.get("when") is not False}
    assert asked == PUBLIC_QUESTIONS


def test_copy_never_needs_trust() -> None:
    for key in ("_tasks", "_jinja_extensions", "_migrations", "_external_data"):
        assert key not in COPIER_YML


def test_every_question_has_a_default() -> None:
    for name, question in QUESTIONS.items():
        assert "default" in question, f"{name} has no default: --defaults would fail"


def test_choices_are_the_documented_ones() -> None:
    assert list(QUESTIONS["license"]["choices"].values()) == [
        "MIT",
        "Apache-2.0",
        "BSD-3-Clause",
        "GPL-3.0-or-later",
        "MPL-2.0",
        "LicenseRef-Proprietary",
    ]
    assert QUESTIONS["python_min"]["choices"] == ["3.10", "3.11", "3.12", "3.13", "3.14"]
    assert QUESTIONS["build_backend"]["choices"] == [
        "hatchling",
        "uv_build",
        "setuptools",
        "flit_core",
        "pdm-backend",
    ]


def test_template_version_is_the_package_version() -> None:
    assert QUESTIONS["setsquare_version"]["default"] == __version__


def _files(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


def _answers_without_provenance(path: Path) -> str:
    # _commit and _src_path name the temporary template copy; they differ per run.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(("_commit:", "_src_path:")))


def test_default_render_matches_the_reviewed_reference(template_repo: Path, tmp_path: Path) -> None:
    """The golden reference is reviewed in every diff; regenerate it only on purpose.

    To regenerate: SETSQUARE_REGEN_REFERENCE=1 pytest tests/template/test_render.py
    """
    dst = render(template_repo, tmp_path / "acme-widgets", FULL["defaults"])
    if os.environ.get("SETSQUARE_REGEN_REFERENCE") == "1":  # pragma: no cover
        import shutil

        shutil.rmtree(REFERENCE, ignore_errors=True)
        shutil.copytree(dst, REFERENCE)
        answers = REFERENCE / ".copier-answers.yml"
        answers.write_text(_answers_without_provenance(answers), encoding="utf-8")
    assert _files(dst) == _files(REFERENCE)
    for name in sorted(_files(REFERENCE)):
        if name == ".copier-answers.yml":
            assert _answers_without_provenance(dst / name) == (REFERENCE / name).read_text(
                encoding="utf-8"
            )
        else:
            assert filecmp.cmp(dst / name, REFERENCE / name, shallow=False), name


NASTY: dict[str, Any] = {
    "project_name": "nasty",
    "description": "Say \"hi\" \\ to C:\\new\\table, {{ jinja }} {% raw %} & Ünïcödé — 🚀 'single'",
    "author_name": 'O\'Brien "Bob" \\ Żółć 🐍',
    "author_email": "o.brien+tag@example.co.uk",
    "cli": True,
}


def test_quotes_backslashes_and_unicode_stay_valid(template_repo: Path, tmp_path: Path) -> None:
    dst = render(template_repo, tmp_path / "nasty", NASTY)
    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["description"] == NASTY["description"]
    assert pyproject["project"]["authors"] == [
        {"name": NASTY["author_name"], "email": NASTY["author_email"]}
    ]
    answers = yaml.safe_load((dst / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["description"] == NASTY["description"]
    assert answers["author_name"] == NASTY["author_name"]
    for path in dst.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for path in [*dst.rglob("*.yml"), *dst.rglob("*.yaml")]:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    assert NASTY["author_name"] in (dst / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("project_name", "package_name", "github_owner"),
    [
        ("acme-widgets", "acme_widgets", "acme-widgets"),
        ("Acme.Widgets", "acme_widgets", "Acme-Widgets"),
        ("my__odd--name", "my_odd_name", "my-odd-name"),
        ("3d-tools", "_3d_tools", "3d-tools"),
        ("a", "a", "a"),
    ],
)
def test_computed_defaults(
    template_repo: Path, tmp_path: Path, project_name: str, package_name: str, github_owner: str
) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": project_name})
    answers = yaml.safe_load((dst / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["package_name"] == package_name
    assert answers["github_owner"] == github_owner
    assert (dst / "src" / package_name / "__init__.py").is_file()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"project_name": "bad name"}, "project_name must be a PEP 508 name"),
        ({"project_name": "-dash"}, "project_name must be a PEP 508 name"),
        ({"project_name": "ok", "package_name": "class"}, "must not be a Python keyword"),
        ({"project_name": "ok", "package_name": "json"}, "is a standard-library module"),
        ({"project_name": "email"}, 'package_name "email" is a standard-library module'),
        ({"project_name": "ok", "package_name": "Not-Valid"}, "lowercase Python identifier"),
        ({"project_name": "ok", "package_name": "9lives"}, "lowercase Python identifier"),
        ({"project_name": "ok", "author_email": "not-an-email"}, "author_email must be"),
        ({"project_name": "ok", "author_email": "a@b"}, "author_email must be"),
        ({"project_name": "ok", "description": "two\nlines"}, "single line"),
        ({"project_name": "ok", "description": "  "}, "must not be empty"),
        ({"project_name": "ok", "author_name": "tab\there"}, "single line"),
        ({"project_name": "ok", "github_owner": "no/slash"}, "github_owner must be"),
        ({"project_name": "ok", "license": "WTFPL"}, "license"),
        ({"project_name": "ok", "python_min": "3.9"}, "python_min"),
        ({"project_name": "ok", "build_backend": "poetry"}, "build_backend"),
    ],
)
def test_invalid_answers_are_refused(
    template_repo: Path, tmp_path: Path, data: dict[str, str], message: str
) -> None:
    dst = tmp_path / "never"
    with pytest.raises(ValueError, match=message):
        render(template_repo, dst, data)
    assert not dst.exists()


@pytest.mark.parametrize(
    "license_id", ["MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-or-later", "MPL-2.0",
                   "LicenseRef-Proprietary"],
)  # fmt: skip
def test_rendered_text_passes_the_hygiene_hooks(
    template_repo: Path, tmp_path: Path, license_id: str
) -> None:
    """What the bundle's whitespace hooks would change on a fresh render: nothing."""
    data = {"project_name": "tidy", "license": license_id, "cli": True}
    dst = render(template_repo, tmp_path / "tidy", data)
    for path in sorted(p for p in dst.rglob("*") if p.is_file() and ".git" not in p.parts):
        raw = path.read_bytes()
        if not raw:
            continue  # py.typed
        name = path.relative_to(dst)
        assert raw.endswith(b"\n"), f"{name}: no final newline"
        assert not raw.endswith(b"\n\n"), f"{name}: blank lines at the end"
        assert b"\r" not in raw, f"{name}: CR line endings"
        for number, line in enumerate(raw.split(b"\n"), start=1):
            assert not line.endswith((b" ", b"\t")), f"{name}:{number}: trailing whitespace"


def test_package_name_refuses_every_keyword_and_stdlib_module_name() -> None:
    # The lists in copier.yml's validator are written out (Jinja has no `keyword` or
    # `sys`); they must cover what this Python knows.
    validator = COPIER_YML["package_name"]["validator"]
    lists = [ast.literal_eval(found) for found in re.findall(r"\['[^\]]*\]", validator)]
    keywords, stdlib = (set(names) for names in lists)
    assert keywords == {word for word in keyword.kwlist if word.islower()}
    public = {name for name in sys.stdlib_module_names if re.fullmatch("[a-z][a-z0-9_]*", name)}
    assert public <= stdlib
