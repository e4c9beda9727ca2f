"""Seeded random configs: the mappers either migrate (and a second run changes nothing) or
refuse with an InputError naming the file -- never another exception."""

from __future__ import annotations

import random

import pytest

from setsquare.errors import InputError
from tests.migrate.tools.support import run

_VALUES = [
    "", "1", "0", "true", "maybe", "a, b", "a\n    b", "E501", "x.py: E1", "'", '"', "3.10",
    "-k 'x", "LOCALFOLDER", "black", "google", "%(x)s", "py38", "{", "]", "a:b", "...",
    "B950, W503", "I252\n    TCH001", "src/*.py: D,S101",
]  # fmt: skip
_KEYS = {
    ".flake8": ("flake8", ["select", "ignore", "extend-select", "extend-ignore",
                           "per-file-ignores", "max-line-length", "max-complexity", "exclude",
                           "inline-quotes", "docstring-convention", "ban-relative-imports",
                           "builtins", "require-plugins", "max-doc-length", "avoid-escape"]),
    ".isort.cfg": ("settings", ["profile", "known_first_party", "sections", "no_lines_before",
                                "default_section", "line_length", "force_single_line",
                                "lines_after_imports", "multi_line_output", "src_paths"]),
    "pytest.ini": ("pytest", ["addopts", "markers", "testpaths", "pythonpath", "xfail_strict",
                              "minversion", "env"]),
    "mypy.ini": ("mypy", ["strict", "plugins", "python_version", "mypy_path", "exclude",
                          "many_errors_threshold", "files"]),
    ".coveragerc": ("run", ["branch", "source", "omit", "parallel"]),
}  # fmt: skip
_PYPROJECTS = [
    "",
    "[tool.black]\nline-length = 'x'\n",
    "[tool.black]\nline-length = 90\ntarget-version = ['py39']\n",
    "[tool.isort]\nline_length = 'x'\n",
    "[tool.ruff]\nline-length = 88\n",
    "[tool.mypy]\nstrict = true\n",
    "# comment\n[project]\nname = 'x'\n",
]


def _case(rng: random.Random) -> tuple[dict[str, str], str]:
    files = {}
    for path, (section, keys) in _KEYS.items():
        if rng.random() < 0.5:
            chosen = rng.sample(keys, rng.randint(0, 4))
            body = "".join(f"{key} = {rng.choice(_VALUES)}\n" for key in chosen)
            files[path] = f"[{section}]\n{body}"
    return files, rng.choice(_PYPROJECTS)


@pytest.mark.parametrize("seed", range(5))
def test_random_configs_migrate_or_refuse(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        files, pyproject = _case(rng)
        try:
            first = run(files, pyproject)
        except InputError as error:
            refused: InputError | None = error
        else:
            refused = None
        if refused is not None:
            assert refused.path in (*files, "pyproject.toml")
            continue
        second = run(first.files_after, first.text)
        assert second.text == first.text, (files, pyproject)
        assert second.files_after == first.files_after, (files, pyproject)
