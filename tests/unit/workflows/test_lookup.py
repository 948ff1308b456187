"""The lookup workflow returns a typed record; its JSON keeps the contract's keys and order."""

from __future__ import annotations

import json

from strainscore.formats.lookup_format import render_json, render_text
from strainscore.workflows.lookup import LookupResult, StudyArm, lookup

TOP_KEYS = [
    "label_text", "match", "corrected", "via", "resolved", "designation_text", "amount_text",
    "suggestions", "notes", "studies", "evidence", "other_strain_studies", "search",
    "formulations", "reference",
]  # fmt: skip
STUDY_KEYS = [
    "study_id", "short", "year", "title", "design", "population", "age_group", "n", "doi",
    "pmid", "arm", "blend", "with_strains", "mechanistic", "findings",
]  # fmt: skip


def test_a_strain_lookup_is_a_record_of_its_study_arms() -> None:
    result = lookup("L. rhamnosus HN001")
    assert isinstance(result, LookupResult)
    assert result.resolution.strain_id == "lrhamnosus-hn001"
    (arm,) = [st for st in result.studies if st.study_id == "slykerman2017"]
    assert isinstance(arm, StudyArm)
    assert {f.outcome for f in arm.findings} >= {"depression", "anxiety"}
    assert result.search is not None and result.search.searches >= 1
    assert any(e.outcome == "depression" and e.grade for e in result.evidence)


def test_the_json_keeps_the_keys_in_contract_order() -> None:
    data = json.loads(render_json(lookup("L. rhamnosus HN001")))
    assert list(data) == TOP_KEYS
    assert list(data["studies"][0]) == STUDY_KEYS
    assert list(data["search"]) == ["last_searched", "searches", "status"]
    assert list(data["studies"][0]["findings"][0]) == [
        "outcome", "label", "effect", "instrument", "note",
    ]  # fmt: skip


def test_a_species_only_lookup_has_no_studies_and_says_why() -> None:
    result = lookup("Bifidobacterium bifidum")
    assert result.resolution.match == "species"
    assert result.studies == () and result.evidence == () and result.search is None
    assert result.other_strain_studies > 0
    assert (
        f"{result.other_strain_studies} studies exist for other strains of this species; "
        "they do not transfer" in render_text(result)
    )
