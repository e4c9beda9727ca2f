from setuptools import setup

PYTHONS = ["3.10", "3.11"]

# Computed: setsquare cannot tell whether a License :: classifier is among them.
setup(
    classifiers=["License :: OSI Approved :: MIT License"]
    + [f"Programming Language :: Python :: {v}" for v in PYTHONS],
)
