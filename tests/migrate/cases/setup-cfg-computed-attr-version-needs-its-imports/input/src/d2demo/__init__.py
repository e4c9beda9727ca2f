"""A package whose version is computed: setuptools must import it to read it."""

import semver

__version__ = str(semver.Version(1, 2, 3))
