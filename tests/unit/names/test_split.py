"""Splitting a label cell that lists several strains."""

from __future__ import annotations

import pytest

from strainscore.names import split_strains


@pytest.mark.parametrize(
    ("cell", "pieces"),
    [
        ("L. rhamnosus GG, B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG; B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG + B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG & B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG and B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG plus B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. helveticus R0052 / B. longum R0175", ["L. helveticus R0052", "B. longum R0175"]),
        ("L. rhamnosus GG\nB. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG\r\nB. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("• L. rhamnosus GG\n• B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("- L. reuteri DSM 17938\n- LGG", ["L. reuteri DSM 17938", "LGG"]),
        ("1. L. rhamnosus GG\n2. L. helveticus R0052", ["L. rhamnosus GG", "L. helveticus R0052"]),
        ("GG+BB12", ["GG", "BB12"]),
        ("HN001 plus HN019", ["HN001", "HN019"]),
    ],
)
def test_separators(cell: str, pieces: list[str]) -> None:
    assert split_strains(cell) == pieces


@pytest.mark.parametrize(
    "cell",
    [
        "L. rhamnosus GG 1,000,000,000 CFU",
        "Bacillus coagulans GBI-30, 6086",
        "Bacillus coagulans GBI-30,6086",
        "Bacillus coagulans GBI-30, 6086®",
        "Bifidobacterium animalis subsp. lactis, BB-12",
        "L. rhamnosus GG (ATCC 53103, LGG)",
        "L. rhamnosus GG, 10 billion CFU",
        "L. rhamnosus GG 1e+10 CFU",
        "S. boulardii CNCM I-745, 250 mg",
        "Lactobacillus casei sps. rhamnosus (Lactobacillus GG)",
        "L. rhamnosus GG: 10 billion CFU",
        "L. rhamnosus GG 10,5 Mrd KBE",
    ],
)
def test_one_strain_stays_one(cell: str) -> None:
    assert len(split_strains(cell)) == 1


def test_fragments_join_the_strain_before() -> None:
    assert split_strains("L. rhamnosus GG\n(ATCC 53103)") == ["L. rhamnosus GG (ATCC 53103)"]
    assert split_strains("Bacillus coagulans GBI-30, 6086") == ["Bacillus coagulans GBI-30, 6086"]
    # a bare designation after a species with none belongs to it ...
    assert split_strains("B. lactis, BB-12, LGG") == ["B. lactis, BB-12", "LGG"]
    # ... but not after a species that has one, nor an abbreviated name
    assert split_strains("L. acidophilus, L. casei") == ["L. acidophilus", "L. casei"]


def test_blend_title_and_parentheses() -> None:
    assert split_strains(
        "Probiotic blend (L. acidophilus NCFM, B. lactis HN019) 10 billion CFU"
    ) == [
        "L. acidophilus NCFM",
        "B. lactis HN019",
    ]
    assert split_strains("Proprietary probiotic blend: L. acidophilus, B. bifidum") == [
        "L. acidophilus",
        "B. bifidum",
    ]


def test_empty_and_odd() -> None:
    assert split_strains("") == []
    assert split_strains("  ,; \n ") == []
    assert split_strains(None) == []  # type: ignore[arg-type]
    assert split_strains("Lactobacillus sp.") == ["Lactobacillus sp."]
