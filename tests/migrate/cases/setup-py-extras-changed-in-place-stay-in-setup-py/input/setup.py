from setuptools import setup

extras_require = {
    "ssh": ["bcrypt>=3.1.3"],
    "gssapi": ["pyasn1>=0.1.7"],
}
everything = []
for deps in extras_require.values():
    everything.extend(deps)
# Filled in after the dict was written: only running setup.py shows the "all" extra.
extras_require["all"] = everything

setup(
    name="acme",
    version="1.0",
    packages=["acme"],
    install_requires=["six"],
    extras_require=extras_require,
)
