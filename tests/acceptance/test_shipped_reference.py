"""Grade, direction and basis of strain x outcome cases from the shipped reference.

Each expectation was worked out by hand from the rows in reference/ and docs/grading.md; a change
here means the data or the method changed, and the reviewer should see why in `reference diff`.
"""

from __future__ import annotations

import pytest

from strainscore.workflows.check import check_text

CASES = [
    # label text, outcome, basis, grade, direction
    # Reference 0.2 added the null HN001 trials (slykerman2018, alkassaa2024): the benefit in
    # pregnancy (slykerman2017) now stands against them.
    ("Lacticaseibacillus rhamnosus HN001", "depression", "strain", "moderate", "conflicting"),
    ("Lacticaseibacillus rhamnosus HN001", "anxiety", "strain", "high", "no-effect"),
    ("Lacticaseibacillus rhamnosus HN001", "stress", "strain", "high", "no-effect"),
    ("Lacticaseibacillus rhamnosus JB-1", "stress", "strain", "low", "no-effect"),
    ("Lacticaseibacillus rhamnosus JB-1", "anxiety", "mechanistic", None, None),
    ("Lactiplantibacillus plantarum DR7", "stress", "strain", "low", "supports"),
    ("Lactiplantibacillus plantarum P8", "cortisol", "strain", "low", "no-effect"),
    ("Lactobacillus gasseri CP2305", "sleep", "strain", "moderate", "supports"),
    # indrio2014 (colic prevention in newborns) lifts imprecision.
    ("Limosilactobacillus reuteri DSM 17938", "infant-colic", "strain", "high", "supports"),
    (
        "Lacticaseibacillus rhamnosus GG",
        "antibiotic-associated-diarrhoea",
        "strain",
        "high",
        "supports",  # armuzzi2001a and armuzzi2001b added two benefits to the record
    ),
    ("Bifidobacterium longum 1714", "stress", "strain", "very-low", "conflicting"),
    ("Bifidobacterium longum 1714", "anxiety", "strain", "very-low", "supports"),
    ("Bifidobacterium longum NCC3001", "depression", "strain", "low", "supports"),
    ("Bifidobacterium longum NCC3001", "anxiety", "mechanistic", None, None),
    (
        "Bifidobacterium animalis subsp. lactis BB-12",
        "abdominal-pain",
        "strain",
        "moderate",
        "no-effect",
    ),
    (
        "Saccharomyces cerevisiae var. boulardii CNCM I-745",
        "antibiotic-associated-diarrhoea",
        "strain",
        "very-low",
        "supports",
    ),
    (
        "Lactobacillus helveticus R0052, Bifidobacterium longum R0175",
        "anxiety",
        "formulation",
        "moderate",
        "no-effect",
    ),
    ("Lactobacillus helveticus R0052", "anxiety", "component", None, None),
    ("Bifidobacterium bifidum", "mood", "species", None, None),
]


@pytest.mark.parametrize(("text", "outcome", "basis", "grade", "direction"), CASES)
def test_shipped_case(
    text: str, outcome: str, basis: str, grade: str | None, direction: str | None
) -> None:
    strain = check_text(text).products[0].strains[0]
    found = {(e.outcome, e.basis): e for e in strain.evidence}
    assert (outcome, basis) in found, sorted(found)
    e = found[(outcome, basis)]
    assert (e.grade, e.direction) == (grade, direction), e.reasons


def test_species_line_is_never_upgraded() -> None:
    strain = check_text("Lactobacillus rhamnosus").products[0].strains[0]
    assert strain.resolution.match == "species"
    assert strain.resolution.strain_id is None
    assert all(e.grade is None for e in strain.evidence)
