from setuptools import setup

from ownpkg import __version__

setup(name="ownpkg", version=__version__, packages=["ownpkg"])
