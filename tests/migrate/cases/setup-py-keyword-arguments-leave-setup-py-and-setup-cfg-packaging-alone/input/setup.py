from setuptools import setup

# setup() gets what this dict holds, so which fields it sets is known only when it runs.
params = dict(
    license="MIT",
    install_requires=["six"],
)

setup(**params)
