"""Hooks of other repos that a bundle hook replaces: the one table, and finding them.

`SUPERSEDED` is the only list of them. adopt names each one it finds in a
`.pre-commit-config.yaml` with the bundle hook that replaces it; by default it
removes them (`superseded_edit` edits the text, `superseded_settings` moves their
settings into pyproject.toml), and with `--keep-superseded` it keeps them and says
which pairs would undo each other's work.

A hook is recognised by its id *and* the repo it comes from (owner/name at any git
host, `.git` and case ignored), so a `local` hook that happens to be called `black`
is not touched: what it runs is the user's own definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from packaging.version import Version

__all__ = ["SUPERSEDED", "Found", "Replacement", "find", "repo_name"]


@dataclass(frozen=True)
class Replacement:
    #: the bundle hook that does this hook's job
    bundle_hook: str
    #: why it is the same job, for the line adopt prints
    why: str
    #: how the two undo each other when both run ("" when they only do the work twice)
    undoes: str = ""
    #: an argument that makes the hook agree with the bundle's (fix-encoding-pragma's --remove)
    agrees_with: str = ""
    #: the Ruff rules that do its job: Ruff's select must have them once it is gone
    rules: tuple[str, ...] = ()


_FORMATTERS = "the two formatters disagree on some code, so each rewrites the other's output"
_IMPORTS = "the two sort imports differently, so each rewrites the other's order"

#: (repo owner/name, lower case; hook id) -> the bundle hook that replaces it, and why.
#: ruff-pre-commit is superseded only at another Ruff version than the bundle's (see
#: `find`): at the same version it is the same tool, and adopt keeps it. mirrors-mypy
#: always is: it checks in an environment of its own, not the project's.
SUPERSEDED: Mapping[tuple[str, str], Replacement] = {
    **{
        (repo, hook): Replacement(
            "ruff-format", "Ruff's formatter is a drop-in replacement for Black", _FORMATTERS
        )
        for repo in ("psf/black", "psf/black-pre-commit-mirror", "ambv/black", "python/black")
        for hook in ("black", "black-jupyter")
    },
    **{
        (repo, "autopep8"): Replacement(
            "ruff-format", "Ruff's formatter fixes what autopep8 fixes, and more", _FORMATTERS
        )
        for repo in ("pre-commit/mirrors-autopep8", "hhatto/autopep8")
    },
    **{
        (repo, "yapf"): Replacement("ruff-format", "Ruff's formatter formats Python", _FORMATTERS)
        for repo in ("google/yapf", "pre-commit/mirrors-yapf")
    },
    **{
        (repo, "isort"): Replacement(
            "ruff-check",
            "Ruff's `I` rules sort imports as isort's black profile does",
            _IMPORTS,
            rules=("I",),
        )
        for repo in ("pycqa/isort", "timothycrosley/isort", "pre-commit/mirrors-isort")
    },
    **{
        (repo, "reorder-python-imports"): Replacement(
            "ruff-check", "Ruff's `I` rules sort imports", _IMPORTS, rules=("I",)
        )
        for repo in ("asottile/reorder-python-imports", "asottile/reorder_python_imports")
    },
    **{
        (repo, "flake8"): Replacement(
            "ruff-check", "Ruff implements flake8's checks and its common plugins"
        )
        for repo in ("pycqa/flake8", "pre-commit/pre-commit-hooks")
    },
    **{
        (repo, "autoflake"): Replacement(
            "ruff-check",
            "Ruff's F401 and F841 fixes remove unused imports and variables",
            rules=("F401", "F841"),
        )
        for repo in ("pycqa/autoflake", "myint/autoflake")
    },
    ("asottile/pyupgrade", "pyupgrade"): Replacement(
        "ruff-check", "Ruff's `UP` rules are pyupgrade's rewrites", rules=("UP",)
    ),
    ("asottile/add-trailing-comma", "add-trailing-comma"): Replacement(
        "ruff-format", "Ruff's formatter adds trailing commas where it splits a collection"
    ),
    ("pre-commit/pre-commit-hooks", "fix-encoding-pragma"): Replacement(
        "ruff-check",
        "Ruff's UP009 removes the coding pragma Python 3 does not need",
        "it adds the `# -*- coding: utf-8 -*-` line Ruff's UP009 removes",
        agrees_with="--remove",
        rules=("UP009",),
    ),
    **{
        ("pre-commit/mirrors-mypy", hook): Replacement(
            "mypy", "the bundle's mypy type-checks in the project's own environment"
        )
        for hook in ("mypy",)
    },
    **{
        (repo, hook): Replacement(
            "ruff-check" if hook != "ruff-format" else "ruff-format",
            "the bundle runs Ruff at the version it pins",
        )
        for repo in ("astral-sh/ruff-pre-commit", "charliermarsh/ruff-pre-commit")
        for hook in ("ruff", "ruff-check", "ruff-format")
    },
}

#: repo -> the bundle's tool whose version must differ for the repo to be superseded
_VERSIONED = {
    "astral-sh/ruff-pre-commit": "ruff",
    "charliermarsh/ruff-pre-commit": "ruff",
}


@dataclass(frozen=True)
class Found:
    """One superseded hook in a config: where it is, and what replaces it."""

    repo_index: int
    hook_index: int
    url: str
    hook: Mapping[str, Any]
    replacement: Replacement

    @property
    def hook_id(self) -> str:
        return str(self.hook.get("id"))

    @property
    def undoes(self) -> str:
        """How it undoes the bundle hook's work beside it ("" when it does not)."""
        agrees = self.replacement.agrees_with
        args = self.hook.get("args")
        if agrees and isinstance(args, list) and agrees in (str(arg) for arg in args):
            return ""
        return self.replacement.undoes


def repo_name(url: str) -> str:
    """`owner/name` of a git URL (any host, `.git` and case ignored); "" for local/meta."""
    cleaned = url.strip().rstrip("/").removesuffix(".git").lower()
    parts = cleaned.replace(":", "/").split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else ""


def _version(rev: object) -> str:
    text = str(rev).strip()
    return text.removeprefix("v").split("-")[0]


def find(repos: Any, pins: Mapping[str, Version]) -> list[Found]:
    """Every superseded hook in *repos* (a loaded `repos:` list), in file order.

    *pins* are the bundle's tool versions: ruff-pre-commit at the bundle's Ruff
    version is the bundle's own tool and not superseded. A rev that is a commit sha
    (a `# frozen:` comment beside it is not data) counts as another version.
    """
    found = []
    for repo_index, repo in enumerate(repos if isinstance(repos, list) else []):
        if not isinstance(repo, dict) or not isinstance(repo.get("hooks"), list):
            continue
        url = str(repo.get("repo", ""))
        name = repo_name(url)
        tool = _VERSIONED.get(name)
        if tool is not None and tool in pins and _version(repo.get("rev")) == str(pins[tool]):
            continue
        for hook_index, hook in enumerate(repo["hooks"]):
            if not isinstance(hook, dict):
                continue
            replacement = SUPERSEDED.get((name, str(hook.get("id"))))
            if replacement is not None:
                found.append(Found(repo_index, hook_index, url, hook, replacement))
    return found
