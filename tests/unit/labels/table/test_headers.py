"""Header matching: every synonym, in any case and spacing, names one field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strainscore.labels.table.headers import (
    FIELDS,
    SYNONYMS,
    header_field,
    header_key,
    match_header,
)

ALL = [(syn, field) for field, syns in SYNONYMS.items() for syn in syns]


def test_no_synonym_names_two_fields() -> None:
    keys = [syn for syn, _ in ALL]
    assert len(keys) == len(set(keys))
    assert set(SYNONYMS) == set(FIELDS)
    assert all(header_key(syn) == syn for syn in keys)  # stored as keys


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Strain name", "strain"),
        ("Organism", "strain"),
        ("Probiotic", "strain"),
        ("Probiotic strain(s)", "strain"),
        ("Stämme", "strain"),
        ("CFU per capsule", "cfu_per_serving"),
        ("CFU/serving", "cfu_per_serving"),
        ("Servings/day", "servings_per_day"),
        ("Capsules per day", "servings_per_day"),
        ("PRODUCT NAME", "product"),
        ("Ｐｒｏｄｕｃｔ", "product"),  # full-width letters
        (" brand_name ", "brand"),
        ("Health claims", "claims"),
        ("Notes", None),
        ("", None),
    ],
)
def test_common_headers(header: str, field: str | None) -> None:
    assert match_header(header) == field


@pytest.mark.parametrize(
    ("header", "scale"),
    [("CFU (billions)", 1e9), ("Billion CFU per serving", 1e9), ("CFU in millions", 1e6)],
)
def test_headers_that_give_a_unit(header: str, scale: float) -> None:
    assert header_field(header) == ("cfu_per_serving", scale)


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.binary()))
def test_never_raises(value: object) -> None:
    field = match_header(value)
    assert field is None or field in FIELDS


@st.composite
def variants(draw: st.DrawFn) -> tuple[str, str]:
    """A synonym written with random case and random spaces, dashes, underscores or slashes."""
    syn, field = draw(st.sampled_from(ALL))
    out = draw(st.sampled_from(["", " ", "  "]))
    for ch in syn:
        out += ch.upper() if draw(st.booleans()) else ch
        out += draw(st.sampled_from(["", "", " ", "_", "-", "/", ". "]))
    return out, field


@given(variants())
def test_case_and_space_variants_map_to_the_same_field(pair: tuple[str, str]) -> None:
    text, field = pair
    assert match_header(text) == field
