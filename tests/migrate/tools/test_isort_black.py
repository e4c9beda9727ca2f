from __future__ import annotations

import pytest
import tomlkit

from setsquare.errors import InputError
from setsquare.migrate.tools import migrate_tools
from tests.migrate.tools.support import run


@pytest.mark.parametrize(
    ("files", "pyproject", "expected"),
    [
        pytest.param(
            {".isort.cfg": "[settings]\nprofile = black\nknown_first_party = a,b\n"},
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["a", "b"]\n',
            id="profile black is Ruff's default",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nforce-single-line = true\nno_lines_before = LOCALFOLDER\n"},
            "",
            "[tool.ruff.lint.isort]\nforce-single-line = true\n"
            'no-lines-before = ["local-folder"]\n',
            id="dashes or underscores; section names in Ruff's words",
        ),
        pytest.param(
            {
                ".isort.cfg": "[settings]\nknown_first_party = a\n",
                "setup.cfg": "[isort]\nknown_first_party = b\n",
            },
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["a"]\n',
            id=".isort.cfg beats setup.cfg",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nknown_first_party = b\n"},
            "[tool.isort]\nknown_first_party = ['c']\n",
            "[tool.isort]\nknown_first_party = ['c']\n\n"
            '[tool.ruff.lint.isort]\nknown-first-party = ["c"]\n',
            id="pyproject [tool.isort] beats setup.cfg",
        ),
        pytest.param(
            {},
            "[tool.black]\nline-length = 79\nskip-magic-trailing-comma = true\n",
            "[tool.black]\nline-length = 79\nskip-magic-trailing-comma = true\n\n"
            "[tool.ruff]\nline-length = 79\n\n"
            "[tool.ruff.format]\nskip-magic-trailing-comma = true\n",
            id="black: line length and magic trailing comma",
        ),
        pytest.param(
            {
                ".flake8": "[flake8]\nmax-line-length = 100\n",
                ".isort.cfg": "[settings]\nline_length = 90\n",
            },
            "[tool.black]\nline-length = 88\n",
            "[tool.black]\nline-length = 88\n\n[tool.ruff]\nline-length = 88\n\n"
            '[tool.ruff.lint]\nselect = ["E", "W", "F"]\n\n'
            "[tool.ruff.lint.pycodestyle]\nmax-line-length = 100\n",
            id="black's length formats, flake8's length still bounds E501",
        ),
    ],
)
def test_isort_and_black_fixes(files: dict[str, str], pyproject: str, expected: str) -> None:
    done = run(files, pyproject)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_line_length_conflicts_are_reported() -> None:
    done = run({".isort.cfg": "[settings]\nline_length = 90\n"}, "[tool.black]\nline-length = 88\n")
    assert (
        "dropped     .isort.cfg:2 [settings] line_length -> [tool.ruff] line-length"
        " (Ruff's isort wraps at the shared line length 88)"
    ) in done.ledger()


def test_unsupported_isort_settings_are_reported() -> None:
    done = run({".isort.cfg": "[settings]\nmulti_line_output = 7\nskip_glob = gen/*\n"})
    ledger = done.ledger()
    assert "multi_line_output (Ruff's isort always does what multi_line_output = 3" in ledger
    assert "skip_glob (Ruff's isort rules have no such setting)" in ledger


def test_every_black_key_is_in_the_ledger() -> None:
    black = (
        "[tool.black]\nline-length = 99\nskip-string-normalization = false\n"
        "required-version = '24'\npreview = true\nexclude = '/gen/'\n"
    )
    ledger = run({}, black).ledger()
    for key in ("line-length", "skip-string-normalization", "required-version", "preview"):
        assert f"pyproject.toml [tool.black] {key} " in ledger
    assert "exclude (a regex: Ruff takes globs" in ledger


def test_isort_cfg_stays_while_it_shadows_a_tool_isort_table() -> None:
    existing = "[tool.isort]\nknown_first_party = ['old']\n"
    done = run({".isort.cfg": "[settings]\nknown_first_party = new\n"}, existing)
    assert done.text == existing + '\n[tool.ruff.lint.isort]\nknown-first-party = ["new"]\n'
    assert done.result.remove_files == set()
    assert "kept: pyproject.toml has a [tool.isort] that isort would read" in done.ledger()
    assert run(done.files_after, done.text).text == done.text


_CKAN = (
    "[tool.isort]\n"
    'known_ckan = "ckan"\nknown_ckanext = "ckanext"\nknown_self = "ckanext.files"\n'
    'sections = "FUTURE,STDLIB,FIRSTPARTY,THIRDPARTY,CKAN,CKANEXT,SELF,LOCALFOLDER"\n'
    'profile = "black"\n'
)
_ORDER = (
    '    "future",\n    "standard-library",\n    "third-party",\n'
    '    "{custom}",\n    "first-party",\n    "local-folder",\n'
)


