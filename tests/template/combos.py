"""Answer combinations the template is proven on.

Together the full combinations cover every build backend with both CI hosts
(`ci=github`, the default, and `ci=gitlab`), every licence, `cli` on and off,
`docs` on with every backend (off in the defaults), `versioning=vcs` with each
backend that offers it on GitLab (whose tag and branch pipelines the gate checks
out as GitLab's runner does) and with setuptools and pdm-backend on GitHub, and
the lowest `python_min`; the static ones cover the versions above the 3.11
installed here, which uv cannot fetch offline.
"""

from __future__ import annotations

from typing import Any

#: Rendered, synced with uv and run through the generated project's whole gate.
#: Each build backend once with each CI host: the host changes the project URLs,
#: the lint group and repo-review's settings, which every backend builds and checks.
FULL: dict[str, dict[str, Any]] = {
    "defaults": {"project_name": "acme-widgets"},
    "hatchling-gitlab-cli-vcs": {
        "project_name": "lab-widgets",
        "ci": "gitlab",
        "github_owner": "Lab-Group",
        "cli": True,
        "docs": True,
        "versioning": "vcs",
    },
    "uv_build-cli-py311-unicode": {
        "project_name": "Acme.Widgets",
        "build_backend": "uv_build",
        "cli": True,
        "python_min": "3.11",
        "license": "Apache-2.0",
        "author_name": 'Zoë "Q" \\ Müller 🚀',
        "author_email": "zoe@example.org",
        "description": 'Widgets with "quotes", back\\slashes, {{ braces }} & ünïcödé 🚀',
        "docs": True,
    },
    "uv_build-gitlab": {
        "project_name": "uv-lab",
        "build_backend": "uv_build",
        "ci": "gitlab",
    },
    "setuptools-cli-vcs": {
        "project_name": "setup_tools_demo",
        "build_backend": "setuptools",
        "cli": True,
        "license": "BSD-3-Clause",
        "docs": True,
        "versioning": "vcs",
    },
    "setuptools-gitlab-vcs": {
        "project_name": "setuptools-lab",
        "build_backend": "setuptools",
        "ci": "gitlab",
        "versioning": "vcs",
    },
    "flit_core-py311": {
        "project_name": "flit-demo",
        "build_backend": "flit_core",
        "python_min": "3.11",
        "license": "GPL-3.0-or-later",
        "docs": True,
    },
    "flit_core-gitlab-cli": {
        "project_name": "flit-lab",
        "build_backend": "flit_core",
        "ci": "gitlab",
        "cli": True,
    },
    "pdm-backend-gitlab-cli-vcs": {
        "project_name": "pdm-demo",
        "build_backend": "pdm-backend",
        "ci": "gitlab",
        "cli": True,
        "license": "MPL-2.0",
        "package_name": "pdm_demo_pkg",
        "docs": True,
        "versioning": "vcs",
    },
    "pdm-backend-proprietary-cli-vcs": {
        "project_name": "inhouse-tool",
        "build_backend": "pdm-backend",
        "cli": True,
        "license": "LicenseRef-Proprietary",
        "author_name": "Acme Corp.",
        "docs": True,
        "versioning": "vcs",
    },
}

#: Rendered and checked statically: their Python is not installed here.
STATIC: dict[str, dict[str, Any]] = {
    "py312-uv_build-cli": {
        "project_name": "static-312",
        "python_min": "3.12",
        "build_backend": "uv_build",
        "cli": True,
    },
    "py313-setuptools": {
        "project_name": "static-313",
        "python_min": "3.13",
        "build_backend": "setuptools",
        "docs": True,
    },
    "py314-flit-cli": {
        "project_name": "static-314",
        "python_min": "3.14",
        "build_backend": "flit_core",
        "cli": True,
    },
    "py314-gitlab-proprietary": {
        "project_name": "static-314-lab",
        "python_min": "3.14",
        "ci": "gitlab",
        "license": "LicenseRef-Proprietary",
    },
}
