"""pytest 9's native ``[tool.pytest]``: when the project may use it, and each key's TOML type.

pytest < 9 reads only ``[tool.pytest.ini_options]`` from pyproject.toml: a native
``[tool.pytest]`` table is no config at all to it, so pytest 8 would silently run with
no settings (pytest 8.4 ``findpaths.load_config_dict_from_file``). The native table is
only written when every pytest requirement the project declares excludes pytest < 9.

In a native table pytest checks each value against the type its ``parser.addini``
declares, without coercion (pytest 9.2 ``Config._getini_toml``); an INI value is
coerced to the first member of a union type that accepts it (``_getini_ini``). So a
key converts to what INI mode would have produced, and keys pytest itself does not
declare (plugins' keys) have no known type: with any of them the INI-style table stays.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from setsquare.migrate.requirements.lines import logical_lines

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile

#: pytest 9.2's own keys and their `addini` types; a tuple is a union tried in order
#: (a `Literal` of strings is "string": the value stays a string either way).
TYPES: dict[str, str | tuple[str, ...]] = {
    "addopts": "args",
    "assertion_text_diff_style": "string",
    "cache_dir": "string",
    "collect_imported_tests": "bool",
    "consider_namespace_packages": "bool",
    "console_output_style": "string",
    "disable_test_id_escaping_and_forfeit_all_rights_to_community_support": "bool",
    "doctest_encoding": "string",
    "doctest_optionflags": "args",
    "empty_parameter_set_mark": "string",
    "enable_assertion_pass_hook": "bool",
    "faulthandler_exit_on_timeout": "bool",
    "faulthandler_timeout": ("float", "string"),
    "filterwarnings": "linelist",
    "junit_duration_report": "string",
    "junit_family": "string",
    "junit_log_passing_tests": "bool",
    "junit_logging": "string",
    "junit_suite_name": "string",
    "log_auto_indent": ("int", "bool", "string"),
    "log_cli": "bool",
    "log_cli_date_format": "string",
    "log_cli_format": "string",
    "log_cli_level": ("int", "string"),
    "log_date_format": "string",
    "log_file": "string",
    "log_file_date_format": "string",
    "log_file_format": "string",
    "log_file_level": ("int", "string"),
    "log_file_mode": "string",
    "log_format": "string",
    "log_level": ("int", "string"),
    "markers": "linelist",
    "max_warnings": ("int", "string"),
    "minversion": "string",
    "norecursedirs": "args",
    "parametrize_long_str_id_strategy": "string",
    "pytester_example_dir": "string",
    "python_classes": "args",
    "python_files": "args",
    "python_functions": "args",
    "pythonpath": "paths",
    "required_plugins": "args",
    "strict": "bool",
    "strict_config": "bool",
    "strict_markers": "bool",
    "strict_parametrization_ids": "bool",
    "strict_xfail": "bool",
    "testpaths": "args",
    "tmp_path_retention_count": ("int", "string"),
    "tmp_path_retention_policy": "string",
    "truncation_limit_chars": ("int", "string"),
    "truncation_limit_lines": ("int", "string"),
    "usefixtures": "args",
    "verbosity_assertions": ("int", "string"),
    "verbosity_subtests": ("int", "string"),
    "verbosity_test_cases": ("int", "string"),
    # pytest 9's alias of strict_xfail
    "xfail_strict": "bool",
}

_TRUE = frozenset({"y", "yes", "t", "true", "on", "1"})
_FALSE = frozenset({"n", "no", "f", "false", "off", "0"})
_NATIVE_FLOOR = (9,)
_LOWER_BOUNDS = (">=", ">", "~=", "==", "===")
#: a tox factor condition in front of a dependency: ``py38,py39: pytest<9``
_FACTOR = re.compile(r"^[\w.!{},-]+:\s+")


def strtobool(text: str) -> bool | None:
    """pytest's `_strtobool` (None where pytest raises)."""
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def _coerce(kind: str, text: str) -> Any:
    """One member of a union, as `_getini_ini` applies it; raises ValueError if it refuses."""
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        value = strtobool(text)
        if value is None:
            raise ValueError(text)
        return value
    return text


def scalar(kind: str | tuple[str, ...], text: str) -> Any:
    """The native TOML value of a scalar key, as pytest's INI mode would have read *text*."""
    members = kind if isinstance(kind, tuple) else (kind,)
    for member in members:
        try:
            return _coerce(member, text)
        except ValueError:
            continue
    # No member accepts it: pytest refuses the value in either mode; keep its text.
    return text


@dataclass(frozen=True)
class Floor:
    """Where the project declares pytest, and whether every declaration excludes pytest < 9."""

    native: bool
    #: ``path: requirement`` of each pytest declaration found
    found: tuple[str, ...]

    def reason(self) -> str:
        if self.native:
            return f"the project requires pytest>=9 ({'; '.join(self.found)})"
        if not self.found:
            return "the project declares no pytest>=9, and pytest < 9 ignores [tool.pytest]"
        return f"not every pytest the project declares is >=9 ({'; '.join(self.found)})"


def _excludes_old(requirement: Requirement) -> bool:
    for spec in requirement.specifier:
        if spec.operator not in _LOWER_BOUNDS:
            continue
        try:
            release = Version(spec.version.removesuffix(".*")).release
        except InvalidVersion:
            continue
        if release >= _NATIVE_FLOOR:
            return True
    return False


def _pytest(text: str) -> Requirement | None:
    try:
        requirement = Requirement(text.strip())
    except InvalidRequirement:
        return None
    return requirement if canonicalize_name(requirement.name) == "pytest" else None


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif hasattr(node, "values"):
        for item in node.values():
            yield from _strings(item)


def declared(
    files: Mapping[str, str], inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument
) -> Iterator[tuple[str, str]]:
    """(file, text) of every dependency declaration the migration reads."""
    data: Any = pyproject.unwrap()
    project = data.get("project", {})
    for name in ("dependencies", "optional-dependencies"):
        for text in _strings(project.get(name, [])):
            yield "pyproject.toml", text
    for text in _strings(data.get("dependency-groups", {})):
        yield "pyproject.toml", text
    cfg = inis.get("setup.cfg")
    if cfg is not None:
        for section in cfg.sections:
            for option in section.options:
                wanted = section.name == "options.extras_require" or (
                    section.name == "options"
                    and option.key in ("install_requires", "tests_require")
                )
                if wanted:
                    for line in option.lines:
                        yield "setup.cfg", line.text.split(" #", 1)[0]
    tox = inis.get("tox.ini")
    if tox is not None:
        for section in tox.sections:
            deps = section.get("deps") if section.name.startswith("testenv") else None
            for line in deps.lines if deps is not None else ():
                yield "tox.ini", _FACTOR.sub("", line.text.strip())
    for path, text in files.items():
        if path.endswith((".txt", ".in")):
            for logical in logical_lines(text):
                yield path, logical.text
    setup_py = files.get("setup.py")
    if setup_py is not None:
        try:
            tree = ast.parse(setup_py)
        except SyntaxError:  # the setup.py mapper reports it
            return
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield "setup.py", node.value


def floor(
    files: Mapping[str, str], inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument
) -> Floor:
    """Whether the project only ever installs pytest >= 9 (then native tables are safe)."""
    found: list[str] = []
    native = True
    for path, text in declared(files, inis, pyproject):
        requirement = _pytest(text)
        if requirement is None:
            continue
        found.append(f"{path}: {requirement}")
        native = native and _excludes_old(requirement)
    return Floor(native and bool(found), tuple(dict.fromkeys(found)))
