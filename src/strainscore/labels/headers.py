"""Matching the headers users write to the fields strainscore reads.

Headers are compared by a key: accents folded, lower case, letters and digits only, so
"Strain name", "STRAIN_NAME" and "Strain-Name" are the same header.
"""

from __future__ import annotations

import re
import unicodedata

from strainscore.text.amounts import header_scales

REQUIRED = ("product", "strain")
OPTIONAL = ("brand", "cfu_per_serving", "servings_per_day", "claims")
FIELDS = REQUIRED + OPTIONAL

# Compared after header_key(): lower case ASCII letters and digits only.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "product": (
        "product",
        "products",
        "productname",
        "producttitle",
        "name",
        "item",
        "itemname",
        "supplement",
        "supplementname",
        "productitem",
        "sku",
        "article",
        "produkt",
        "produit",
        "producto",
        "prodotto",
    ),
    "strain": (
        "strain",
        "strains",
        "strainname",
        "strainnames",
        "probioticstrain",
        "probioticstrains",
        "bacterialstrain",
        "bacterialstrains",
        "organism",
        "organisms",
        "microorganism",
        "microorganisms",
        "probiotic",
        "probiotics",
        "culture",
        "cultures",
        "livecultures",
        "ingredient",
        "ingredients",
        "bacteria",
        "species",
        "stamm",
        "stamme",
        "souche",
        "souches",
        "cepa",
        "cepas",
        "ceppo",
        "ceppi",
    ),
    "brand": ("brand", "brandname", "manufacturer", "maker", "company", "marke", "marque", "marca"),
    "cfu_per_serving": (
        "cfuperserving",
        "cfuserving",
        "cfu",
        "cfus",
        "cfucount",
        "cfuperdose",
        "cfudose",
        "cfupercapsule",
        "cfucapsule",
        "cfupercap",
        "cfucap",
        "cfupertablet",
        "cfutablet",
        "cfupersachet",
        "cfusachet",
        "cfuperservingsize",
        "count",
        "countperserving",
        "viablecount",
        "viablecells",
        "amount",
        "amountperserving",
        "dose",
        "doseperserving",
        "potency",
        "kbe",
        "ufc",
    ),
    "servings_per_day": (
        "servingsperday",
        "servingsday",
        "servingperday",
        "servingsdaily",
        "dailyservings",
        "dosesperday",
        "dosesday",
        "dailydoses",
        "capsulesperday",
        "capsulesday",
        "capsperday",
        "capsday",
        "tabletsperday",
        "tabletsday",
        "perday",
        "servings",
        "timesperday",
        "timesdaily",
    ),
    "claims": (
        "claims",
        "claim",
        "healthclaims",
        "healthclaim",
        "labelclaims",
        "labelclaim",
        "benefits",
        "indication",
        "indications",
        "uses",
    ),
}
_LOOKUP = {syn: field for field, syns in SYNONYMS.items() for syn in syns}

# "CFU (billions)", "Billion CFU per serving": a bare number in that column is in that unit.
_SCALES = header_scales()
_SCALE_NOISE = re.compile(r"^in|in$")


def header_key(text: object) -> str:
    """'Strain name' -> 'strainname'; accents and full-width letters are folded first."""
    folded = unicodedata.normalize("NFKD", str(text))
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def match_header(text: object) -> str | None:
    """The field a header names, or None for a column strainscore does not read."""
    return header_field(text)[0]


def header_field(text: object) -> tuple[str | None, float]:
    """(field, scale): scale is what a bare number in the column is multiplied by (CFU only)."""
    key = header_key(text)
    field = _LOOKUP.get(key)
    if field is not None:
        return field, 1.0
    for word, scale in _SCALES:
        for rest in (key.removesuffix(word), key.removeprefix(word)):
            if rest != key and _LOOKUP.get(_SCALE_NOISE.sub("", rest)) == "cfu_per_serving":
                return "cfu_per_serving", scale
    return None, 1.0
