#!/usr/bin/env python
# -*- coding: utf-8 -*-

""" setup.py for dataclasses-avroschema."""

from setuptools import find_packages, setup


with open("README.md") as readme_file:
    long_description = readme_file.read()

setup(
    long_description=long_description,
    long_description_content_type="text/markdown",
    download_url="",
    packages=find_packages(exclude=("tests",)),
    include_package_data=True,
)
