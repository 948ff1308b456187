"""The search log, secondary reports and review links: their rules and what reports say."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from refkit import base_tables, study, write_reference
from strainscore.reference import check_reference, check_warnings, load_reference
from strainscore.workflows.check import check_text
from strainscore.workflows.reference_stats import reference_stats

Tables = dict[str, list[dict[str, str]]]


def _problems(tmp_path: Path, change: Callable[[Tables], None]) -> list[str]:
    tables = base_tables()
    change(tables)
    return [str(p) for p in check_reference(write_reference(tmp_path / "ref", tables))]


def _notes(report) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return report.products[0].strains[0].notes


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda t: t["searches.csv"][0].update(strain_id="texemplaris-t9"),
            "searches.csv:2: strain_id: unknown strain 'texemplaris-t9'",
        ),
        (
            lambda t: t["searches.csv"][0].update(blend_name="Example Blend"),
            "searches.csv:2: strain_id: give the strain searched for (strain_id), the blend",
        ),
        (
            lambda t: t["searches.csv"][0].update(strain_id=""),
            "searches.csv:2: strain_id: give the strain searched for (strain_id), the blend",
        ),
        (
            lambda t: t["searches.csv"][0].update(topic="review: Example 2024, table 1"),
            "searches.csv:2: strain_id: give the strain searched for (strain_id), the blend",
        ),
        (
            lambda t: t["searches.csv"][0].update(included="alpha2020; nosuch2020"),
            "searches.csv:2: included: unknown study 'nosuch2020'",
        ),
        (
            lambda t: t["searches.csv"][0].update(included="alpha2020, beta2021"),
            "searches.csv:2: included: must be empty or match",
        ),
        (
            lambda t: t["searches.csv"][0].update(searched_on="01/12/2026"),
            "searches.csv:2: searched_on: must be a date",
        ),
        (
            lambda t: t["searches.csv"][1].update(query=""),
            "searches.csv:3: query: must not be empty",
        ),
        (
            lambda t: t["review_trials.csv"].append(
                {"review_id": "alpha2020", "study_id": "beta2021"}
            ),
            "review_trials.csv:3: review_id: 'alpha2020' is not a review",
        ),
        (
            lambda t: t["review_trials.csv"].append(
                {"review_id": "pooled2024", "study_id": "x2020"}
            ),
            "review_trials.csv:3: study_id: unknown study 'x2020'",
        ),
        (
            lambda t: t["studies.csv"][1].update(parent_study="beta2021"),
            "studies.csv:3: parent_study: names the study itself",
        ),
        (
            lambda t: t["studies.csv"][1].update(parent_study="zeta2020"),
            "studies.csv:3: parent_study: unknown study 'zeta2020'",
        ),
        (
            lambda t: t["studies.csv"][1].update(parent_study="pooled2024"),
            "studies.csv:3: parent_study: links a trial's reports",
        ),
    ],
)
def test_each_rule_is_reported_with_its_place(
    tmp_path: Path, change: Callable[[Tables], None], expected: str
) -> None:
    problems = _problems(tmp_path, change)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_review_table_read_is_logged_as_a_topic(tmp_path: Path) -> None:
    """A review's included-study table is a search of its own: no strain, no blend, a topic;
    its trials in the table are `included`, the others `excluded` with their reasons."""

    def review_read(t: Tables) -> None:
        row = dict(t["searches.csv"][0])
        row.update(
            search_id="reviews-1",
            strain_id="",
            blend_name="",
            topic="review: Example 2024 (table 1)",
            included="alpha2020",
            excluded="Smith 2019 (species only, no strain designation)",
        )
        t["searches.csv"].append(row)

    tables = base_tables()
    review_read(tables)
    folder = write_reference(tmp_path / "ref", tables)
    assert check_reference(folder) == []
    found = load_reference(folder).searches_for("topic:review: Example 2024 (table 1)")
    assert [s.search_id for s in found] == ["reviews-1"]
    assert found[0].included == ("alpha2020",) and found[0].strain_id == ""
    totals = dict(reference_stats(load_reference(folder)).totals)
    assert totals["review_tables_read"] == 1


def test_a_search_log_without_the_topic_column_still_reads(tmp_path: Path) -> None:
    """Tables written before 1.1.0 have no topic column: it reads as empty."""
    folder = write_reference(tmp_path / "ref", base_tables())
    log = folder / "searches.csv"
    lines = log.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    at = head.index("topic")
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:at] + r[at + 1 :] for r in rows])
    log.write_text(out.getvalue(), encoding="utf-8")
    assert "topic" not in log.read_text(encoding="utf-8").splitlines()[0]
    assert check_reference(folder) == []
    assert all(s.topic == "" for s in load_reference(folder).searches)


def test_a_chain_of_parents_is_refused(tmp_path: Path) -> None:
    def chain(t: Tables) -> None:
        t["studies.csv"][1]["parent_study"] = "alpha2020"
        t["studies.csv"][3]["parent_study"] = "beta2021"

    problems = _problems(tmp_path, chain)
    assert any("'beta2021' is itself a secondary report" in p for p in problems), problems


def test_a_folder_without_the_new_tables_still_loads(tmp_path: Path) -> None:
    folder = write_reference(tmp_path / "old")
    (folder / "searches.csv").unlink()
    (folder / "review_trials.csv").unlink()
    assert check_reference(folder) == []
    ref = load_reference(folder)
    assert ref.searches == () and ref.review_trials == ()


def test_a_searched_strain_without_trials_says_so_and_an_unsearched_one_says_not_reviewed(
    small_ref_dir: Path,
) -> None:
    ref = load_reference(small_ref_dir)
    searched = _notes(check_text("Testibacillus exemplaris T3", reference=ref))
    assert any(
        n.startswith("searched on 2026-11-30 (1 search logged): no human trials found")
        for n in searched
    ), searched
    tables = base_tables()
    tables["searches.csv"] = tables["searches.csv"][:1]
    bare = load_reference(write_reference(small_ref_dir.parent / "bare", tables))
    unsearched = _notes(check_text("Testibacillus exemplaris T3", reference=bare))
    assert any(n.startswith("not yet reviewed") for n in unsearched), unsearched
    assert not any("searched on" in n for n in unsearched)


def test_a_secondary_report_counts_with_its_trial_once(tmp_path: Path) -> None:
    tables = base_tables()
    # beta2021 becomes a second paper of alpha2020's trial, with the same result.
    tables["studies.csv"][1]["parent_study"] = "alpha2020"
    tables["findings.csv"][1]["effect"] = "benefit"
    ref = load_reference(write_reference(tmp_path / "ref", tables))
    ev = {
        e.outcome: e
        for e in check_text("Testibacillus exemplaris T1", reference=ref)
        .products[0]
        .strains[0]
        .evidence
    }
    anxiety = ev["anxiety"]
    # Both papers are cited, but one trial of 250 is graded: a single study, imprecise.
    assert anxiety.study_ids == ("alpha2020", "beta2021")
    assert "a single study, not replicated" in anxiety.reasons
    assert any("250 participants in all" in r for r in anxiety.reasons)


def test_a_secondary_report_that_disagrees_makes_the_trial_mixed(tmp_path: Path) -> None:
    tables = base_tables()
    tables["studies.csv"][1]["parent_study"] = "alpha2020"  # beta2021 found no effect
    ref = load_reference(write_reference(tmp_path / "ref", tables))
    ev = {
        e.outcome: e
        for e in check_text("Testibacillus exemplaris T1", reference=ref)
        .products[0]
        .strains[0]
        .evidence
    }
    assert ev["anxiety"].direction == "conflicting"
    assert "mixed result within the study" in ev["anxiety"].reasons


def test_warnings_name_mirror_sources_and_unsearched_strains(tmp_path: Path) -> None:
    tables = base_tables()
    tables["studies.csv"][0]["source_url"] = "https://pubmed.ncbi.nlm.nih.gov/123/"
    tables["studies.csv"][1]["source_url"] = "http://47.251.13.51:8081/27801892"
    folder = write_reference(tmp_path / "ref", tables)
    warnings = [str(w) for w in check_warnings(folder)]
    assert any(w.startswith("studies.csv:3: source_url: not a primary source") for w in warnings)
    assert not any(w.startswith("studies.csv:2:") for w in warnings)
    # t2 and s9 have no search row; t1 and t3 do.
    unsearched = sorted(w.split(":")[1] for w in warnings if w.startswith("strains.csv"))
    assert unsearched == ["3", "4"]


def test_reference_check_prints_warnings_but_passes(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_reference(tmp_path / "ref")
    r = run_cli("reference", "check", str(folder), expect=0)
    assert "warning: strains.csv:3: strain_id: no search logged" in r.stdout
    assert "all checks pass (" in r.stderr
    quiet = run_cli("reference", "check", str(folder), "--no-warnings", expect=0)
    assert "warning:" not in quiet.stdout
    js = json.loads(run_cli("reference", "check", str(folder), "--format", "json").stdout)
    assert js["problems"] == []
    assert sorted(w["line"] for w in js["warnings"] if w["file"] == "strains.csv") == [3, 4]


def test_fixture_study_helper_is_unchanged() -> None:
    # The helper writes no parent_study: old-style rows read as main papers.
    assert "parent_study" not in study("x2020")


def test_a_strain_with_only_animal_work_gets_its_search_status(tmp_path: Path) -> None:
    tables = base_tables()
    for name in ("studies.csv", "interventions.csv", "findings.csv"):
        tables[name] = [r for r in tables[name] if r["study_id"] != "delta2023"]
    ref = load_reference(write_reference(tmp_path / "ref", tables))
    notes = _notes(check_text("Testibacillus exemplaris T2", reference=ref))
    assert any(
        n.startswith("not yet reviewed") and "(no human studies of this strain are recorded)" in n
        for n in notes
    ), notes
