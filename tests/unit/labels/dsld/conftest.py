"""Fixtures for the DSLD reader tests."""

from __future__ import annotations

from typing import Any

import pytest

from dsldkit import example


@pytest.fixture
def record() -> dict[str, Any]:
    """The shipped example record (a copy each test may change)."""
    return example()
