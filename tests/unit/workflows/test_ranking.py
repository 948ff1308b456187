"""Ranking products for one outcome by the verdict ladder: direction first, then certainty;
graded bases only."""

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


def test_ranked_by_direction_then_certainty_ties_share_a_rank(report: Report) -> None:
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
    assert lines[0] == (
        "Products with strain-level evidence for Anxiety (anxiety): 3 of 5 "
        "(ordered by what was found, then by certainty)"
    )
    assert lines[1].split()[:4] == ["#", "product", "verdict", "certainty"]
    assert lines[2].split()[:5] == ["1", "Three", "likely", "helps", "moderate"]
    assert "1 trial, 500 adults" in lines[2]
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


# Direction and certainty disagree: a supporting body of very low certainty, a conflicting one
# of moderate certainty and a null one of high certainty. The ladder puts what was found first.
DISAGREE = """product,strain
Null but sure,Testibacillus secundus S9
Conflicting,Testibacillus exemplaris T1
Helps but unsure,Testibacillus exemplaris T3
Both,"Testibacillus exemplaris T1, Testibacillus exemplaris T3"
"""


@pytest.fixture
def disagree(tmp_path: Path) -> Report:
    t = base_tables()
    arm = {"arm": "A", "blend_name": "", "daily_dose_cfu": ""}
    found = {"arm": "A", "outcome": "anxiety", "instrument": "", "note": ""}
    # T3: one small open-label trial that found a benefit: starts low, single, imprecise.
    t["studies.csv"].append(study("small2025", design="open-label", n="30"))
    t["interventions.csv"].append({**arm, "study_id": "small2025", "strain_id": "texemplaris-t3"})
    t["findings.csv"].append({**found, "study_id": "small2025", "effect": "benefit"})
    # S9 alone: two large null RCTs: high certainty, no effect.
    for sid in ("null2024", "null2025"):
        t["studies.csv"].append(study(sid, n="500"))
        t["interventions.csv"].append({**arm, "study_id": sid, "strain_id": "tsecundus-s9"})
        t["findings.csv"].append({**found, "study_id": sid, "effect": "no-effect"})
    labels = tmp_path / "disagree.csv"
    labels.write_text(DISAGREE, encoding="utf-8")
    return check_label(labels, reference=load_reference(write_reference(tmp_path / "r2", t)))


def test_direction_outranks_certainty_in_the_outcome_ranking(disagree: Report) -> None:
    got = [(r.rank, r.product, r.verdict, r.grade) for r in rank_products(disagree, "anxiety")]
    assert got == [
        (1, "Helps but unsure", "may help", "very-low"),
        (1, "Both", "may help", "very-low"),
        (3, "Conflicting", "unclear: studies disagree", "moderate"),
        (4, "Null but sure", "probably no effect", "high"),
    ]


def test_direction_outranks_certainty_in_best_evidence_and_the_top_of_a_product(
    disagree: Report,
) -> None:
    both = next(p for p in disagree.products if p.product == "Both")
    anxiety = next(o for o in both.outcomes if o.outcome == "anxiety")
    assert (anxiety.verdict, anxiety.strains) == ("may help", ("Testibacillus exemplaris T3",))
    # The top of the product is its best verdict, not its highest certainty.
    assert both.outcomes[0].verdict == "may help"
    t1 = both.strains[0]
    assert [e.verdict for e in t1.evidence][:2] == ["may help", "unclear: studies disagree"]


def test_direction_outranks_certainty_in_the_batch_index(disagree: Report) -> None:
    from strainscore.formats._studies import sources_for
    from strainscore.formats._view import index_order, product_views

    views = product_views(disagree, sources_for(disagree))
    order = [v.product.product for v in index_order(views, "evidence")]
    # T1 also holds "may help" (low) for mood, so "Conflicting" is above "Helps but unsure"
    # (very low); "Null but sure" has the highest certainty of all and comes last.
    assert order == ["Both", "Conflicting", "Helps but unsure", "Null but sure"]
