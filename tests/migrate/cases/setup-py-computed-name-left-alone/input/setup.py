import os

from setuptools import setup

about = {}
with open(os.path.join("acme", "__about__.py")) as f:
    exec(f.read(), about)

setup(
    name=about["__title__"],
    version=about["__version__"],
    description="Tools whose name setup.py reads from the package",
    packages=["acme"],
)
