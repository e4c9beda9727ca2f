"""black (``[tool.black]``, the only place black reads) -> Ruff's formatter settings.

``[tool.black]`` itself is left in place: it is the user's, and black may still run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Field, Table
from setsquare.migrate.policy import unwrap
from setsquare.migrate.tools import values
from setsquare.migrate.tools.plan import ToolPlan

if TYPE_CHECKING:
    import tomlkit

_ORIGIN = ("pyproject.toml", "tool.black")
_REGEX = "a regex: Ruff takes globs; add the paths to `extend-exclude` by hand"
_DROPPED = {
    "exclude": _REGEX,
    "extend_exclude": _REGEX,
    "force_exclude": _REGEX,
    "include": _REGEX,
    "preview": "Black's preview style is not Ruff's; opt in with `format.preview` knowingly",
    "unstable": "Black's unstable style has no Ruff equivalent",
    "enable_unstable_feature": "Black's unstable style has no Ruff equivalent",
    "required_version": "pins Black itself",
}


@dataclass
class Result:
    plan: ToolPlan
    line_length: Field | None = None
    top: list[Field] = field(default_factory=list)


def _source(key: str) -> Location:
    return Location("pyproject.toml", section="tool.black", key=key)


def _field(key: str, source_key: str, value: Any, reason: str = "") -> Field:
    action = Action.TRANSFORMED if reason else Action.MAPPED
    return values.tool_field(key, value, _source(source_key), _ORIGIN, action, reason)


def migrate(pyproject: tomlkit.TOMLDocument, *, requires_python: bool = False) -> Result:
    """Plan the Ruff settings that reproduce ``[tool.black]``.

    *requires_python*: [project] requires-python is being written in the same run.
    """
    tool: Any = pyproject.get("tool", {})
    black = tool.get("black")
    result = Result(ToolPlan())
    if black is None:
        return result
    project: Any = pyproject.get("project", {})
    fmt: list[Field] = []
    for raw_key, item in black.items():
        key = str(raw_key).replace("-", "_")
        value = unwrap(item)
        if key == "line_length":
            length = values.expect("tool.black", raw_key, value, int)
            result.line_length = _field("line-length", raw_key, length)
        elif key == "target_version":
            targets = values.expect("tool.black", raw_key, value, list)
            versions = sorted(targets, key=lambda v: int(v[3:]) if v[3:].isdigit() else 0)
            if requires_python or "requires-python" in project:
                reason = "Ruff reads the target from [project] requires-python"
                result.plan.entries.append(Entry(_source(raw_key), Action.TRANSFORMED, "", reason))
            elif versions:
                reason = "Ruff takes the lowest of Black's target versions"
                result.top.append(_field("target-version", raw_key, versions[0], reason))
        elif key == "skip_string_normalization":
            if values.expect("tool.black", raw_key, value, bool):
                reason = "Ruff spells it quote-style = preserve"
                fmt.append(_field("quote-style", raw_key, "preserve", reason))
            else:
                reason = "Ruff normalises quotes by default too"
                result.plan.entries.append(Entry(_source(raw_key), Action.TRANSFORMED, "", reason))
        elif key == "skip_magic_trailing_comma":
            skip = values.expect("tool.black", raw_key, value, bool)
            fmt.append(_field("skip-magic-trailing-comma", raw_key, skip))
        else:
            reason = _DROPPED.get(key, "a Black command-line setting with no Ruff equivalent")
            result.plan.entries.append(Entry(_source(raw_key), Action.DROPPED, "", reason))
    if fmt:
        result.plan.tables.append(Table(("tool", "ruff", "format"), fmt))
    return result
