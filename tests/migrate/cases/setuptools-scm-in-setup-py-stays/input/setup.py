from setuptools import setup

setup(
    name="pkg",
    use_scm_version=True,
    setup_requires=["setuptools_scm"],
    packages=["pkg"],
)
