"""Viable counts as labels write them, and as Excel stores them."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strainscore.labels.rows.cfu import not_a_count, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10 billion", 1e10),
        ("10B", 1e10),
        ("10 bn", 1e10),
        ("1 x 10^9", 1e9),
        ("1x10⁹", 1e9),
        ("1 × 10⁹ CFU", 1e9),
        ("1·10^9", 1e9),
        ("2.5 x 10^10", 2.5e10),
        ("1e10", 1e10),
        ("1.5E+10 CFU", 1.5e10),
        ("100 million", 1e8),
        ("5 Billion CFU", 5e9),
        ("1 x 109", 1e9),  # superscript lost in copy-paste
        ("1 x 1010", 1e10),
        ("10^9", 1e9),
        ("10⁹ CFU", 1e9),
        ("1,000,000,000", 1e9),
        ("1.000.000.000 KBE", 1e9),
        ("1 000 000 000 UFC", 1e9),
        ("1,000 million", 1e9),
        ("1,5 Mrd", 1.5e9),
        ("50 Milliarden KBE", 5e10),
        ("10-20 billion", 1e10),  # a range counts as its lower end
        ("≥ 10 billion CFU", 1e10),
        ("min. 10+ billion", 1e10),
        ("１０ billion", 1e10),  # full-width digits
        ("1000000000 CFU per 2 capsules", 1e9),
    ],
)
def test_count_forms(text: str, value: float) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert amount.unit == "cfu"
    assert amount.value == pytest.approx(value)
    assert amount.cfu == pytest.approx(value)
    assert amount.text == text


@pytest.mark.parametrize(
    ("cell", "value", "text"),
    [(1e10, 1e10, "10000000000"), (2.5e9, 2.5e9, "2500000000"), (1000000000, 1e9, "1000000000")],
)
def test_numbers_from_excel_cells(cell: float, value: float, text: str) -> None:
    amount = parse_amount(cell)
    assert amount is not None
    assert (amount.value, amount.unit, amount.text) == (value, "cfu", text)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("100 mg", "mg", 100.0),
        ("500mg", "mg", 500.0),
        ("5 billion AFU", "afu", 5e9),
        ("2 billion spores", "spores", 2e9),
        ("10 billion CFU (50 mg)", "cfu", 1e10),
        ("50 mg (10 billion)", "cfu", 1e10),
    ],
)
def test_units_other_than_cfu_are_recognised(text: str, unit: str, value: float) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.unit, amount.value) == (unit, value)
    assert (amount.cfu is None) == (unit != "cfu")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("10 billion CFU at time of manufacture", True),
        ("10 billion at manufacture", True),
        ("10 billion CFU at mfg", True),
        ("10 billion CFU through expiry", False),
    ],
)
def test_at_time_of_manufacture_is_flagged(text: str, flagged: bool) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.value == 1e10
    assert amount.at_manufacture is flagged


@pytest.mark.parametrize("cell", [None, "", "   ", "N/A", "n/a", "-", "unknown", math.nan])
def test_empty_and_not_stated(cell: object) -> None:
    assert parse_amount(cell) is None


@pytest.mark.parametrize(
    "cell", ["lots", "ten billion", "5%", "2024-01-05", "05/01/2024", 0, -5.0, math.inf, True]
)
def test_not_understood_comes_back_without_value(cell: object) -> None:
    amount = parse_amount(cell)
    assert amount is not None
    assert amount.value is None and amount.cfu is None


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        (dt.date(2024, 1, 5), "date"),
        (dt.datetime(2024, 1, 5, 10, 0), "date"),
        (dt.time(10, 0), "time"),
        ("2024-01-05", "date"),
        ("5%", "percentage"),
        (False, "TRUE/FALSE"),
        ("10 billion", None),
        (1e9, None),
    ],
)
def test_not_a_count_says_why(cell: object, reason: str | None) -> None:
    why = not_a_count(cell)
    assert (why is None) if reason is None else (why is not None and reason in why)


@given(st.text())
def test_never_raises_on_text(text: str) -> None:
    amount = parse_amount(text)
    assert amount is None or amount.value is None or amount.value > 0


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.dates(),
        st.datetimes(),
        st.times(),
        st.timedeltas(),
    )
)
def test_never_raises_on_cell_values(cell: object) -> None:
    parse_amount(cell)
    not_a_count(cell)


@given(st.floats(min_value=1e3, max_value=1e13))
def test_scientific_notation_round_trips(x: float) -> None:
    amount = parse_amount(f"{x:e}")
    assert amount is not None and amount.value == pytest.approx(x, rel=1e-6)


@given(st.integers(min_value=1, max_value=10**6))
def test_n_billion_integers(n: int) -> None:
    amount = parse_amount(f"{n} billion")
    assert amount is not None and amount.value == n * 1e9


@given(st.floats(min_value=0.01, max_value=10_000).map(lambda x: f"{x:.2f}"))
def test_n_billion_decimals(n: str) -> None:
    amount = parse_amount(f"{n} billion")
    assert amount is not None and amount.value == float(n) * 1e9


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("3 gazillion CFU", "gazillion"),  # no such scale
        ("10 bilion CFU", "bilion"),  # a misspelt one
        ("2 miljarðar", "miljarðar"),  # a language's word the table lacks
    ],
)
def test_a_small_number_before_an_unknown_word_is_not_read_as_a_tiny_count(
    text: str, word: str
) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.value is None
    reason = not_a_count(text)
    assert reason is not None and f"'{word}'" in reason


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("250 mg", 250.0),  # a unit, not a scale
        ("2 capsules", 2.0),  # what is counted: no scale was meant
        ("1 000 000 000 PMY", 1e9),  # big enough to need no scale, whatever the unit word
        ("2 milljarðar", 2e9),  # Icelandic, in the table
        ("5 mld JTK", 5e9),
    ],
)
def test_words_that_scale_nothing_or_big_numbers_still_read(text: str, value: float) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.value == value
