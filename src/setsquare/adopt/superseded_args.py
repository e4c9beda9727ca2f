"""A replaced hook's own configuration: what its `args:` say, and what is not carried.

black's and isort's `args:` are read as the keys of `[tool.black]`/`[tool.isort]`
(the options that only change how the tool reports are dropped, the others named);
for every other superseded hook, `unmoved` names its `args:`, `entry:` and
`additional_dependencies` that nothing reads once the hook is gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from setsquare.adopt.superseded import Found

__all__ = ["hook_settings", "read_args", "tool_of", "unmoved"]

#: black's options that only change how black reports or checks itself, not the code
_BLACK_QUIET = frozenset({"--safe", "--quiet", "-q", "--verbose", "-v", "--fast"})
#: black option -> (its [tool.black] key, takes a value)
_BLACK = {
    "-l": ("line-length", True),
    "--line-length": ("line-length", True),
    "-t": ("target-version", True),
    "--target-version": ("target-version", True),
    "-S": ("skip-string-normalization", False),
    "--skip-string-normalization": ("skip-string-normalization", False),
    "-C": ("skip-magic-trailing-comma", False),
    "--skip-magic-trailing-comma": ("skip-magic-trailing-comma", False),
    "--preview": ("preview", False),
}
#: isort's pre-commit-only option: pre-commit passes the files, isort need not filter them
_ISORT_QUIET = frozenset({"--filter-files", "--quiet", "-q"})
_ISORT = {
    "--profile": ("profile", True),
    "-l": ("line_length", True),
    "--line-length": ("line_length", True),
    "-w": ("line_length", True),
    "--line-width": ("line_length", True),
    "--sl": ("force_single_line", False),
    "--force-single-line-imports": ("force_single_line", False),
    "-p": ("known_first_party", True),
    "--project": ("known_first_party", True),
    "-a": ("add_imports", True),
    "--add-import": ("add_imports", True),
}
_LISTS = frozenset({"target-version", "known_first_party", "add_imports"})


def tool_of(found: Found) -> str | None:
    """The tool whose settings *found*'s `args:` hold: black, isort, or None for other hooks."""
    if found.hook_id in ("black", "black-jupyter"):
        return "black"
    return "isort" if found.hook_id == "isort" else None


def read_args(tool: str, found: Found) -> tuple[dict[str, Any], list[str]]:
    """*found*'s `args:` as *tool*'s config keys, and the arguments that have no key."""
    options, quiet = (_BLACK, _BLACK_QUIET) if tool == "black" else (_ISORT, _ISORT_QUIET)
    return _parse_args(found.hook.get("args") or [], options, quiet)


def hook_settings(found: Found) -> dict[str, Any]:
    """The settings a black or isort hook's `args:` give (empty for other hooks)."""
    tool = tool_of(found)
    if tool is None:
        return {}
    return read_args(tool, found)[0]


def _parse_args(
    args: Sequence[object], options: dict[str, tuple[str, bool]], quiet: frozenset[str]
) -> tuple[dict[str, Any], list[str]]:
    """A hook's `args:` as config keys, and the arguments that have no key."""
    table: dict[str, Any] = {}
    unknown: list[str] = []
    words = [str(arg) for arg in args]
    i = 0
    while i < len(words):
        word = words[i]
        name, eq, inline = word.partition("=")
        if name not in options and name[:2] in options and not name.startswith("--"):
            name, inline, eq = name[:2], name[2:], "="  # -l100
        if word in quiet:
            i += 1
            continue
        if name not in options:
            unknown.append(word)
            i += 1
            continue
        key, takes = options[name]
        value: Any = True
        if takes:
            if eq:
                value = inline
            elif i + 1 < len(words):
                i += 1
                value = words[i]
            else:
                unknown.append(word)
                break
        if key in _LISTS:
            table.setdefault(key, []).extend(
                value.split(",") if key == "target-version" else [value]
            )
        else:
            table[key] = int(value) if "length" in key and str(value).isdigit() else value
        i += 1
    return table, unknown


def unmoved(found: Found) -> list[str]:
    """What of a replaced hook other than black/isort is not carried, one line each."""
    lines: list[str] = []
    hook = found.hook
    if found.hook_id in ("black", "black-jupyter", "isort"):
        return lines
    agreeing = [found.replacement.agrees_with]
    if hook.get("args") and [str(arg) for arg in hook["args"]] != agreeing:
        words = " ".join(str(arg) for arg in hook["args"])
        lines.append(f"{found.hook_id}: `args: {words}` not carried over")
    if hook.get("entry"):
        lines.append(f"{found.hook_id}: `entry: {hook['entry']}` not carried over")
    deps = hook.get("additional_dependencies")
    if deps:
        listed = ", ".join(str(dep) for dep in deps)
        where = (
            "the bundle's mypy uses the project's environment: install them there"
            if found.replacement.bundle_hook == "mypy"
            else "Ruff has the rules of the plugins it ports, selected from flake8's config"
            if found.hook_id == "flake8"
            else "the bundle's hook does not use them"
        )
        lines.append(f"{found.hook_id}: additional_dependencies ({listed}) not carried ({where})")
    return lines
