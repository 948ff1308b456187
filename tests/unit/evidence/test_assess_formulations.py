"""A formulation's trade name on a label: expanded to its strains, graded on its trials."""

from __future__ import annotations

from pathlib import Path

from refkit import base_tables, write_reference
from strainscore.reference import Reference, check_reference
from strainscore.workflows.check import check_text


def test_trade_name_alone_is_graded_on_the_formulation(small_ref: Reference) -> None:
    r = check_text("DuoMax™", reference=small_ref)
    strains = r.products[0].strains
    assert [s.resolution.strain_id for s in strains] == ["texemplaris-t2", "tsecundus-s9"]
    assert all(s.resolution.via == ("formulation",) for s in strains)
    assert all(s.resolution.label_text == "DuoMax™" for s in strains)
    assert "read as the formulation Duo Blend" in strains[0].resolution.notes[0]
    mood = {(e.outcome, e.basis): e for e in strains[0].evidence}[("mood", "formulation")]
    assert (mood.grade, mood.direction, mood.blend) == ("low", "supports", "Duo Blend")


def test_generic_words_after_the_name_are_ignored(small_ref: Reference) -> None:
    r = check_text("Duo Blend probiotic capsules", reference=small_ref)
    assert len(r.products[0].strains) == 2


def test_an_ambiguous_name_is_not_expanded_and_says_why(small_ref: Reference) -> None:
    r = check_text("Duo Classic", reference=small_ref)
    (only,) = r.products[0].strains
    assert only.resolution.match == "unknown" and only.evidence == ()
    assert any("sold as 2 different formulations" in n for n in only.resolution.notes)


def test_a_strain_name_is_never_taken_for_a_formulation(small_ref: Reference) -> None:
    r = check_text("Testibacillus exemplaris T2", reference=small_ref)
    (only,) = r.products[0].strains
    assert only.resolution.via != ("formulation",)


def test_formulation_rules(tmp_path: Path) -> None:
    tables = base_tables()
    tables["formulations.csv"][0]["strain_ids"] = "texemplaris-t2; nosuch-x1"
    tables["formulations.csv"][1]["strain_ids"] = "texemplaris-t1"
    problems = [str(p) for p in check_reference(write_reference(tmp_path / "r", tables))]
    assert "formulations.csv:2: strain_ids: unknown strain_id 'nosuch-x1'" in problems
    assert any(
        p.startswith("formulations.csv:3: strain_ids: a formulation has two") for p in problems
    )
