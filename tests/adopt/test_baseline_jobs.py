"""Which files each baseline job touches: the files pre-commit would give the hook."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from setsquare.adopt.baseline_jobs import JOBS, plan_runs
from tests.helpers import REPO_ROOT

BUNDLE = "https://github.com/setsquare-dev/setsquare"
NAMES = [
    "README.md",
    "data/table.csv",
    "docs/_static/logo.svg",
    "docs/conf.py",
    "run.bat",
    "src/pkg/__init__.py",
    "src/pkg/_vendor/six.py",
    "src/pkg/py.typed",
    "notebook.ipynb",
]
TAGS = {
    "README.md": {"file", "text", "markdown"},
    "data/table.csv": {"file", "text", "csv"},
    "docs/_static/logo.svg": {"file", "text", "svg"},
    "docs/conf.py": {"file", "text", "python"},
    "run.bat": {"file", "text", "batch"},
    "src/pkg/__init__.py": {"file", "text", "python"},
    "src/pkg/_vendor/six.py": {"file", "text", "python"},
    "src/pkg/py.typed": {"file", "text"},
    "notebook.ipynb": {"file", "text", "jupyter", "json"},
}
TEXT = tuple(NAMES)
PYTHON = ("docs/conf.py", "src/pkg/__init__.py", "src/pkg/_vendor/six.py", "notebook.ipynb")


def _config(text: str) -> dict[str, Any]:
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def _plan(text: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    runs = plan_runs(_config(text), NAMES, lambda name: TAGS[name])
    return {f"{run.hook_id}": (run.args, run.files) for run in runs}


BUNDLE_HOOKS = f"""\
repos:
  - repo: {BUNDLE}
    rev: v1
    hooks:
      - id: trailing-whitespace
      - id: ruff-check
      - id: mypy
"""


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        pytest.param(
            BUNDLE_HOOKS,
            {"trailing-whitespace": ((), TEXT), "ruff-check": ((), PYTHON)},
            id="bundle-hooks-see-every-file-of-their-types",
        ),
        pytest.param(
            "exclude: ^src/pkg/_vendor/\n" + BUNDLE_HOOKS,
            {
                "trailing-whitespace": ((), tuple(n for n in TEXT if "_vendor" not in n)),
                "ruff-check": ((), tuple(n for n in PYTHON if "_vendor" not in n)),
            },
            id="top-level-exclude-applies-to-every-job",
        ),
        pytest.param(
            "files: ^src/\n" + BUNDLE_HOOKS,
            {
                "trailing-whitespace": (
                    (),
                    ("src/pkg/__init__.py", "src/pkg/_vendor/six.py", "src/pkg/py.typed"),
                ),
                "ruff-check": ((), ("src/pkg/__init__.py", "src/pkg/_vendor/six.py")),
            },
            id="top-level-files-applies-to-every-job",
        ),
        pytest.param(
            """\
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.0.0
    hooks:
      - id: end-of-file-fixer
        exclude: ^docs/_static/
      - id: trailing-whitespace
        args: [--markdown-linebreak-ext=md]
        exclude_types: [csv, batch]
      - id: mixed-line-ending
        args: [--fix=lf]
        files: \\.py$
""",
            {
                "end-of-file-fixer": ((), tuple(n for n in TEXT if "_static" not in n)),
                "trailing-whitespace": (
                    ("--markdown-linebreak-ext=md",),
                    tuple(n for n in TEXT if n not in {"data/table.csv", "run.bat"}),
                ),
                "mixed-line-ending": (
                    ("--fix=lf",),
                    ("docs/conf.py", "src/pkg/__init__.py", "src/pkg/_vendor/six.py"),
                ),
            },
            id="their-own-hooks-bring-their-excludes-types-and-args",
        ),
        pytest.param(
            """\
repos:
  - repo: https://github.com/astral-sh/ruff-pre-commit
    rev: v0.1.0
    hooks:
      - id: ruff
        args: [--fix]
        types_or: [python, pyi]
      - id: ruff-format
        stages: [manual]
""",
            {"ruff": (("--fix",), PYTHON[:3])},
            id="legacy-ruff-id-is-ruff-check-and-a-manual-hook-does-nothing",
        ),
        pytest.param(
            """\
repos:
  - repo: https://github.com/psf/black
    rev: 22.1.0
    hooks:
      - id: black
  - repo: local
    hooks:
      - id: rst
        name: rst
        entry: rst-lint
        language: python
""",
            {},
            id="hooks-whose-job-the-baseline-does-not-know-do-nothing",
        ),
    ],
)
def test_plan_runs(config: str, expected: dict[str, Any]) -> None:
    assert _plan(config) == expected


def test_a_broken_pattern_selects_nothing() -> None:
    config = BUNDLE_HOOKS.replace("- id: ruff-check", "- id: ruff-check\n        files: '('")
    assert _plan(config)["ruff-check"] == ((), ())


def test_job_defaults_are_the_bundle_manifest_s() -> None:
    """The bundle's hooks in a config carry no types: the manifest's apply, and they must
    be the job's (and the manifest must give no args the baseline would not pass)."""
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {hook["id"]: hook for hook in manifest}
    for hook_id, job in JOBS.items():
        if hook_id not in by_id:
            continue  # ruff-pre-commit's legacy id
        hook = by_id[hook_id]
        assert tuple(hook.get("types", ["file"])) == job.types, hook_id
        assert tuple(hook.get("types_or", [])) == job.types_or, hook_id
        assert not {"args", "exclude", "files"} & set(hook), hook_id
