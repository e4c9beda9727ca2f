"""Add the setsquare bundle to a `.pre-commit-config.yaml`, keeping everything else.

The file is edited as text, not re-dumped: comments, quoting, other repos and
their order stay byte-for-byte, and the bundle's entry is spliced in at the end of
the `repos:` list with the indentation the file already uses (as pre-commit's own
`migrate-config` does). YAML is only parsed to understand what is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from setsquare.errors import InputError

BUNDLE_URL = "https://github.com/setsquare-dev/setsquare"
BUNDLE_HOOKS = (
    "trailing-whitespace",
    "end-of-file-fixer",
    "mixed-line-ending",
    "check-merge-conflict",
    "check-added-large-files",
    "check-toml",
    "check-yaml",
    "debug-statements",
    "ruff-check",
    "ruff-format",
    "mypy",
    "validate-pyproject",
    "check-legacy-config",
    "check-tool-pins",
)
# Hook ids other repos use for the same job (ruff-pre-commit's legacy `ruff` id).
_SAME_JOB = {"ruff": "ruff-check"}


@dataclass(frozen=True)
class ConfigChange:
    text: str
    added: tuple[str, ...]
    already_provided: dict[str, str]  # bundle hook id -> the repo that already provides it
    bundle_present: bool


def is_bundle(url: str) -> bool:
    return (
        url.lower().removesuffix(".git").rstrip("/").endswith("github.com/setsquare-dev/setsquare")
    )


def _load(text: str, path: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(
            path, f"invalid YAML: {problem}", line=line, hint="fix the YAML, then run adopt again"
        ) from error
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("repos", []), list):
        raise InputError(
            path,
            "is not a pre-commit configuration (expected a mapping with a `repos:` list)",
            hint="see https://pre-commit.com/#plugins for the format",
        )
    return data


def _entry(indent: str, url: str, rev: str, hooks: list[str]) -> str:
    inner = indent + "  "
    lines = [
        f"{indent}# The setsquare bundle: the quality gate from one repo at one rev.",
        f"{indent}- repo: {url}",
        f"{inner}rev: {rev}",
        f"{inner}hooks:",
        *(f"{inner}  - id: {hook}" for hook in hooks),
    ]
    return "\n".join(lines) + "\n"


def add_bundle(text: str, path: str, *, url: str = BUNDLE_URL, rev: str) -> ConfigChange:
    """Return *text* with the bundle added (unchanged when it is already there)."""
    data = _load(text, path)
    repos = data.get("repos") or []
    provided: dict[str, str] = {}
    for repo in repos:
        repo_url = str(repo.get("repo", ""))
        if is_bundle(repo_url) or repo_url == url:
            return ConfigChange(text, (), {}, bundle_present=True)
        for hook in repo.get("hooks") or []:
            hook_id = _SAME_JOB.get(str(hook.get("id")), str(hook.get("id")))
            provided.setdefault(hook_id, repo_url)
    hooks = [h for h in BUNDLE_HOOKS if h not in provided]
    already = {h: provided[h] for h in BUNDLE_HOOKS if h in provided}
    if not hooks:
        return ConfigChange(text, (), already, bundle_present=False)
    if not repos:
        body = text if text.strip() else ""
        body = re.sub(r"(?m)^repos:.*\n?", "", body)
        if body and not body.endswith("\n"):
            body += "\n"
        new = body + "repos:\n" + _entry("  ", url, rev, hooks)
        return ConfigChange(new, tuple(hooks), already, bundle_present=False)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    indent = _repos_indent(lines)
    end = _end_of_repos(lines)
    # Blank lines and top-level comments before the next key belong to that key.
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    new_lines = [*lines[:end], _entry(indent, url, rev, hooks), *lines[end:]]
    return ConfigChange("".join(new_lines), tuple(hooks), already, bundle_present=False)


def _repos_indent(lines: list[str]) -> str:
    for line in lines:
        match = re.match(r"^(\s*)-\s+repo:", line)
        if match:
            return match[1]
    return "  "


def _end_of_repos(lines: list[str]) -> int:
    """Index just past the `repos:` list: the next top-level key, or the end of the file."""
    start = next(i for i, line in enumerate(lines) if re.match(r"^repos\s*:", line))
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not line.startswith(("-", "#")):
            return i
    return len(lines)
