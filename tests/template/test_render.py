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
from tests.helpers import REPO_ROOT, render, run, tool
from tests.template.combos import FULL
from tests.template.references import REFERENCE, REFERENCES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: The reviewed golden renders: a folder under reference/ per case, and its answers.
REFERENCE_CASES: dict[str, dict[str, Any]] = {
    "default": FULL["defaults"],
    # Every question added since 0.1.0 switched on.
    "all-new-options": {
        "project_name": "acme-widgets",
        "docs": True,
        "versioning": "vcs",
    },
    # The same on GitLab: `ci=gitlab` replaces every GitHub file, so it has a case of its own.
    "gitlab": {
        "project_name": "acme-widgets",
        "ci": "gitlab",
        "docs": True,
        "versioning": "vcs",
    },
}
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
    "docs",
    "versioning",
    "ci",
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


@pytest.mark.parametrize("case", sorted(REFERENCE_CASES))
def test_render_matches_the_reviewed_reference(
    template_repo: Path, tmp_path: Path, case: str
) -> None:
    """The golden references are reviewed in every diff; regenerate them only on purpose.

    To regenerate: SETSQUARE_REGEN_REFERENCE=1 pytest tests/template/test_render.py -k CASE
    """
    dst = render(template_repo, tmp_path / "acme-widgets", REFERENCE_CASES[case])
    reference = REFERENCES / case
    if os.environ.get("SETSQUARE_REGEN_REFERENCE") == "1":  # pragma: no cover
        import shutil

        shutil.rmtree(reference, ignore_errors=True)
        shutil.copytree(dst, reference)
        answers = reference / ".copier-answers.yml"
        answers.write_text(_answers_without_provenance(answers), encoding="utf-8")
    assert _files(dst) == _files(reference)
    for name in sorted(_files(reference)):
        if name == ".copier-answers.yml":
            assert _answers_without_provenance(dst / name) == (reference / name).read_text(
                encoding="utf-8"
            )
        else:
            assert filecmp.cmp(dst / name, reference / name, shallow=False), name


