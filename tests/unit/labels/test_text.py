"""A pasted ingredient list as a one-product label (labels/text.py)."""

from __future__ import annotations

import pytest

from strainscore.errors import InputFileError
from strainscore.labels.text import label_from_text
from strainscore.names.split import is_ingredient


def test_a_pasted_list_sets_its_non_organism_ingredients_aside_and_says_so() -> None:
    sheet = label_from_text(
        "Zutaten: Maltodextrin, Bakterienkulturen (Lactobacillus rhamnosus GG, "
        "Bifidobacterium lactis BB-12), Kapselhülle: Hydroxypropylmethylcellulose"
    )
    assert [ln.strain_text for ln in sheet.lines] == [
        "Lactobacillus rhamnosus GG",
        "Bifidobacterium lactis BB-12",
    ]
    (notice,) = sheet.notices
    assert "'Maltodextrin'" in notice and "'Kapselhülle: Hydroxypropylmethylcellulose'" in notice


@pytest.mark.parametrize(
    ("piece", "ingredient"),
    [
        ("Maltodextrin", True),
        ("microcrystalline cellulose", True),
        ("gélule végétale", False),  # 'végétale' is not listed: kept, and shown as unknown
        ("Lactobacillus rhamnosus GG", False),
        ("Bacillus coagulans (rice)", False),  # one organism word is enough to keep it
        ("10 billion CFU", False),  # no word at all is no ingredient either
    ],
)
def test_only_pieces_made_of_ingredient_words_are_ingredients(piece: str, ingredient: bool) -> None:
    assert is_ingredient(piece) is ingredient


def test_a_list_of_ingredients_only_names_no_strain() -> None:
    with pytest.raises(InputFileError, match="are ingredients, not organisms"):
        label_from_text("Maltodextrin, inulin")
