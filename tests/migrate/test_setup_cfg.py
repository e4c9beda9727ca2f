"""setup.cfg [metadata]/[options] mapper: noop and fixes tables (input -> TOML and ledger)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest
import tomlkit

from setsquare.commands._verify import build
from setsquare.errors import InputError
from setsquare.main import main
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.ledger import Action, Entry, Location
from setsquare.migrate.model import render
from setsquare.migrate.setup_cfg import migrate_setup_cfg, sources_wanted
from tests.migrate.golden import CASES, tree

if TYPE_CHECKING:
    from pathlib import Path


def convert(cfg: str) -> str:
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    return render(packaging.tables)


NOOP = [
    pytest.param("", id="empty"),
    pytest.param("[flake8]\nmax-line-length = 100\n", id="tool-section-only"),
    pytest.param("[bdist_wheel]\nuniversal = 1\n[egg_info]\ntag_build = .dev\n", id="commands"),
]


@pytest.mark.parametrize("cfg", NOOP)
def test_noop(cfg: str) -> None:
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    assert packaging.tables == []
    assert packaging.entries == []
    assert packaging.consumed == set()


FIXES = [
    pytest.param(
        "[metadata]\nname = a\nversion = 1.0\n",
        '[project]\nname = "a"\nversion = "1.0"\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="literal-version-stays-static",
    ),
    pytest.param(
        "[metadata]\nversion = attr: pkg.__version__\n",
        '[project]\ndynamic = ["version"]\n\n[tool.setuptools]\ninclude-package-data = false\n\n'
        '[tool.setuptools.dynamic]\nversion = {attr = "pkg.__version__"}\n',
        id="attr-version",
    ),
    pytest.param(
        "[metadata]\nversion = file: VERSION\n",
        '[project]\ndynamic = ["version"]\n\n[tool.setuptools]\ninclude-package-data = false\n\n'
        '[tool.setuptools.dynamic]\nversion = {file = "VERSION"}\n',
        id="file-version",
    ),
    pytest.param(
        "[metadata]\nsummary = s\nhome_page = https://h\nclassifier = Topic :: Utilities\n",
        '[project]\ndescription = "s"\nclassifiers = ["Topic :: Utilities"]\n\n'
        '[project.urls]\nHomepage = "https://h"\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="aliases",
    ),
    pytest.param(
        "[metadata]\nurl = https://x.org/a%%20b\n",
        '[project.urls]\nHomepage = "https://x.org/a%20b"\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="percent-escape",
    ),
    pytest.param(
        "[metadata]\nlong_description = file: README.rst\n",
        '[project]\nreadme = {file = "README.rst", content-type = "text/x-rst"}\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="readme-without-content-type-means-rst",
    ),
    pytest.param(
        "[metadata]\nlong_description = file: README.md\n"
        "long_description_content_type = text/markdown\n",
        '[project]\nreadme = {file = "README.md", content-type = "text/markdown"}\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="readme-markdown",
    ),
    pytest.param(
        "[metadata]\nauthor = A, B\nauthor_email = a@x.org, b@x.org\n",
        '[project]\nauthors = [{name = "A", email = "a@x.org"}, {name = "B", email = "b@x.org"}]\n'
        "\n[tool.setuptools]\ninclude-package-data = false\n",
        id="authors-paired",
    ),
    pytest.param(
        "[metadata]\nauthor = A\nauthor_email = a@x.org, b@x.org\n",
        '[project]\nauthors = [{name = "A"}, {email = "a@x.org"}, {email = "b@x.org"}]\n'
        "\n[tool.setuptools]\ninclude-package-data = false\n",
        id="authors-unpaired",
    ),
    pytest.param(
        "[metadata]\nlicense = mit\nclassifiers =\n    License :: OSI Approved :: MIT License\n"
        "    Topic :: Utilities\n",
        '[project]\nlicense = "MIT"\nclassifiers = ["Topic :: Utilities"]\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="spdx-license-drops-license-classifiers",
    ),
    pytest.param(
        "[metadata]\nlicense = Proprietary\nlicense_files = COPYING\n"
        "classifiers = License :: Other/Proprietary License\n",
        '[project]\nlicense = {text = "Proprietary"}\n'
        'classifiers = ["License :: Other/Proprietary License"]\n\n'
        '[tool.setuptools]\nlicense-files = ["COPYING"]\ninclude-package-data = false\n',
        id="non-spdx-license-kept-as-text",
    ),
    pytest.param(
        "[bdist_wheel]\nuniversal = 1\n# our metadata\n[metadata]\n# the name\nname = a\n"
        "# how we package\n[options]\npy_modules = a\n",
        '[project]\n# our metadata\n# the name\nname = "a"\n\n'
        '[tool.setuptools]\n# how we package\npy-modules = ["a"]\ninclude-package-data = false\n',
        id="comments-of-sections-and-keys",
    ),
    pytest.param(
        "[metadata]\nkeywords =\n    a\n    b c\n",
        '[project]\nkeywords = ["a", "b c"]\n\n[tool.setuptools]\ninclude-package-data = false\n',
        id="keywords-multiline",
    ),
    pytest.param(
        "[options]\ninstall_requires =\n    a>=1  # why\n    b \\\n      >=2\n"
        '    c; python_version < "3.10"\n',
        '[project]\ndependencies = [\n    "a>=1",  # why\n    "b>=2",\n'
        "    'c; python_version < \"3.10\"',\n]\n\n"
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="requirements-comment-continuation-marker",
    ),
    pytest.param(
        "[options]\ninstall_requires = a; b\n",
        '[project]\ndependencies = ["a", "b"]\n\n[tool.setuptools]\ninclude-package-data = false\n',
        id="one-line-semicolon-list",
    ),
    pytest.param(
        "[options]\ninstall_requires = file: requirements.txt\n",
        '[project]\ndynamic = ["dependencies"]\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n\n"
        '[tool.setuptools.dynamic]\ndependencies = {file = "requirements.txt"}\n',
        id="dependencies-file",
    ),
    pytest.param(
        "[options]\npackages = find_namespace:\ninclude_package_data = true\n"
        "[options.packages.find]\nwhere =\n    src\n    lib\nexclude = tests*\n",
        "[tool.setuptools]\ninclude-package-data = true\n\n"
        '[tool.setuptools.packages.find]\nwhere = ["src"]\nexclude = ["tests*"]\n'
        "namespaces = true\n",
        id="find-namespace-first-where-only",
    ),
    pytest.param(
        "[options]\npackages =\n    a\n    a.b\n[options.packages.find]\nwhere = src\n",
        '[tool.setuptools]\npackages = ["a", "a.b"]\ninclude-package-data = false\n',
        id="explicit-packages-ignore-find",
    ),
    pytest.param(
        "[options]\nsetup_requires = wheel\ntests_require = pytest\n"
        "dependency_links = https://x\nzip_safe = 0\n",
        "[tool.setuptools]\ninclude-package-data = false\n\n"
        '[dependency-groups]\ntest = ["pytest"]\n',
        id="setup-and-tests-require",
    ),
    pytest.param(
        "[options.extras_require]\nA_b = x\nall =\n    %(A_b)s\n    y\n",
        '[project.optional-dependencies]\nA_b = ["x"]\nall = ["x", "y"]\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="extras-interpolated-spelling-kept",
    ),
    pytest.param(
        "[options.extras_require]\na = file: a.txt\nb = file: b.txt\n",
        '[project]\ndynamic = ["optional-dependencies"]\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n\n"
        '[tool.setuptools.dynamic]\noptional-dependencies = {a = "a.txt", b = "b.txt"}\n',
        id="extras-all-file",
    ),
    pytest.param(
        "[options.entry_points]\nconsole_scripts =\n    x = p.cli:main\n"
        "pytest11 =\n    p = p.plugin\nmy.group =\n    y = p.y:Y [extra]\n",
        '[project.scripts]\nx = "p.cli:main"\n\n[project.entry-points.pytest11]\np = "p.plugin"\n\n'
        '[project.entry-points."my.group"]\ny = "p.y:Y [extra]"\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="entry-points",
    ),
    pytest.param(
        "[metadata]\nlicense = MIT\nlicense_files =\n    LICEN[CS]E*\n    NOTICE*\n"
        "    licenses/**/*.txt\n",
        '[project]\nlicense = "MIT"\n'
        'license-files = ["LICEN[CS]E*", "NOTICE*", "licenses/**/*.txt"]\n\n'
        "[tool.setuptools]\ninclude-package-data = false\n",
        id="license-file-globs-carried-verbatim",
    ),
    pytest.param(
        "[metadata]\nlicense = BSD\nlicense_file = COPYING*\n",
        '[project]\nlicense = {text = "BSD"}\n\n'
        '[tool.setuptools]\nlicense-files = ["COPYING*"]\ninclude-package-data = false\n',
        id="license-file-glob-beside-a-text-license",
    ),
    pytest.param(
        "[metadata]\nname = a\nlicense =\n",
        '[project]\nname = "a"\n\n[tool.setuptools]\ninclude-package-data = false\n',
        id="empty-license-left-out",
    ),
    pytest.param(
        "[options.package_data]\n* = *.txt\n",
        "[tool.setuptools]\ninclude-package-data = false\n\n"
        '[tool.setuptools.package-data]\n"*" = ["*.txt"]\n',
        id="package-data-star-key",
    ),
]


@pytest.mark.parametrize(("cfg", "expected"), FIXES)
def test_fixes(cfg: str, expected: str) -> None:
    out = convert(cfg)
    assert out == expected
    tomlkit.parse(out)  # valid TOML


def test_a_continuation_with_no_next_line_is_dropped_as_setuptools_does() -> None:
    cfg = "[options]\ninstall_requires =\n    six\n    attrs \\\n"
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    assert 'dependencies = ["six"]' in render(packaging.tables)
    assert packaging.entries[0].render() == (
        "dropped     setup.cfg:2 [options] install_requires ('attrs': its line ends in `\\` with"
        " no line after it, so setuptools drops it (jaraco.text.join_continuation); left out"
        " as well)"
    )


@pytest.mark.parametrize(
    ("word", "value"),
    [("1", True), ("True", True), ("yes", True), ("on", False), ("off", False), ("0", False)],
)
def test_booleans_are_read_as_setuptools_reads_them(word: str, value: bool) -> None:
    # ConfigHandler._parse_bool: `value.lower() in ('1', 'true', 'yes')`, so `on` is false.
    cfg = f"[options]\ninclude_package_data = {word}\n"
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    assert f"include-package-data = {str(value).lower()}\n" in render(packaging.tables)
    noted = any("reads `on` as false" in entry.reason for entry in packaging.entries)
    assert noted is (word == "on")


def test_alias_given_twice_first_wins_as_in_setuptools() -> None:
    cfg = "[metadata]\nurl = https://a\nhome_page = https://b\n"
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    assert render(packaging.tables).startswith('[project.urls]\nHomepage = "https://a"\n')
    assert packaging.entries[1].render() == (
        "dropped     setup.cfg:3 [metadata] home_page (setuptools reads it as `url`, already "
        "given as `url` on line 2, and keeps that first one)"
    )


def test_every_key_is_in_the_ledger() -> None:
    cfg = (
        "[metadata]\nname = a\nunknown_key = 1\n"
        "[options]\nzip_safe = false\nmystery = 2\n"
        "[options.packages.find]\nwhere = src\n"
    )
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    rendered = [e.render() for e in packaging.entries]
    assert rendered == [
        "mapped      setup.cfg:2 [metadata] name -> [project] name",
        (
            "dropped     setup.cfg:3 [metadata] unknown_key "
            "(setuptools ignores this key in [metadata])"
        ),
        (
            "dropped     setup.cfg:5 [options] zip_safe (obsolete (eggs only): its one trace is "
            "a zip-safe flag file in the egg-info (and, when true, the wheel's dist-info) that "
            "no installer reads; deprecated in pyproject.toml)"
        ),
        "dropped     setup.cfg:6 [options] mystery (setuptools ignores this key in [options])",
        (
            "dropped     setup.cfg:8 [options.packages.find] where "
            "(no `packages = find:` reads this section)"
        ),
        (
            "transformed setup.cfg [options] include_package_data (absent) -> "
            "[tool.setuptools] include-package-data = false "
            "(setup.cfg's default is false, pyproject.toml's is true)"
        ),
    ]


# -- license-files patterns setuptools deprecates or refuses ---------------------

BAD_LICENSE_FILES = [
    pytest.param(
        "[metadata]\nlicense = MIT\nlicense_files =\n    LICENSE.local\n    ../LICENSE\n",
        "setup.cfg:5: [metadata] license_files: '../LICENSE' contains '..', which PEP 639 "
        "forbids and setuptools deprecates; leaving it out would drop the file from wheels "
        "built in place",
        "copy the file into the project (next to setup.cfg), list it as 'LICENSE' instead, "
        "then run again",
        id="parent-path",
    ),
    pytest.param(
        "[metadata]\nlicense = Proprietary\nlicense_file = ../../docs/COPYING.txt\n",
        "setup.cfg:3: [metadata] license_file: '../../docs/COPYING.txt' contains '..', which "
        "PEP 639 forbids and setuptools deprecates; leaving it out would drop the file from "
        "wheels built in place",
        "copy the file into the project (next to setup.cfg), list it as 'COPYING.txt' "
        "instead, then run again",
        id="parent-path-alias-beside-text-license",
    ),
    pytest.param(
        "[metadata]\nlicense_files = /srv/LICENSE\n",
        "setup.cfg:2: [metadata] license_files: '/srv/LICENSE' is an absolute path, which "
        "setuptools refuses",
        "write the path relative to the directory of setup.cfg, then run again",
        id="absolute",
    ),
    pytest.param(
        "[metadata]\nlicense_files =\n    LICEN{CS}E\n",
        "setup.cfg:3: [metadata] license_files: 'LICEN{CS}E' is not a valid license-files glob "
        "(letters, digits and _-.*?[]/ only), which setuptools deprecates; leaving it out "
        "would change the wheel's license files",
        "rename the file or write the glob without the other characters, then run again",
        id="brace",
    ),
    pytest.param(
        "[metadata]\nlicense_files = licenses\\MIT.txt\n",
        "setup.cfg:2: [metadata] license_files: 'licenses\\\\MIT.txt' is not a valid "
        "license-files glob (letters, digits and _-.*?[]/ only), which setuptools deprecates; "
        "leaving it out would change the wheel's license files",
        "rename the file or write the glob without the other characters, then run again",
        id="backslash",
    ),
]


@pytest.mark.parametrize(("cfg", "message", "hint"), BAD_LICENSE_FILES)
def test_license_files_setuptools_deprecates_are_refused(cfg: str, message: str, hint: str) -> None:
    with pytest.raises(InputError) as raised:
        migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg)
    assert raised.value.message == message
    assert raised.value.hint == hint


def test_parent_license_path_refused_by_the_command_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "python"
    project.mkdir()
    (tmp_path / "LICENSE").write_text("MIT\n", encoding="utf-8")
    (project / "setup.cfg").write_text(
        "[metadata]\nname = demo\nversion = 1.0\nlicense_files = ../LICENSE\n", encoding="utf-8"
    )
    before = tree(tmp_path)

    assert main(["migrate", str(project)]) == 2

    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: setup.cfg:4: [metadata] license_files: '../LICENSE' contains")
    assert err[1].startswith("hint: copy the file into the project")
    assert tree(tmp_path) == before


# -- can setuptools read `version = attr:` without importing the module? ----------

SRC_CFG = (
    "[metadata]\nname = a\nversion = attr: pkg.__version__\n"
    "[options]\npackage_dir =\n    = src\npackages = find:\n"
    "[options.packages.find]\nwhere = src\n"
)
ATTR = "attr: read at build time"

ATTR_SOURCES = [
    pytest.param('__version__ = "1.0"\n', ATTR, id="literal"),
    pytest.param("import requests\n__version__: str = '1.0'\n", ATTR, id="annotated-literal"),
    pytest.param("__version__ = (1, 2, 3)\n", ATTR, id="tuple-literal"),
    pytest.param(
        "import os\n__version__ = os.environ.get('V', '1.0')\n",
        f"{ATTR}; src/pkg/__init__.py computes `__version__` (line 2), not a literal, so "
        "setuptools imports `pkg` to read it (it imports only the standard library)",
        id="computed-stdlib-only",
    ),
    pytest.param(
        "from __future__ import annotations\nimport sys\ntry:\n    import numpy.core\n"
        "except ImportError:\n    numpy = None\nfrom pkg._impl import x\nfrom . import y\n"
        "def later():\n    import pandas\n"
        "from importlib.metadata import version\n__version__ = version('a')\n",
        f"{ATTR}; src/pkg/__init__.py computes `__version__` (line 12), not a literal, so "
        "setuptools imports `pkg` to read it and the build environment needs what it imports: "
        "numpy ([build-system] requires)",
        id="computed-with-a-third-party-import",
    ),
    pytest.param(
        "__version__ = get()\n__version__ = '1.0'\n",
        f"{ATTR}; src/pkg/__init__.py computes `__version__` (line 1), not a literal, so "
        "setuptools imports `pkg` to read it (it imports only the standard library)",
        id="first-assignment-decides",
    ),
    pytest.param(
        "import sys\nif sys.version_info >= (3,):\n    __version__ = '1.0'\n",
        f"{ATTR}; src/pkg/__init__.py has no top-level `__version__ = <literal>`, so "
        "setuptools imports `pkg` to read it (it imports only the standard library)",
        id="only-inside-if",
    ),
    pytest.param(
        "__version__ = '1.0\n",
        f"{ATTR}; src/pkg/__init__.py cannot be parsed (line 1), so setuptools imports `pkg` "
        "to read it (it imports only the standard library)",
        id="syntax-error",
    ),
]


def version_entry(cfg: str, sources: dict[str, str] | None) -> Entry:
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg, sources)
    return next(e for e in packaging.entries if e.source.item == "[metadata] version")


@pytest.mark.parametrize(("module", "reason"), ATTR_SOURCES)
def test_attr_version_warns_when_setuptools_must_import_the_module(
    module: str, reason: str
) -> None:
    entry = version_entry(SRC_CFG, {"src/pkg/__init__.py": module})
    assert entry.action is Action.TRANSFORMED
    assert entry.reason == reason


def test_attr_version_module_missing_is_reported() -> None:
    entry = version_entry(SRC_CFG, {})
    assert entry.reason == (
        f"{ATTR}; found none of src/pkg.py, src/pkg/__init__.py, so setuptools looks for "
        "`pkg` in the build environment and may import it"
    )


def test_attr_version_unchecked_without_sources() -> None:
    assert version_entry(SRC_CFG, None).reason == ATTR


WANTED = [
    pytest.param(SRC_CFG, ["src/pkg.py", "src/pkg/__init__.py"], id="package-dir-and-where"),
    pytest.param(
        "[metadata]\nversion = attr: pkg.about.VERSION\n[options]\npackages = find:\n",
        ["pkg/about.py", "pkg/about/__init__.py"],
        id="flat-module-in-package",
    ),
    pytest.param(
        "[metadata]\nversion = attr: pkg.__version__\n[options]\npackages = find:\n"
        "[options.packages.find]\nwhere = lib\n",
        ["pkg.py", "pkg/__init__.py", "lib/pkg.py", "lib/pkg/__init__.py"],
        id="find-where-fills-package-dir",
    ),
    pytest.param(
        "[metadata]\nversion = attr: pkg.sub.__version__\n[options]\npackage_dir =\n"
        "    pkg = source/pkg\n    pkg.sub = elsewhere\npackages = pkg, pkg.sub\n",
        ["elsewhere.py", "elsewhere/__init__.py"],
        id="most-specific-package-dir-wins",
    ),
    pytest.param(
        "[metadata]\nversion = attr: pkg.__version__\n",
        ["pkg.py", "pkg/__init__.py", "src/pkg.py", "src/pkg/__init__.py"],
        id="automatic-discovery-may-find-src",
    ),
    pytest.param(
        "[metadata]\nversion = attr: pkg.__version__\n[options]\npackage_dir = =../src\n"
        "packages = pkg\n",
        [],
        id="outside-the-project-not-read",
    ),
    pytest.param("[metadata]\nversion = 1.0\n", [], id="literal-version"),
    pytest.param("[metadata]\nversion = attr: %(oops\n", [], id="bad-input-left-to-the-migration"),
]


@pytest.mark.parametrize(("cfg", "modules"), WANTED)
def test_sources_wanted_are_manifest_and_the_version_module(cfg: str, modules: list[str]) -> None:
    assert sources_wanted(cfg) == ["MANIFEST.in", *modules]


# -- include-package-data and MANIFEST.in -----------------------------------------

MANIFEST_NOTE = Entry(
    Location("MANIFEST.in"),
    Action.KEPT,
    reason="left in place; with include-package-data = true the data files it adds inside "
    "package directories go into the wheel too, not only the sdist, as before",
)

MANIFEST_CASES = [
    pytest.param("include_package_data = True\n", {"MANIFEST.in": ""}, True, True, id="on"),
    pytest.param("include_package_data = yes\n", {}, True, False, id="on-no-manifest"),
    pytest.param("include_package_data = false\n", {"MANIFEST.in": ""}, False, False, id="off"),
    pytest.param("zip_safe = false\n", {"MANIFEST.in": ""}, False, False, id="absent-means-off"),
]


@pytest.mark.parametrize(("line", "sources", "value", "noted"), MANIFEST_CASES)
def test_manifest_note_only_when_it_picks_wheel_contents(
    line: str, sources: dict[str, str], value: bool, noted: bool
) -> None:
    cfg = f"[options]\n{line}"
    packaging = migrate_setup_cfg(parse_ini(cfg, "setup.cfg"), cfg, sources)
    assert f"include-package-data = {str(value).lower()}\n" in render(packaging.tables)
    assert (MANIFEST_NOTE in packaging.entries) is noted


# -- real builds behind the claims above ------------------------------------------------


@pytest.mark.slow
def test_d48_manifest_picks_the_wheels_package_data(tmp_path: Path) -> None:
    work = tmp_path / "project"  # setuptools writes *.egg-info into the tree it builds
    shutil.copytree(CASES / "setup-cfg-manifest-package-data" / "expected", work)
    artifacts = build(work, tmp_path / "dist", "d48", migrated=True)
    assert "d48pkg/data/table.json" in artifacts.wheel_files
    assert "d48pkg/notes.txt" not in artifacts.wheel_files


@pytest.mark.slow
def test_d2_build_imports_the_module_it_reads_the_version_from(tmp_path: Path) -> None:
    # Without its import in [build-system] requires, the migrated project no longer
    # builds: setuptools really runs the module, as the ledger warns.
    work = tmp_path / "project"
    shutil.copytree(CASES / "setup-cfg-computed-attr-version-needs-its-imports" / "expected", work)
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.replace(', "semver>=3"', ""), encoding="utf-8")

    command = [sys.executable, "-m", "build", "--wheel", "--installer", "uv"]
    result = subprocess.run(
        [*command, "--outdir", str(tmp_path / "dist"), str(work)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "No module named 'semver'" in result.stdout + result.stderr


@pytest.mark.slow
def test_d20_a_parent_license_reaches_wheels_built_in_place(tmp_path: Path) -> None:
    # Why `../LICENSE` is refused rather than dropped: a wheel built straight from the
    # tree ships it (setuptools only warns), so leaving it out would change the wheel.
    project = tmp_path / "python"
    (project / "pkg").mkdir(parents=True)
    (project / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT\n", encoding="utf-8")
    (project / "setup.cfg").write_text(
        "[metadata]\nname = demo\nversion = 1.0\nlicense_files = ../LICENSE\n"
        "[options]\npackages = pkg\n",
        encoding="utf-8",
    )
    (project / "setup.py").write_text("from setuptools import setup\nsetup()\n", encoding="utf-8")
    out = tmp_path / "dist"

    command = [sys.executable, "-m", "build", "--wheel", "--installer", "uv"]
    subprocess.run(
        [*command, "--outdir", str(out), str(project)],
        capture_output=True,
        check=True,
    )

    with zipfile.ZipFile(next(out.glob("*.whl"))) as wheel:
        assert "demo-1.0.dist-info/licenses/LICENSE" in wheel.namelist()
        assert "License-File: LICENSE\n" in wheel.read("demo-1.0.dist-info/METADATA").decode()
    assert main(["migrate", str(project)]) == 2
    # Only in place: the sdist cannot hold a file outside the project, so a wheel built
    # from it (python -m build's default) lacks it already.
    through_sdist = build(project, tmp_path / "via-sdist", "demo", migrated=False)
    assert "LICENSE" not in through_sdist.sdist_files
    assert "demo-1.0.dist-info/licenses/LICENSE" not in through_sdist.wheel_files
