"""Reads its requirements at build time, as kombu and amqp do."""

import os

from setuptools import setup


def reqs(*f):
    with open(os.path.join(os.getcwd(), "requirements", *f)) as reqs_file:
        return [r.strip() for r in reqs_file if r.strip() and not r.startswith("#")]


setup(
    packages=["vinelike"],
    install_requires=reqs("default.txt"),
    tests_require=reqs("test.txt"),
)
