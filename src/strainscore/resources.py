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


def cache_dir() -> Path:
    """The user's cache folder for strainscore: $STRAINSCORE_CACHE_DIR, else
    $XDG_CACHE_HOME/strainscore, else ~/.cache/strainscore (not created here)."""
    import os

    if os.environ.get("STRAINSCORE_CACHE_DIR"):
        return Path(os.environ["STRAINSCORE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "strainscore"
