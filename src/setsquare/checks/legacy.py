"""Find packaging metadata and tool configuration still living in legacy places.

Pure: it takes the repository's relevant files as text and returns findings;
the hook and the repo-review check do the reading.
"""

from __future__ import annotations

import ast
import configparser
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: Standalone files whose whole content belongs in a pyproject.toml table.
STANDALONE = {
    ".flake8": "[tool.ruff] (Ruff replaces flake8)",
    ".isort.cfg": "[tool.ruff.lint.isort]",
    "pytest.ini": "[tool.pytest.ini_options]",
    "mypy.ini": "[tool.mypy]",
    ".coveragerc": "[tool.coverage.*]",
}

#: INI sections the tools read, by file, and where their content belongs now.
_SECTION_TARGETS = {
    "setup.cfg": {
        "metadata": "[project]",
        "options": "[project] and [tool.setuptools]",
        "flake8": "[tool.ruff] (Ruff replaces flake8)",
        "isort": "[tool.ruff.lint.isort]",
        "tool:pytest": "[tool.pytest.ini_options]",
        "mypy": "[tool.mypy]",
    },
    "tox.ini": {
        "flake8": "[tool.ruff] (Ruff replaces flake8)",
        "isort": "[tool.ruff.lint.isort]",
        "pytest": "[tool.pytest.ini_options]",
    },
}


def _target(filename: str, section: str) -> str | None:
    targets = _SECTION_TARGETS[filename]
    if section in targets:
        return targets[section]
    if section.startswith("coverage:"):
        return "[tool.coverage.*]"
    if filename == "setup.cfg" and section.startswith("options."):
        return targets["options"]
    if filename == "setup.cfg" and section.startswith("mypy-"):
        return "[[tool.mypy.overrides]]"
    return None


#: setup() keywords that carry metadata or build configuration.
_SETUP_KEYWORDS = {
    "name",
    "version",
    "description",
    "long_description",
    "author",
    "author_email",
    "maintainer",
    "maintainer_email",
    "url",
    "license",
    "classifiers",
    "keywords",
    "install_requires",
    "extras_require",
    "python_requires",
    "packages",
    "package_dir",
    "py_modules",
    "entry_points",
    "package_data",
    "include_package_data",
    "scripts",
    "project_urls",
    "data_files",
}

#: At the project root only, where `setsquare migrate` reads them: a setup.py under
#: docs/examples/ or a pytest.ini among test fixtures is data, not this project's config.
LEGACY_FILES = re.compile(
    r"^(setup\.cfg|setup\.py|tox\.ini|\.flake8|\.isort\.cfg|pytest\.ini|mypy\.ini"
    r"|\.coveragerc|requirements[^/]*\.(txt|in))$"
)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    message: str

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def _section_lines(text: str) -> dict[str, int]:
    lines = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        match = re.fullmatch(r"\s*\[([^]]+)\]\s*", raw)
        if match and match[1] not in lines:
            lines[match[1]] = number
    return lines


def _ini_findings(path: str, text: str) -> list[Finding]:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(text, source=path)
    except configparser.Error as error:
        return [Finding(path, getattr(error, "lineno", None), f"cannot be parsed: {error}")]
    lines = _section_lines(text)
    name = path.rsplit("/", 1)[-1]
    findings = []
    for section in parser.sections():
        target = _target(name, section)
        if target is not None:
            findings.append(
                Finding(path, lines.get(section), f"[{section}] belongs in pyproject.toml {target}")
            )
    return findings


def _setup_py_findings(path: str, text: str) -> list[Finding]:
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        return [Finding(path, error.lineno, f"cannot be parsed: {error.msg}")]
    findings = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called != "setup":
            continue
        keywords = sorted(k.arg for k in node.keywords if k.arg in _SETUP_KEYWORDS)
        if keywords:
            shown = ", ".join(keywords[:4]) + (", ..." if len(keywords) > 4 else "")
            findings.append(
                Finding(
                    path,
                    node.lineno,
                    f"setup() passes metadata ({shown}); it belongs in pyproject.toml [project]",
                )
            )
    return findings


def _requirement_names(text: str) -> tuple[set[str], bool]:
    """Names required by a requirements file, and whether it is a compiled lock."""
    names: set[str] = set()
    locked = False
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if raw.lstrip().startswith("# via") or "--hash" in raw:
            locked = True
        if not line or line.startswith(("#", "-")):
            continue
        try:
            names.add(canonicalize_name(Requirement(line.rstrip("\\").strip()).name))
        except InvalidRequirement:
            continue
    return names, locked


def _project_dependency_names(pyproject: Mapping[str, Any]) -> set[str]:
    names: set[str] = set()
    for spec in pyproject.get("project", {}).get("dependencies", []) or []:
        try:
            names.add(canonicalize_name(Requirement(spec).name))
        except InvalidRequirement:
            continue
    return names


def find_legacy(files: Mapping[str, str], pyproject: Mapping[str, Any]) -> list[Finding]:
    """Findings for the legacy files among *files* (path -> text)."""
    findings: list[Finding] = []
    project_names = _project_dependency_names(pyproject)
    for path in sorted(files):
        text = files[path]
        name = path.rsplit("/", 1)[-1]
        if name in STANDALONE:
            findings.append(Finding(path, None, f"belongs in pyproject.toml {STANDALONE[name]}"))
        elif name in ("setup.cfg", "tox.ini"):
            findings.extend(_ini_findings(path, text))
        elif name == "setup.py":
            findings.extend(_setup_py_findings(path, text))
        elif name.startswith("requirements") and project_names:
            names, locked = _requirement_names(text)
            duplicated = sorted(names & project_names)
            if duplicated and not locked:
                findings.append(
                    Finding(
                        path,
                        None,
                        "repeats [project].dependencies "
                        f"({', '.join(duplicated)}); keep them in one place",
                    )
                )
    return findings


def legacy_candidates(paths: Iterable[str]) -> list[str]:
    return sorted(p for p in paths if LEGACY_FILES.search(p))
