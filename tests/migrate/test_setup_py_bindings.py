"""Which setup.py names count as literals: bound once, and never changed before setup() runs.

A name passed to setup() moves to pyproject.toml only when its value is the one its
binding spells. Anything that may change it in place or bind it again keeps it in
setup.py (its field dynamic): the reading is static, so it errs on that side.
"""

from __future__ import annotations

import ast

import pytest

from setsquare.migrate.setup_py.read import module_bindings, module_literals


def literal_names(text: str) -> set[str]:
    return set(module_literals(module_bindings(ast.parse(text))))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("x = ['a']\nsetup(install_requires=x)\n", {"x"}, id="bound-once"),
        pytest.param("x = {'a': ['b']}\nx['all'] = []\n", set(), id="item-set"),
        pytest.param("x = {'a': ['b']}\ndel x['a']\n", set(), id="item-deleted"),
        pytest.param("x = ['a']\nx.append('b')\n", set(), id="method-called"),
        pytest.param("x = {'a': ['b']}\nx['a'].append('c')\n", set(), id="inner-list-changed"),
        pytest.param("x = {'a': ['b']}\nx.values()\n", set(), id="any-attribute-counts"),
        pytest.param("x = ['a']\nfill(x)\n", set(), id="handed-to-a-call"),
        pytest.param("x = {'a': ['b']}\nfill(x['a'])\n", set(), id="item-handed-to-a-call"),
        pytest.param("x = ['a']\nfor x in y:\n    pass\n", set(), id="loop-target"),
        pytest.param("x = ['a']\nx, z = 1, 2\n", set(), id="unpacked-again"),
        pytest.param("x = ['a']\nx += ['b']\n", set(), id="augmented"),
        pytest.param("x = ['a']\nimport x\n", set(), id="import-rebinds"),
        pytest.param("x = ['a']\ndef x():\n    pass\n", set(), id="def-rebinds"),
        pytest.param("x = ['a']\ndef f():\n    global x\n    x = []\n", set(), id="global-rebinds"),
        # A str, number or tuple of them cannot change in place: reading it is harmless.
        pytest.param("V = '1.2'\nB = V.split('.')\n", {"V"}, id="str-method-is-harmless"),
        pytest.param("V = ('a', 'b')\nprint(V)\n", {"V"}, id="tuple-of-str-handed-on"),
        pytest.param("V = ('a', ['b'])\nV[1].append('c')\n", set(), id="tuple-holding-a-list"),
        # Only setup()'s own keyword values may be passed without counting.
        pytest.param(
            "x = ['a']\nsetup(install_requires=x, tests_require=x)\n", {"x"}, id="setup-keywords"
        ),
    ],
)
def test_literal_names(text: str, expected: set[str]) -> None:
    assert literal_names(text) & {"x", "V"} == expected
