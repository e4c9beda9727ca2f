"""`adopt --baseline` on small repositories, with real Ruff, mypy and pre-commit-hooks.

Each repository is committed to git, as a user's is; the baseline then runs as adopt
runs it. The promises: the hooks have nothing left to change or report (checked by
running Ruff, the fixers and the mypy hook again), a second baseline changes no byte,
and what the repository keeps out of its hooks is left byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from setsquare.adopt.baseline import apply_baseline
from tests.helpers import run, tool

if TYPE_CHECKING:
    from pathlib import Path

BUNDLE = "https://github.com/setsquare-dev/setsquare"

BUNDLE_HOOKS = f"""\
repos:
  - repo: {BUNDLE}
    rev: v1
    hooks:
      - id: trailing-whitespace
      - id: end-of-file-fixer
      - id: mixed-line-ending
      - id: ruff-check
      - id: ruff-format
      - id: mypy
"""

PYPROJECT = """\
[project]
name = "demo"
version = "0"

[tool.ruff]
line-length = 60
extend-exclude = ["demo/_vendor"]

[tool.ruff.lint]
select = ["F", "E", "PGH", "RUF", "T20", "UP"]

[tool.mypy]
files = ["demo"]
warn_unused_ignores = true
"""

#: Today's code: a blanket noqa that silences a print, an unused one, a code flake8's
#: plugins know and Ruff does not, a noqa that makes its line too long once formatted,
#: type errors on one line and across a call, and a file Ruff's config excludes.
DEMO = """\
import os  # noqa
import sys  # noqa: F401, U100
from typing import List
def f(a: int, b: str) -> int:
    return a
x: int = "s"
y = f("abcdefghijklmnopqrstuvwxyz", 2)  ;print(y)
z = os.getcwd()  # type: ignore[attr-defined]
print(1) # noqa
def g(items: List[int]) -> int: return items[0]  # noqa: E704
"""
VENDORED = "import os, sys   \nprint( 1 )\n"


def _commit(root: Path) -> None:
    run(["git", "init", "-q", "-b", "main"], root)
    run(["git", "add", "-A"], root)
    run(["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "today"], root)


def _tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
    _commit(root)
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(root).parts
        and "_cache" not in path.as_posix()
    }  # fmt: skip


def _python_files(root: Path) -> list[str]:
    listed = run(["git", "ls-files", "*.py"], root).stdout.split()
    return [name for name in listed if "_vendor" not in name]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return _tree(
        tmp_path / "demo-repo",
        {
            ".pre-commit-config.yaml": BUNDLE_HOOKS,
            "pyproject.toml": PYPROJECT,
            "demo/__init__.py": DEMO,
            "demo/_vendor/six.py": VENDORED,
            "run.bat": b"echo one\r\necho two\r\n",
            "README.md": "Title  \nhard break above\n\n```python\nx=1\n```\n",
        },
    )


def test_the_hooks_find_nothing_after_the_baseline(demo: Path) -> None:
    actions = apply_baseline(demo, bundle_url=BUNDLE)
    assert any(action.startswith("ruff check: recorded") for action in actions), actions
    assert (
        "mypy: recorded 2 error(s) as `# type: ignore[code]` in 1 file(s); 1 existing "
        "ignore(s) made specific or removed as unused"
    ) in actions

    files = _python_files(demo)
    before = _snapshot(demo)
    check = run([tool("ruff"), "check", "--no-cache", "--force-exclude", "--fix", *files], demo)
    assert check.stdout.strip() == "All checks passed!"
    run([tool("ruff"), "format", "--no-cache", "--force-exclude", "--check", *files], demo)
    mypy = run([tool("setsquare-mypy")], demo)
    assert "Success" in mypy.stdout
    assert _snapshot(demo) == before

    text = (demo / "demo/__init__.py").read_text(encoding="utf-8")
    # The blanket noqa that silenced a print now names it; the unused one is gone.
    assert "print(1)  # noqa: T201\n" in text
    assert "import os\n" in text
    assert "U100" not in text
    assert 'x: int = "s"  # type: ignore[assignment]\n' in text
    assert "z = os.getcwd()\n" in text  # its ignore was unused


def test_a_second_baseline_changes_no_byte(demo: Path) -> None:
    apply_baseline(demo, bundle_url=BUNDLE)
    first = _snapshot(demo)
    assert apply_baseline(demo, bundle_url=BUNDLE) == []
    assert _snapshot(demo) == first


def test_what_the_hooks_do_not_see_is_left_alone(demo: Path) -> None:
    before = _snapshot(demo)
    apply_baseline(demo, bundle_url=BUNDLE)
    after = _snapshot(demo)
    # Ruff's extend-exclude: the hook runs Ruff with --force-exclude, so the baseline does too.
    assert after["demo/_vendor/six.py"] == b"import os, sys\nprint( 1 )\n"
    # A consistent CRLF file is no mixed line ending; Markdown is not Python to Ruff.
    assert after["run.bat"] == before["run.bat"]
    assert after["README.md"] == b"Title\nhard break above\n\n```python\nx=1\n```\n"


def test_their_own_hooks_excludes_and_args_are_honoured(tmp_path: Path) -> None:
    config = f"""\
