"""pytest: ``pytest.ini`` / tox.ini ``[pytest]`` / setup.cfg ``[tool:pytest]`` -> ini_options.

pytest takes the first of pytest.ini (even without a ``[pytest]`` section), pyproject.toml
``[tool.pytest.ini_options]``, tox.ini ``[pytest]``, setup.cfg ``[tool:pytest]``
(``_pytest/config/findpaths.py`` CONFIG_LOADERS_BY_NAME). Values get the types pytest
declares for them with ``parser.addini``: ``args`` and ``linelist`` become lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from setsquare.migrate.ledger import Action, Entry, source_of
from setsquare.migrate.tools import values
from setsquare.migrate.tools.discovery import drop_shadowed, sections_named
from setsquare.migrate.tools.plan import Setting, TablePlan, ToolPlan

if TYPE_CHECKING:
    from collections.abc import Mapping

    import tomlkit

    from setsquare.migrate.ini import IniFile, IniOption

CANDIDATES = (
    ("pytest.ini", sections_named("pytest")),
    (".pytest.ini", sections_named("pytest")),
    ("tox.ini", sections_named("pytest")),
    ("setup.cfg", sections_named("tool:pytest")),
)
_SECTION = {
    "pytest.ini": "pytest",
    ".pytest.ini": "pytest",
    "tox.ini": "pytest",
    "setup.cfg": "tool:pytest",
}
_OWN_FILES = ("pytest.ini", ".pytest.ini")

# pytest 9's own `addini` types (plugins add their own keys: those keep their text).
_ARGS = frozenset(
    {
        "addopts",
        "norecursedirs",
        "testpaths",
        "python_files",
        "python_classes",
        "python_functions",
        "usefixtures",
        "doctest_optionflags",
        "required_plugins",
    }
)
_LINELIST = frozenset({"markers", "filterwarnings"})
_PATHS = frozenset({"pythonpath"})
_BOOLS = frozenset(
    {
        "strict",
        "strict_config",
        "strict_markers",
        "strict_xfail",
        "strict_parametrization_ids",
        "xfail_strict",
        "log_cli",
        "collect_imported_tests",
        "consider_namespace_packages",
        "faulthandler_exit_on_timeout",
        "junit_log_passing_tests",
        "enable_assertion_pass_hook",
    }
)


def _setting(source: values.Source, option: IniOption) -> Setting:
    key = option.key
    if key in _ARGS:
        return source.list_setting(option, key, values.args)
    if key in _PATHS:
        return source.list_setting(option, key, values.args)
    if key in _LINELIST:
        return source.list_setting(option, key, values.lines)
    if key in _BOOLS:
        return source.setting(option, key, values.boolean(option, source.ini.path))
    if len(option.lines) > 1:
        # A plugin's multi-line key (pytest-env's `env`) is a `linelist`: one item a line.
        return source.list_setting(option, key, values.lines)
    # `minversion` and plugin keys stay strings, as pytest reads them from an INI file.
    return source.setting(option, key, option.value.strip())


def _winner(inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument) -> str | None:
    tool: Any = pyproject.get("tool", {})
    for path in _OWN_FILES:
        if path in inis:
            return path
    if "pytest" in tool:
        return "pyproject.toml"
    for path in ("tox.ini", "setup.cfg"):
        if path in inis and inis[path].section(_SECTION[path]) is not None:
            return path
    return None


def migrate(inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument) -> ToolPlan:
    """Plan ``[tool.pytest.ini_options]`` from the one file pytest reads."""
    winner = _winner(inis, pyproject)
    if winner is None:
        return ToolPlan()
    label = "pyproject.toml [tool.pytest]" if winner == "pyproject.toml" else winner
    plan = drop_shadowed(inis, CANDIDATES, label, "pytest")
    if winner == "pyproject.toml":
        return plan
    ini = inis[winner]
    section = ini.section(_SECTION[winner])
    if section is None:
        # An empty pytest.ini still decides the rootdir and shadows everything else.
        reason = f"{winner} has no [pytest] section: pytest runs with no configuration"
        plan.entries.append(Entry(source_of(winner, None), Action.DROPPED, "", reason))
        return plan
    source = values.Source(ini, section)
    header = ini.header_comments if winner in _OWN_FILES else ()
    settings = tuple(_setting(source, option) for option in section.options)
    plan.plans.append(
        TablePlan(("tool", "pytest", "ini_options"), settings, (*header, *section.comments))
    )
    plan.origins.add(source.origin)
    return plan
