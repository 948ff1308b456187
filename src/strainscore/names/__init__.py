"""Reading strain names as labels write them, and resolving them against the reference.

Modules, one job each: ``normalise`` (marks, look-alike letters, keys), ``parse`` (amount, asides,
tokens), ``split`` (one cell into strains), ``index`` (lookups built once per reference),
``taxon`` (genus, species, subspecies words), ``fuzzy`` (spelling rules), ``designation``
(designation to strain, never fuzzy), ``strains`` (strain of the right species, or a conflict),
``suggest`` (look-alike names), ``outcome`` (notes in plain words), ``resolver`` (the ladder).
See docs/match-levels.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from strainscore.models import Resolution
from strainscore.names.resolver import Resolver
from strainscore.names.split import split_strains
from strainscore.reference.model import Reference

__all__ = ["Resolver", "resolve", "resolve_many", "split_strains"]

_RESOLVERS: dict[int, Resolver] = {}


def _resolver(reference: Reference | None) -> Resolver:
    if reference is None:
        from strainscore.reference.loader import load_reference  # pandas: only when needed

        reference = load_reference()
    ref = reference
    r = _RESOLVERS.get(id(ref))
    if r is None or r.reference is not ref:
        r = _RESOLVERS[id(ref)] = Resolver(ref)
    return r


def resolve(text: str, reference: Reference | None = None) -> Resolution:
    """How `text` (one strain as a label writes it) resolves against the reference."""
    return _resolver(reference).resolve(text)


def resolve_many(texts: Iterable[str], reference: Reference | None = None) -> dict[str, Resolution]:
    """Resolve each distinct text once; returns text -> Resolution."""
    r = _resolver(reference)
    return {t: r.resolve(t) for t in dict.fromkeys(texts)}