@pytest.mark.parametrize(
    ("files", "pyproject", "expected"),
    [
        pytest.param(
            {},
            _CKAN,
            _CKAN + "\n[tool.ruff.lint.isort]\nsection-order = [\n"
            '    "future",\n    "standard-library",\n    "first-party",\n    "third-party",\n'
            '    "ckan",\n    "ckanext",\n    "self",\n    "local-folder",\n]\n\n'
            "[tool.ruff.lint.isort.sections]\n"
            'ckan = ["ckan"]\nckanext = ["ckanext"]\nself = ["ckanext.files"]\n',
            id="ckanext-files: custom sections in lower case, like their known_ keys",
        ),
        pytest.param(
            {
                ".isort.cfg": "[settings]\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,DJANGO,FIRSTPARTY,LOCALFOLDER\n"
                "known_django =\n    django\n    # the REST bits\n    rest_framework\n"
                "no_lines_before = DJANGO\ndefault_section = DJANGO\n"
            },
            "",
            "[tool.ruff.lint.isort]\nsection-order = [\n"
            + _ORDER.format(custom="django")
            + ']\nno-lines-before = ["django"]\ndefault-section = "django"\n\n'
            "[tool.ruff.lint.isort.sections]\n"
            'django = [\n    "django",\n    # the REST bits\n    "rest_framework",\n]\n',
            id="no_lines_before and default_section name a custom section",
        ),
        pytest.param(
            {
                "setup.cfg": "[isort]\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,PLUGINS,FIRSTPARTY,LOCALFOLDER\n"
            },
            "",
            "[tool.ruff.lint.isort]\nsection-order = [\n"
            + _ORDER.format(custom="plugins")
            + "]\n\n[tool.ruff.lint.isort.sections]\nplugins = []\n",
            id="a section without known_ is empty, and Ruff needs it defined",
        ),
        pytest.param(
            {},
            "[tool.isort]\nknown_CKAN = ['ckan']\n"
            "sections = ['FUTURE', 'STDLIB', 'THIRDPARTY', 'Ckan', 'FIRSTPARTY', 'LOCALFOLDER']\n"
            "no_lines_before = ['Ckan', 'CKAN', 'localfolder']\n",
            "[tool.isort]\nknown_CKAN = ['ckan']\n"
            "sections = ['FUTURE', 'STDLIB', 'THIRDPARTY', 'Ckan', 'FIRSTPARTY', 'LOCALFOLDER']\n"
            "no_lines_before = ['Ckan', 'CKAN', 'localfolder']\n\n"
            "[tool.ruff.lint.isort]\nsection-order = [\n"
            + _ORDER.format(custom="ckan")
            + ']\nno-lines-before = ["ckan"]\n\n'
            '[tool.ruff.lint.isort.sections]\nckan = ["ckan"]\n',
            id="known_ is case-blind, section names are not (no_lines_before drops the others)",
        ),
        pytest.param(
            {
                "setup.cfg": "[isort]\nknown_first_party = acme,tools\nknown_vendor = acme\n"
                "extra_standard_library = tools\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,FIRSTPARTY,VENDOR,LOCALFOLDER\n"
            },
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["tools"]\nsection-order = [\n'
            '    "future",\n    "standard-library",\n    "third-party",\n    "first-party",\n'
            '    "vendor",\n    "local-folder",\n]\n\n'
            '[tool.ruff.lint.isort.sections]\nvendor = ["acme"]\n',
            id="a module in two sections stays in the later one, as isort places it",
        ),
        pytest.param(
            {"tox.ini": "[isort]\nknown_django = django\nknown_firstparty = app\n"},
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["app"]\n',
            id="known_firstparty is known_first_party; a section not in `sections` is dropped",
        ),
        pytest.param(
            {
                "setup.cfg": "[isort]\nknown_first_party = acme\n"
                "known_vendor = %(known_first_party)s.vendored, pkg_100%%\n"
                "sections = FUTURE,STDLIB,THIRDPARTY,FIRSTPARTY,VENDOR,LOCALFOLDER\n"
            },
            "",
            '[tool.ruff.lint.isort]\nknown-first-party = ["acme"]\nsection-order = [\n'
            '    "future",\n    "standard-library",\n    "third-party",\n    "first-party",\n'
            '    "vendor",\n    "local-folder",\n]\n\n'
            '[tool.ruff.lint.isort.sections]\nvendor = ["acme.vendored", "pkg_100%"]\n',
            id="INI values are %-interpolated, as isort's configparser reads them",
        ),
    ],
)
def test_isort_custom_sections(files: dict[str, str], pyproject: str, expected: str) -> None:
    done = run(files, pyproject)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected


def test_custom_section_ledger() -> None:
    ledger = run(
        {
            "setup.cfg": "[isort]\nknown_first_party = acme\nknown_vendor = acme, x%%\n"
            "known_other = y\nknown_thirdparty = b\nknown_third_party = c\n"
            "sections = FUTURE,STDLIB,THIRDPARTY,FIRSTPARTY,VENDOR,EMPTY,LOCALFOLDER\n"
            "no_lines_before = vendor\n"
        }
    ).ledger()
    assert ledger == (
        "dropped     setup.cfg:5 [isort] known_thirdparty (isort reads known_third_party and"
        " warns that it ignores this spelling)\n"
        "dropped     setup.cfg:2 [isort] known_first_party (isort places acme in VENDOR,"
        " the later section listing it)\n"
        "dropped     setup.cfg:4 [isort] known_other (isort ignores it: OTHER is not in"
        " `sections`)\n"
        "dropped     setup.cfg:8 [isort] no_lines_before (isort ignores vendor: not in"
        " `sections` (names are case-sensitive))\n"
        "kept        [tool.ruff.lint] select (selects no I rules, so Ruff does not sort imports"
        ' and the moved isort settings wait unused: add "I" once Ruff replaces isort)\n'
        "mapped      setup.cfg:6 [isort] known_third_party -> [tool.ruff.lint.isort]"
        " known-third-party\n"
        "transformed setup.cfg:7 [isort] sections -> [tool.ruff.lint.isort] section-order"
        " (Ruff spells section names in kebab-case)\n"
        "transformed setup.cfg:3 [isort] known_vendor -> [tool.ruff.lint.isort.sections] vendor"
        " (%-interpolation expanded as isort's configparser does)\n"
        "transformed setup.cfg:7 [isort] sections -> [tool.ruff.lint.isort.sections] empty"
        " (isort has no known_empty: an empty section, as in isort)\n"
        "consumed    setup.cfg ['isort']\n"
    )


@pytest.mark.parametrize(
    ("files", "pyproject", "message"),
    [
        pytest.param(
            {".isort.cfg": "[settings]\nsections = FUTURE,stdlib,THIRDPARTY\n"},
            "",
            ".isort.cfg:2: `sections` names 'stdlib': isort's section names are case-sensitive,"
            " so that is an empty custom section and isort refuses any STDLIB import",
            id="a standard section in lower case",
        ),
        pytest.param(
            {},
            "[tool.isort]\nsections = ['FUTURE', 'THIRDPARTY', 'Django', 'DJANGO']\n",
            "pyproject.toml: `sections` names 'DJANGO' twice",
            id="a section twice",
        ),
        pytest.param(
            {"setup.cfg": "[isort]\nsections = FUTURE,STDLIB,THIRDPARTY\ndefault_section = APP\n"},
            "",
            "setup.cfg:3: `sections` leaves out APP, isort's default_section: isort refuses any"
            " file with an import it places there",
            id="default_section not in sections",
        ),
        pytest.param(
            {"tox.ini": "[isort]\nknown_first_party =\n    a\n    b_100%\n"},
            "",
            "tox.ini:4: [isort] known_first_party: '%' must be followed by '%' or '(', found: '%'",
            id="a lone % (isort skips the whole file)",
        ),
    ],
)
def test_isort_sections_bad_input(files: dict[str, str], pyproject: str, message: str) -> None:
    doc = tomlkit.parse(pyproject)
    with pytest.raises(InputError) as excinfo:
        migrate_tools(files, doc)
    assert excinfo.value.message == message
    assert excinfo.value.hint
    assert doc.as_string() == pyproject


@pytest.mark.parametrize(
    ("files", "pyproject", "noted"),
    [
        ({"setup.cfg": "[isort]\nprofile = black\nknown_first_party = a\n"}, "", True),
        (
            {
                "setup.cfg": "[isort]\nknown_first_party = a\n[flake8]\nselect = E,F,I\n",
                "requirements-dev.txt": "flake8-isort\n",
            },
            "",
            False,
        ),
        (
            {"setup.cfg": "[isort]\nknown_first_party = a\n"},
            '[tool.ruff.lint]\nextend-select = ["I001"]\n',
            False,
        ),
        ({"setup.cfg": "[flake8]\nselect = E\n"}, "", False),
    ],
)
def test_isort_settings_without_ruffs_import_rule_are_pointed_out(
    files: dict[str, str], pyproject: str, noted: bool
) -> None:
    ledger = run(files, pyproject).ledger()
    assert ('add "I" once Ruff replaces isort' in ledger) is noted, ledger
