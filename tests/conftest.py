from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from tests.helpers import TEST_ENV, make_template_repo

if TYPE_CHECKING:
    from pathlib import Path

# Copier and git run in-process too: give them the same identity and offline settings.
os.environ.update(TEST_ENV)


@pytest.fixture(scope="session")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed git copy of this checkout, rendered at HEAD."""
    return make_template_repo(tmp_path_factory.mktemp("template") / "setsquare")
