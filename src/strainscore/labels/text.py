"""A pasted ingredient list ("L. rhamnosus GG, B. lactis BB-12") as a one-product label."""

from __future__ import annotations

import re

from strainscore.errors import InputFileError
from strainscore.labels.rows.cells import split_claims
from strainscore.models import LabelLine, LabelSheet
from strainscore.names.split import split_strains
from strainscore.text.clean import strip_invisible

PASTED_PRODUCT = "Pasted ingredient list"


def label_from_text(text: str, *, product: str = PASTED_PRODUCT, claims: str = "") -> LabelSheet:
    """One product whose strains are the pieces of `text` (split on commas, 'and', new lines...).

    Raises ``InputFileError`` when `text` holds bytes that are not text, or names no strain."""
    for name, value in (("--text", text), ("--claims", claims)):
        if _UNDECODABLE.search(value):
            raise InputFileError(
                f"{name} holds bytes that are not UTF-8 text (the terminal or the script that "
                "ran strainscore passed them as they were); type or paste the list again as text",
                code="bad-encoding",
            )
    text = strip_invisible(text)[0]
    product = strip_invisible(product)[0] or PASTED_PRODUCT
    claim_list = split_claims(strip_invisible(claims)[0])
    lines = tuple(
        LabelLine(row=i, product=product, strain_text=piece, cell_text=text, claims=claim_list)
        for i, piece in enumerate(split_strains(text), start=1)
    )
    if not lines:
        raise InputFileError(
            "--text names no strain (it is empty, or holds only spaces and punctuation); give the "
            'strains from the label, e.g. --text "L. rhamnosus GG, B. lactis BB-12"',
            code="empty-text",
        )
    return LabelSheet("<text>", lines)


# Bytes that were not UTF-8 reach Python as lone surrogates (the 'surrogateescape' of argv).
_UNDECODABLE = re.compile("[\ud800-\udfff]")
