"""`versioning=vcs`: the version is the git tag, in a clone, a shallow clone and an archive.

Each backend that can read git tags is built for real with `uv build`: a
tagged repository builds the tag's version, a `git clone --depth 1` without
tags still builds (a `.devN` version from git) and passes its tests, and a
source tree without git metadata builds the fallback version the template
sets.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tarfile
from typing import TYPE_CHECKING

import pytest
import yaml
from packaging.utils import parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

from tests.helpers import render, run, tool

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from pathlib import Path

#: The backends that read git tags, and the table that holds their fallback version.
VCS_BACKENDS = {
    "hatchling": ("hatch", "version", "fallback-version"),
    "setuptools": ("setuptools_scm", "fallback_version"),
    "pdm-backend": ("pdm", "version", "fallback_version"),
}
TAG = "v1.2.3"


def _data(backend: str) -> dict[str, str]:
    return {"project_name": "tagged-demo", "build_backend": backend, "versioning": "vcs"}


def _refusal(backend: str) -> str:
    return (
        "versioning=vcs needs a build backend that reads git tags: hatchling (hatch-vcs), "
        f"setuptools (setuptools-scm) or pdm-backend, not {backend}"
    )


@pytest.mark.parametrize("backend", ["flit_core", "uv_build"])
def test_vcs_is_refused_for_a_backend_without_it(
    template_repo: Path, tmp_path: Path, backend: str
) -> None:
    dst = tmp_path / "never"
    with pytest.raises(ValueError, match=re.escape(_refusal(backend))):
        render(template_repo, dst, _data(backend))
    assert not dst.exists()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["flit_core", "uv_build"])
def test_copier_cli_refuses_vcs_for_a_backend_without_it(
    template_repo: Path, tmp_path: Path, backend: str
) -> None:
    """Plain `copier copy` refuses the combination and names the backends that can."""
    dst = tmp_path / "never"
    result = run(
        [
            tool("copier"),
            "copy",
            "--defaults",
            "--vcs-ref",
            "HEAD",
            "--data",
            "project_name=demo",
            "--data",
            f"build_backend={backend}",
            "--data",
            "versioning=vcs",
            str(template_repo),
            str(dst),
        ],
        tmp_path,
        check=False,
    )
    assert result.returncode != 0
    assert _refusal(backend) in result.stderr
    assert not dst.exists()


def test_static_is_the_default_and_sets_the_version(template_repo: Path, tmp_path: Path) -> None:
    dst = render(template_repo, tmp_path / "p", {"project_name": "p"})
    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == "0.1.0"
    assert "dynamic" not in pyproject["project"]
    answers = yaml.safe_load((dst / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["versioning"] == "static"


@pytest.mark.parametrize("backend", sorted(VCS_BACKENDS))
def test_vcs_render_reads_the_version_from_git(
    template_repo: Path, tmp_path: Path, backend: str
) -> None:
    dst = render(template_repo, tmp_path / "p", _data(backend))
    pyproject = tomllib.loads((dst / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["uv"]["cache-keys"] == [
        {"file": "pyproject.toml"},
        {"git": {"commit": True, "tags": True}},
    ]
    *table, key = VCS_BACKENDS[backend]
    section: dict[str, object] = pyproject["tool"]
    for name in table:
        section = section[name]  # type: ignore[assignment]
    assert section[key] == "0.0.0"
    # The release job checks out the whole history, so the build sees the tag.
    release = yaml.safe_load(
        (dst / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    )
    (checkout,) = [
        step
        for step in release["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkout["with"]["fetch-depth"] == 0


def _built_version(project: Path) -> Version:
    """Build the sdist and the wheel with uv; their one shared version."""
    shutil.rmtree(project / "dist", ignore_errors=True)
    run([tool("uv"), "build", "--quiet"], project)
    (sdist,) = (project / "dist").glob("*.tar.gz")
    (wheel,) = (project / "dist").glob("*.whl")
    version = parse_sdist_filename(sdist.name)[1]
    assert parse_wheel_filename(wheel.name)[1] == version
    return version


def _installed_version(project: Path, package: str) -> str:
    run([tool("uv"), "sync", "--quiet"], project)
    code = f"import {package}; print({package}.__version__)"
    return run([tool("uv"), "run", "--no-sync", "python", "-c", code], project).stdout.strip()


@pytest.mark.slow
@pytest.mark.parametrize("backend", sorted(VCS_BACKENDS))
def test_tag_shallow_clone_and_archive_all_build(
    template_repo: Path, tmp_path: Path, backend: str
) -> None:
    origin = render(template_repo, tmp_path / "origin", _data(backend))
    run(["git", "init", "-q", "-b", "main"], origin)
    run(["git", "add", "-A"], origin)
    run(["git", "commit", "-q", "-m", "Start"], origin)
    run(["git", "tag", TAG], origin)

    # A tagged checkout (the release job's): the tag is the version, also at run time.
    assert _built_version(origin) == Version(TAG[1:])
    assert _installed_version(origin, "tagged_demo") == TAG[1:]

    # A CI checkout (actions/checkout's default): one commit, no tags.
    shallow = tmp_path / "shallow"
    clone = ["git", "clone", "-q", "--depth", "1", "--no-tags", origin.as_uri(), str(shallow)]
    run(clone, tmp_path)
    assert run(["git", "tag"], shallow).stdout == ""
    version = _built_version(shallow)
    assert version.is_devrelease
    assert version < Version(TAG[1:])
    assert _installed_version(shallow, "tagged_demo") == str(version)
    result = run([tool("uv"), "run", "--no-sync", "pytest"], shallow)
    assert "Required test coverage of 100.0% reached" in result.stdout

    # A source tree without git metadata (an archive download): the fallback.
    archive = tmp_path / "archive"
    archive.mkdir()
    tar = subprocess.run(["git", "archive", "HEAD"], cwd=origin, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as members:
        members.extractall(archive, filter="data")
    assert _built_version(archive) == Version("0.0.0")
