"""reference stats on the fixture: every count can be checked by hand against refkit."""

from __future__ import annotations

import json

from refkit import base_tables, write_reference
from strainscore.formats.reference_format import stats_text
from strainscore.reference import Reference, load_reference
from strainscore.workflows.reference_stats import reference_stats


def test_counts_by_design_outcome_strain_and_year(small_ref: Reference) -> None:
    st = reference_stats(small_ref)
    assert dict(st.totals)["studies"] == 5 and dict(st.totals)["strains_with_studies"] == 3
    assert dict(st.by_design) == {"meta-analysis": 1, "rct": 3, "animal": 1}
    anxiety = next(o for o in st.by_outcome if o.outcome == "anxiety")
    assert anxiety.studies == 4 and dict(anxiety.effects) == {"benefit": 3, "no-effect": 1}
    strains = {s.strain_id: (s.studies, s.alone) for s in st.by_strain}
    assert strains == {
        "texemplaris-t1": (2, 2),
        "texemplaris-t2": (2, 1),
        "tsecundus-s9": (1, 0),
        "texemplaris-t3": (0, 0),
    }
    assert st.by_strain[-1].strain_id == "texemplaris-t3"  # most studied first
    assert st.by_year == ((2020, 5),)
    searched = {s.strain_id: (s.last_searched, s.searches, s.human) for s in st.by_strain}
    assert searched["texemplaris-t1"] == ("2026-11-30", 1, 2)
    assert searched["texemplaris-t3"] == ("2026-11-30", 1, 0)
    assert searched["texemplaris-t2"] == ("", 0, 1)  # gamma2022 is animal work
    totals = dict(st.totals)
    assert totals["human_studies"] == 4 and totals["strains_searched"] == 2
    assert st.primary_sources == (0, 5)  # the fixture's pages are on example.org


def test_text_names_unsearched_strains_and_source_share(small_ref: Reference) -> None:
    text = stats_text(reference_stats(small_ref))
    line = next(ln for ln in text.splitlines() if "Testibacillus exemplaris T2" in ln)
    assert line.rstrip().endswith("not yet reviewed")
    assert "Source pages: 0 of 5 studies cite a primary page" in text


def test_oldest_checked_first_and_limited(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tables = base_tables()
    tables["studies.csv"][3]["checked_on"] = "2024-01-02"
    tables["studies.csv"][1]["checked_on"] = "2025-06-30"
    st = reference_stats(load_reference(write_reference(tmp_path / "r", tables)), oldest=2)
    assert [(c.study_id, c.checked_on) for c in st.oldest_checked] == [
        ("delta2023", "2024-01-02"),
        ("beta2021", "2025-06-30"),
    ]


def test_text_and_json_forms(small_ref: Reference) -> None:
    st = reference_stats(small_ref)
    text = stats_text(st)
    for heading in ("Studies by design", "by outcome", "by strain", "by year", "longest ago"):
        assert heading in text
    assert "Testibacillus exemplaris T1" in text
    data = json.loads(json.dumps(st.to_dict()))
    assert data["by_design"]["rct"] == 3 and data["reference"]["version"] == "9.9.9"
    assert data["by_year"] == {"2020": 5}
