"""The grading rules (docs/grading.md), each on facts built here, and the docs' worked examples."""

from __future__ import annotations

import pytest

from strainscore.evidence import direction_of, grade_body
from strainscore.reference.model import Study


def mk(sid: str, design: str = "rct", n: int | None = 100, age: str = "adult") -> Study:
    return Study(
        sid,
        sid.title(),
        2020,
        "t",
        "j",
        f"10.5555/{sid}",
        "",
        design,
        "p",
        age,
        n,
        8.0,
        1e9,
        "https://example.org",
        "2026-11-24",
    )


@pytest.mark.parametrize(
    ("effects", "direction"),
    [
        (["benefit"], "supports"),
        (["benefit", "benefit", "benefit", "no-effect"], "supports"),
        (["benefit", "benefit", "no-effect"], "conflicting"),
        (["no-effect", "no-effect", "no-effect", "no-effect"], "no-effect"),
        (["mixed"], "conflicting"),
        (["benefit", "mixed"], "supports"),
        (["benefit", "harm"], "harm-signal"),
        (["no-effect"], "no-effect"),
    ],
)
def test_direction(effects: list[str], direction: str) -> None:
    assert direction_of(effects) == direction


def test_two_large_agreeing_rcts_are_high() -> None:
    g = grade_body([(mk("a", n=300), "benefit"), (mk("b", n=300), "benefit")])
    assert (g.grade, g.direction) == ("high", "supports")


def test_single_study_and_imprecision_each_rate_down() -> None:
    g = grade_body([(mk("a", n=500), "benefit")])
    assert g.grade == "moderate"
    assert any("single study" in r for r in g.reasons)
    g = grade_body([(mk("a", n=50), "benefit")])
    assert g.grade == "low"
    assert any("imprecision: 50 participants" in r for r in g.reasons)


def test_unknown_n_counts_as_imprecise_and_says_so() -> None:
    g = grade_body([(mk("a", n=None), "benefit"), (mk("b", n=None), "benefit")])
    assert g.grade == "moderate"
    assert any("n not recorded for A 2020, B 2020" in r for r in g.reasons)


def test_open_label_starts_low_and_floors_at_very_low() -> None:
    g = grade_body([(mk("a", "open-label", n=20), "benefit")])
    assert g.grade == "very-low"
    assert g.reasons[0].startswith("starts low")


def test_risk_of_bias_when_half_are_open_label() -> None:
    g = grade_body([(mk("a", n=300), "benefit"), (mk("b", "open-label", n=300), "benefit")])
    assert g.grade == "moderate"
    assert any(r.startswith("risk of bias") for r in g.reasons)


def test_inconsistency() -> None:
    g = grade_body([(mk("a", n=300), "benefit"), (mk("b", n=300), "no-effect")])
    assert (g.grade, g.direction) == ("moderate", "conflicting")


def test_review_n_is_not_added_to_its_trials() -> None:
    g = grade_body([(mk("ma", "meta-analysis", n=450), "benefit"), (mk("a", n=300), "benefit")])
    assert g.grade == "high"
    g = grade_body([(mk("ma", "meta-analysis", n=300), "benefit"), (mk("a", n=300), "benefit")])
    assert g.grade == "moderate"  # 300 < 400: the review already holds the trial's people


def test_indirectness_only_when_the_user_names_a_population() -> None:
    items = [(mk("a", n=300, age="infant"), "benefit"), (mk("b", n=300, age="infant"), "benefit")]
    assert grade_body(items).grade == "high"
    g = grade_body(items, population="adult")
    assert g.grade == "moderate"
    assert any("indirectness: studied in infant, not adult" in r for r in g.reasons)
    assert grade_body(items, population="infant").grade == "high"


def test_same_facts_same_grade() -> None:
    a = grade_body([(mk("x", n=120), "benefit"), (mk("y", n=80), "mixed")])
    b = grade_body([(mk("x", n=120), "benefit"), (mk("y", n=80), "mixed")])
    assert a == b


# Worked examples of docs/grading.md: the numbers there are these computations.
def test_worked_example_single_positive_rct() -> None:
    g = grade_body([(mk("slykerman", n=423, age="pregnant"), "benefit")])
    assert (g.grade, g.direction) == ("moderate", "supports")


def test_worked_example_blend_one_positive_one_null() -> None:
    g = grade_body([(mk("p", n=55), "benefit"), (mk("q", n=79), "no-effect")])
    assert (g.grade, g.direction) == ("low", "conflicting")
    assert len(g.reasons) == 3  # starts high; imprecision; inconsistency
