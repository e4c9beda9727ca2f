from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.main import main
from tests.helpers import run, tool, work_tree

if TYPE_CHECKING:
    from pathlib import Path

CONFIG = """\
# Team hooks: this comment must survive adopt.
repos:
  # Built-in meta checks
  - repo: meta
    hooks:
      - id: check-useless-excludes
  # A check the team wrote
  - repo: local
    hooks:
      - id: no-fixme  # keep me
        name: no FIXME
        entry: FIXME
        language: pygrep
        types: [python]
"""

PYPROJECT = """\
# Legacy project: comments stay.
[project]
name = "legacy"
version = "1.0"
requires-python = ">=3.10"

[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"
"""

# Lint findings (unused import, bare except, `== None`), bad formatting, trailing
# whitespace and a missing final newline: what a real old code base looks like.
LEGACY_CODE = (
    "import os, sys\n"
    "def check(x):   \n"
    "    try:\n"
    "        return x == None\n"
    "    except:\n"
    "        return False"
)


def _legacy_repo(root: Path) -> Path:
    (root / "src" / "legacy").mkdir(parents=True)
    (root / "src" / "legacy" / "__init__.py").write_text(LEGACY_CODE, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "README.md").write_text("# legacy\n", encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "commit", "-q", "-m", "legacy"], root)
    return root