NASTY: dict[str, Any] = {
    "project_name": "nasty",
    "description": "Say \"hi\" \\ to C:\\new\\table, {{ jinja }} {% raw %} & Ünïcödé — 🚀 'single'",
    "author_name": 'O\'Brien "Bob" \\ Żółć 🐍',
    "author_email": "o.brien+tag@example.co.uk",
    "cli": True,
    "docs": True,
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
    conf = ast.parse((dst / "docs" / "conf.py").read_text(encoding="utf-8"))
    assigned = {
        node.targets[0].id: node.value.value
        for node in conf.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    assert assigned["author"] == NASTY["author_name"]


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
    # Every optional file on; the reviewed default reference covers the render without them.
    data = {"project_name": "tidy", "license": license_id, "cli": True, "docs": True}
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


ALL_NEW = REFERENCES / "all-new-options"
DOCS_FILES = {
    "docs/.gitignore",
    "docs/api.md",
    "docs/conf.py",
    "docs/index.md",
    "docs/usage.md",
    ".github/workflows/docs.yml",
}
PINNED_USES = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", re.M)


def _load_yaml(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_docs_on_adds_its_files_and_off_adds_none() -> None:
    assert _files(ALL_NEW) >= DOCS_FILES
    assert not DOCS_FILES & _files(REFERENCE)
    on = tomllib.loads((ALL_NEW / "pyproject.toml").read_text(encoding="utf-8"))
    off = tomllib.loads((REFERENCE / "pyproject.toml").read_text(encoding="utf-8"))
    assert [r.split(">=")[0] for r in on["dependency-groups"]["docs"]] == [
        "sphinx",
        "myst-parser",
        "furo",
    ]
    assert "docs" not in off["dependency-groups"]
    # `dev` stays lean: the test matrix does not install Sphinx.
    assert on["dependency-groups"]["dev"] == off["dependency-groups"]["dev"]
    # With a docs/ folder, repo-review's "has docs folder" check runs instead of being skipped.
    assert "PY004" in off["tool"]["repo-review"]["ignore"]
    assert "PY004" not in on["tool"]["repo-review"]["ignore"]
    assert on["project"]["urls"]["Documentation"] == "https://acme-widgets.github.io/acme-widgets/"
    assert "Documentation" not in off["project"]["urls"]


def test_docs_workflow_builds_strictly_and_deploys_with_least_privilege() -> None:
    path = ALL_NEW / ".github" / "workflows" / "docs.yml"
    workflow = _load_yaml(path)
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == ["build"]
    only_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == only_main
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["if"] == only_main
    assert upload["with"]["path"] == "docs/_build/html"
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["persist-credentials"] is False
    # A shallow clone has no tags: with versions from git, the pages would show 0.0.1.devN.
    vcs = REFERENCE_CASES["all-new-options"].get("versioning") == "vcs"
    assert checkout["with"].get("fetch-depth") == (0 if vcs else None)
    commands = " ".join(step.get("run", "") for step in build["steps"])
    assert "sphinx-build -W -n --keep-going -b html docs docs/_build/html" in commands
    assert "uv sync --locked --no-dev --group docs" in commands


def test_docs_workflow_pins_actions_like_the_other_workflows() -> None:
    workflows = ALL_NEW / ".github" / "workflows"
    text = (workflows / "docs.yml").read_text(encoding="utf-8")
    uses = [line for line in text.splitlines() if "uses:" in line]
    assert len(uses) == 4
    assert len(PINNED_USES.findall(text)) == len(uses)
    # The same SHA as the template's other workflows, so one update moves them all.
    lint = (workflows / "lint.yml").read_text(encoding="utf-8")
    for action in ("actions/checkout@", "astral-sh/setup-uv@"):
        ours = next(line for line in uses if action in line).split("uses: ")[1]
        assert ours in lint, action


def test_docs_pages_name_the_package_and_build_command() -> None:
    conf = (ALL_NEW / "docs" / "conf.py").read_text(encoding="utf-8")
    assert 'project = "acme-widgets"' in conf
    assert "nitpicky = True" in conf
    assert ".. automodule:: acme_widgets\n" in (ALL_NEW / "docs" / "api.md").read_text("utf-8")
    command = "uv run --group docs sphinx-build -W -n --keep-going -b html docs docs/_build/html"
    for name in ("README.md", "CONTRIBUTING.md"):
        assert command in (ALL_NEW / name).read_text(encoding="utf-8"), name
        assert "sphinx-build" not in (REFERENCE / name).read_text(encoding="utf-8"), name


@pytest.mark.slow
@pytest.mark.parametrize(
    ("author", "line"),
    [
        ("Acme Corp.", 'author = "Acme Corp."'),
        ("O'Brien", 'author = "O\'Brien"'),
        ('Zoë "Q" \\ Müller', "author = 'Zoë \"Q\" \\\\ Müller'"),
        ("\"\"'''", 'author = "\\"\\"\'\'\'"'),
    ],
)
def test_docs_conf_quotes_the_author_as_ruff_format_keeps_it(
    template_repo: Path, tmp_path: Path, author: str, line: str
) -> None:
    """Double quotes, unless single ones need fewer escapes: what the formatter settles on."""
    data = {"project_name": "p", "docs": True, "author_name": author}
    dst = render(template_repo, tmp_path / "p", data)
    assert line in (dst / "docs" / "conf.py").read_text(encoding="utf-8").splitlines()
    run([tool("ruff"), "format", "--check", "docs/conf.py"], dst)


GITLAB = REFERENCES / "gitlab"
#: `image: name:tag@sha256:<64 hex>`: a tag for the reader, a digest that cannot move.
PINNED_IMAGE = re.compile(r"^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")


def test_gitlab_replaces_every_github_file() -> None:
    assert not {name for name in _files(GITLAB) if name.startswith(".github/")}
    assert ".gitlab-ci.yml" in _files(GITLAB)
    assert ".gitlab-ci.yml" not in _files(ALL_NEW) | _files(REFERENCE)
    # Everything else is the same set of files as the same answers on GitHub.
    github_only = {name for name in _files(ALL_NEW) if name.startswith(".github/")}
    assert _files(GITLAB) - {".gitlab-ci.yml"} == _files(ALL_NEW) - github_only


def test_gitlab_urls_and_texts_follow_the_host() -> None:
    pyproject = tomllib.loads((GITLAB / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"] == {
        "Homepage": "https://gitlab.com/acme-widgets/acme-widgets",
        "Source": "https://gitlab.com/acme-widgets/acme-widgets",
        "Issues": "https://gitlab.com/acme-widgets/acme-widgets/-/issues",
        "Changelog": "https://gitlab.com/acme-widgets/acme-widgets/-/blob/main/CHANGELOG.md",
        "Documentation": "https://acme-widgets.gitlab.io/acme-widgets/",
    }
    # zizmor audits GitHub workflows only: no use for it here.
    assert not [r for r in pyproject["dependency-groups"]["lint"] if r.startswith("zizmor")]
    contributing = (GITLAB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "git clone https://gitlab.com/acme-widgets/acme-widgets\n" in contributing
    assert "GitLab Pages" in contributing
    for text in (contributing, (GITLAB / "README.md").read_text(encoding="utf-8")):
        assert "github.com/acme-widgets" not in text
        assert ".github/" not in text
        assert "Dependabot" not in text


def test_gitlab_pipeline_mirrors_the_github_workflows() -> None:
    pipeline = _load_yaml(GITLAB / ".gitlab-ci.yml")
    # The documented pattern: branch pipelines until a merge request is open, then
    # merge request pipelines only; and tag pipelines for releases.
    assert pipeline["workflow"]["rules"] == [
        {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'},
        {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"},
        {"if": "$CI_COMMIT_BRANCH"},
        {"if": "$CI_COMMIT_TAG =~ /^v/"},
    ]
    assert PINNED_IMAGE.match(pipeline["default"]["image"])
    jobs = {name: job for name, job in pipeline.items() if name not in {"workflow", "default"}}
    assert not [name for name, job in jobs.items() if isinstance(job, dict) and "image" in job]
    lint = " ".join(pipeline["lint"]["script"])
    assert "uv run pre-commit run --all-files --show-diff-on-failure" in lint
    assert pipeline["test"]["parallel"]["matrix"] == [{"UV_PYTHON": ["3.10", "3.14"]}]
    assert "uv sync --resolution lowest-direct" in pipeline["lowest"]["script"]
    # Trusted publishing: an ID token for the audience `pypi`, which uv finds as
    # PYPI_ID_TOKEN; only on tags, after every test stage passed.
    publish = pipeline["publish"]
    assert publish["id_tokens"] == {"PYPI_ID_TOKEN": {"aud": "pypi"}}
    assert publish["script"] == ["uv publish --trusted-publishing always"]
    assert publish["environment"] == {"name": "pypi"}
    assert publish["dependencies"] == ["build"]
    assert "needs" not in publish
    stages = pipeline["stages"]
    assert stages.index("publish") > stages.index("build") > stages.index("test")
    for job in ("build", "publish"):
        assert pipeline[job]["rules"] == [{"if": "$CI_COMMIT_TAG =~ /^v/"}]
        assert pipeline[job]["interruptible"] is False
    # Versions from git tags: the whole history where the version is shown.
    assert pipeline["build"]["variables"] == {"GIT_DEPTH": 0}
    assert pipeline[".docs"]["variables"] == {"GIT_DEPTH": 0}
    # Pages: built strictly everywhere, deployed from the default branch only.
    build_docs = "uv run --no-sync sphinx-build -W -n --keep-going -b html docs public"
    assert build_docs in pipeline[".docs"]["script"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["pages"]["artifacts"] == {"paths": ["public"]}
    assert pipeline["docs"]["rules"] == [{"if": "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH"}]


@pytest.mark.parametrize(
    "data",
    [
        {"ci": "gitlab", "docs": True, "versioning": "vcs", "cli": True},
        {"ci": "gitlab", "license": "LicenseRef-Proprietary", "python_min": "3.14"},
    ],
    ids=["everything", "proprietary-one-python"],
)
def test_gitlab_pipeline_matches_gitlabs_schema_and_stays_tidy(
    template_repo: Path, tmp_path: Path, data: dict[str, Any]
) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": "p", **data})
    run([tool("check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"], dst)
    raw = (dst / ".gitlab-ci.yml").read_bytes()
    assert raw.endswith(b"\n")
    assert not raw.endswith(b"\n\n")
    assert not [line for line in raw.split(b"\n") if line.endswith((b" ", b"\t"))]
    pipeline = _load_yaml(dst / ".gitlab-ci.yml")
    # Nothing to publish for a proprietary project, as on GitHub (no release.yml).
    released = data.get("license") != "LicenseRef-Proprietary"
    assert ("publish" in pipeline) is released
    assert ("build" in pipeline["stages"]) is released
    assert ("pages" in pipeline) is bool(data.get("docs"))
    assert not (dst / ".github").exists()
