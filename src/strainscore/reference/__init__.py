"""The reference tables: loading, checking, and the in-memory model."""

from strainscore.reference.checks import RefProblem
from strainscore.reference.loader import check_reference, load_reference
from strainscore.reference.model import Reference

__all__ = ["RefProblem", "Reference", "check_reference", "load_reference"]
