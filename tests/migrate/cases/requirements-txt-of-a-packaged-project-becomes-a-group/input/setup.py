"""A setup.py-era package whose requirements.txt is the maintainer's toolbox."""

from setuptools import setup

setup(
    name="tinytool",
    version="0.3.1",
    description="A tiny tool",
    packages=["tinytool"],
)