exclude: ^legacy/
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.0.0
    hooks:
      - id: trailing-whitespace
        args: [--markdown-linebreak-ext=md]
        exclude: ^tests/data/
      - id: end-of-file-fixer
        exclude: \\.svg$
  - repo: {BUNDLE}
    rev: v1
    hooks:
      - id: ruff-check
"""
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n',
            "README.md": "Title  \nbody   \n",
            "tests/data/table.csv": "a,b  \n",
            "logo.svg": "<svg/>",
            "legacy/old.py": "import os  \n",
            "mod.py": "import os\n",
        },
    )
    before = _snapshot(root)
    apply_baseline(root, bundle_url=BUNDLE)
    after = _snapshot(root)
    # Two trailing spaces are a Markdown hard break: their hook keeps them, so do we.
    assert after["README.md"] == b"Title  \nbody  \n"
    for kept in ("tests/data/table.csv", "logo.svg", "legacy/old.py"):
        assert after[kept] == before[kept], kept
    # No ruff-format hook: formatting is not the baseline's to do; F401 is recorded.
    assert after["mod.py"] == b"import os  # noqa: F401\n"


def test_blanket_noqa_stays_where_pgh004_is_not_enabled(tmp_path: Path) -> None:
    config = f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: ruff-check\n"
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": '[tool.ruff.lint]\nselect = ["F"]\n',
            "mod.py": "import os  # noqa\nimport sys\n",
        },
    )
    apply_baseline(root, bundle_url=BUNDLE)
    assert (root / "mod.py").read_text() == "import os  # noqa\nimport sys  # noqa: F401\n"


def test_mypy_without_an_environment_records_only_the_project_s_errors(tmp_path: Path) -> None:
    """No .venv: the hook drops missing third-party imports, so the baseline must not
    ignore them (an ignore there would be unused once a .venv exists, and vice versa)."""
    config = f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: mypy\n"
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": "[tool.mypy]\nwarn_unused_ignores = true\n",
            "pkg/__init__.py": "import requests_not_installed\n\nx: int = 'a'\n",
        },
    )
    actions = apply_baseline(root, bundle_url=BUNDLE)
    assert actions == ["mypy: recorded 1 error(s) as `# type: ignore[code]` in 1 file(s)"]
    assert (root / "pkg/__init__.py").read_text() == (
        "import requests_not_installed\n\nx: int = 'a'  # type: ignore[assignment]\n"
    )
    hook = subprocess.run(
        [tool("setsquare-mypy")], cwd=root, capture_output=True, text=True, check=False
    )
    assert hook.returncode == 0, hook.stdout


def test_a_missing_final_newline_and_crlf_lines_are_fixed_as_the_hooks_ask(tmp_path: Path) -> None:
    config = (
        f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: end-of-file-fixer\n"
        "      - id: mixed-line-ending\n        args: [--fix=lf]\n"
    )
    root = _tree(
        tmp_path / "repo",
        {".pre-commit-config.yaml": config, "notes.txt": "no end", "run.bat": b"a\r\nb\r\n"},
    )
    actions = apply_baseline(root, bundle_url=BUNDLE)
    assert actions == ["whitespace: fixed 2 file(s) as the whitespace hooks would"]
    assert (root / "notes.txt").read_bytes() == b"no end\n"
    assert (root / "run.bat").read_bytes() == b"a\nb\n"


def test_mypy_runs_against_the_environment_the_hook_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `.venv` without PyYAML's stubs: the hook reports the import; the baseline records it.
    The active VIRTUAL_ENV (ours, with the stubs) is not the hook's: pre-commit replaces it."""
    config = f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: mypy\n"
    root = _tree(
        tmp_path / "repo",
        {
            ".gitignore": ".venv/\n",
            ".pre-commit-config.yaml": config,
            "pyproject.toml": "[tool.mypy]\nwarn_unused_ignores = true\n",
            "pkg/__init__.py": "import yaml\n",
        },
    )
    run([sys.executable, "-m", "venv", "--without-pip", str(root / ".venv")], root)
    monkeypatch.setenv("VIRTUAL_ENV", sys.prefix)
    apply_baseline(root, bundle_url=BUNDLE)
    assert (root / "pkg/__init__.py").read_text() == (
        "import yaml  # type: ignore[import-untyped]\n"
    )
    monkeypatch.delenv("VIRTUAL_ENV")
    hook = subprocess.run(
        [tool("setsquare-mypy")], cwd=root, capture_output=True, text=True, check=False
    )
    assert hook.returncode == 0, hook.stdout


