"""url=, download_url= and project_urls= of setup() into ``[project.urls]``.

setuptools' pyproject support writes every ``[project.urls]`` entry as a
``Project-URL``; url= and download_url= become the ``Homepage`` and ``Download``
entries. Nothing in pyproject.toml sets or clears core metadata's ``Home-page``
and ``Download-URL`` themselves, so when url= or download_url= cannot move (an
empty URL, or a label project_urls already uses) setup.py keeps passing it and
METADATA stays as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from setsquare.migrate.ledger import Action

if TYPE_CHECKING:
    from setsquare.migrate.setup_py.mapper import Mapper

#: The [project.urls] label each takes, as setuptools' own pyproject mapping names them.
URL_LABELS = {"url": "Homepage", "download_url": "Download"}
#: The core metadata field each fills when setup() passes it.
URL_FIELDS = {"url": "Home-page", "download_url": "Download-URL"}


def map_urls(m: Mapper) -> None:
    """Move the URLs to *m*'s ``[project.urls]`` when METADATA can stay the same."""
    keys: list[str] = [k for k in ("url", "download_url", "project_urls") if k in m.lines]
    if not keys:
        return
    if any(k not in m.values for k in keys):
        return  # one is computed, so [project] urls stays dynamic and setup.py sets all
    urls = m.values.get("project_urls", {})
    if any(not isinstance(m.values[k], str) for k in keys if k != "project_urls") or not (
        isinstance(urls, dict) and all(isinstance(x, str) for pair in urls.items() for x in pair)
    ):
        return
    taken = [k for k in URL_LABELS if k in m.lines and URL_LABELS[k] in urls]
    if taken:
        # [project.urls] has one key per label: Home-page and a "Homepage"
        # Project-URL both stay in METADATA only if setup.py keeps passing them.
        for key in keys:
            m.keep(
                key,
                f"project_urls has a {URL_LABELS[taken[0]]!r} besides {taken[0]}=, and "
                f"[project.urls] holds one: they stay in setup.py, so METADATA keeps its "
                f"{URL_FIELDS[taken[0]]} and Project-URLs; [project] urls is dynamic",
                dynamic=True,
            )
        return
    for key, label in URL_LABELS.items():
        if key not in m.lines:
            continue
        if not m.values[key].strip():
            # pyproject's urls refuse an empty URL, but setuptools never takes
            # url/download_url from pyproject.toml: setup.py keeps publishing it.
            m.keep(
                key,
                "empty, which [project.urls] refuses: kept in setup.py, which still "
                f"publishes it as an empty {URL_FIELDS[key]}",
                dynamic=False,
            )
            continue
        m.urls.add(label, m.values[key], origin=m.origin(key))
        m.note(
            key,
            Action.TRANSFORMED,
            f"[project.urls] {label}",
            "METADATA lists it as a Project-URL",
        )
    for label, url in urls.items():
        m.urls.add(label, url, origin=m.origin("project_urls"))
    if "project_urls" in m.lines:
        m.note("project_urls", Action.MAPPED, "[project.urls]")
