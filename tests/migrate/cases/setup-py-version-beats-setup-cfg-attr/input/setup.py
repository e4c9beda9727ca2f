from setuptools import setup

setup(version="1.2.0")
