"""flake8's select/ignore decisions, its default ignore list, and Ruff's one import rule I001.

flake8's `ignore` replaces its default ignore list and `extend-ignore` adds to it; Ruff has
none of the listed codes outside preview. flake8-isort and flake8-import-order
split import checking into several codes that Ruff checks as the single rule I001, so one
of them ignored must not switch I001 off.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from flake8 import defaults  # type: ignore[import-untyped]
from flake8.style_guide import Decision, DecisionEngine  # type: ignore[import-untyped]

from setsquare.migrate.tools import ruff_rules
from setsquare.migrate.tools.flake8 import plugins as flake8_plugins
from setsquare.migrate.tools.flake8.codes import DEFAULT_IGNORE, decides
from tests.helpers import child_env, tool
from tests.migrate.tools.support import run

_ISORT = {"requirements-dev.txt": "flake8-isort\n"}
_IMPORT_ORDER = {"requirements-dev.txt": "flake8-import-order\n"}
_BOTH = {"requirements-dev.txt": "flake8-isort\nflake8-import-order\n"}


def test_default_ignore_is_flake8s() -> None:
    # flake8's own list, with its E24 prefix spelled out as the codes pycodestyle has.
    spec = importlib.util.find_spec("pycodestyle")
    assert spec is not None
    assert spec.origin is not None
    pycodestyle = Path(spec.origin).read_text(encoding="utf-8")
    expanded = {
        code
        for prefix in defaults.IGNORE
        for code in (set(re.findall(r"\b(E24\d)\b", pycodestyle)) if prefix == "E24" else {prefix})
    }
    assert set(DEFAULT_IGNORE) == expanded == {*defaults.IGNORE, "E241", "E242"} - {"E24"}


def test_ruff_has_no_stable_rule_for_flake8s_default_ignores() -> None:
    # Were one stable, Ruff's `E`/`W` would report it where flake8 kept it off.
    stable = [c for c in DEFAULT_IGNORE if ruff_rules.known(c) and not ruff_rules.preview_only(c)]
    assert stable == []


_SELECTS: tuple[list[str] | None, ...] = (
    None,
    [],
    ["E"],
    ["E", "W"],
    ["F"],
    ["E226"],
    ["E2"],
    ["I1"],
)
_EXTEND_SELECTS: tuple[list[str], ...] = ([], ["W503"], ["E2"], ["I201"])
_IGNORES: tuple[list[str] | None, ...] = (None, [], ["E501"], ["E2"], ["E226"], ["W"], ["I"])
_EXTEND_IGNORES: tuple[list[str], ...] = ([], ["E22"], ["W503"], ["E"], ["I201", "I1"])
_CODES = (*DEFAULT_IGNORE, "E501", "E225", "F401", "W291", "I100", "I201", "I202", "C901")


def test_decides_as_flake8s_decision_engine() -> None:
    default_select = ["E", "W", "F", "C90", "I"]
    checked = 0
    for select, extend_select, ignore, extend_ignore in itertools.product(
        _SELECTS, _EXTEND_SELECTS, _IGNORES, _EXTEND_IGNORES
    ):
        engine = DecisionEngine(
            argparse.Namespace(
                select=select,
                extend_select=extend_select,
                ignore=ignore,
                extend_ignore=extend_ignore,
                extended_default_select=default_select,
                extended_default_ignore=[],
            )
        )
        for code in _CODES:
            ours = decides(
                code,
                select=select,
                extend_select=extend_select,
                ignore=ignore,
                extend_ignore=extend_ignore,
                default_select=default_select,
            )
            theirs = engine.decision_for(code) is Decision.Selected
            assert ours == theirs, (code, select, extend_select, ignore, extend_ignore)
            checked += 1
    assert checked == 8 * 4 * 7 * 5 * len(_CODES)


def test_i001_stands_for_every_import_sorting_code() -> None:
    every = [plugin.name for plugin in flake8_plugins.PLUGINS]
    assert flake8_plugins.merged_rules() == ("I001",)
    assert flake8_plugins.merged_into("I001", every) == [
        "I100", "I101", "I201", "I202", "I300", "I666",  # flake8-import-order
        "I001", "I003", "I004", "I005",  # flake8-isort; I002 (no isort config) is no check
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {**_ISORT, ".flake8": "[flake8]\nselect = E,F,I\nextend-ignore = I002\n"},
            '[tool.ruff.lint]\nselect = ["E", "F", "I"]\n',
            id="flake8-isort's no-config warning is not a sorting check",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nextend-ignore = I201\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\n',
            id="one import-order code: I001 stays on",
        ),
        pytest.param(
            {**_ISORT, ".flake8": "[flake8]\nignore = I003, E501\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\nignore = ["E501"]\n',
            id="one isort code under plain ignore: I001 stays on",
        ),
        pytest.param(
            {
                **_IMPORT_ORDER,
                ".flake8": "[flake8]\nextend-ignore = I100, I101, I201, I202, I300, I666\n",
            },
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\nignore = ["I001"]\n',
            id="every import-order code: I001 off",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nextend-ignore = I1, I2, I300, I666\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\nignore = ["I001"]\n',
            id="every import-order code by prefix: I001 off",
        ),
        pytest.param(
            {**_ISORT, ".flake8": "[flake8]\nextend-ignore = I001, I003, I004, I005\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\nignore = ["I001"]\n',
            id="every isort sorting code: I001 off",
        ),
        pytest.param(
            {**_ISORT, ".flake8": "[flake8]\nextend-ignore = I\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\nignore = ["I"]\n',
            id="the whole letter",
        ),
        pytest.param(
            {**_BOTH, ".flake8": "[flake8]\nextend-ignore = I1, I2, I300, I666\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\n',
            id="import-order off but flake8-isort still sorting: I001 stays on",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nextend-ignore = I3\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\n',
            id="a prefix Ruff could only spell as I",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nselect = E,F,I1\nextend-ignore = I1\n"},
            '[tool.ruff.lint]\nselect = ["E", "F", "I001"]\nignore = ["I001"]\n',
            id="the other import-order codes were never selected",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nselect = E,I201\n"},
            '[tool.ruff.lint]\nselect = ["E", "I001"]\n',
            id="selecting one code stays I001",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nper-file-ignores = tests/*: I201\n"},
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\n',
            id="per-file: one code, nothing left to ignore",
        ),
        pytest.param(
            {
                **_IMPORT_ORDER,
                ".flake8": "[flake8]\nextend-ignore = I100, I101, I300, I666\n"
                "per-file-ignores = tests/*: I201, I202\n",
            },
            '[tool.ruff.lint]\nselect = ["E", "W", "F", "I"]\n\n'
            '[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["I001"]\n',
            id="per-file codes complete the global ones",
        ),
    ],
)
def test_import_codes_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


_I201_KEPT = (
    "Ruff has no rule for I201 alone (flake8-import-order: missing newline between import"
    " groups); Ruff's I001 also checks flake8-import-order's I100, I101, I202, I300, I666,"
    " which flake8 still checked, so I001 stays on"
)


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nextend-ignore = I201\n"},
            f"dropped     .flake8:2 [flake8] extend-ignore ({_I201_KEPT}; ",
            id="import-order",
        ),
        pytest.param(
            {**_ISORT, ".flake8": "[flake8]\nextend-ignore = I002, I005\n"},
            "dropped     .flake8:2 [flake8] extend-ignore (Ruff has no rule for I002"
            " (flake8-isort: no isort configuration found); Ruff has no rule for I005 alone"
            " (flake8-isort: an import line isort would add, as when it splits or wraps"
            " imports); Ruff's I001 also checks flake8-isort's I001, I003, I004, which flake8"
            " still checked, so I001 stays on; ",
            id="isort",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nextend-ignore = I3\n"},
            "dropped     .flake8:2 [flake8] extend-ignore (Ruff can only ignore I3 as I; Ruff's"
            " I also checks flake8-import-order's I100, I101, I201, I202, I666, which flake8"
            " still checked, so I stays on; ",
            id="prefix",
        ),
        pytest.param(
            {**_BOTH, ".flake8": "[flake8]\nextend-ignore = I1, I2, I300, I666\n"},
            "dropped     .flake8:2 [flake8] extend-ignore (Ruff can only ignore I1 as I001;"
            " Ruff's I001 also checks flake8-isort's I001, I003, I004, I005, which flake8 still"
            " checked, so I001 stays on; Ruff can only ignore I2 as I001; Ruff has no rule for"
            " I300 alone (flake8-import-order: TYPE_CHECKING block without one newline above);"
            " Ruff has no rule for I666 alone (flake8-import-order: import statement mixes"
            " groups); flake8's default",
            id="the other plugin, said once",
        ),
        pytest.param(
            {**_IMPORT_ORDER, ".flake8": "[flake8]\nper-file-ignores = tests/*: I201\n"},
            f"dropped     .flake8:2 [flake8] per-file-ignores ({_I201_KEPT}; nothing left to"
            " ignore for tests/*)",
            id="per-file",
        ),
    ],
)
def test_import_codes_ledger(files: dict[str, str], reason: str) -> None:
    assert reason in run(files).ledger()


_RAN = "(`ignore` replaces flake8's default ignore list); Ruff has no stable rule for them"
_CHOSEN = (
    "(chosen by `select`/`extend-select`, which beats flake8's default ignore list); Ruff has"
    " no stable rule for them: not carried"
)
_ALL = "E121, E123, E126, E226, E241, E242, E704, W503, W504"


@pytest.mark.parametrize(
    ("flake8", "expected"),
    [
        pytest.param(
            "ignore = E501",
            f"transformed .flake8:2 [flake8] ignore -> [tool.ruff.lint] ignore (flake8 also"
            f" reported {_ALL} {_RAN}: not carried)",
            id="ignore replaces the default list",
        ),
        pytest.param(
            "ignore = E501, W503, E24",
            "transformed .flake8:2 [flake8] ignore -> [tool.ruff.lint] ignore (Ruff has no rule"
            " for W503 (pycodestyle); flake8 also reported E121, E123, E126, E226, E704, W504"
            f" {_RAN}: not carried)",
            id="the ones the user ignored are not lost",
        ),
        pytest.param(
            "select = F\nignore = E501",
            "mapped      .flake8:3 [flake8] ignore -> [tool.ruff.lint] ignore\n",
            id="not selected: nothing ran",
        ),
        pytest.param(
            "extend-ignore = E501",
            "transformed .flake8:2 [flake8] extend-ignore -> [tool.ruff.lint] ignore (flake8's"
            f" default ignore list kept {_ALL} off; Ruff has no stable rule for them either:"
            " nothing to ignore)",
            id="extend-ignore keeps the default list: nothing lost",
        ),
        pytest.param(
            "select = E,W,F",
            "transformed .flake8:2 [flake8] select -> [tool.ruff.lint] select (plugins in use:"
            f" none found; flake8 also reported {_ALL} {_CHOSEN})",
            id="an explicit select beats the default list",
        ),
        pytest.param(
            "select = W,F\nextend-ignore = E501",
            "transformed .flake8:3 [flake8] extend-ignore -> [tool.ruff.lint] ignore (flake8"
            f" also reported W503, W504 {_CHOSEN})",
            id="explicit select with extend-ignore",
        ),
        pytest.param(
            "extend-select = W504, E22",
            "transformed .flake8:1 [flake8] -> [tool.ruff.lint] select (flake8 selects every"
            " installed plugin by default: made explicit; plugins in use: none found; Ruff has"
            " no rule for W504 (pycodestyle); flake8 also reported E226 (chosen",
            id="extend-select by name is reported once",
        ),
    ],
)
def test_default_ignore_list_ledger(flake8: str, expected: str) -> None:
    assert expected in run({".flake8": f"[flake8]\n{flake8}\n"}).ledger()


def test_no_default_ignore_note_without_selection_or_ignores() -> None:
    assert (
        "default ignore list" not in run({".flake8": "[flake8]\nmax-line-length = 99\n"}).ledger()
    )


# Triggers each code of flake8's default ignore list once (checked against flake8 below).
_SAMPLE = '''"""Sample."""


def f(a, b):
    """F."""
    c = a*b
    d = (a
         + b)
    e = (a +
         b)
    g = [a,  b]
    h = [a,\tb]
    i = dict(
      k=1)
    j = dict(
        k=2,
        )
    m = dict(
            k=3)
    return c, d, e, g, h, i, j, m


def k(): pass
'''


def _codes_reported(cmd: list[str], project: Path) -> set[str]:
    done = subprocess.run(
        cmd, cwd=project, capture_output=True, text=True, env=child_env(), check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return set(re.findall(r"^pkg\.py:\d+:\d+: ([A-Z]+[0-9]+)", done.stdout, re.MULTILINE))


@pytest.mark.parametrize(
    "flake8",
    [
        "ignore = E501",
        "ignore = E501, W503, E24",
        "extend-ignore = E501",
        "select = E,F",
        "select = W,F\nextend-ignore = E501",
        "select = F\nignore = E501",
        "extend-select = E22",
    ],
)
def test_ledger_names_what_flake8_ran_and_ruff_drops(flake8: str, tmp_path: Path) -> None:
    config = f"[flake8]\n{flake8}\n"
    (tmp_path / ".flake8").write_text(config, encoding="utf-8")
    (tmp_path / "pkg.py").write_text(_SAMPLE, encoding="utf-8")
    flake8_ran = _codes_reported([tool("flake8"), "pkg.py"], tmp_path) & set(DEFAULT_IGNORE)
    migrated = run({".flake8": config})
    named = re.search(r"flake8 also reported ((?:[A-Z]+[0-9]+(?:, )?)+)", migrated.ledger())
    assert set(named.group(1).split(", ") if named else ()) == flake8_ran
    (tmp_path / ".flake8").unlink()
    (tmp_path / "pyproject.toml").write_text(migrated.text, encoding="utf-8")
    ruff = _codes_reported(
        [tool("ruff"), "check", "--no-cache", "--output-format", "concise", "pkg.py"], tmp_path
    )
    assert not ruff & set(DEFAULT_IGNORE)
