"""pkg: its version comes from git tags, through setuptools_scm."""
