"""Fixtures for the label-reading tests: the bad-input cases, built once into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from label_cases import load_make_cases


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths: dict[str, Path] = load_make_cases().build_all(tmp_path_factory.mktemp("bad_inputs"))
    return paths
