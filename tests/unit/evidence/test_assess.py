"""Bases (strain, formulation, component, species, mechanistic), dose and claims on the fixture."""

from __future__ import annotations

from strainscore.reference import Reference
from strainscore.workflows.check import check_text


def _evidence(report, i=0):  # type: ignore[no-untyped-def]
    return {(e.outcome, e.basis): e for e in report.products[0].strains[i].evidence}


def test_strain_basis_graded_with_reasons(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris T1", reference=small_ref)
    ev = _evidence(r)
    anxiety = ev[("anxiety", "strain")]
    assert (anxiety.grade, anxiety.direction) == ("moderate", "conflicting")
    assert anxiety.study_ids == ("alpha2020", "beta2021")
    mood = ev[("mood", "strain")]
    assert (mood.grade, mood.direction) == ("low", "supports")


def test_animal_work_is_mechanistic_never_graded(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris T2", reference=small_ref)
    e = _evidence(r)[("anxiety", "mechanistic")]
    assert e.grade is None and e.direction is None
    assert "not evidence of an effect in people" in e.reasons[0]


def test_blend_counts_only_when_held_whole(small_ref: Reference) -> None:
    part = check_text("Testibacillus exemplaris T2", reference=small_ref)
    comp = _evidence(part)[("mood", "component")]
    assert comp.grade is None and comp.blend == "Duo Blend"
    assert "does not list Testibacillus secundus S9" in comp.reasons[0]
    whole = check_text(
        "Testibacillus exemplaris T2, Testibacillus secundus S9", reference=small_ref
    )
    for i in (0, 1):
        f = _evidence(whole, i)[("mood", "formulation")]
        assert (f.grade, f.direction, f.blend) == ("low", "supports", "Duo Blend")
    assert whole.products[0].strains_with_evidence == 2
    assert part.products[0].strains_with_evidence == 0


def test_species_line_never_graded(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris", reference=small_ref)
    s = r.products[0].strains[0]
    assert s.resolution.match == "species"
    assert {e.basis for e in s.evidence} == {"species"}
    assert all(e.grade is None for e in s.evidence)
    anxiety = next(e for e in s.evidence if e.outcome == "anxiety")
    assert anxiety.study_ids == ("alpha2020", "beta2021", "gamma2022")
    assert "do not transfer" in anxiety.reasons[0]


def test_unstudied_strain_says_others_do_not_transfer(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris T3", reference=small_ref)
    s = r.products[0].strains[0]
    assert s.evidence == ()
    assert "other strains of Testibacillus exemplaris, and they do not transfer" in s.notes[0]


def test_pooled_review_is_context_not_strain_evidence(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris T1", reference=small_ref)
    assert ("anxiety", ("pooled2024",)) in r.context
    assert all("pooled2024" not in e.study_ids for e in r.products[0].strains[0].evidence)


def test_claims_map_through_phrases(small_ref: Reference) -> None:
    r = check_text(
        "Testibacillus exemplaris T1", reference=small_ref, claims="Mood support, calm, colic, x"
    )
    claims = {c.claim: c for c in r.products[0].claims}
    assert claims["Mood support"].outcomes == ("mood",)
    assert claims["Mood support"].supported_by[0][2:] == ("low", "supports")
    assert claims["calm"].outcomes == ("anxiety",)
    assert claims["colic"].supported_by == ()
    assert "no evidence recorded" in claims["colic"].note
    assert claims["x"].outcomes == ()


def test_arms_of_one_trial_count_as_one_study(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from refkit import base_tables, write_reference
    from strainscore.reference import load_reference

    t = base_tables()
    t["interventions.csv"].append(
        {
            "study_id": "alpha2020",
            "arm": "B",
            "strain_id": "texemplaris-t1",
            "blend_name": "",
            "daily_dose_cfu": "",
        }
    )
    t["findings.csv"].append(
        {
            "study_id": "alpha2020",
            "arm": "B",
            "outcome": "mood",
            "effect": "no-effect",
            "instrument": "",
            "note": "higher dose arm",
        }
    )
    ref = load_reference(write_reference(tmp_path / "ref", t))
    e = _evidence(check_text("Testibacillus exemplaris T1", reference=ref))[("mood", "strain")]
    assert e.study_ids == ("alpha2020",)
    assert (e.grade, e.direction) == ("low", "conflicting")  # one study, arms disagree: mixed
    assert any("single study" in r for r in e.reasons)


def test_shared_answers_still_follow_each_lines_dose(small_ref: Reference) -> None:
    """The Assessor reuses its answer per (strain, held blend strains, dose figures): the same
    strain at different counts, in one run, must still get its own dose comparison."""
    from strainscore.labels import parse_amount
    from strainscore.models import LabelLine, LabelSheet
    from strainscore.workflows.check import check_sheet

    def line(row: int, product: str, cfu: str | None) -> LabelLine:
        amount = parse_amount(cfu) if cfu else None
        return LabelLine(row, product, "Testibacillus exemplaris T1", cfu_per_serving=amount)

    sheet = LabelSheet(
        "x.csv",
        (line(2, "low", "100 million"), line(3, "high", "5 billion"), line(4, "none", None),
         line(5, "low again", "100 million")),
    )  # fmt: skip
    report = check_sheet(sheet, reference=small_ref)
    status = {
        p.product: {e.dose.status for e in p.strains[0].evidence if e.dose} for p in report.products
    }
    assert status == {"low": {"below"}, "high": {"meets"}, "none": {"unknown"},
                      "low again": {"below"}}  # fmt: skip
    # the same question asked again gets the very same answer object (the memo works) ...
    low, again = report.products[0].strains[0], report.products[3].strains[0]
    assert low.evidence is again.evidence
    # ... and equal to what a fresh reference, with nothing cached, works out
    fresh = check_sheet(sheet, reference=load_reference_again(small_ref))
    assert [s.evidence for p in fresh.products for s in p.strains] == [
        s.evidence for p in report.products for s in p.strains
    ]


def load_reference_again(ref: Reference) -> Reference:
    from strainscore.reference.loader import _load_cached, load_reference

    _load_cached.cache_clear()
    from strainscore.evidence import assessor_for

    fresh = load_reference(ref.info.path)
    assert fresh is not ref and assessor_for(fresh) is not assessor_for(ref)
    return fresh
