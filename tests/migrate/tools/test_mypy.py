from __future__ import annotations

import pytest

from tests.migrate.tools.support import run


def test_mypy_noop() -> None:
    done = run({"setup.cfg": "[metadata]\nname = x\n"}, "[tool.mypy]\nstrict = true\n")
    assert done.text == "[tool.mypy]\nstrict = true\n"
    assert done.result.entries == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {
                "mypy.ini": "[mypy]\npython_version = 3.10\nstrict = True\n"
                "plugins = a.plugin, b\nmany_errors_threshold = 5\n"
            },
            '[tool.mypy]\npython_version = "3.10"\nstrict = true\nplugins = ["a.plugin", "b"]\n'
            "many_errors_threshold = 5\n",
            id="types: version string, bool, list, int",
        ),
        pytest.param(
            {"mypy.ini": "[mypy]\n\n[mypy-a.*, b.c]\nignore_errors = yes\n"},
            '[[tool.mypy.overrides]]\nmodule = ["a.*", "b.c"]\nignore_errors = true\n',
            id="one override for a section naming two modules",
        ),
        pytest.param(
            {"setup.cfg": "[mypy]\nexclude = (?x)(\n    ^a\\.py$\n    | ^b/\n  )\n"},
            "[tool.mypy]\nexclude = '''(?x)(\n^a\\.py$\n| ^b/\n)'''\n",
            id="a verbose exclude regex stays one literal string",
        ),
        pytest.param(
            {"setup.cfg": "[mypy]\nstrict = true\n", "mypy.ini": "[mypy]\nstrict = false\n"},
            "[tool.mypy]\nstrict = false\n",
            id="mypy.ini beats setup.cfg",
        ),
        pytest.param(
            {"mypy.ini": "[mypy-x]\ndisallow_untyped_defs = False\n"},
            '[[tool.mypy.overrides]]\nmodule = ["x"]\ndisallow_untyped_defs = false\n',
            id="overrides without a [mypy] section",
        ),
    ],
)
def test_mypy_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_existing_mypy_table_blocks_the_move() -> None:
    done = run({"mypy.ini": "[mypy]\nstrict = True\n"}, "[tool.mypy]\nstrict = false\n")
    assert done.text == "[tool.mypy]\nstrict = false\n"
    assert done.result.consumed == {}
    assert done.result.remove_files == set()
    assert done.ledger() == (
        "kept        mypy.ini:2 [mypy] strict (conflict: pyproject.toml already has [tool.mypy],"
        " ignored while mypy.ini [mypy] exists; merge the two by hand)\n"
    )


def test_a_dormant_table_with_more_keys_is_not_woken_up() -> None:
    # Equal on `strict`, but removing mypy.ini would switch on warn_unreachable.
    existing = "[tool.mypy]\nstrict = true\nwarn_unreachable = true\n"
    done = run({"mypy.ini": "[mypy]\nstrict = true\n"}, existing)
    assert done.text == existing
    assert done.result.remove_files == set()
    assert "merge the two by hand" in done.ledger()


def test_an_identical_table_counts_as_migrated() -> None:
    existing = '[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nmodule = ["a"]\nx = "1"\n'
    done = run({"mypy.ini": "[mypy]\nstrict = true\n[mypy-a]\nx = 1\n"}, existing)
    assert done.text == existing
    assert done.result.remove_files == {"mypy.ini"}


def test_dot_mypy_ini_beats_setup_cfg_and_goes() -> None:
    done = run({".mypy.ini": "[mypy]\nstrict = true\n", "setup.cfg": "[mypy]\nstrict = false\n"})
    assert done.text == "[tool.mypy]\nstrict = true\n"
    assert done.result.remove_files == {".mypy.ini"}
    assert done.result.consumed == {".mypy.ini": {"mypy"}, "setup.cfg": {"mypy"}}
