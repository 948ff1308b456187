"""Matching the headers users write to the fields strainscore reads."""

from __future__ import annotations

import re

REQUIRED = ("product", "strain")
OPTIONAL = ("brand", "cfu_per_serving", "servings_per_day", "claims")
FIELDS = REQUIRED + OPTIONAL

# Compared after _key(): lower case, letters and digits only.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "product": ("product", "productname", "name", "item", "supplement", "productitem", "sku"),
    "strain": (
        "strain",
        "strains",
        "strainname",
        "organism",
        "organisms",
        "probiotic",
        "probiotics",
        "probioticstrain",
        "culture",
        "cultures",
        "ingredient",
        "bacteria",
        "species",
    ),
    "brand": ("brand", "brandname", "manufacturer", "maker", "company"),
    "cfu_per_serving": (
        "cfuperserving",
        "cfu",
        "cfuperdose",
        "cfupercapsule",
        "cfupercap",
        "cfupertablet",
        "cfupersachet",
        "count",
        "amount",
        "amountperserving",
        "dose",
        "viablecount",
        "cfuperservingsize",
    ),
    "servings_per_day": (
        "servingsperday",
        "servingsday",
        "dosesperday",
        "dailyservings",
        "capsulesperday",
        "perday",
        "servings",
        "timesperday",
    ),
    "claims": ("claims", "claim", "healthclaims", "benefits", "labelclaims", "indication"),
}
_LOOKUP = {syn: field for field, syns in SYNONYMS.items() for syn in syns}


def header_key(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def match_header(text: object) -> str | None:
    """The field a header names, or None for a column strainscore does not read."""
    return _LOOKUP.get(header_key(text))
