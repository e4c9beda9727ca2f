"""Add the setsquare bundle to a `.pre-commit-config.yaml`, keeping everything else.

The file is edited as text, not re-dumped: comments, quoting, other repos and
their order stay byte-for-byte, and the bundle's entry is spliced in at the end of
the `repos:` list with the indentation the file already uses (as pre-commit's own
`migrate-config` does). YAML is only parsed to understand what is there, with the
positions PyYAML's parser reports, never by matching lines.

What adopt refuses (`InputError`, exit 2, the file and line named, nothing written):

- invalid YAML, and more than one YAML document (pre-commit refuses both too);
- a key given twice in one mapping, anywhere: pre-commit's YAML loader silently
  keeps the last one, so the bundle could land in a `repos:` nobody reads;
- a configuration pre-commit's schema refuses (a missing `rev`, a hook without
  `id`, ...): checked with pre-commit's own schema when it is importable;
- a layout a text splice cannot extend faithfully: the document written as a flow
  mapping (`{repos: [...]}`), a non-empty flow list (`repos: [{...}]`), `repos:`
  given as an alias (`*name`) or anchored and reused elsewhere, or coming from a
  merge key (`<<`). The hint says how to write it as a block list instead.

What it accepts: an empty file or one of comments only, a mapping without `repos`,
`repos:` left empty or null, `repos: []` (replaced by a block list), block lists
at any indentation, flow-style hooks inside block entries, anchors and aliases
elsewhere, a UTF-8 BOM (kept) and CRLF or CR line endings (the new lines end the
way most of the file's lines do). The output is parsed and checked again before it
is returned (`validate_config`): it must hold the same repos as before plus the
bundle's entry, and nothing else changed; anything else is a bug in adopt, raised
as `RuntimeError` (exit 3), never written.

The bundle URL and rev go into the YAML unquoted, so `UsageError` refuses values
that are empty or would need quoting or could break out of their line (whitespace,
`#`, flow brackets, a leading YAML indicator, ...). A value plain YAML would read as
another type (`rev: 1.0`, a sha of digits only) is written in single quotes.

Parsing lives in `yaml_source`, the schema check in `precommit_schema`, and the
text splice in `config_splice`. Hooks the bundle supersedes (black, flake8, ...) are
removed before, by `superseded_config`; the bundle hooks that replace them carry
their `exclude:`/`files:`/`types:` (`add_bundle`'s *hook_keys*).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from setsquare.adopt.config_splice import FORMAT_HINT, NOT_A_CONFIG, splice_entry
from setsquare.adopt.precommit_schema import check_schema
from setsquare.adopt.yaml_source import BOM, load
from setsquare.errors import InputError, UsageError

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

__all__ = [
    "BUNDLE_HOOKS",
    "BUNDLE_URL",
    "ConfigChange",
    "add_bundle",
    "check_bundle_ref",
    "is_bundle",
    "is_bundle_entry",
    "jobs_done",
    "validate_config",
]

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
#: Characters a plain YAML scalar cannot hold safely anywhere in a URL or rev.
_NEVER = frozenset("#{}[],'\"")
#: YAML indicators that change the meaning of a plain scalar they start.
_NOT_FIRST = frozenset("-?:&*!|>%@`")


@dataclass(frozen=True)
class ConfigChange:
    text: str
    added: tuple[str, ...]
    already_provided: dict[str, str]  # bundle hook id -> the repo that already provides it
    bundle_present: bool


#: Hook ids only the setsquare bundle has: a repo entry that uses one is the bundle,
#: whatever its URL (a fork, a mirror, a local clone given to `adopt --bundle-url`).
_OWN_IDS = frozenset({"check-legacy-config", "check-tool-pins"})


def is_bundle(url: str) -> bool:
    return (
        url.lower().removesuffix(".git").rstrip("/").endswith("github.com/setsquare-dev/setsquare")
    )


def is_bundle_entry(repo: Mapping[str, Any]) -> bool:
    """Whether a `repos:` entry is the setsquare bundle: its public URL, or its own hook ids."""
    if is_bundle(str(repo.get("repo", ""))):
        return True
    hooks = repo.get("hooks")
    return isinstance(hooks, list) and any(
        isinstance(hook, dict) and str(hook.get("id")) in _OWN_IDS for hook in hooks
    )


def jobs_done(repos: Any) -> dict[str, str]:
    """For each bundle hook id, the repo whose hook already does that job (the bundle's
    own, or the same hook from upstream, e.g. ruff-pre-commit's `ruff-check`): what
    `adopt` leaves alone and `check` accepts, so the two tell one story."""
    done: dict[str, str] = {}
    for repo in repos if isinstance(repos, list) else []:
        if not isinstance(repo, dict) or not isinstance(repo.get("hooks"), list):
            continue
        for hook in repo["hooks"]:
            if isinstance(hook, dict):
                hook_id = _SAME_JOB.get(str(hook.get("id")), str(hook.get("id")))
                if hook_id in BUNDLE_HOOKS:
                    done.setdefault(hook_id, str(repo.get("repo", "")))
    return done


def check_bundle_ref(value: str, *, what: str) -> None:
    """Raise `UsageError` unless *value* can be written as a plain YAML scalar.

    *what* is ``"url"`` or ``"rev"``, for the message and hint.
    """
    reason = None
    if not value:
        reason = "is empty"
    elif any(char in "\r\n\x85\u2028\u2029" for char in value):
        reason = "contains a line break"
    elif any(char.isspace() for char in value):
        reason = "contains whitespace"
    elif not value.isprintable():
        reason = "contains a control character"
    elif bad := sorted(_NEVER.intersection(value)):
        reason = f"contains `{bad[0]}`"
    elif value[0] in _NOT_FIRST:
        reason = f"starts with `{value[0]}`"
    elif value.endswith(":"):
        reason = "ends with `:`"
    elif what == "url" and value in {"local", "meta"}:
        reason = "is reserved by pre-commit for hooks defined in the config itself"
    if reason is None:
        return
    if what == "url":
        hint = (
            "--bundle-url takes a git URL or path, such as https://github.com/owner/repo, "
            "git@host:owner/repo.git or /path/to/repo"
        )
    else:
        hint = "--bundle-rev takes a tag, branch or commit sha, such as v0.1.0"
    raise UsageError(
        f"the bundle {what} {value!r} {reason}",
        hint=f"{hint}; without spaces, quotes or YAML punctuation",
    )


def validate_config(text: str, path: str) -> None:
    """Raise `InputError` unless pre-commit would accept *text* as its configuration.

    Stricter than pre-commit in one way: a key repeated in a mapping is refused.
    Uses pre-commit's own schema when pre-commit is importable, a structural check
    otherwise. A leading BOM is allowed.
    """
    document = load(text.removeprefix(BOM), path)
    check_schema(_config_data(document.data, path, require_repos=True), document.node, path)


def add_bundle(
    text: str,
    path: str,
    *,
    url: str = BUNDLE_URL,
    rev: str,
    hook_keys: Mapping[str, Mapping[str, Any]] | None = None,
    leave_out: Collection[str] = (),
) -> ConfigChange:
    """Return *text* with the bundle added (unchanged when it is already there).

    *hook_keys* gives bundle hooks more keys than their id: the `exclude:`,
    `files:` or `types:` carried from the hooks they replace (`superseded_config`);
    the hooks in *leave_out* are not added (one that would fail on day one).
    Raises `UsageError` for a *url* or *rev* that cannot be written as is, and
    `InputError` for a configuration adopt refuses (see the module docstring).
    """
    check_bundle_ref(url, what="url")
    check_bundle_ref(rev, what="rev")
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    document = load(body, path)
    data = _config_data(document.data, path, require_repos=False)
    check_schema(data, document.node, path)

    repos = data.get("repos") or []
    if any(is_bundle_entry(repo) or str(repo["repo"]) == url for repo in repos):
        return ConfigChange(text, (), {}, bundle_present=True)
    provided = jobs_done(repos)
    hooks = [h for h in BUNDLE_HOOKS if h not in provided and h not in leave_out]
    already = {h: provided[h] for h in BUNDLE_HOOKS if h in provided}
    if not hooks:
        return ConfigChange(text, (), already, bundle_present=False)

    keys = hook_keys or {}
    new_body = splice_entry(body, path, data, url=url, rev=rev, hooks=hooks, hook_keys=keys)
    entry = {"repo": url, "rev": rev, "hooks": [{"id": h, **keys.get(h, {})} for h in hooks]}
    _verify(new_body, path, data, entry)
    return ConfigChange(bom + new_body, tuple(hooks), already, bundle_present=False)


def _config_data(data: Any, path: str, *, require_repos: bool) -> dict[str, Any]:
    if data is None and not require_repos:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, NOT_A_CONFIG, hint=FORMAT_HINT)
    repos = data.get("repos")
    if not isinstance(repos, list) and (require_repos or repos is not None):
        raise InputError(path, NOT_A_CONFIG, hint=FORMAT_HINT)
    return data


def _verify(text: str, path: str, before: dict[str, Any], entry: dict[str, Any]) -> None:
    """Check adopt's own output: valid, and the old repos plus the entry, nothing else."""
    problem: str | None = None
    try:
        document = load(text, path)
        after = _config_data(document.data, path, require_repos=True)
        check_schema(after, document.node, path)
    except InputError as error:
        problem = error.message
    else:
        # repr, not ==: NaN never equals itself, and a self-referencing alias recurses.
        if repr(after["repos"]) != repr([*(before.get("repos") or []), entry]):
            problem = "the repos are not the old ones plus the bundle"
        elif repr(_without_repos(after)) != repr(_without_repos(before)):
            problem = "a key other than `repos` changed"
    if problem is not None:
        msg = (
            f"adding the bundle to {path} went wrong ({problem}); nothing was written. "
            "This is a bug in setsquare"
        )
        raise RuntimeError(msg)


def _without_repos(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "repos"}
