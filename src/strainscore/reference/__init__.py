"""The reference tables: loading, checking, and the in-memory model.

Loaded lazily: the resolver needs only the model, not pandas or pandera.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strainscore.reference.checks import RefProblem
    from strainscore.reference.loader import check_reference, check_warnings, load_reference
    from strainscore.reference.model import Reference

__all__ = ["RefProblem", "Reference", "check_reference", "check_warnings", "load_reference"]

_LAZY = {
    "RefProblem": "strainscore.reference.checks",
    "check_reference": "strainscore.reference.loader",
    "check_warnings": "strainscore.reference.loader",
    "load_reference": "strainscore.reference.loader",
    "Reference": "strainscore.reference.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'strainscore.reference' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
