"""Taking a label text apart: amounts, asides, tokens, cleaning."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names import parse as parse_module
from strainscore.names.normalise import fold_key, fold_text, key, light_clean, word
from strainscore.names.parse import find_amount, is_amount, parse, split_asides, tokenise
from strainscore.names.words import LabelWords
from strainscore.reference import load_reference

WORDS = LabelWords(load_reference().label_words)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("L. rhamnosus GG 10 billion CFU", "10 billion CFU"),
        ("B. lactis BB-12 1 x 10^9 CFU", "1 x 10^9 CFU"),
        ("L. helveticus R0052 3 x 109 CFU", "3 x 109 CFU"),
        ("L. plantarum 299v 10B", "10B"),
        ("S. boulardii CNCM I-745 250 mg", "250 mg"),
        ("B. coagulans GBI-30, 6086 2 billion spores", "2 billion spores"),
        ("HN001 6 x 10⁹ cfu", "6 x 10⁹ cfu"),
        ("GG 1e10 CFU", "1e10 CFU"),
        ("GG 1,000,000,000 CFU", "1,000,000,000 CFU"),
        ("HN001 10 Mrd. KBE", "10 Mrd. KBE"),
        ("GG 10 billion CFU per capsule", "10 billion CFU per capsule"),
        ("GG ≥ 5 billion CFU at time of manufacture", "≥ 5 billion CFU at time of manufacture"),
    ],
)
def test_amounts(text: str, amount: str) -> None:
    m = find_amount(light_clean(text))
    assert m is not None and m.group(0).strip() == amount


@pytest.mark.parametrize(
    "text",
    [
        "Bacillus coagulans GBI-30, 6086",
        "Limosilactobacillus reuteri DSM 17938",
        "Lactiplantibacillus plantarum 299v",
        "Bifidobacterium longum 35624",
        "B. longum 1714",
        "Saccharomyces boulardii CNCM I-745",
        "L. reuteri ATCC PTA 6475",
        "Lactobacillus gasseri CP2305",
        "Streptococcus salivarius K12",
        "Bifidobacterium breve M-16V",
    ],
)
def test_designations_are_not_amounts(text: str) -> None:
    assert find_amount(light_clean(text)) is None


def test_is_amount() -> None:
    assert is_amount("10 billion CFU")
    assert is_amount("(5 x 10^9 CFU per capsule)")
    assert not is_amount("L. rhamnosus GG 10 billion CFU")
    assert not is_amount("GBI-30")


def test_split_asides() -> None:
    assert split_asides("L. rhamnosus GG (ATCC 53103)") == ("L. rhamnosus GG  ", ["ATCC 53103"])
    assert split_asides("a (b (c)) [d]")[1] == ["b (c)", "d"]
    assert split_asides("a (unclosed")[1] == ["unclosed"]
    assert split_asides("a) b")[0] == "a b"


def test_parse_keeps_amount_as_written_and_asides() -> None:
    p = parse("Lactobacillus rhamnosus GG® (ATCC 53103) 10 billion CFU")
    assert p.tokens == ("Lactobacillus", "rhamnosus", "GG")
    assert p.asides == ("ATCC 53103",)
    assert p.amount_text == "10 billion CFU"
    assert not p.homoglyph


def test_parse_amount_in_parentheses() -> None:
    p = parse("L. rhamnosus GG (10 billion CFU) (at time of manufacture)")
    assert p.asides == ()
    assert p.amount_text == "10 billion CFU (at time of manufacture)"


def test_tokenise_parts_glued_abbreviations() -> None:
    assert tokenise("L.rhamnosus GG") == ("L.", "rhamnosus", "GG")
    assert tokenise("B. animalis ssp.lactis BB-12") == ("B.", "animalis", "ssp.", "lactis", "BB-12")
    assert tokenise("GBI-30, 6086") == ("GBI-30,", "6086")
    assert tokenise("lactis,BB-12") == ("lactis", "BB-12")


def test_cleaning() -> None:
    assert light_clean("BB-12®") == "BB-12"
    assert light_clean("LGG™ (TM)") == "LGG"
    assert light_clean("HN001¹") == "HN001"
    assert light_clean("1 x 10⁹") == "1 x 10⁹"
    assert light_clean("Lacto\u200bbacillus  rhamnosus") == "Lactobacillus rhamnosus"
    assert light_clean("GBI–30") == "GBI-30"


def test_homoglyph_folding() -> None:
    text, swapped = fold_text("L\u0430ctobacillus \u0440lantarum")
    assert text == "Lactobacillus plantarum" and swapped
    assert fold_text("Lactobacillus") == ("Lactobacillus", False)
    assert fold_text("ＬＧＧ") == ("LGG", False)  # full-width forms are NFKC, not look-alikes


def test_keys() -> None:
    assert key("BB-12") == key("Bb 12") == key("bb12") == "bb12"
    assert key("Ｂｂ－１２") == "bb12"
    assert fold_key("hnoo1") == fold_key("hn001") == "hn001"
    assert fold_key("cncmi745") == fold_key("cncm1745")
    assert word("rhamnosus,") == "rhamnosus"
    assert word("BB-12") is None


# Texts made of what tokenise, the leftover trim and the trademark test act on.
PARSEABLE = st.lists(
    st.sampled_from(
        [*"LBSlbs.,;:|+&@=/*-()[]{} \t019", "subsp.", "SSP.", "sps.", "spp.", "var.", "Str.",
         "sp.", "ſp.", "tm", "(tm)", "(R)", "®", "™", "lactis", "GG", "é", "\u00a0"]
    ),
    max_size=25,
).map("".join)  # fmt: skip


def tokenise_in_full(text: str) -> tuple[str, ...]:
    """tokenise with every pass run, as it was written before its fast paths."""
    t = parse_module._ABBR_GLUE.sub(r"\1. ", text.strip())
    t = parse_module._RANK_GLUE.sub(r"\1. ", t)
    t = parse_module._WORD_SEPS.sub(" ", t)
    return tuple(tok for tok in t.split() if any(c.isalnum() for c in tok))


@settings(max_examples=600, deadline=None)
@given(PARSEABLE)
def test_fast_paths_skip_only_passes_that_change_nothing(text: str) -> None:
    assert tokenise(text) == tokenise_in_full(text)
    assert parse_module._trim(text) == parse_module._LEFTOVER.sub("", text)
    assert parse_module._marked(text) == bool(parse_module._MARKED.search(text))
    if not any(c in text for c in "()[]{}"):  # no bracket: the loop would copy the text whole
        assert split_asides(text) == (text, [])
        assert split_asides(f"{text}(x)") == (f"{text} ", ["x"])


LABEL_CELLS = st.lists(
    st.sampled_from(
        ["L.", "rhamnosus", "GG", "Lactobacillus", "10", "billion", "CFU", "x", "10^9", "strain",
         "Stamm", "4", "ceppi", "di", "subsp.", "lactis", ",", ";", "-", "'", '"', "tm", "TM",
         "min.", "250", "mg", "B.", "BB-12", "\t", "  ", "live cultures", "variedad", "+"]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(LABEL_CELLS)
def test_plain_text_parses_as_the_full_passes_parse_it(text: str) -> None:
    """ASCII text with no bracket takes a shorter path; it must part the text the same way."""
    full = parse_module.parse(text + "\u00a0", WORDS)  # a non-ASCII space: the full passes
    assert parse_module._parse_plain(text, WORDS) == full


AMOUNT_PIECES = st.lists(
    st.sampled_from(
        [*"0123456789.,x×*·^⁹⁰eE+-/ ", "10", "billion", "mld", "CFU", "UFC", "kbe", "億", "個",
         "mil millones", "gazillion", "min.", "≥", "B", "M", "mg", "GR-1", "DSM", "casei", "\t",
         "live cultures", "hn001"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(AMOUNT_PIECES)
def test_the_amount_hint_is_found_wherever_an_amount_pattern_matches(text: str) -> None:
    """_cut_amount skips both amount patterns when the hint is not in the text: wherever either
    pattern matches, the hint must be found too."""
    for pattern in (parse_module._AMOUNT, parse_module._UNKNOWN_SCALE_AMOUNT):
        if pattern.search(text):
            assert parse_module._AMOUNT_HINT.search(text), (pattern.pattern[:30], text)


def test_a_text_without_the_hint_keeps_its_designation_digits() -> None:
    assert parse_module._cut_amount("L. reuteri DSM 17938") == ("L. reuteri DSM 17938", None)
    assert parse_module._cut_amount("L. rhamnosus GG 10 mld")[1] == "10 mld"
