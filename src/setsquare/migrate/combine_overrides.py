"""Where setup.py's arguments overrule what setup.cfg's mapping wrote.

setuptools reads setup() arguments first and skips a setup.cfg option already set
(``ConfigHandler.__setitem__``: "Already inhabited. Skipping."), so a literal
``version=`` beats ``version = attr: ...``. The setup.cfg half was mapped on its
own; these fix up its tables, and its ledger lines, once setup.py's are known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action, Entry
from setsquare.migrate.model import Inline, Table

if TYPE_CHECKING:
    from setsquare.migrate.setup_cfg import Packaging
    from setsquare.migrate.setup_py import SetupPy

_Tables = dict[tuple[str, ...], Table]
_DYNAMIC = "[tool.setuptools.dynamic] "
_LICENSE_FILES = "[project] license-files"


def _reword(
    packaging: Packaging, target: str, action: Action, reason: str, new_target: str = ""
) -> None:
    """Replace the ledger line that sent a setup.cfg key to *target* (kept in place)."""
    for index, entry in enumerate(packaging.entries):
        if entry.target == target:
            packaging.entries[index] = Entry(entry.source, action, new_target, reason)


def static_over_dynamic(packaging: Packaging, setup_py: SetupPy, by_name: _Tables) -> None:
    """A field setup() gives as a literal is not also dynamic from a setup.cfg ``attr:``/``file:``.

    Left both ways, pyproject.toml would be invalid (a field both static and in
    ``dynamic``), and the refusal would blame a value setsquare wrote.
    """
    dynamic_table = by_name.get(("tool", "setuptools", "dynamic"))
    if dynamic_table is None:
        return
    given = {f.key for t in setup_py.tables if t.name == ("project",) for f in t.fields}
    for key in sorted(given & {f.key for f in dynamic_table.fields}):
        dynamic_table.fields = [f for f in dynamic_table.fields if f.key != key]
        reason = f"setup.py's {key} wins, as in setuptools (setup() arguments beat setup.cfg)"
        _reword(packaging, f"{_DYNAMIC}{key}", Action.DROPPED, reason)


def license_files_beside_text(packaging: Packaging, project: Table, by_name: _Tables) -> None:
    """PEP 639 allows [project] license-files only beside an SPDX expression.

    setup.cfg's ``license_file`` went to [project] when setup.cfg had no license (or an
    SPDX one); if setup.py's ``license=`` is free text, it moves to [tool.setuptools]
    license-files, which setuptools reads the same way (the wheel keeps its
    License-File lines).
    """
    license_field = project.get("license")
    files = project.get("license-files")
    if files is None or license_field is None or not isinstance(license_field.value, dict):
        return
    project.fields = [f for f in project.fields if f.key != "license-files"]
    tool = by_name.get(("tool", "setuptools"))
    if tool is None:
        tool = Table(("tool", "setuptools"))
        packaging.tables.append(tool)
        by_name[tool.name] = tool
    tool.fields = [f for f in tool.fields if f.key != "license-files"]
    tool.fields.append(files)
    reason = (
        "setup.py's license is not an SPDX expression, so not [project] license-files "
        "(setuptools deprecates this place)"
    )
    _reword(
        packaging, _LICENSE_FILES, Action.TRANSFORMED, reason, "[tool.setuptools] license-files"
    )


__all__ = ["license_files_beside_text", "static_over_dynamic"]


def license_text_beside_computed_classifiers(
    packaging: Packaging, setup_py: SetupPy, project: Table
) -> None:
    """setup.cfg's SPDX license goes back to text when setup.py computes the classifiers.

    setuptools refuses ``License ::`` classifiers beside a license expression, and
    computed classifiers cannot be checked (or stripped) without running setup.py.
    The text form publishes the same ``License`` as before.
    """
    field = project.get("license")
    if "classifiers" not in setup_py.dynamic or field is None or not packaging.license_text:
        return
    if not isinstance(field.value, str):
        return
    text: Inline = {"text": packaging.license_text}
    project.fields = [
        f if f.key != "license" else type(f)(f.key, text, f.comments, f.origin)
        for f in project.fields
    ]
    reason = (
        "an SPDX expression, but setup.py computes the classifiers, which may name a "
        "License :: one that setuptools refuses beside an expression: kept as text"
    )
    _reword(packaging, "[project] license", Action.TRANSFORMED, reason, "[project] license")
