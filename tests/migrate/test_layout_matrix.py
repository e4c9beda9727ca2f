"""Where new tables land and how they are spaced, for each shape of existing pyproject.toml.

Every existing file shape meets every kind of output (packaging tables, tool tables,
both, dependency groups) through the whole pure core: where the one writer
(`writer.place`) files new tables and how it spaces them (issue #11). It was taken from
the code before the packaging and tool writers became one; any rewrite must still
produce it.
The expected texts are spelled as blocks joined by `spaced` (one blank line between),
so each row shows where the blank lines and comments go.
"""

from __future__ import annotations

import pytest

from setsquare.migrate.project import migrate_project


def spaced(*blocks: str) -> str:
    """*blocks* (each ending in a newline) with one blank line between them."""
    return "\n".join(blocks)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


BS = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n'
BS_COMMENTED = BS.replace('meta"\n', 'meta"  # why\n') + "# the end\n"
PROJECT = '[project]\nname = "a"\nversion = "1"\n'
#: written into an existing [project], or last in a new one
DESCRIPTION = 'description = "d"\n'
SETUPTOOLS = "[tool.setuptools]\ninclude-package-data = false\n"
#: setup.cfg's opening comment: above a new [project], or opening a new file
HEADER = "# the header\n"
RUFF = "[tool.ruff]\nline-length = 100\n"
LINT = '[tool.ruff.lint]\nselect = ["E"]\n'
MYPY = "[tool.mypy]\nwarn_unused_ignores = true\n"
OVERRIDES = '[[tool.mypy.overrides]]\nmodule = ["b.*"]\nignore_missing_imports = true\n'
TOOLS = spaced(RUFF, LINT, MYPY, OVERRIDES)
GROUPS = '[dependency-groups]\ndev = ["pytest"]\n'
CODESPELL = '[tool.codespell]\nskip = "*.po"\n'
TOWNCRIER = '[tool.towncrier]\ndirectory = "changes"\n'

#: the existing pyproject.toml (None: there is none)
SHAPES: dict[str, str | None] = {
    "none": None,
    "empty": "",
    "build-system": BS,
    "build-system-project": spaced(BS, PROJECT),
    "split-tool": spaced(CODESPELL, PROJECT, TOWNCRIER),
    "split-tool-around-build-system": spaced(CODESPELL, BS, TOWNCRIER),
    "flush-headers": CODESPELL + TOWNCRIER,
    "trailing-comments": BS_COMMENTED,
    "crlf": crlf(BS),
    "no-final-newline": BS.rstrip("\n"),
    "blank-lines-at-end": BS + "\n\n",
}

_PACKAGING = "[metadata]\nname = a\nversion = 1\ndescription = d\n"
_TOOLS = (
    "[flake8]\nmax-line-length = 100\nselect = E\n\n[mypy]\nwarn_unused_ignores = True\n"
    "\n[mypy-b.*]\nignore_missing_imports = True\n"
)
#: the legacy files, by what they make the migration write
WRITES: dict[str, dict[str, str]] = {
    "packaging": {"setup.cfg": f"# the header\n\n{_PACKAGING}"},
    "tools": {"setup.cfg": f"# the header\n\n{_TOOLS}"},
    "both": {"setup.cfg": f"# the header\n\n{_PACKAGING}\n{_TOOLS}"},
    "requirements": {"requirements-dev.txt": "pytest\n"},
}

_NEW_PACKAGING = spaced(HEADER, BS, PROJECT + DESCRIPTION, SETUPTOOLS)
_NEW_BOTH = spaced(HEADER, BS, PROJECT + DESCRIPTION, TOOLS, SETUPTOOLS)
#: a new [project] beside an existing file: setup.cfg's header flush above it
_NEW_PROJECT = HEADER + PROJECT + DESCRIPTION
# A tools-only run drops setup.cfg's header with a ledger line (no [project] to go above).
_AFTER_BS = {
    "packaging": spaced(_NEW_PROJECT, SETUPTOOLS),
    "tools": TOOLS,
    "both": spaced(_NEW_PROJECT, TOOLS, SETUPTOOLS),
    "requirements": GROUPS,
}

