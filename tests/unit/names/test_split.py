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


@pytest.mark.parametrize(
    ("cell", "pieces"),
    [
        # the ideographic and full-width commas of Chinese and Japanese lists
        ("鼠李糖乳杆菌 HN001、乳双歧杆菌 HN019", ["鼠李糖乳杆菌 HN001", "乳双歧杆菌 HN019"]),
        ("鼠李糖乳杆菌 HN001，乳双歧杆菌 HN019", ["鼠李糖乳杆菌 HN001", "乳双歧杆菌 HN019"]),
        ("ビフィズス菌BB536；ガセリ菌SBT2055", ["ビフィズス菌BB536", "ガセリ菌SBT2055"]),
        # the word for 'and' of each label language (label_words.csv, kind 'and')
        ("L. rhamnosus GG und B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG et B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG e B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. casei Shirota y B. breve Yakult", ["L. casei Shirota", "B. breve Yakult"]),
        ("L. rhamnosus GG en B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. helveticus R0052 i B. longum R0175", ["L. helveticus R0052", "B. longum R0175"]),
        ("L. rhamnosus GG oraz B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG a B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG och B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG og B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("L. rhamnosus GG ja B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("ビフィズス菌BB536と乳酸菌シロタ株", ["ビフィズス菌BB536", "乳酸菌シロタ株"]),
        ("嗜酸乳杆菌 NCFM和乳双歧杆菌 HN019", ["嗜酸乳杆菌 NCFM", "乳双歧杆菌 HN019"]),
        ("락토바실러스 GG 및 비피도박테리움 BB-12", ["락토바실러스 GG", "비피도박테리움 BB-12"]),
        ("L. rhamnosus 573/1 i 573L3", ["L. rhamnosus 573/1", "L. rhamnosus 573L3"]),
    ],
)  # fmt: skip
def test_separators_of_every_label_language(cell: str, pieces: list[str]) -> None:
    assert split_strains(cell) == pieces


@pytest.mark.parametrize(
    "cell",
    [
        "Streptococcus thermophilus type A",  # a one-letter word that is no 'and'
        "Lactobacillus E 10",  # capital, not the Italian 'e'
        "L. rhamnosus GG e",  # nothing after it
        "Bacillus subtilis i spory",  # lower case after it: no next strain
        "乳酸菌 ひとつぶ",  # 'と' inside a hiragana word
        "L. rhamnosus GG (HN001 und HN019)",  # inside parentheses
    ],
)
def test_short_and_words_split_only_before_another_strain(cell: str) -> None:
    assert len(split_strains(cell)) == 1


@pytest.mark.parametrize(
    ("cell", "pieces"),
    [
        # a list's title in the label's language (label_words.csv kinds blend, live-cultures,
        # lactic-acid-bacteria, bifidobacteria): dropped before a colon, expanded before brackets
        ("Ferments lactiques : LGG, BB-12", ["LGG", "BB-12"]),
        ("Bakterienkulturen (LGG, BB-12)", ["LGG", "BB-12"]),
        ("Fermenti lattici vivi (L. acidophilus La-5, BB-12)", ["L. acidophilus La-5", "BB-12"]),
        ("Składniki: L. rhamnosus GG, B. lactis BB-12", ["L. rhamnosus GG", "B. lactis BB-12"]),
        ("Bifidobakterien (B. longum BB536, B. breve M16V)", ["B. longum BB536", "B. breve M16V"]),
        ("原材料名：ビフィズス菌BB536、乳酸菌シロタ株", ["ビフィズス菌BB536", "乳酸菌シロタ株"]),
        ("配料：鼠李糖乳杆菌HN001，乳双歧杆菌HN019", ["鼠李糖乳杆菌HN001", "乳双歧杆菌HN019"]),
    ],
)  # fmt: skip
def test_list_titles_of_every_label_language(cell: str, pieces: list[str]) -> None:
    assert split_strains(cell) == pieces


def test_a_strain_and_its_count_after_a_colon_is_no_title() -> None:
    assert split_strains("L. rhamnosus GG：10 billion CFU") == ["L. rhamnosus GG：10 billion CFU"]


def test_a_short_and_after_one_capitalised_word_is_no_and() -> None:
    assert split_strains("Contains a Lactobacillus rhamnosus GG") == [
        "Contains a Lactobacillus rhamnosus GG"
    ]
    assert split_strains("L. rhamnosus a L. casei") == ["L. rhamnosus", "L. casei"]
    assert split_strains("LGG e BB-12") == ["LGG", "BB-12"]


def test_brackets_after_a_species_list_its_designations_not_a_blend() -> None:
    cell = "4 ceppi (SIN, O/C, T, N/R) di spore di Bacillus clausii"  # 'ceppi' is a title word
    assert split_strains(cell) == [cell]


@pytest.mark.parametrize(
    "cell",
    [
        "Saccharomyces boulardii, stammen CNCM I-745",  # the word for strain, then a designation
        "Saccharomyces boulardii, kanta CNCM I-745",
        "Saccharomyces boulardii, stam CNCM I-745, frystorkad 250 mg",  # a count with a filler
        "Lactobacillus rhamnosus 2, 755 x 109 mikrobů v 1 tobolce",  # a count with words
        "Enterococchi ceppo SF68 liofilizzati, non meno di 75 milioni.",
    ],
)
def test_a_strain_word_or_a_count_after_a_comma_stays_with_its_strain(cell: str) -> None:
    assert split_strains(cell) == [cell]


def test_a_count_piece_with_a_capitalised_word_may_be_a_strain() -> None:
    assert split_strains("LGG 10 billion CFU, Bifidobacterium 5 billion CFU") == [
        "LGG 10 billion CFU",
        "Bifidobacterium 5 billion CFU",
    ]