NOTEBOOK = """\
{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
 "source": ["print(1)"]}], "metadata": {"language_info": {"name": "python"}},
 "nbformat": 4, "nbformat_minor": 5}
"""


def test_findings_ruff_cannot_record_are_named(tmp_path: Path) -> None:
    """`ruff check --add-noqa` skips notebooks; the ruff-check hook does not."""
    config = f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: ruff-check\n"
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": '[tool.ruff.lint]\nselect = ["T20"]\n',
            "explore.ipynb": NOTEBOOK,
            "mod.py": "print(2)\n",
        },
    )
    actions = apply_baseline(root, bundle_url=BUNDLE)
    assert (root / "mod.py").read_text() == "print(2)  # noqa: T201\n"
    notes = [action for action in actions if action.startswith("ruff check: findings remain")]
    expected = (
        "ruff check: findings remain in 1 file(s) (explore.ipynb) (`--add-noqa` cannot record "
        "them: a notebook, or a line that takes no comment)\n"
        "hint: fix them, or add the files to `extend-exclude` under [tool.ruff]"
    )
    assert notes == [expected]


def test_a_fmt_off_ruff_s_formatter_ignores_goes_as_the_hook_asks(tmp_path: Path) -> None:
    """RUF028: `--add-noqa` puts `# noqa: RUF028` inside the `# fmt: off` comment, where
    it counts as unused (RUF100): the comment the formatter ignored is removed instead."""
    config = f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n      - id: ruff-check\n"
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": '[tool.ruff.lint]\nselect = ["RUF"]\n',
            "mod.py": "x = [\n    # fmt: off\n    1,  2,\n    # fmt: on\n]\n",
        },
    )
    assert not any("remain" in action for action in apply_baseline(root, bundle_url=BUNDLE))
    assert (root / "mod.py").read_text() == "x = [\n    1,  2,\n]\n"
    check = run([tool("ruff"), "check", "--no-cache", "--fix", "mod.py"], root)
    assert check.stdout.strip() == "All checks passed!"


def test_a_file_ruff_cannot_parse_is_left_whole_and_the_rest_settles(tmp_path: Path) -> None:
    """comtypes 1.1.10: `ruff format` skips a Python 2 file and exits 2 after formatting
    the rest, which stopped the rounds after one: the noqa `--add-noqa` had written was
    left on the line the formatter moved it to, and a second baseline moved it back."""
    config = (
        f"repos:\n  - repo: {BUNDLE}\n    rev: v1\n    hooks:\n"
        "      - id: trailing-whitespace\n      - id: ruff-check\n      - id: ruff-format\n"
    )
    python2 = b'print "x"   \nimport os\n'
    root = _tree(
        tmp_path / "repo",
        {
            ".pre-commit-config.yaml": config,
            "pyproject.toml": '[tool.ruff.lint]\nselect = ["RUF012", "RUF100"]\n',
            "mod.py": 'class A:\n    items = [("a", 1),\n             ("b", 2)]\n',
            "old.py": python2,
        },
    )
    actions = apply_baseline(root, bundle_url=BUNDLE)
    assert (root / "mod.py").read_text() == (
        'class A:\n    items = [  # noqa: RUF012\n        ("a", 1),\n        ("b", 2),\n    ]\n'
    )
    assert (root / "old.py").read_bytes() == python2
    notes = [action for action in actions if "cannot parse" in action]
    assert notes == [
        (
            "baseline: Ruff cannot parse 1 file(s), left as they are: old.py; the ruff hooks "
            "will fail on them\nhint: port them to Python 3, or add them to the hooks' "
            "`exclude:` and to `extend-exclude` under [tool.ruff], then run "
            "`setsquare adopt --baseline` again"
        )
    ]
    assert not any("could not run" in action for action in actions), actions
    before = _snapshot(root)
    apply_baseline(root, bundle_url=BUNDLE)
    assert _snapshot(root) == before