def test_broken_yaml_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _legacy_repo(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text("repos:\n  - repo: x\n   bad: [\n")
    before = work_tree(repo)
    assert main(["adopt", str(repo), "--no-install"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert (
        err[0]
        == "error: .pre-commit-config.yaml:3: invalid YAML: " + err[0].split("invalid YAML: ", 1)[1]
    )
    assert err[1].startswith("hint: ")
    assert work_tree(repo) == before


def test_broken_toml_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _legacy_repo(tmp_path)
    (repo / "pyproject.toml").write_text('[project]\nname = "x\n')
    before = work_tree(repo)
    assert main(["adopt", str(repo), "--no-install"]) == 2
    assert capsys.readouterr().err.startswith("error: pyproject.toml:2: invalid TOML")
    assert work_tree(repo) == before


def test_not_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adopt", str(tmp_path / "missing")]) == 2
    assert "no such directory" in capsys.readouterr().err


@pytest.mark.slow
def test_adopt_merges_is_idempotent_and_hooks_pass_with_baseline(
    template_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _legacy_repo(tmp_path / "legacy")
    sha = run(["git", "rev-parse", "HEAD"], template_repo).stdout.strip()
    args = ["adopt", str(repo), "--baseline", "--bundle-url", str(template_repo)]
    args += ["--bundle-rev", sha]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert ".pre-commit-config.yaml: added the setsquare bundle (14 hooks)" in out
    assert "pyproject.toml: set [tool.ruff.lint] select (explicit rule list)" in out
    assert ".github/workflows/lint.yml: added the lint workflow" in out
    assert "ruff check: recorded today's findings" in out
    assert "pre-commit install: the hooks run on every commit" in out
    assert (repo / ".git" / "hooks" / "pre-commit").is_file()

    config = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert config.startswith(CONFIG)  # every byte of the old config, comments included
    pyproject = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert pyproject.startswith("# Legacy project: comments stay.\n[project]\n")
    code = (repo / "src" / "legacy" / "__init__.py").read_text(encoding="utf-8")
    assert "# noqa: " in code
    assert code.endswith("\n")

    # A second run changes nothing.
    before = work_tree(repo)
    assert main([*args, "--no-install"]) == 0
    assert "Nothing to do" in capsys.readouterr().out
    assert work_tree(repo) == before

    # The hooks, bundle included, pass on day one...
    run(["git", "add", "-A"], repo)
    home = str(tmp_path / "pre-commit-home")
    result = run(
        [tool("pre-commit"), "run", "--all-files"], repo, check=False, PRE_COMMIT_HOME=home
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no FIXME" in result.stdout
    assert "ruff check" in result.stdout
    # ...and hold new code to the rules.
    (repo / "src" / "legacy" / "new.py").write_text("import json\n", encoding="utf-8")
    run(["git", "add", "-A"], repo)
    result = run(
        [tool("pre-commit"), "run", "--all-files"], repo, check=False, PRE_COMMIT_HOME=home
    )
    assert result.returncode == 1
    assert "F401" in result.stdout


@pytest.mark.parametrize("resource", ["lint.yml", "zizmor.yml"])
def test_workflows_pin_the_same_actions_as_the_template(resource: str) -> None:
    import re

    from tests.helpers import REPO_ROOT

    pin = re.compile(r"uses: ([\w./-]+)@([0-9a-f]{40}) # (v[\d.]+)")
    ours = set(pin.findall((REPO_ROOT / "src/setsquare/resources" / resource).read_text()))
    template = set()
    for workflow in (REPO_ROOT / "template/.github/workflows").iterdir():
        template |= set(pin.findall(workflow.read_text(encoding="utf-8")))
    assert ours
    assert ours <= template


def test_repository_without_pyproject_gets_the_bundle_and_a_pointer_to_migrate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert (
        "pyproject.toml: none, so the Ruff, mypy and pytest tables were not added: "
        "`setsquare migrate` creates it from the legacy files\n"
        "hint: run `setsquare migrate`, then `setsquare adopt` again\n"
    ) in out
    # The legacy files named as check-legacy-config and SQ300 name them: migrate's findings.
    from setsquare.checks.repo_review import setsquare_legacy_findings

    findings = [finding.render() for finding in setsquare_legacy_findings(tmp_path)]
    assert findings
    assert findings[0].startswith("mypy.ini")
    assert all(line in out.splitlines() for line in findings)
    assert "hint: run `setsquare migrate` to move them into pyproject.toml" in out
    assert ".pre-commit-config.yaml: added the setsquare bundle (14 hooks)" in out
    assert (tmp_path / ".github" / "workflows" / "lint.yml").is_file()
    assert not (tmp_path / "pyproject.toml").exists()


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("pytest.ini", "[tool.pytest"),
        (".pytest.ini", "[tool.pytest"),
        ("mypy.ini", "[tool.mypy]"),
        (".mypy.ini", "[tool.mypy]"),
        (".flake8", "[tool.ruff"),
    ],
)
def test_a_standalone_legacy_file_is_left_to_migrate_not_shadowed_by_a_new_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, table: str
) -> None:
    # The tool reads its own file before pyproject.toml: a table added beside it would
    # be dead configuration, so adopt leaves that tool to `setsquare migrate`.
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "p"\n', encoding="utf-8")
    (tmp_path / name).write_text(f"[{name.strip('.').split('.')[0]}]\n", encoding="utf-8")
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    assert f"added {table}" not in capsys.readouterr().out


def test_a_gitlab_project_gets_no_github_workflow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "p"\n', encoding="utf-8")
    (tmp_path / ".gitlab-ci.yml").write_text("test:\n  script: [pytest]\n", encoding="utf-8")
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert not (tmp_path / ".github").exists()
    assert ".gitlab-ci.yml: the project runs on GitLab CI, so no GitHub workflow is added" in out


def test_flat_layout_and_existing_workflows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "p"\n', encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text("jobs: {lint: {steps: [{run: pre-commit run}]}}\n")
    assert main(["adopt", str(tmp_path), "--no-install"]) == 0
    out = capsys.readouterr().out
    assert "added [tool.mypy] (files = ['pkg'])" in out
    assert "[tool.pytest" not in out  # pytest.ini is left to `setsquare migrate`
    # ci.yml runs the hooks already: not a second lint workflow, only the zizmor audit.
    assert ".github/workflows/zizmor.yml: added a zizmor audit of the workflows (ci.yml" in out
    assert sorted(p.name for p in workflows.iterdir()) == ["ci.yml", "zizmor.yml"]


def _claims_adopt() -> list[str]:
    from setsquare.checks.repo_review import repo_review_checks

    return sorted(
        name
        for name, check in repo_review_checks().items()
        if "setsquare adopt" in " ".join((check.check.__doc__ or "").split())
    )


@pytest.mark.parametrize(
    "workflow",
    [
        pytest.param("on: push\n", id="no-workflow-runs-pre-commit"),
        pytest.param(
            "on: push\njobs: {lint: {steps: [{uses: pre-commit/action@v3.0.1}]}}\n",
            id="a-workflow-runs-pre-commit",
        ),
    ],
)
def test_every_check_that_names_adopt_is_fixed_by_adopt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workflow: str
) -> None:
    claims = _claims_adopt()
    assert {"SQ100", "SQ110", "SQ140", "SQ190", "SQ200"} <= set(claims)
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text(workflow, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1"\n')
    assert main(["check", str(repo), "--select", ",".join(claims)]) == 1
    # A mirror of the bundle, as the README documents: check must know it all the same.
    mirror = "/srv/mirrors/setsquare"
    assert main(["adopt", str(repo), "--no-install", "--bundle-url", mirror]) == 0
    capsys.readouterr()
    assert main(["check", str(repo), "--select", ",".join(claims)]) == 0, capsys.readouterr().out


# comtypes 1.1.10's setup.py, cut down: setup() takes **kwargs, so migrate moves nothing.
SETUP_KWARGS = """\
from setuptools import setup

setup_params = dict(name="comtypes", version="1.1.10", packages=["comtypes"])

if __name__ == "__main__":
    dist = setup(**setup_params)
"""
BUILD_SYSTEM = (
    '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
)


def _follow(hint: str, repo: Path) -> None:
    """Do what *hint* says, as a user would."""
    if "`[build-system]` table" in hint:
        (repo / "pyproject.toml").write_text(BUILD_SYSTEM, encoding="utf-8")
    else:
        assert main(["migrate", str(repo)]) == 0


def _failures(out: str) -> dict[str, str]:
    """Each failing check's id and its message, from `setsquare check`'s output."""
    found: dict[str, str] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("FAIL "):
            current = line[5:].split(":", 1)[0]
            found[current] = ""
        elif current is not None and (not line or line.startswith("     ")):
            found[current] += line.strip() + "\n"
        else:
            current = None
    return found


@pytest.mark.parametrize(
    ("tree", "hint"),
    [
        pytest.param(
            {"setup.py": SETUP_KWARGS, "comtypes/__init__.py": ""},
            'hint: create it with a `[build-system]` table (`requires = ["setuptools"]` and '
            '`build-backend = "setuptools.build_meta"` for a setup.py project), check that '
            "the project still builds, then run `setsquare adopt` again",
            id="setup-py-kwargs-migrate-moves-nothing",
        ),
        pytest.param(
            {
                "setup.py": SETUP_KWARGS,
                "pkg/__init__.py": "",
                "mypy.ini": "[mypy]\nstrict = True\n",
            },
            "hint: run `setsquare migrate`, then `setsquare adopt` again",
            id="no-pyproject-migrate-creates-it",
        ),
    ],
)
def test_where_adopt_cannot_fix_a_check_both_name_the_same_next_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tree: dict[str, str], hint: str
) -> None:
    # adopt and check tell one story: without a pyproject.toml adopt adds no tool tables,
    # and SQ310, still failing, does not say adopt fixes it but names the step adopt
    # names; doing it and adopting again passes.
    repo = tmp_path / "repo"
    for rel, text in tree.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    assert main(["adopt", str(repo), "--no-install"]) == 0
    adopted = capsys.readouterr().out
    assert not (repo / "pyproject.toml").exists()  # it would change how pip builds it
    assert f"\n{hint}\n" in adopted
    assert main(["check", str(repo), "--select", "SQ"]) == 1
    failures = _failures(capsys.readouterr().out)
    assert "SQ310" in failures
    assert f"{hint}.\n" in failures["SQ310"]
    for check_id, message in failures.items():
        # Only "then `setsquare adopt` again", after the user's own step.
        promises = " ".join(message.split()).replace("`setsquare adopt` again", "")
        assert "setsquare adopt" not in promises, (check_id, message)
    assert main(["adopt", str(repo), "--no-install"]) == 0
    assert "Nothing to do" in capsys.readouterr().out  # adopt has nothing more to offer

    _follow(hint, repo)
    assert main(["adopt", str(repo), "--no-install"]) == 0
    capsys.readouterr()
    assert main(["check", str(repo), "--select", "SQ"]) == 0, capsys.readouterr().out


def test_migrate_has_nothing_to_move_from_setup_kwargs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The comtypes shape the story above starts from (migrate's verdict, not adopt's).
    (tmp_path / "setup.py").write_text(SETUP_KWARGS, encoding="utf-8")
    assert main(["migrate", str(tmp_path)]) == 0
    assert "Nothing to migrate." in capsys.readouterr().out
    assert not (tmp_path / "pyproject.toml").exists()


def test_a_linked_worktree_gets_no_hook_in_the_shared_git_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main_checkout = tmp_path / "main"
    (main_checkout / "pkg").mkdir(parents=True)
    (main_checkout / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    git = tool("git")
    run([git, "init", "-q"], main_checkout)
    run([git, "add", "-A"], main_checkout)
    run(
        [git, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"],
        main_checkout,
    )
    worktree = tmp_path / "linked"
    run([git, "worktree", "add", "-q", str(worktree)], main_checkout)

    assert main(["adopt", str(worktree)]) == 0
    out = capsys.readouterr().out
    assert "pre-commit install: not run, this is a linked worktree" in out
    assert "hint: run `pre-commit install` in the main checkout" in out
    assert not (main_checkout / ".git" / "hooks" / "pre-commit").exists()
    assert (worktree / ".pre-commit-config.yaml").is_file()
    assert not (main_checkout / ".pre-commit-config.yaml").exists()
