from setuptools import setup

# The company's name has a comma of its own: one author, not two.
setup()
