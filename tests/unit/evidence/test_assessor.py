"""The Assessor owns the grading caches: keyed by exactly what each question is given, made from
one frozen Reference, so a cached answer is always the answer worked out afresh."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.evidence import assess
from strainscore.evidence.assessor import KEEP, Assessor, assessor_for
from strainscore.evidence.claim_words import outcomes_named, phrase_table
from strainscore.evidence.dose import ProductDose
from strainscore.models import OutcomeEvidence, Resolution
from strainscore.reference import load_reference
from strainscore.reference.model import Reference

SHIPPED = load_reference()
# One Assessor for every example below, so answers cached for one question meet the next ones.
SHARED = Assessor(SHIPPED)
STRAINS = sorted(SHIPPED.arms_by_strain)  # strains with studies
BLENDED = sorted({s for a in SHIPPED.interventions.values() if a.is_blend for s in a.strain_ids})
DOSES = st.sampled_from([None, 1e8, 1e9, 5e9, 2e10])


def strain(sid: str, ref: Reference = SHIPPED) -> Resolution:
    s = ref.strains[sid]
    return Resolution(sid, "strain", name=s.species_name, strain_id=sid, strain=s.designation)


def afresh(
    sid: str, held: frozenset[str], population: str | None, dose: ProductDose | None, i: int
) -> tuple[OutcomeEvidence, ...]:
    """What the uncached functions work out for the same line."""
    partners = assess.blend_partners(sid, SHIPPED) & held
    figures = assess.dose_figures(dose, i)
    return tuple(
        assess.with_dose(b, figures)
        for b in assess.bodies(sid, SHIPPED, frozenset(partners) | {sid}, population)
    )


@settings(max_examples=150, deadline=None)
@given(
    sid=st.sampled_from(STRAINS),
    others=st.frozensets(st.sampled_from(BLENDED), max_size=4),
    population=st.sampled_from([None, "adult", "older-adult", "pregnant", "child", "infant"]),
    own=DOSES,
    total=DOSES,
    listed=st.integers(1, 3),
)
def test_a_cached_line_is_the_line_worked_out_afresh(
    sid: str,
    others: frozenset[str],
    population: str | None,
    own: float | None,
    total: float | None,
    listed: int,
) -> None:
    # If a key left out an input (the population, the blend partners held, a dose figure), an
    # answer cached for an earlier example would come back here and differ.
    dose = ProductDose(
        total_daily=total, per_line_daily={0: own} if own else {}, strains_listed=listed
    )
    for d in (dose, None):
        got = SHARED.line(
            strain(sid), product_strain_ids=others | {sid}, dose=d, population=population
        )
        assert got == afresh(sid, others | {sid}, population, d, 0)


@settings(max_examples=60, deadline=None)
@given(claim=st.text(max_size=40) | st.sampled_from(["supports mood", "Santé digestive"]))
def test_claim_outcomes_cached_are_the_outcomes_matched_afresh(claim: str) -> None:
    assert SHARED.claim_outcomes(claim) == outcomes_named(claim, phrase_table(SHIPPED))


def test_the_same_question_gets_the_same_object_and_the_caches_stay_bounded() -> None:
    small = Assessor(SHIPPED, limit=3)
    first = small.line(strain(STRAINS[0]), product_strain_ids=(STRAINS[0],))
    assert small.line(strain(STRAINS[0]), product_strain_ids=(STRAINS[0],)) is first
    for sid in STRAINS[:20]:
        small.line(strain(sid), product_strain_ids=(sid,))
    assert small._dosed.cache_info().currsize <= 3
    assert small.line(strain(STRAINS[0]), product_strain_ids=(STRAINS[0],)) == first


def test_reference_is_frozen_and_carries_no_memo() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SHIPPED.studies = {}  # type: ignore[misc]
    assert not hasattr(SHIPPED, "memo") and not hasattr(SHIPPED, "remember")


def test_each_reference_object_has_its_own_assessor() -> None:
    assert assessor_for(SHIPPED) is assessor_for(SHIPPED)
    sid = next(s for s in STRAINS if any(f for k in SHIPPED.arms_by_strain[s]
                                         for f in SHIPPED.findings_by_arm.get(k, ())))  # fmt: skip
    before = assessor_for(SHIPPED).line(strain(sid), product_strain_ids=(sid,))
    assert before
    # A reference without that strain's findings: an equal-looking question, another answer.
    keep = tuple(f for f in SHIPPED.findings if (f.study_id, f.arm) not in
                 SHIPPED.arms_by_strain[sid])  # fmt: skip
    changed = dataclasses.replace(SHIPPED, findings=keep)
    assert assessor_for(changed) is not assessor_for(SHIPPED)
    assert assessor_for(changed).line(strain(sid), product_strain_ids=(sid,)) == ()
    assert assessor_for(SHIPPED).line(strain(sid), product_strain_ids=(sid,)) == before


def test_only_the_last_references_keep_their_assessor() -> None:
    copies = [dataclasses.replace(SHIPPED) for _ in range(KEEP + 2)]
    made = [assessor_for(c) for c in copies]
    assert assessor_for(copies[-1]) is made[-1]  # recent: kept
    assert assessor_for(copies[0]) is not made[0]  # pushed out: made again, equal answers
    sid = STRAINS[0]
    assert assessor_for(copies[0]).line(strain(sid)) == made[0].line(strain(sid))
