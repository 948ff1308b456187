"""Vocabularies and the name key of the reference, importable without pandas or pandera."""

from __future__ import annotations

import re
import unicodedata

DESIGNS = (
    "meta-analysis",
    "systematic-review",
    "rct",
    "crossover-rct",
    "open-label",
    "observational",
    "animal",
    "in-vitro",
)
CLINICAL_DESIGNS = frozenset(DESIGNS[:6])
POOLED_DESIGNS = frozenset(("meta-analysis", "systematic-review"))
MECHANISTIC_DESIGNS = frozenset(("animal", "in-vitro"))
EFFECTS = ("benefit", "no-effect", "mixed", "harm")
AGE_GROUPS = ("infant", "child", "adult", "older-adult", "pregnant", "mixed")
# Who a user may say will take the product (--population); every age group but "mixed".
POPULATIONS = ("adult", "older-adult", "pregnant", "child", "infant")
NAME_KINDS = ("old-name", "alias", "deposit", "trade-name", "reidentified", "synonym")
OUTCOME_CATEGORIES = ("mental-health", "gastrointestinal", "biomarker")
ORGANISM_KINDS = ("bacterium", "yeast")


def normalise_name(text: str) -> str:
    """The key two names collide on: case, accents, punctuation and spacing ignored."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", t)
