"""Where the shipped reference tables and templates are, installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    # In a wheel, hatch force-includes the top-level folders as strainscore/_data/<name>.
    packaged = Path(str(resources.files("strainscore"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    # In a source checkout (editable install, or tests run from the tree) use the top-level folder.
    checkout = Path(__file__).resolve().parents[2] / name
    return checkout


def reference_dir() -> Path:
    """The reference folder shipped with strainscore."""
    return _data_dir("reference")


def templates_dir() -> Path:
    """The jinja2 templates shipped with strainscore."""
    return _data_dir("templates")
