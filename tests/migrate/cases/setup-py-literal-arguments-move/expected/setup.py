"""Packaging for widget."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(
    r'__version__ = "([^"]+)"', (HERE / "widget" / "__init__.py").read_text()
).group(1)

setup(
    version=VERSION,  # read from the package
    long_description=(HERE / "README.rst").read_text(),
    packages=find_packages(exclude=["tests", "tests.*"]),
    package_data={"widget": ["data/*.json"]},
    zip_safe=False,
)
