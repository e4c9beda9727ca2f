"""A setup.py that reads its requirements at build time."""

from setuptools import setup

setup(
    name="dd",
    version="1.0",
    install_requires=open("requirements.txt").read().splitlines(),
    py_modules=["dd"],
)
