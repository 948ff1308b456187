"""Properties that hold for every input, checked with hypothesis."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strainscore.names import split_strains
from strainscore.names.normalise import key
from strainscore.names.resolver import Resolver
from strainscore.reference import load_reference

REF = load_reference()
RESOLVER = Resolver(REF)
SPECIES = sorted(REF.species)
DESIGNATIONS = sorted({s.designation for s in REF.strains.values()})
LABELISH = st.text(
    alphabet=st.sampled_from(
        [*"LBSactobilusrhmnoGN0123456789 .,;()-+&®™/\n", "\u0430", "\u039f", "x", "^"]
    ),
    max_size=60,
)


# No deadline: the first call builds the resolver index, and a loaded machine can take longer
# than hypothesis's 200 ms; what this test checks is that no input raises, not speed.
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), LABELISH))
def test_no_input_raises(text: str) -> None:
    res = RESOLVER.resolve_strict(text)
    assert res.label_text == text
    assert res.match in ("strain", "species", "genus", "unknown")
    if res.match == "strain":
        assert res.strain_id in REF.strains
    split_strains(text)


@pytest.mark.parametrize("name", SPECIES)
def test_current_species_names_resolve_to_themselves(name: str) -> None:
    res = RESOLVER.resolve_strict(name)
    assert (res.match, res.name) == ("species", name)
    assert not res.corrected


@settings(max_examples=200, deadline=None)  # what is checked is the answer, not speed
@given(st.sampled_from(SPECIES), st.sampled_from(DESIGNATIONS), st.integers(0, 2))
def test_designations_never_fuzzy(name: str, designation: str, position: int) -> None:
    """Change one character of a held designation: it must not resolve to that strain."""
    k = key(designation)
    digits = [i for i, c in enumerate(designation) if c.isdigit()]
    if not digits:
        return
    i = digits[position % len(digits)]
    new_digit = "2" if designation[i] not in "2" else "3"
    mutated = designation[:i] + new_digit + designation[i + 1 :]
    if key(mutated) == k:
        return
    res = RESOLVER.resolve_strict(f"{name} {mutated}")
    holders = {s.strain_id for s in REF.strains.values() if s.designation == designation}
    if any(key(s.designation) == key(mutated) for s in REF.strains.values()):
        return  # the mutation spelt another held designation
    assert res.strain_id not in holders


@settings(max_examples=200, deadline=None)  # what is checked is the answer, not speed
@given(st.sampled_from(SPECIES))
def test_species_alone_never_becomes_a_strain(name: str) -> None:
    for text in (name, name.upper(), f"{name} strain", f"{name} (probiotic)"):
        res = RESOLVER.resolve_strict(text)
        assert res.strain_id is None


def test_corpus_file_is_utf8_csv() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "label_strings.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header[:5] == ["text", "match", "name", "strain", "case"]
