"""A setup.py that reads its requirements at build time."""

from setuptools import setup

setup(
    install_requires=open("requirements.txt").read().splitlines(),
    py_modules=["dd"],
)
