"""A pasted ingredient list ("L. rhamnosus GG, B. lactis BB-12") as a one-product label."""

from __future__ import annotations

import re

from strainscore.errors import InputFileError
from strainscore.labels.rows.cells import split_claims
from strainscore.models import LabelLine, LabelSheet
from strainscore.names.split import is_ingredient, split_strains
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
    # A whole ingredient list pasted from the pack: its fillers and capsule are no organisms.
    kept: list[str] = []
    set_aside: list[str] = []
    for piece in split_strains(text):
        (set_aside if is_ingredient(piece) else kept).append(piece)
    # One pasted text is one cell on one row, as a sheet's cell naming several strains is: a
    # count after the last strain is then the cell's total (evidence/dose.py).
    lines = tuple(
        LabelLine(row=1, product=product, strain_text=piece, cell_text=text, claims=claim_list)
        for piece in kept
    )
    if not lines:
        why = (
            f"{_listed(set_aside)} are ingredients, not organisms"
            if set_aside
            else "it is empty, or holds only spaces and punctuation"
        )
        raise InputFileError(
            f"--text names no strain ({why}); give the strains from the label, e.g. "
            '--text "L. rhamnosus GG, B. lactis BB-12"',
            code="empty-text",
        )
    notices = (
        (f"set aside {_listed(set_aside)}: ingredients that are not organisms",)
        if set_aside
        else ()
    )
    return LabelSheet("<text>", lines, notices=notices)


def _listed(pieces: list[str]) -> str:
    return ", ".join(repr(p) for p in pieces)


# Bytes that were not UTF-8 reach Python as lone surrogates (the 'surrogateescape' of argv).
_UNDECODABLE = re.compile("[\ud800-\udfff]")
