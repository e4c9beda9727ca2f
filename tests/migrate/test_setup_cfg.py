"""setup.cfg [metadata]/[options] mapper: noop and fixes tables (input -> TOML and ledger)."""

from __future__ import annotations

import pytest
import tomlkit

from setsquare.migrate.fragment import render
from setsquare.migrate.ini import parse_ini
from setsquare.migrate.setup_cfg import migrate_setup_cfg


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
        "# how we package\n[options]\nzip_safe = false\n",
        '[project]\n# our metadata\n# the name\nname = "a"\n\n'
        "[tool.setuptools]\n# how we package\nzip-safe = false\ninclude-package-data = false\n",
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
        "[tool.setuptools]\nzip-safe = false\ninclude-package-data = false\n\n"
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
            "transformed setup.cfg:5 [options] zip_safe -> [tool.setuptools] zip-safe "
            "(obsolete (eggs only))"
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
