"""A pasted ingredient list ("L. rhamnosus GG, B. lactis BB-12") as a one-product label."""

from __future__ import annotations

from strainscore.labels.cells import split_claims
from strainscore.models import LabelLine, LabelSheet
from strainscore.names.split import split_strains
from strainscore.text.clean import strip_invisible

PASTED_PRODUCT = "Pasted ingredient list"


def label_from_text(text: str, *, product: str = PASTED_PRODUCT, claims: str = "") -> LabelSheet:
    """One product whose strains are the pieces of `text` (split on commas, 'and', new lines...)."""
    text = strip_invisible(text)[0]
    claim_list = split_claims(strip_invisible(claims)[0])
    lines = tuple(
        LabelLine(row=i, product=product, strain_text=piece, cell_text=text, claims=claim_list)
        for i, piece in enumerate(split_strains(text), start=1)
    )
    return LabelSheet("<text>", lines)
