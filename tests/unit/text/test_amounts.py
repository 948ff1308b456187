"""One scale grammar: every scale word reads the same in a count, a strain name and a header."""

from __future__ import annotations

import pytest

from strainscore.labels.cfu import parse_amount
from strainscore.labels.headers import header_field
from strainscore.names.parse import parse
from strainscore.text.amounts import LETTER_SCALES, SCALE_WORDS, WORD_SCALES, scale_of


def test_the_words_split_into_letters_and_words() -> None:
    assert set(LETTER_SCALES) | set(WORD_SCALES) == set(SCALE_WORDS)
    assert all(len(w) == 1 for w in LETTER_SCALES)
    assert scale_of("Miliardi") == 1e9
    assert scale_of("mil  millones") == 1e9
    assert scale_of("capsules") is None


def test_an_italian_amount_is_cut_from_the_name() -> None:
    p = parse("L. rhamnosus GG 10 miliardi UFC")
    assert p.tokens == ("L.", "rhamnosus", "GG")
    assert p.amount_text == "10 miliardi UFC"


@pytest.mark.parametrize("word", WORD_SCALES)
def test_every_scale_word_is_read_in_a_count_and_cut_from_a_name(word: str) -> None:
    amount = parse_amount(f"2 {word} CFU")
    assert amount is not None and amount.value == 2 * SCALE_WORDS[word]
    p = parse(f"L. rhamnosus GG 2 {word} CFU")
    assert p.tokens == ("L.", "rhamnosus", "GG"), word
    assert p.amount_text == f"2 {word} CFU"


@pytest.mark.parametrize("letter", LETTER_SCALES)
def test_a_scale_letter_after_a_number_is_an_amount(letter: str) -> None:
    assert parse(f"L. plantarum 299v 10{letter.upper()}").amount_text == f"10{letter.upper()}"
    amount = parse_amount(f"10{letter.upper()}")
    assert amount is not None and amount.value == 10 * SCALE_WORDS[letter]


@pytest.mark.parametrize(
    ("header", "scale"),
    [("CFU (billions)", 1e9), ("Miliardi UFC", 1e9), ("CFU mld", 1e9), ("CFU (millions)", 1e6)],
)
def test_a_scale_word_in_a_cfu_header_scales_the_column(header: str, scale: float) -> None:
    assert header_field(header) == ("cfu_per_serving", scale)


def test_check_text_reads_the_italian_amount_apart_from_the_strain(run_cli) -> None:  # type: ignore[no-untyped-def]
    import json

    out = run_cli("check", "--text", "L. rhamnosus GG 10 miliardi UFC", "--format", "json")
    line = json.loads(out.stdout)["products"][0]["strains"][0]
    assert line["amount_text"] == "10 miliardi UFC"
    assert line["resolved"]["strain_id"] == "lrhamnosus-gg"
