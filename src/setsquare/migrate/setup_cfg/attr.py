"""``version = attr:``: the module setuptools reads it from, and whether it must import it.

setuptools first reads the attribute statically (``StaticModule``) and imports the
module only when that fails; an import at build time needs the module's imports in
the build environment, which the ledger says.
"""

from __future__ import annotations

import ast
import posixpath
import sys
from typing import TYPE_CHECKING

from setsquare.migrate.setup_cfg.values import dict_lines, list_items

if TYPE_CHECKING:
    from collections.abc import Iterable

    from setsquare.migrate.ini import IniOption, IniSection
    from setsquare.migrate.setup_cfg.values import Reader


def _folded(section: IniSection | None, key: str) -> IniOption | None:
    """*key* spelled any way setuptools accepts (dashes, upper case)."""
    if section is None:
        return None
    return next((o for o in section.options if o.key.replace("-", "_").lower() == key), None)


def attr_target(desc: str) -> tuple[str, str]:
    """``pkg.mod.attr`` -> (``pkg.mod``, ``attr``), as setuptools' ``expand.read_attr``."""
    parts = desc.strip().split(".")
    attr = parts.pop()
    return ".".join(parts) or "__init__", attr


def _package_path(name: str, package_dir: dict[str, str]) -> str:
    """setuptools' ``discovery.find_package_path``, relative to the project root."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        partial = ".".join(parts[:i])
        if partial in package_dir:
            return posixpath.join(package_dir[partial], *parts[i:])
    return posixpath.join(package_dir.get("") or "", *parts)


def version_module_paths(reader: Reader) -> list[str]:
    """The files setuptools tries, in order, for ``version = attr:`` (``expand._find_module``).

    The package directory is ``package_dir``, else the ``find:`` ``where`` folder,
    else ``src/`` when setuptools discovers packages itself (src layout). Paths
    outside the project are left out.
    """
    ini = reader.ini
    option = _folded(ini.section("metadata"), "version")
    if option is None:
        return []
    value = reader.value("metadata", option).strip()
    if not value.startswith("attr:"):
        return []
    module, _ = attr_target(value[len("attr:") :])
    options = ini.section("options")
    package_dir: dict[str, str] = {}
    if (found := _folded(options, "package_dir")) is not None:
        package_dir = dict(dict_lines(reader, "options", found))
    starts = [_package_path(module, package_dir)]
    find = ini.section("options.packages.find")
    if (where := _folded(find, "where")) is not None:
        first = list_items(reader, find.name, where)[:1] if find is not None else []
        starts.extend(posixpath.join(str(item.value), _package_path(module, {})) for item in first)
    elif _folded(options, "packages") is None:
        starts.append(posixpath.join("src", _package_path(module, {})))
    paths: list[str] = []
    for start in starts:
        for candidate in (f"{start}.py", posixpath.join(start, "__init__.py")):
            path = posixpath.normpath(candidate)
            if not path.startswith(("../", "/")) and path not in paths:
                paths.append(path)
    return paths


def _literal_problem(module: ast.Module, attr: str) -> str | None:
    """Why setuptools' ``StaticModule`` cannot read *attr* without importing; None if it can."""
    for statement in module.body:
        if isinstance(statement, ast.Assign):
            pairs = [(target, statement.value) for target in statement.targets]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            pairs = [(statement.target, statement.value)]
        else:
            continue
        for target, value in pairs:
            if isinstance(target, ast.Name) and target.id == attr:
                # The first top-level assignment decides, as in StaticModule.__getattr__.
                try:
                    ast.literal_eval(value)
                except Exception:  # setuptools falls back on any error too
                    return f"computes `{attr}` (line {statement.lineno}), not a literal"
                return None
    return f"has no top-level `{attr} = <literal>`"


def _imports(nodes: Iterable[ast.AST], found: list[str]) -> list[str]:
    """Top-level names of the modules imported when the module runs (not in functions)."""
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            if name.split(".")[0] not in found:
                found.append(name.split(".")[0])
        _imports(ast.iter_child_nodes(node), found)
    return found


def attr_import_warning(path: str, text: str, module: str, attr: str) -> str:
    """The ledger warning when setuptools must import *path* to read *attr*; "" if not."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError) as error:  # ValueError: a NUL byte in the source
        line = f" (line {error.lineno})" if isinstance(error, SyntaxError) else ""
        problem: str | None = f"cannot be parsed{line}"
        imported: list[str] = []
    else:
        problem = _literal_problem(tree, attr)
        imported = _imports(tree.body, [])
    if problem is None:
        return ""
    own = module.split(".")[0]
    outside = [
        name
        for name in imported
        if name not in sys.stdlib_module_names and name not in ("__future__", own)
    ]
    needs = (
        f"and the build environment needs what it imports: {', '.join(outside)} "
        "([build-system] requires)"
        if outside
        else "(it imports only the standard library)"
    )
    return f"{path} {problem}, so setuptools imports `{module}` to read it {needs}"


__all__ = ["attr_import_warning", "attr_target", "version_module_paths"]
