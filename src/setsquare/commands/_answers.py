"""`--data` answers checked against the template's own questions, before anything renders.

Copier keeps an answer to a question the template does not ask in the render
context and then drops it, and casts a yes/no answer with Python's truthiness,
so `licence=Apache-2.0` (a typo) renders an MIT project and `cli=maybe` a
command-line one. Both are refused here instead, naming what was probably meant.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from setsquare.errors import UsageError

# The spellings copier's cast_to_bool reads as a yes or a no on purpose; anything
# else it turns into a boolean by truthiness, which is never what was meant.
_TRUE = frozenset({"y", "yes", "t", "true", "on", "1"})
_FALSE = frozenset({"n", "no", "f", "false", "off", "0"})
# What copier calls a type when a question does not set one: the default's.
_NATIVE = {"bool": "bool", "int": "int", "float": "float", "str": "str"}


def check_answers(questions: Mapping[str, Any], data: Mapping[str, str]) -> None:
    """Raise `UsageError` for the first answer in *data* the template cannot take as given."""
    for key, value in data.items():
        details = questions.get(key)
        if not isinstance(details, Mapping):
            raise _unknown(key, value, questions)
        type_name = _type_name(details)
        shown = "****" if details.get("secret") else value
        if type_name is not None:
            answer = _cast_answer(key, shown, type_name, value)
            _check_choice(key, shown, type_name, answer, details)


def _unknown(key: str, value: str, questions: Mapping[str, Any]) -> UsageError:
    asked = sorted(name for name, details in questions.items() if _asked(details))
    close = difflib.get_close_matches(key, asked, n=1) or [
        name for name in asked if name.lower() == key.lower()
    ]
    if close:
        hint = f"did you mean `--data {close[0]}={value}`?"
    else:
        hint = f"the template's questions are: {', '.join(asked)}"
    return UsageError(f"--data {key}={value}: the template has no question `{key}`", hint=hint)


def _asked(details: Any) -> bool:
    # Computed values (`when: false`) are questions too, but nobody should be told to set one.
    return not (isinstance(details, Mapping) and details.get("when") is False)


def _type_name(details: Mapping[str, Any]) -> str | None:
    """The question's type, or None when it is templated and only copier can tell."""
    declared = details.get("type")
    if isinstance(declared, str) and declared:
        return None if "{" in declared else declared
    default = details.get("default")
    return _NATIVE.get(type(default).__name__, "yaml")


def _cast_answer(key: str, shown: str, type_name: str, value: str) -> Any:
    try:
        return _cast(type_name, value, strict=True)
    except ValueError as error:
        problem, hint = _type_problem(key, type_name, error)
        raise UsageError(f"--data {key}={shown}: {problem}", hint=hint) from error


def _cast(type_name: str, value: Any, *, strict: bool = False) -> Any:
    """*value* as copier casts it for a question of *type_name*; ValueError if it cannot."""
    if type_name == "bool":
        if isinstance(value, bool) or not isinstance(value, str):
            return bool(value)
        word = value.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        if strict:
            raise ValueError(value)
        return bool(value)
    if type_name == "int":
        return int(value)
    if type_name == "float":
        return float(value)
    if type_name == "json":
        return json.loads(value) if isinstance(value, str) else value
    if type_name == "yaml":
        try:
            return yaml.safe_load(value) if isinstance(value, str) else value
        except yaml.YAMLError as error:
            raise ValueError(_yaml_problem(error)) from error
    return str(value)


def _type_problem(key: str, type_name: str, error: ValueError) -> tuple[str, str]:
    if type_name == "bool":
        return (
            f"`{key}` is a yes/no question",
            f"answer `--data {key}=true` or `--data {key}=false` (yes/no, on/off and 1/0 work too)",
        )
    if type_name == "int":
        return f"`{key}` takes a whole number", f"answer like `--data {key}=3`"
    if type_name == "float":
        return f"`{key}` takes a number", f"answer like `--data {key}=1.5`"
    if isinstance(error, json.JSONDecodeError):
        return (
            f"`{key}` takes JSON: {error.msg} (column {error.colno})",
            "quote the value for your shell, e.g. --data 'KEY={\"a\": 1}'",
        )
    return f"`{key}` takes YAML: {error}", "quote it for your shell, e.g. --data 'KEY=[a, b]'"


def _yaml_problem(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem:
        return error.problem
    return type(error).__name__


def _check_choice(
    key: str, shown: str, type_name: str, answer: Any, details: Mapping[str, Any]
) -> None:
    choices = _choices(details.get("choices"), type_name)
    if choices is None or details.get("multiselect") or answer in choices.values():
        return
    names = [str(value) for value in choices.values()]
    # Copier shows the labels at its prompt, but `--data` takes the values.
    labelled = [str(choices[label]) for label in choices if label == str(answer)]
    # An SPDX id is long and its start is what people remember: `GPL`, `apache`.
    started = [name for name in names if name.lower().startswith(str(answer).lower())]
    close = (
        labelled
        or (started if len(started) == 1 else [])
        or difflib.get_close_matches(str(answer), names, n=1)
    )
    listing = ", ".join(names)
    hint = f"did you mean `{close[0]}`? The choices are: {listing}" if close else None
    raise UsageError(
        f"--data {key}={shown}: not one of the choices for `{key}`",
        hint=hint or f"choose one of: {listing}",
    )


def _choices(choices: Any, type_name: str) -> dict[str, Any] | None:
    """The values a choice question accepts, by label; None when only copier can tell."""
    if isinstance(choices, Mapping):
        pairs: Sequence[Any] = list(choices.items())
    elif isinstance(choices, list) and choices:
        pairs = [
            item if isinstance(item, list) and len(item) == 2 else (item, item) for item in choices
        ]
    else:
        return None  # no choices, or a templated list
    values = {}
    for label, value in pairs:
        if isinstance(value, Mapping):  # {value: ..., validator: ...} may disable a choice
            value = value.get("value")
        if isinstance(value, str) and "{" in value:
            return None
        try:
            values[str(label)] = _cast(type_name, value)
        except (TypeError, ValueError):
            return None  # a template bug copier reports better
    return values
