"""Regenerate the pyproject.toml validator that setsquare ships pre-compiled.

`validate_pyproject.api.Validator()` finds its plugins through entry points and
compiles their JSON schemas with fastjsonschema in every process that builds one, a
large share of a plain `setsquare migrate`. validate-pyproject's own `pre_compile`
writes the compiled validator once, as a self-contained package (the way setuptools
vendors it); setsquare.pyproject_schema imports that package instead.

The plugins are pinned here, not discovered, so that the output does not depend on
what else is installed: validate-pyproject's own ``setuptools`` and ``distutils``
schemas. Those are the tables a migrated pyproject.toml can hold ([tool.setuptools];
[tool.distutils] when the project had one), and exactly the set that the bundle's
`validate-pyproject` hook discovers in its environment (setsquare without the ``cli``
extra) and that setuptools vendors for its own check at build time. The
``repo-review`` plugin, which `setsquare[cli]` brings in, is left out on purpose:
migrate never writes [tool.repo-review], and a verdict of `migrate` or `adopt` that
depended on which extras are installed would differ from the hook's.

Run it after upgrading validate-pyproject or fastjsonschema;
tests/test_pyproject_schema_vendored.py fails while the shipped copy is stale.

Usage: python scripts/regen_pyproject_validator.py [--output-dir DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from validate_pyproject.plugins import PluginWrapper

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED = REPO_ROOT / "src" / "setsquare" / "_vendor" / "pyproject_validator"
#: Written into the NOTICE (validate-pyproject records how its output was made).
COMMAND = "python scripts/regen_pyproject_validator.py"
#: In the order validate-pyproject's entry-point discovery sorts them, so that the
#: output is the code `Validator()` compiles in memory where only these are installed.
TOOLS = ("distutils", "setuptools")


def plugins() -> list[PluginWrapper]:
    """The pinned plugins, loaded directly rather than through entry points."""
    from validate_pyproject.api import load_builtin_plugin
    from validate_pyproject.plugins import PluginWrapper

    return [PluginWrapper(tool, load_builtin_plugin) for tool in TOOLS]


def regenerate(output_dir: Path) -> Path:
    """Write the validator package into *output_dir*, replacing an earlier one there."""
    from validate_pyproject.pre_compile import pre_compile

    if output_dir.is_dir() and any(output_dir.iterdir()):
        if not (output_dir / "fastjsonschema_validations.py").is_file():
            # Never empty a folder that is not an earlier output: -O . is easy to type.
            msg = f"{output_dir}: not empty and not a pre-compiled validator; pick a new folder"
            raise SystemExit(msg)
        # Emptied first: a file that a newer validate-pyproject no longer writes goes too.
        shutil.rmtree(output_dir)
    return pre_compile(output_dir, original_cmd=COMMAND, plugins=plugins())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=SHIPPED, help="default: %(default)s")
    args = parser.parse_args(argv)
    out = regenerate(args.output_dir)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
