"""One ``migrate --verify`` build: the sdist, then the wheel from the unpacked sdist.

What ``python -m build`` does, with the `build` package's own API, in one isolated
environment for both steps where ``python -m build`` makes two: the wheel step still
asks the backend for its requirements and installs them, so all a second environment
would add is the time to create it and install setuptools again.

    python -m setsquare.commands._build_tree SRCDIR OUTDIR INSTALLER
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
from pathlib import Path

from build import BuildBackendException, BuildException, ProjectBuilder
from build.env import DefaultIsolatedEnv


def _unpack(sdist: str, dest: str) -> Path:
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, filter="data")
        else:  # pragma: no cover - Python releases before the extraction filters
            archive.extractall(dest)  # an sdist this very run has just built
    (root,) = Path(dest).iterdir()
    return root


def main(argv: list[str]) -> int:
    try:
        _build(*argv)
    except (BuildException, BuildBackendException) as error:
        # The backend's own output (a setup.py traceback) is already above, as with
        # ``python -m build``; the last line says which step failed.
        print(f"ERROR {error}", file=sys.stderr)
        return 1
    return 0


def _build(srcdir: str, outdir: str, installer: str) -> None:
    with DefaultIsolatedEnv(installer="uv" if installer == "uv" else "pip") as env:
        builder = ProjectBuilder.from_isolated_env(env, srcdir)
        env.install(builder.build_system_requires)
        env.install(builder.get_requires_for_build("sdist"))
        sdist = builder.build("sdist", outdir)
        with tempfile.TemporaryDirectory(prefix="setsquare-sdist-") as unpacked:
            from_sdist = ProjectBuilder.from_isolated_env(env, _unpack(sdist, unpacked))
            env.install(from_sdist.build_system_requires)
            env.install(from_sdist.get_requires_for_build("wheel"))
            from_sdist.build("wheel", outdir)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