_AROUND = "split-tool-around-build-system"
MATRIX = [
    ("none", "packaging", _NEW_PACKAGING),
    ("none", "tools", TOOLS),
    ("none", "both", _NEW_BOTH),
    ("none", "requirements", GROUPS),
    ("empty", "packaging", _NEW_PACKAGING),
    ("empty", "tools", TOOLS),
    ("empty", "both", _NEW_BOTH),
    ("empty", "requirements", GROUPS),
    # [project] goes right after [build-system], setup.cfg's header flush above it.
    ("build-system", "packaging", spaced(BS, _AFTER_BS["packaging"])),
    ("build-system", "tools", spaced(BS, TOOLS)),
    ("build-system", "both", spaced(BS, _AFTER_BS["both"])),
    ("build-system", "requirements", spaced(BS, GROUPS)),
    # Beside an existing [project]: keys go into it, no header, no include-package-data.
    ("build-system-project", "packaging", spaced(BS, PROJECT + DESCRIPTION)),
    ("build-system-project", "tools", spaced(BS, PROJECT, TOOLS)),
    ("build-system-project", "both", spaced(BS, PROJECT + DESCRIPTION, TOOLS)),
    ("build-system-project", "requirements", spaced(BS, PROJECT, GROUPS)),
    # New tool tables join the first piece of the split [tool]; [build-system] opens the file.
    ("split-tool", "packaging", spaced(BS, CODESPELL, PROJECT + DESCRIPTION, TOWNCRIER)),
    ("split-tool", "tools", spaced(CODESPELL, TOOLS, PROJECT, TOWNCRIER)),
    ("split-tool", "both", spaced(BS, CODESPELL, TOOLS, PROJECT + DESCRIPTION, TOWNCRIER)),
    ("split-tool", "requirements", spaced(CODESPELL, PROJECT, TOWNCRIER, GROUPS)),
    # New tables in the middle of the file keep a blank line above the next header.
    (_AROUND, "packaging", spaced(CODESPELL, SETUPTOOLS, BS, _NEW_PROJECT, TOWNCRIER)),
    (_AROUND, "tools", spaced(CODESPELL, TOOLS, BS, TOWNCRIER)),
    (_AROUND, "both", spaced(CODESPELL, TOOLS, SETUPTOOLS, BS, _NEW_PROJECT, TOWNCRIER)),
    (_AROUND, "requirements", spaced(CODESPELL, BS, TOWNCRIER, GROUPS)),
    # Headers the user wrote flush against each other stay so; new ones are set apart.
    ("flush-headers", "packaging", spaced(BS, _NEW_PROJECT, CODESPELL + TOWNCRIER, SETUPTOOLS)),
    ("flush-headers", "tools", spaced(CODESPELL + TOWNCRIER, TOOLS)),
    ("flush-headers", "both", spaced(BS, _NEW_PROJECT, CODESPELL + TOWNCRIER, TOOLS, SETUPTOOLS)),
    ("flush-headers", "requirements", spaced(CODESPELL + TOWNCRIER, GROUPS)),
    # The comments stay with [build-system]; new tables start below a blank line.
    *(("trailing-comments", w, spaced(BS_COMMENTED, _AFTER_BS[w])) for w in _AFTER_BS),
    *(("crlf", w, crlf(spaced(BS, _AFTER_BS[w]))) for w in _AFTER_BS),
    *(("no-final-newline", w, spaced(BS, _AFTER_BS[w])) for w in _AFTER_BS),
    # The user's two blank lines stay: a file's own spacing is never re-spaced.
    *(("blank-lines-at-end", w, BS + "\n\n" + _AFTER_BS[w]) for w in _AFTER_BS),
]


def test_the_matrix_covers_every_shape_and_write() -> None:
    assert sorted((shape, write) for shape, write, _ in MATRIX) == sorted(
        (shape, write) for shape in SHAPES for write in WRITES
    )


@pytest.mark.parametrize(
    ("shape", "write", "expected"),
    [pytest.param(*row, id=f"{row[0]}-{row[1]}") for row in MATRIX],
)
def test_new_tables_land_and_are_spaced(shape: str, write: str, expected: str) -> None:
    files = dict(WRITES[write])
    existing = SHAPES[shape]
    if existing is not None:
        files["pyproject.toml"] = existing
    changes = migrate_project(files).changes
    assert changes["pyproject.toml"] == expected
    # A second run over what the first left changes nothing.
    after = {path: text for path, text in {**files, **changes}.items() if text is not None}
    assert "pyproject.toml" not in migrate_project(after).changes
