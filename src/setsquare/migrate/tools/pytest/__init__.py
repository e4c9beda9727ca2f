"""pytest: ``pytest.ini`` / tox.ini ``[pytest]`` / setup.cfg ``[tool:pytest]`` -> ``[tool.pytest]``.

pytest 9 takes the first of pytest.toml, .pytest.toml, pytest.ini, .pytest.ini (these
four even without a pytest section), pyproject.toml (native ``[tool.pytest]`` keys or
``[tool.pytest.ini_options]``), tox.ini ``[pytest]``, setup.cfg ``[tool:pytest]``
(9.2 ``_pytest/config/findpaths.py`` CONFIG_LOADERS_BY_NAME). pytest 8 knows neither
TOML file nor native keys, and skips a .pytest.ini without ``[pytest]`` (8.4
``load_config_dict_from_file``). Unless the project requires pytest>=9, the file both
versions read is the one migrated, into ``[tool.pytest.ini_options]``; where they read
different files nothing moves. With pytest>=9 the table is native ``[tool.pytest]``,
typed as pytest declares each key (`pytest.native`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from setsquare import legacy_sources
from setsquare.errors import InputError
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import Field, Table
from setsquare.migrate.tools import old_readers, values
from setsquare.migrate.tools.discovery import candidates, drop_shadowed
from setsquare.migrate.tools.plan import ToolPlan
from setsquare.migrate.tools.pytest import native as pytest_native

if TYPE_CHECKING:
    import tomlkit

    from setsquare.migrate.ini import IniFile, IniOption
    from setsquare.migrate.tools.context import ToolContext

NAME = "pytest"
CANDIDATES = candidates(NAME)
#: The one section pytest reads in each file.
_SECTION = {row.path: row.names[0] for row in legacy_sources.sections_of(NAME)}
_OWN_FILES = ("pytest.ini", ".pytest.ini")
#: pytest >= 9 only; never migrated (`setsquare.migrate.tools` reports them)
_TOML_FILES = ("pytest.toml", ".pytest.toml")
_LISTS = {"args": values.args, "paths": values.args, "linelist": values.lines}
_NATIVE = ("tool", "pytest")
_INI_STYLE = ("tool", "pytest", "ini_options")


def _bool(option: IniOption, path: str) -> bool:
    value = pytest_native.strtobool(option.value)
    if value is None:
        raise InputError(
            path,
            f"`{option.key}` must be a boolean (true/false), not {option.value.strip()!r}",
            line=option.line,
            hint="use true or false; pytest refuses the value too",
        )
    return value


def _field(source: values.Source, option: IniOption, *, native: bool) -> Field:
    key = option.key
    kind = pytest_native.TYPES.get(key)
    if isinstance(kind, str) and kind in _LISTS:
        return source.list_field(option, key, _LISTS[kind])
    if kind == "bool":
        return source.field(option, key, _bool(option, source.ini.path))
    if kind is not None:
        text = option.value.strip()
        # INI mode reads strings; a native table needs the type pytest declares.
        return source.field(option, key, pytest_native.scalar(kind, text) if native else text)
    if len(option.lines) > 1:
        # A plugin's multi-line key (pytest-env's `env`) is a `linelist`: one item a line.
        return source.list_field(option, key, values.lines)
    # `minversion` and plugin keys stay strings, as pytest reads them from an INI file.
    return source.field(option, key, option.value.strip())


def _table(pyproject: tomlkit.TOMLDocument) -> Mapping[str, Any] | None:
    tool: Any = pyproject.get("tool", {})
    table = tool.get("pytest") if isinstance(tool, Mapping) else None
    return table if isinstance(table, Mapping) else None


def _pyproject_counts(pyproject: tomlkit.TOMLDocument, version: int) -> bool:
    """Whether pytest *version* takes its config from pyproject.toml (an empty table: no)."""
    table = _table(pyproject)
    if table is None:
        return False
    return "ini_options" in table or (version >= 9 and any(k != "ini_options" for k in table))


def _winner(
    inis: Mapping[str, IniFile],
    files: Mapping[str, str],
    pyproject: tomlkit.TOMLDocument,
    version: int,
) -> str | None:
    """The file pytest *version* (8 or 9) reads its configuration from."""
    if version >= 9:
        for path in _TOML_FILES:
            if path in files:
                return path
    for path in _OWN_FILES:
        if path in inis and (
            version >= 9 or path == "pytest.ini" or inis[path].section("pytest") is not None
        ):
            return path
    if _pyproject_counts(pyproject, version):
        return "pyproject.toml"
    for path in ("tox.ini", "setup.cfg"):
        if path in inis and inis[path].section(_SECTION[path]) is not None:
            return path
    return None


def _label(winner: str | None) -> str:
    if winner is None:
        return "no file"
    return "pyproject.toml [tool.pytest]" if winner == "pyproject.toml" else winner


def _left_in_place(inis: Mapping[str, IniFile], reason: str, hint: str = "") -> ToolPlan:
    """Every pytest section kept where it is, each key named; the hint once a section."""
    plan = ToolPlan()
    for path, find in CANDIDATES:
        ini = inis.get(path)
        for section in find(ini) if ini is not None else ():
            whole = Location(path, section.line, section.name)
            plan.entries.append(Entry(whole, Action.KEPT, "", reason, hint))
            plan.entries.extend(
                Entry(
                    Location(path, option.line, section.name, option.key), Action.KEPT, "", reason
                )
                for option in section.options
            )
    return plan


def _undecided(inis: Mapping[str, IniFile], old: str | None, new: str | None) -> ToolPlan:
    """pytest 8 and 9 read different files: moving either would change one of them."""
    reason = (
        f"left in place: pytest < 9 reads {_label(old)}, pytest >= 9 reads {_label(new)};"
        " require pytest>=9 (or keep one config), then run again"
    )
    return _left_in_place(inis, reason)


def _too_old(inis: Mapping[str, IniFile], old: list[str]) -> ToolPlan:
    """The project runs a pytest before 6 somewhere, which never reads pyproject.toml."""
    reason = (
        f"left in place: pytest < {old_readers.PYTEST_TOML} does not read "
        f"[tool.pytest.ini_options], and the project pins or caps it there ({'; '.join(old)})"
    )
    hint = "require pytest>=6 wherever pytest is installed, then run setsquare migrate again"
    return _left_in_place(inis, reason, hint)


def _native(
    pyproject: tomlkit.TOMLDocument, keys: list[str], floor: pytest_native.Floor
) -> tuple[bool, str]:
    """Whether to write native ``[tool.pytest]``, and the ledger's reason when it matters."""
    existing = _table(pyproject)
    if existing is not None and existing:
        # Only a legacy file that outranks it gets here: its table must match exactly.
        return "ini_options" not in existing, ""
    if not floor.native:
        return False, ""
    unknown = [key for key in keys if key not in pytest_native.TYPES]
    if unknown:
        names = ", ".join(f"`{key}`" for key in unknown)
        return False, (
            f"[tool.pytest.ini_options], not native [tool.pytest]: pytest does not declare"
            f" the type of {names} (a plugin's), which a native table must match"
        )
    return True, f"native [tool.pytest]: {floor.reason()}"


