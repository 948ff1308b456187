from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from refkit import write_reference
from strainscore.cli import main
from strainscore.reference import Reference, load_reference

# Compiled references (reference/compiled.py) go to a folder of this test run, never to the
# user's cache; subprocesses the tests start inherit it.
os.environ["STRAINSCORE_CACHE_DIR"] = tempfile.mkdtemp(prefix="strainscore-test-cache-")
os.environ.pop("STRAINSCORE_NO_CACHE", None)


@pytest.fixture
def small_ref_dir(tmp_path: Path) -> Path:
    return write_reference(tmp_path / "ref")


@pytest.fixture
def small_ref(small_ref_dir: Path) -> Reference:
    return load_reference(small_ref_dir)


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run the CLI in-process; a failed expectation shows stdout and stderr."""

    def _run(*args: str, expect: int | None = 0, stdin: str | bytes | None = None) -> Result:
        result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, (
                f"exit {result.exit_code}, expected {expect}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
        return result

    return _run
