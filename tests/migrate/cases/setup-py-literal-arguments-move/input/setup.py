"""Packaging for widget."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(
    r'__version__ = "([^"]+)"', (HERE / "widget" / "__init__.py").read_text()
).group(1)

REQUIRES = [
    "requests>=2.20",
    "attrs",
]

setup(
    name="widget",
    version=VERSION,  # read from the package
    description="A widget",
    long_description=(HERE / "README.rst").read_text(),
    author="Ada Lovelace",
    author_email="ada@example.org",
    url="https://example.org/widget",
    license="MIT",
    classifiers=[
        "License :: OSI Approved :: MIT License",
        "Programming Language :: Python :: 3",
    ],
    keywords="widget gadget",
    packages=find_packages(exclude=["tests", "tests.*"]),
    package_data={"widget": ["data/*.json"]},
    install_requires=REQUIRES,
    extras_require={
        ":sys_platform=='win32'": ["colorama"],
        "yaml": ["pyyaml"],
        "fast:python_version<'3.12'": ["ujson"],
    },
    python_requires=">=3.8",
    entry_points={"console_scripts": ["widget = widget.cli:main"]},
    zip_safe=False,
)
