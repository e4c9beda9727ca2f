"""What mypy will read, found the way mypy finds it: its own argument parser and config parser.

mypy looks for `mypy.ini`, `.mypy.ini`, `pyproject.toml` `[tool.mypy]` and `setup.cfg`
`[mypy]` (in that order, up to the repository root, then the user's config), and the
first one it finds wins outright. Re-parsing those files here would drift from mypy;
calling mypy's own functions keeps the hook's reading and mypy's identical.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class MypySettings:
    """The parts of mypy's configuration the hook's decisions depend on."""

    #: The config file mypy reads, or None when it reads none.
    config_file: str | None
    #: Files, packages or modules to check were given, in the config or the arguments.
    has_targets: bool
    #: The user picked the interpreter mypy inspects (or none at all): leave it alone.
    interpreter_chosen: bool
    #: Directories that may hold the project's own modules: `files` and `mypy_path`.
    source_dirs: tuple[str, ...]
    #: mypy's `exclude` patterns, which also apply to the targets the hook picks.
    exclude: tuple[str, ...]
    #: mypy writes one JSON object per line instead of text (`-O json`, an argument only).
    json_output: bool


def read_settings(args: Sequence[str]) -> MypySettings | None:
    """mypy's settings for *args*, or None when mypy will refuse *args* (it then says why)."""
    from mypy.config_parser import parse_config_file
    from mypy.main import define_options
    from mypy.options import Options

    sink = io.StringIO()
    parser, _, _ = define_options(stdout=sink, stderr=sink)
    given = argparse.Namespace()
    try:
        parser.parse_args(list(args), given)
    except SystemExit:
        return None
    config_file: str | None = given.config_file
    if config_file and not Path(config_file).exists():
        return None

    options = Options()
    # parse_config_file exports the config's folder for `$MYPY_CONFIG_FILE_DIR` in paths;
    # mypy sets it again when it runs, so reading must not leave it behind.
    saved = os.environ.get("MYPY_CONFIG_FILE_DIR")
    try:
        # Config problems are mypy's to report, once, when it runs.
        parse_config_file(options, lambda: None, config_file, sink, sink)
    finally:
        if saved is None:
            os.environ.pop("MYPY_CONFIG_FILE_DIR", None)
        else:
            os.environ["MYPY_CONFIG_FILE_DIR"] = saved

    def arg(name: str) -> object:
        return getattr(given, f"special-opts:{name}", None)

    has_targets = any(arg(name) for name in ("files", "modules", "packages", "command")) or any(
        (options.files, options.modules, options.packages)
    )
    interpreter_chosen = bool(
        arg("python_executable")
        or arg("no_executable")
        or options.no_site_packages
        or options.python_executable != sys.executable
    )
    return MypySettings(
        config_file=options.config_file,
        has_targets=has_targets,
        interpreter_chosen=interpreter_chosen,
        source_dirs=(*(options.files or ()), *options.mypy_path),
        exclude=tuple(options.exclude),
        json_output=given.output == "json",
    )
