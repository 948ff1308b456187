"""Where a shipped data folder (reference/, templates/) is, installed or in a checkout.

Kept under ``text`` so the amount grammar can read the shipped scale words without importing any
other strainscore package; ``strainscore.resources`` is the public face of it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    """The shipped top-level folder `name`."""
    # In a wheel, hatch force-includes the top-level folders as strainscore/_data/<name>.
    packaged = Path(str(resources.files("strainscore"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    # In a source checkout (editable install, or tests run from the tree) use the top-level folder.
    return Path(__file__).resolve().parents[3] / name
