"""Adds a long description built from setup.cfg's own [metadata], as astropy's template does."""

import configparser

from setuptools import setup

cfg = configparser.ConfigParser()
cfg.read("setup.cfg")
setup(long_description=cfg["metadata"]["description"] + ", at length.")
