"""setup(entry_points=...): a dict of groups, or the INI text setuptools also accepts.

Once pyproject.toml has a ``[project]`` table, setuptools reads the entry points
setup() passed as a dict of groups, whether or not they are ``dynamic``: given a
str it fails with ``AttributeError: 'str' object has no attribute 'items'``. So
the INI text is parsed here the way setuptools parses it (importlib.metadata's
``Sectioned``) and always moves to ``[project.scripts]`` /
``[project.entry-points.*]``; text setuptools itself would refuse, or a str that
is computed, is refused before anything is written.
"""

from __future__ import annotations

from typing import Any

from setsquare.errors import InputError
from setsquare.migrate.setup_py.read import PATH, yield_lines

#: group -> (name, object reference) pairs, in the order given.
Groups = dict[str, list[tuple[str, str]]]

HINT = (
    "write entry_points as a dict of literal lists, e.g. "
    "{'console_scripts': ['name = module:function']}, then run again"
)


def _refuse(problem: str, line: int) -> InputError:
    return InputError(PATH, f"entry_points: {problem}", line=line, hint=HINT)


def _pair(text: str, group: str, line: int) -> tuple[str, str]:
    name, sep, target = text.partition("=")
    if not sep:
        # setuptools stops on it too (importlib.metadata's Pair.parse).
        raise _refuse(f"{text!r} in [{group}] has no `=`", line)
    return name.strip(), target.strip()


def _ini_groups(text: str, line: int) -> Groups:
    groups: Groups = {}
    group: str | None = None
    for value in yield_lines(text):
        if value.startswith("[") and value.endswith("]"):
            group = value.strip("[]")
            if group != group.strip() or not group:
                raise _refuse(f"group header {value!r} is not a plain [name]", line)
            groups.setdefault(group, [])
            continue
        if group is None:
            # setuptools skips such lines without a word; saying nothing would hide them.
            raise _refuse(f"{value!r} comes before any [group] header", line)
        groups[group].append(_pair(value, group, line))
    return groups


def _spec_lines(specs: Any) -> list[str] | None:
    if isinstance(specs, str):
        return yield_lines(specs)
    if isinstance(specs, (list, tuple)) and all(isinstance(s, str) for s in specs):
        return [found for spec in specs for found in yield_lines(spec)]
    return None


def entry_point_groups(value: Any, line: int) -> Groups | None:
    """The groups *value* declares; None when it is not literal enough to know them."""
    if isinstance(value, str):
        groups = _ini_groups(value, line)
    elif isinstance(value, dict):
        groups = {}
        for group, specs in value.items():
            listed = _spec_lines(specs)
            if not isinstance(group, str) or listed is None:
                return None
            groups.setdefault(group, []).extend(_pair(spec, group, line) for spec in listed)
    else:
        return None
    for group, pairs in groups.items():
        names = [name for name, _ in pairs]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise _refuse(f"[{group}] names {', '.join(map(repr, twice))} twice", line)
    return groups


def computed_str(line: int) -> InputError:
    """The refusal for an entry_points= that is computed and surely a str."""
    return _refuse(
        "computed as a string, which setuptools cannot read next to a [project] table "
        "(the build fails with AttributeError: 'str' object has no attribute 'items')",
        line,
    )
