"""A setup.py-era package whose requirements.txt is the maintainer's toolbox."""

from setuptools import setup

setup(
    packages=["tinytool"],
)
