"""The claim vocabulary (reference/claim_phrases.csv): phrases real bottles use, outcome groups,
the main label languages; kept as data, read through the reference."""

from __future__ import annotations

import pytest

from strainscore.evidence import claim_outcomes
from strainscore.reference import load_reference
from strainscore.reference.model import Reference
from strainscore.workflows.check import check_text

MOOD = {"depression", "anxiety", "stress", "mood"}
DIGESTIVE = {"ibs-symptoms", "abdominal-pain", "bloating", "bowel-habit", "constipation"}
IMMUNE = {"respiratory-infections", "immune-response"}


@pytest.fixture(scope="module")
def shipped() -> Reference:
    return load_reference()


@pytest.mark.parametrize(
    ("claim", "group"),
    [
        ("Supports mood", MOOD),
        ("Supports digestive health", DIGESTIVE),
        ("digestive balance", DIGESTIVE),
        ("immune support", IMMUNE),
        ("Unterstützt die Verdauung", DIGESTIVE),
        ("Santé digestive", DIGESTIVE),
        ("Contribue aux défenses naturelles", IMMUNE),
        ("Sostiene le difese immunitarie", IMMUNE),
        ("Para el estado de ánimo", MOOD),
        ("Goed voor de stemming", MOOD),
    ],
)
def test_group_phrases_name_every_outcome_of_their_group(
    shipped: Reference, claim: str, group: set[str]
) -> None:
    assert group <= set(claim_outcomes(claim, shipped))


def test_occasional_abdominal_discomfort_is_abdominal_pain(shipped: Reference) -> None:
    assert "abdominal-pain" in claim_outcomes("relief of occasional abdominal discomfort", shipped)


def test_the_groups_are_data_in_the_reference(shipped: Reference) -> None:
    groups: dict[str, set[str]] = {}
    for p in shipped.claim_phrases:
        if p.group:
            groups.setdefault(p.group, set()).update(p.outcomes)
    assert groups == {"mood": MOOD, "digestive": DIGESTIVE, "immune": IMMUNE}
    assert {p.language for p in shipped.claim_phrases} == {"en", "de", "fr", "es", "it", "nl"}


def test_supports_mood_on_hn001_is_judged_not_left_without_evidence(shipped: Reference) -> None:
    r = check_text("Lactobacillus rhamnosus HN001", reference=shipped, claims="Supports mood")
    claim = r.products[0].claims[0]
    assert set(claim.outcomes) >= MOOD
    assert claim.status != "no-evidence" and claim.supported_by
    assert {o for _, o, _, _ in claim.supported_by} >= {"depression", "anxiety", "stress"}
