"""strainscore: check the strains on a probiotic label against verified, strain-specific evidence.

The public API is importable without the CLI::

    from strainscore import check_label, check_text, resolve, load_reference
    report = check_label("label.xlsx")
    print(report.to_dict()["products"][0]["strains_with_evidence"])

Heavy modules (pandas, pandera, openpyxl, jinja2) load on first use, so ``strainscore --help``
stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Report",
    "Resolution",
    "__version__",
    "check_dsld",
    "check_label",
    "check_text",
    "load_reference",
    "resolve",
    "resolve_many",
]

if TYPE_CHECKING:
    from strainscore.models import Report, Resolution
    from strainscore.names import resolve, resolve_many
    from strainscore.reference import load_reference
    from strainscore.workflows.check import check_dsld, check_label, check_text

_LAZY = {
    "check_dsld": "strainscore.workflows.check",
    "check_label": "strainscore.workflows.check",
    "check_text": "strainscore.workflows.check",
    "resolve": "strainscore.names",
    "resolve_many": "strainscore.names",
    "load_reference": "strainscore.reference",
    "Report": "strainscore.models",
    "Resolution": "strainscore.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'strainscore' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