def _both_styles(pyproject: tomlkit.TOMLDocument) -> list[Entry]:
    table = _table(pyproject)
    if table is None or not table.get("ini_options") or set(table) <= {"ini_options"}:
        return []
    reason = (
        "pytest >= 9 refuses native keys and a non-empty [tool.pytest.ini_options] together"
        " (UsageError), pytest < 9 reads only ini_options; keep one of the two by hand"
    )
    return [Entry(Location("pyproject.toml", section="tool.pytest"), Action.KEPT, "", reason)]


def migrate(ctx: ToolContext) -> ToolPlan:
    """Plan ``[tool.pytest]`` (or ``.ini_options``) from the one file pytest reads."""
    plan = _plan(ctx.inis, ctx.pyproject, ctx.files)
    old = old_readers.old_pytests(ctx) if plan.tables else []
    if old:
        plan = _too_old(ctx.inis, old)
    plan.entries.extend(_both_styles(ctx.pyproject))
    return plan


def _plan(
    inis: Mapping[str, IniFile], pyproject: tomlkit.TOMLDocument, files: Mapping[str, str]
) -> ToolPlan:
    floor = pytest_native.floor(files, inis, pyproject)
    winner = _winner(inis, files, pyproject, 9)
    if not floor.native:
        old = _winner(inis, files, pyproject, 8)
        if old != winner and winner not in _TOML_FILES:
            return _undecided(inis, old, winner)
        # pytest 9 goes on reading pytest.toml; pytest 8 reads the migrated table.
        winner = old
    if winner is None:
        return ToolPlan()
    plan = drop_shadowed(inis, CANDIDATES, _label(winner), "pytest")
    if winner not in _SECTION:
        return plan
    ini = inis[winner]
    section = ini.section(_SECTION[winner])
    if section is None:
        # An empty pytest.ini still decides the rootdir and shadows everything else.
        reason = f"{winner} has no [pytest] section: pytest runs with no configuration"
        plan.entries.append(Entry(Location(winner), Action.DROPPED, "", reason))
        return plan
    source = values.Source(ini, section)
    native, why = _native(pyproject, [option.key for option in section.options], floor)
    path = _NATIVE if native else _INI_STYLE
    if why:
        target = f"[{'.'.join(path)}]"
        plan.entries.append(Entry(source.whole(), Action.MOVED, target, why))
    header = ini.header_comments if winner in _OWN_FILES else ()
    fields = [_field(source, option, native=native) for option in section.options]
    plan.tables.append(Table(path, fields, (*header, *section.comments)))
    plan.origins.add(source.origin)
    return plan
