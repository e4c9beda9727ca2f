"""adopt never writes a pin set that cannot install: a tool pinned beside exact pins of
what it requires, at versions the bundle's tool refuses, is left with a hint (field test:
click 8.0.3's requirements/typing.txt, `mypy==0.910` beside `mypy-extensions==0.4.3`)."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from packaging.version import Version

from setsquare.adopt.pin_clash import clash
from setsquare.adopt.pyproject_tables import add_tables
from setsquare.adopt.requirement_pins import repin_requirements

#: The installed tools are the bundle's (setsquare pins them exactly).
BUNDLE = {"ruff": Version(version("ruff")), "mypy": Version(version("mypy"))}
MYPY = f"mypy=={BUNDLE['mypy']}"
WHY = f"`mypy-extensions==0.4.3` (mypy {BUNDLE['mypy']} requires mypy_extensions>=1.0.0)"


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        (["mypy-extensions==0.4.3", "typing-extensions==3.10.0.2"], WHY),
        (["mypy_extensions==0.4.3"], WHY.replace("mypy-extensions==", "mypy_extensions==")),
        (["mypy-extensions==1.1.0"], None),
        # Only exact pins are judged: a range may still meet the tool's own.
        (["mypy-extensions<2"], None),
        (["mypy-extensions>=0.4"], None),
        (["attrs==21.2.0", "-r base.txt", "not a requirement"], None),
        ([], None),
    ],
)
def test_clash(others: list[str], expected: str | None) -> None:
    assert clash("mypy", others, BUNDLE) == expected


def test_a_tool_installed_at_another_version_says_nothing() -> None:
    other = {**BUNDLE, "mypy": Version("0.1")}
    assert clash("mypy", ["mypy-extensions==0.4.3"], other) is None


GROUP = """\
[dependency-groups]
typing = ["mypy==0.910", "mypy-extensions==0.4.3", "typing-extensions==3.10.0.2"]
dev = ["mypy==0.910", "pytest"]
"""


def test_a_group_that_could_not_install_keeps_its_pin() -> None:
    change = add_tables(GROUP, "pyproject.toml", bundle=BUNDLE, mypy_files=["src"], has_tests=False)
    assert '"mypy==0.910", "mypy-extensions==0.4.3"' in change.text
    # The group without the clash is re-pinned as before.
    assert f'dev = ["{MYPY}", "pytest"]' in change.text
    assert change.notes == [
        (
            f"pyproject.toml [dependency-groups].typing: `mypy==0.910` not re-pinned: `{MYPY}` "
            f"cannot install beside {WHY}; hint: pin `{MYPY}` together with versions of what it "
            "requires that fit it"
        )
    ]


def test_a_requirements_file_that_could_not_install_keeps_its_pin() -> None:
    text = "mypy==0.910  # typing\nmypy-extensions==0.4.3 \\\n    --hash=sha256:abc\n"
    change = repin_requirements({"requirements/typing.txt": text}, BUNDLE)
    assert change.texts == {}
    assert change.actions == []
    assert change.notes == [
        (
            f"requirements/typing.txt:1: `mypy==0.910` not re-pinned: `{MYPY}` cannot install "
            f"beside {WHY}; hint: pin `{MYPY}` together with versions of what it requires that "
            "fit it"
        )
    ]
    loose = repin_requirements({"requirements-dev.txt": "mypy==0.910\npytest==8.0\n"}, BUNDLE)
    assert loose.texts == {"requirements-dev.txt": f"{MYPY}\npytest==8.0\n"}
