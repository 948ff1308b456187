"""Ranking products for one outcome: grade first, then direction, graded bases only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refkit import base_tables, study, write_reference
from strainscore.formats.ranking_format import add_ranking, batch_summary, ranking_text
from strainscore.models import Report
from strainscore.reference import Reference, load_reference
from strainscore.workflows.check import check_label
from strainscore.workflows.ranking import lacks_evidence, rank_products, ranking_dict

LABELS = """product,strain
Solo,Testibacillus exemplaris T1
Three,Testibacillus exemplaris T3
Duo,"Testibacillus exemplaris T2, Testibacillus secundus S9"
Plain,Testibacillus exemplaris
Solo again,Testibacillus exemplaris T1
"""


@pytest.fixture
def ref(tmp_path: Path) -> Reference:
    # T3 gets one large positive RCT for anxiety: moderate (supports), beside T1's
    # moderate (conflicting), so the direction breaks the tie.
    t = base_tables()
    t["studies.csv"].append(study("omega2025", n="500"))
    arm = {"study_id": "omega2025", "arm": "A", "blend_name": "", "daily_dose_cfu": ""}
    t["interventions.csv"].append({**arm, "strain_id": "texemplaris-t3"})
    t["findings.csv"].append(
        {"study_id": "omega2025", "arm": "A", "outcome": "anxiety", "effect": "benefit"}
        | {"instrument": "", "note": ""}
    )
    return load_reference(write_reference(tmp_path / "ref", t))


@pytest.fixture
def report(tmp_path: Path, ref: Reference) -> Report:
    labels = tmp_path / "labels.csv"
    labels.write_text(LABELS, encoding="utf-8")
    return check_label(labels, reference=ref)


def test_ranked_by_grade_then_direction_ties_share_a_rank(report: Report) -> None:
    ranked = rank_products(report, "anxiety")
    got = [(r.rank, r.product, r.grade, r.direction) for r in ranked]
    assert got == [
        (1, "Three", "moderate", "supports"),
        (2, "Solo", "moderate", "conflicting"),
        (2, "Solo again", "moderate", "conflicting"),
        (None, "Duo", None, None),  # T2's anxiety work is animal only: not strain-level
        (None, "Plain", None, None),  # a species line is never graded
    ]
    assert ranked[1].carriers == ("Testibacillus exemplaris T1",)
    assert ranked[1].study_ids == ("alpha2020", "beta2021")


def test_a_studied_blend_held_whole_counts(report: Report) -> None:
    duo = next(r for r in rank_products(report, "mood") if r.product == "Duo")
    assert (duo.basis, duo.carriers, duo.grade) == ("formulation", ("Duo Blend",), "low")


def test_no_evidence_for_one_outcome_only(report: Report) -> None:
    assert lacks_evidence(report, None) == ["Plain"]
    assert lacks_evidence(report, "anxiety") == ["Duo", "Plain"]
    assert lacks_evidence(report, "colic") == [p.product for p in report.products]


def test_text_table_and_json_key(report: Report) -> None:
    ranking = ranking_dict(rank_products(report, "anxiety"), "anxiety", "Anxiety")
    text = ranking_text(ranking)
    lines = text.splitlines()
    assert lines[0] == "Products with strain-level evidence for Anxiety (anxiety): 3 of 5"
    assert lines[1].split() == [
        "#",
        "product",
        "grade",
        "direction",
        "basis",
        "strain",
        "or",
        "blend",
    ]
    assert lines[2].split()[:3] == ["1", "Three", "moderate"]
    assert lines[-1] == "No strain-level evidence for anxiety: Duo; Plain"
    before = json.loads(b'{"a": 1, "products": []}')
    after = json.loads(add_ranking(b'{"a": 1, "products": []}', ranking))
    assert {k: after[k] for k in before} == before
    assert after["ranking"]["products"][0]["product"] == "Three"


def test_batch_summary_line(report: Report) -> None:
    assert batch_summary(report) == (
        "checked 5 products: 4 with strain-level evidence; without: Plain"
    )
    assert batch_summary(report, "anxiety").startswith(
        "checked 5 products: 3 with strain-level evidence for anxiety; without: Duo, Plain"
    )
