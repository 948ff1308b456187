"""Where the shipped reference tables and templates are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

from strainscore.text.shipped import data_dir as _data_dir


def reference_dir() -> Path:
    """The reference folder shipped with strainscore."""
    return _data_dir("reference")


def templates_dir() -> Path:
    """The jinja2 templates shipped with strainscore."""
    return _data_dir("templates")
