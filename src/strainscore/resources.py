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
    """The user's cache folder for strainscore (not created here): $STRAINSCORE_CACHE_DIR if set;
    else the platform's user cache folder ($XDG_CACHE_HOME/strainscore or ~/.cache/strainscore on
    Linux, ~/Library/Caches/strainscore on macOS, %LOCALAPPDATA%\\strainscore\\Cache on Windows).
    The compiled reference and fetched DSLD labels are kept there."""
    import os
    import sys

    custom = os.environ.get("STRAINSCORE_CACHE_DIR", "").strip()
    if custom:
        return Path(custom)
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "strainscore"
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "strainscore" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
    return base / "strainscore"
