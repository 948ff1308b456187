"""Shared fixtures for the name-resolution tests."""

from __future__ import annotations

import pytest

from strainscore.names.resolver import Resolver
from strainscore.reference import Reference, load_reference


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def resolver(reference: Reference) -> Resolver:
    return Resolver(reference)
