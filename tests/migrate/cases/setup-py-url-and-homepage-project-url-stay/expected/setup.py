from setuptools import setup, find_packages

with open("README.md", "r") as file:
    long_description = file.read()


setup(
    long_description=long_description,
    long_description_content_type="text/markdown",
    url="https://github.com/Apptic-Development/dismake",
    project_urls={"Homepage": "https://github.com/Apptic-Development/dismake"},
    packages=find_packages(),
    package_data={"templates": ["templates/*"]},
)


print("Successfully installed dismake")
