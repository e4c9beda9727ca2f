"""When setup.py reads setup.cfg itself, and what migrate then leaves in place."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setsquare.main import main
from setsquare.migrate.setup_py.reads_cfg import setup_cfg_reader

if TYPE_CHECKING:
    from pathlib import Path

IMPORTS = "import configparser, os\nfrom setuptools import setup\n"

#: (setup.py after IMPORTS, the (line, what) it reads setup.cfg at, or None)
READERS: list[tuple[str, str, tuple[int, str] | None]] = [
    (
        "configparser",
        'c = configparser.ConfigParser()\nc.read("setup.cfg")\nsetup(description=c["a"]["x"])\n',
        (4, "it names 'setup.cfg'"),
    ),
    (
        "joined path",
        'here = os.path.dirname(__file__)\nopen(os.path.join(here, "setup.cfg")).read()\nsetup()\n',
        (4, "it names 'setup.cfg'"),
    ),
    ("f-string path", 'open(f"{os.getcwd()}/setup.cfg")\nsetup()\n', (3, "it names '/setup.cfg'")),
    (
        "read_configuration",
        (
            "from setuptools.config import read_configuration\n"
            "conf = read_configuration(CFG)\nsetup(version=conf['metadata']['version'])\n"
        ),
        (4, "it calls read_configuration()"),
    ),
    (
        "computed path",
        "c = configparser.RawConfigParser()\nc.read(os.environ['CFG'])\nsetup()\n",
        (4, "a ConfigParser's read() of a computed path"),
    ),
    ("pbr", 'setup(setup_requires=["pbr"], pbr=True)\n', (3, "setup(pbr=...) has pbr read it")),
    # Not reading setup.cfg: no false positive.
    ("comment", "# Metadata goes in setup.cfg.\nsetup(name='a', version='1')\n", None),
    ("string statement", '"""setup.cfg"""\nsetup()\n', None),
    ("function docstring", 'def f():\n    """Reads setup.cfg."""\nsetup()\n', None),
    ("prose", 'print("edit setup.cfg to change this")\nsetup()\n', None),
    ("other file", 'c = configparser.ConfigParser()\nc.read("tox.ini")\nsetup()\n', None),
    (
        "other joined file",
        'c = configparser.ConfigParser()\nc.read(os.path.join(here, "tox.ini"))\nsetup()\n',
        None,
    ),
    ("file read, no parser", "open(path).read()\nsetup()\n", None),
    ("syntax error", "setup(\n", None),
]


@pytest.mark.parametrize(
    ("setup_py", "expected"), [row[1:] for row in READERS], ids=[row[0] for row in READERS]
)
def test_setup_cfg_reader(setup_py: str, expected: tuple[int, str] | None) -> None:
    assert setup_cfg_reader(IMPORTS + setup_py) == expected


CFG = "[metadata]\nname = demo\nversion = 1.0\n\n[options]\npy_modules = demo\n"


def test_a_setup_py_naming_setup_cfg_only_in_a_comment_still_migrates(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text(CFG, encoding="utf-8")
    (tmp_path / "setup.py").write_text(
        "from setuptools import setup\n\n# Metadata goes in setup.cfg.\nsetup()\n",
        encoding="utf-8",
    )
    assert main(["migrate", str(tmp_path)]) == 0
    assert not (tmp_path / "setup.cfg").exists()
    assert 'name = "demo"' in (tmp_path / "pyproject.toml").read_text(encoding="utf-8")


def test_setup_cfg_setup_py_reads_is_emptied_never_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No packaging in it, only flake8's settings: they move, the file setup.py opens stays.
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 100\n", encoding="utf-8")
    (tmp_path / "setup.py").write_text(
        'from setuptools import setup\nopen("setup.cfg").read()\nsetup(name="a", version="1")\n',
        encoding="utf-8",
    )
    assert main(["migrate", str(tmp_path)]) == 0
    assert (tmp_path / "setup.cfg").read_text(encoding="utf-8") == ""
    out = capsys.readouterr().out
    assert "kept        setup.py:2 setup.cfg (setup.py reads setup.cfg itself" in out
    assert "\n            hint: give setup() those values as literals" in out
    assert "line-length = 100" in (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
