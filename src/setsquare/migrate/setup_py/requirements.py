"""install_requires= and extras_require= of setup() into ``[project]``.

``extras_require`` keys such as ``":sys_platform=='win32'"`` (no extra: a
dependency) and ``"fast:python_version<'3.12'"`` are folded into markers, as
setuptools folds them into ``Requires-Dist``. The comments written among the
requirements travel with them.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING

from packaging.requirements import Requirement

from setsquare.migrate.ledger import Action
from setsquare.migrate.requirements import has_credentials
from setsquare.migrate.setup_py.read import requirements

if TYPE_CHECKING:
    from setsquare.migrate.model import Item
    from setsquare.migrate.setup_py.mapper import Mapper


CREDENTIALS_KEPT_IN_SETUP_PY = (
    "a requirement's URL carries credentials, which are never copied into pyproject.toml: "
    "left in setup.py, its [project] field dynamic"
)


def _with_marker(requirement: str, marker: str) -> str:
    parsed = Requirement(requirement)
    if parsed.marker is None:
        return f"{requirement}; {marker}"
    base = requirement.split(";", 1)[0].rstrip()
    return f"{base}; ({parsed.marker}) and ({marker})"


def _extra_node(m: Mapper, extra: str) -> ast.expr | None:
    found = m.nodes.get("extras_require")
    if not isinstance(found, ast.Dict):
        return None
    return next(
        (
            value
            for key, value in zip(found.keys, found.values, strict=True)
            if isinstance(key, ast.Constant) and key.value == extra
        ),
        None,
    )


def map_requirements(m: Mapper) -> None:
    """install_requires= and extras_require= into dependencies and optional-dependencies."""
    v = m.values
    base: list[Item] = []
    if "install_requires" in v:
        found = requirements(v["install_requires"], "install_requires", m.lines["install_requires"])
        if found is None:
            return
        base = m.listed("install_requires", found)
    extras: dict[str, list[Item]] = {}
    if "extras_require" in v:
        raw = v["extras_require"]
        if not isinstance(raw, dict):
            return
        for key, value in raw.items():
            found = requirements(value, f"extras_require[{key!r}]", m.lines["extras_require"])
            if not isinstance(key, str) or found is None:
                return
            listed = m.listed("extras_require", found, _extra_node(m, key))
            extra, _, marker = key.partition(":")
            if marker:
                listed = [
                    replace(i, value=_with_marker(str(i.value), marker.strip())) for i in listed
                ]
            if extra:
                extras.setdefault(extra.strip(), []).extend(listed)
            else:
                base.extend(listed)
    every = [*base, *(item for listed in extras.values() for item in listed)]
    if any(has_credentials(str(item.value)) for item in every):
        # A secret is never copied (one rule: `setsquare.redact`); ``:marker`` keys tie
        # the two arguments together, so both stay, their fields dynamic.
        for key in ("install_requires", "extras_require"):
            if key in v:
                m.keep(key, CREDENTIALS_KEPT_IN_SETUP_PY, dynamic=True)
        return
    if "install_requires" in v or any(
        ":" in str(k) and not str(k).split(":")[0] for k in v.get("extras_require", {})
    ):
        m.project.add(
            "dependencies",
            base,
            origin=m.origin("install_requires" if "install_requires" in v else "extras_require"),
        )
    if "install_requires" in v:
        m.note("install_requires", Action.MAPPED, "[project] dependencies")
    if "extras_require" in v:
        for extra, listed in extras.items():
            m.extras.add(extra, listed, origin=m.origin("extras_require"))
        folded = any(":" in str(k) for k in v["extras_require"])
        m.note(
            "extras_require",
            Action.TRANSFORMED if folded else Action.MAPPED,
            "[project.optional-dependencies]",
            "`extra:marker` keys folded into markers" if folded else "",
        )
