"""The verdict ladder (strainscore.verdict), its worked examples in docs/grading.md, who was
studied, --population for each age group, and each trial counted once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refkit import base_tables, study, write_reference
from strainscore.evidence import grade_body
from strainscore.evidence.grading import INDIRECT
from strainscore.formats import text_format
from strainscore.reference import load_reference
from strainscore.reference.model import Study
from strainscore.reference.vocab import AGE_GROUPS, POPULATIONS
from strainscore.verdict import (
    LADDER,
    NOT_GRADED,
    Studied,
    studied_of,
    verdict_of,
    verdict_text,
)
from strainscore.vocab import best_evidence_key
from strainscore.workflows.check import check_text

GRADING = (Path(__file__).parents[2] / "docs" / "grading.md").read_text(encoding="utf-8")


def mk(sid: str, design: str = "rct", n: int | None = 100, age: str = "adult") -> Study:
    return Study(
        sid, sid.title(), 2020, "t", "j", f"10.5555/{sid}", "", design, "p", age, n, 8.0, 1e9,
        "https://example.org", "2026-11-24",
    )  # fmt: skip


# The facts of each worked example in docs/grading.md, by verdict.
EXAMPLES: dict[str, list[tuple[Study, str]]] = {
    "likely helps": [(mk("a", n=423, age="pregnant"), "benefit")],
    "may help": [(mk("a", n=22), "benefit")],
    "unclear: studies disagree": [(mk("a", n=55), "benefit"), (mk("b", n=79), "no-effect")],
    "probably no effect": [(mk("a", n=500), "no-effect"), (mk("b", n=500), "no-effect")],
    "no effect found in small studies": [(mk("a", "crossover-rct", n=29), "no-effect")],
    "possible harm": [(mk("a", n=250), "benefit"), (mk("b", n=250), "harm")],
}


def _doc_examples() -> dict[str, tuple[str, str, str]]:
    section = GRADING.split("### A worked example per verdict", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^- \*\*(.+?)\*\* \((\S+), (\S+)\): (.*)$", section, flags=re.M)
    return {v: (d, g, rest) for v, d, g, rest in found}


def test_every_verdict_has_a_worked_example_in_the_docs_computed_here() -> None:
    docs = _doc_examples()
    assert list(docs) == [v for v, _, _ in LADDER]
    for verdict, items in EXAMPLES.items():
        graded = grade_body(items)
        direction, grade, _ = docs[verdict]
        assert (graded.direction, graded.grade) == (direction, grade), verdict
        assert verdict_of(graded.direction, graded.grade) == verdict


def test_the_docs_ladder_table_is_the_ladder() -> None:
    table = GRADING.split("| verdict | direction | certainty |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", table, flags=re.M)
    assert [r[0] for r in rows] == [v for v, _, _ in LADDER]
    for (_, direction, certainty), (_, d, cs) in zip(rows, LADDER, strict=True):
        assert direction == d.replace("-", " ")
        assert (
            certainty == "any" if len(cs) == 4 else certainty == " or ".join(cs).replace("-", " ")
        )


@pytest.mark.parametrize("direction", ["supports", "no-effect", "conflicting", "harm-signal"])
@pytest.mark.parametrize("grade", ["high", "moderate", "low", "very-low"])
def test_each_direction_and_certainty_has_exactly_one_verdict(direction: str, grade: str) -> None:
    hits = [v for v, d, cs in LADDER if d == direction and grade in cs]
    assert len(hits) == 1
    assert verdict_of(direction, grade) == hits[0]


def test_not_graded_bases_keep_their_reason() -> None:
    for basis, words in NOT_GRADED.items():
        assert verdict_of(None, None, basis) == words
        assert words.startswith("not graded: ")
    assert verdict_of("supports", "high", "component") == NOT_GRADED["component"]


def test_direction_comes_before_certainty_in_the_rank() -> None:
    ordered = sorted(
        [("no-effect", "high"), ("supports", "very-low"), ("conflicting", "moderate"),
         ("harm-signal", "high"), ("supports", "high")],
        key=lambda x: best_evidence_key(*x),
    )  # fmt: skip
    assert ordered == [
        ("supports", "high"),
        ("supports", "very-low"),
        ("conflicting", "moderate"),
        ("no-effect", "high"),
        ("harm-signal", "high"),
    ]
    assert best_evidence_key("no-effect", "very-low") < best_evidence_key(None, None, "component")


def test_who_was_studied_in_words() -> None:
    assert studied_of([(False, 423, "pregnant")]).text == "1 trial, 423 pregnant women"
    mixed = studied_of([(False, 483, "adult"), (False, 423, "pregnant")])
    assert mixed.text == "2 trials, 906 participants (adults, pregnant women)"
    assert mixed.special is None
    review = studied_of([(True, 1499, "mixed"), (False, 302, "adult")])
    assert review.text == "1 review and 1 trial, 1499 participants (adults, people of mixed ages)"
    assert studied_of([(False, None, "infant")]).text == "1 trial in infants (n not recorded)"


@pytest.mark.parametrize("group", AGE_GROUPS)
def test_a_verdict_names_a_special_population_when_every_study_is_in_it(group: str) -> None:
    one = Studied(1, 0, 50, 0, (group,))
    named = verdict_text("may help", one)
    if group in ("infant", "child", "older-adult", "pregnant"):
        assert named.startswith("may help, in ") and named != "may help"
    else:
        assert named == "may help"
    assert verdict_text("may help", Studied(2, 0, 90, 0, tuple(sorted({group, "adult"})))) in (
        "may help",
        named,
    )
    assert verdict_text("not graded: animal or lab work only", one).startswith("not graded")


@pytest.mark.parametrize("population", POPULATIONS)
@pytest.mark.parametrize("group", [g for g in AGE_GROUPS if g != "mixed"])
def test_population_rates_down_only_indirect_age_groups(population: str, group: str) -> None:
    items = [(mk("a", n=500, age=group), "benefit"), (mk("b", n=500, age=group), "benefit")]
    plain = grade_body(items)
    asked = grade_body(items, population=population)
    indirect = group in INDIRECT[population]
    assert (asked.grade != plain.grade) == indirect
    said = [r for r in asked.reasons if r.startswith("indirectness")]
    assert said == ([f"indirectness: studied in {group}, not {population}"] if indirect else [])


def test_every_population_has_its_indirect_groups_and_pregnancy_counts_both_ways() -> None:
    assert set(INDIRECT) == set(POPULATIONS)
    assert "pregnant" in INDIRECT["adult"] and "adult" in INDIRECT["pregnant"]
    assert all("mixed" not in groups for groups in INDIRECT.values())


def _ref_with_one_strain_studies(tmp_path: Path, *, link: bool) -> Path:
    """T1 with a single-strain review pooling trials A and B (both null), and a later trial C."""
    t = base_tables()
    t["studies.csv"] = [
        study("review2022", design="meta-analysis", n="600"),
        study("triala2018", n="300"),
        study("trialb2019", n="300"),
        study("trialc2024", n="100"),
    ]
    t["interventions.csv"] = [
        {"study_id": s, "arm": "A", "strain_id": "texemplaris-t1", "blend_name": "",
         "daily_dose_cfu": ""}
        for s in ("review2022", "triala2018", "trialb2019", "trialc2024")
    ]  # fmt: skip
    t["findings.csv"] = [
        {"study_id": s, "arm": "A", "outcome": "colic", "effect": e, "instrument": "", "note": ""}
        for s, e in (
            ("review2022", "benefit"),
            ("triala2018", "no-effect"),
            ("trialb2019", "no-effect"),
            ("trialc2024", "benefit"),
        )
    ]
    t["searches.csv"] = []
    t["context_studies.csv"] = []
    t["review_trials.csv"] = (
        [{"review_id": "review2022", "study_id": s} for s in ("triala2018", "trialb2019")]
        if link
        else []
    )
    return write_reference(tmp_path / ("linked" if link else "unlinked"), t)


def test_the_review_stands_for_its_pooled_trials_worked_example(tmp_path: Path) -> None:
    naive = check_text(
        "Testibacillus exemplaris T1",
        reference=load_reference(_ref_with_one_strain_studies(tmp_path, link=False)),
    )
    once = check_text(
        "Testibacillus exemplaris T1",
        reference=load_reference(_ref_with_one_strain_studies(tmp_path, link=True)),
    )
    before = naive.products[0].strains[0].evidence[0]
    after = once.products[0].strains[0].evidence[0]
    assert (before.direction, before.verdict) == ("conflicting", "unclear: studies disagree")
    assert (after.grade, after.direction, after.verdict) == ("high", "supports", "likely helps")
    assert after.studied == Studied(1, 1, 600, 0, ("adult",))
    # Every paper is still cited; the reasons say which were counted through the review.
    assert after.study_ids == ("review2022", "triala2018", "trialb2019", "trialc2024")
    assert "counted once: Triala 2020 is pooled in Review 2020, which stands for it" in (
        after.reasons
    )


def test_population_is_said_in_the_report_head(small_ref_dir: Path) -> None:
    ref = load_reference(small_ref_dir)
    r = check_text("Testibacillus exemplaris T1", reference=ref, population="infant")
    text = " ".join(text_format.render(r).decode().split())
    assert "Population: infant." in text
    assert "rated down (Testibacillus exemplaris T1 x anxiety" in text
    assert "rated down for indirectness: studied in adult, not infant" in text
    assert r.to_dict()["population"] == "infant"
    from strainscore.formats import render

    assert "Population: infant. Evidence studied only in age groups" in render(r, "html").decode()
    import io

    import openpyxl

    about = openpyxl.load_workbook(io.BytesIO(render(r, "xlsx")))["About"]
    rows = dict(about.iter_rows(min_row=2, values_only=True))
    assert str(rows["population"]).startswith("Population: infant.")
    plain = text_format.render(check_text("Testibacillus exemplaris T1", reference=ref)).decode()
    assert "Population:" not in plain
