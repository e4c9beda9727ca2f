"""license='BSD' (free text) here, license_file in setup.cfg: as vine 5.0.0 has it."""

from setuptools import setup

setup(
    name="bsdlike",
    version="5.0.0",
    license="BSD",
    py_modules=["bsdlike"],
)
