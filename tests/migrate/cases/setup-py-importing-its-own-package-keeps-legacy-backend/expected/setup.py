from setuptools import setup

from ownpkg import __version__

setup(version=__version__, packages=["ownpkg"])
