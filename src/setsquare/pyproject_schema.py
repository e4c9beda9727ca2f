"""validate-pyproject, loaded once and quiet: the one schema check of a pyproject.toml."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from validate_pyproject.api import Validator
    from validate_pyproject.errors import ValidationError


@functools.cache
def _validator() -> Validator:
    # Imported on first use: its plugin discovery takes a noticeable part of a second.
    from validate_pyproject.api import Validator

    return Validator()


def validation_error(data: dict[str, Any]) -> ValidationError | None:
    """The first schema error of *data* (a parsed pyproject.toml), or None."""
    from validate_pyproject.errors import ValidationError

    logger = logging.getLogger("validate_pyproject")
    level = logger.level
    # Its advice (e.g. on extras in entry points) is about the input, which we keep as is.
    logger.setLevel(logging.ERROR)
    try:
        _validator()(data)
    except ValidationError as error:
        return error
    finally:
        logger.setLevel(level)
    return None
