from __future__ import annotations

import pytest

from tests.migrate.tools.support import run


def test_coverage_noop() -> None:
    done = run({"tox.ini": "[tox]\nenvlist = py\n"}, "[tool.coverage.run]\nbranch = true\n")
    assert done.text == "[tool.coverage.run]\nbranch = true\n"
    assert done.result.entries == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {".coveragerc": "[run]\nsource = a, b\nbranch = True\n\n[report]\nfail_under = 87.5\n"},
            '[tool.coverage.run]\nsource = ["a", "b"]\nbranch = true\n\n'
            "[tool.coverage.report]\nfail_under = 87.5\n",
            id="lists are arrays, bools and numbers typed",
        ),
        pytest.param(
            {
                "setup.cfg": "[coverage:report]\nexclude_lines =\n"
                "    pragma: no cover\n    \\.\\.\\.$\n"
            },
            "[tool.coverage.report]\nexclude_lines = ['pragma: no cover', '\\.\\.\\.$']\n",
            id="regexes split on lines only, literal strings",
        ),
        pytest.param(
            {
                "setup.cfg": "[coverage:run]\nbranch = false\n",
                "tox.ini": "[coverage:run]\nbranch = true\n",
            },
            "[tool.coverage.run]\nbranch = false\n",
            id="setup.cfg beats tox.ini",
        ),
        pytest.param(
            {".coveragerc": "[coverage:paths]\nsource =\n    src/\n    */site-packages/\n"},
            '[tool.coverage.paths]\nsource = ["src/", "*/site-packages/"]\n',
            id=".coveragerc with prefixed sections",
        ),
        pytest.param(
            {".coveragerc": "[run]\nplugins = covdefaults\n\n[covdefaults]\nsubtract_omit = */x\n"},
            '[tool.coverage.run]\nplugins = ["covdefaults"]\n\n'
            '[tool.coverage.covdefaults]\nsubtract_omit = "*/x"\n',
            id="a plugin's section keeps its strings",
        ),
        pytest.param(
            {
                ".coveragerc": "# coverage for pkg\n[run]\nbranch = false\nparallel = true\n\n"
                "[coverage:run]\nbranch = true\n"
            },
            "[tool.coverage.run]\n# coverage for pkg\nbranch = true\n",
            id="[coverage:run] wins over [run] in .coveragerc",
        ),
    ],
)
def test_coverage_fixes(files: dict[str, str], expected: str) -> None:
    done = run(files)
    assert done.text == expected
    assert run(done.files_after, done.text).text == expected
