from setuptools import setup

setup(
    # One of these is a License :: classifier, which setuptools refuses beside an
    # SPDX license expression; computed, it cannot be dropped from here.
    classifiers=[
        c.strip()
        for c in """
        License :: OSI Approved :: MIT License
        Programming Language :: Python :: 3
        """.split("\n")
        if c.strip()
    ],
    py_modules=["acme"],
)
