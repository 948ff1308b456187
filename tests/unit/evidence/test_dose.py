"""Daily dose on the label against the studied dose."""

from __future__ import annotations

from strainscore.evidence.dose import compare, product_dose
from strainscore.labels import parse_amount
from strainscore.models import LabelLine


def line(row: int, text: str, cfu: str | None, servings: float | None = None) -> LabelLine:
    return LabelLine(
        row,
        "P",
        text,
        cfu_per_serving=parse_amount(cfu) if cfu else None,
        servings_per_day=servings,
    )


def test_per_strain_counts_times_servings() -> None:
    d = product_dose([line(2, "a", "1 billion", 2), line(3, "b", "3 billion", 2)])
    assert d.total_daily == 8e9
    assert d.per_line_daily == {0: 2e9, 1: 6e9}


def test_one_count_for_many_strains_is_a_total() -> None:
    d = product_dose([line(2, "a", "10B"), line(3, "b", None)])
    assert d.total_daily == 1e10 and d.per_line_daily == {}
    assert any("split between strains is unknown" in n for n in d.notes)
    assert any("one serving a day assumed" in n for n in d.notes)


def test_same_count_everywhere_is_read_as_total() -> None:
    d = product_dose([line(2, "a", "5 billion", 1), line(3, "b", "5 billion", 1)])
    assert d.total_daily == 5e9 and d.per_line_daily == {}


def test_non_cfu_is_not_compared() -> None:
    d = product_dose([line(2, "a", "500 mg", 1)])
    assert d.total_daily is None
    assert any("not a CFU count" in n for n in d.notes)


def test_compare() -> None:
    assert compare(2e9, 1e9, share_known=True).status == "meets"
    below = compare(5e8, 1e9, share_known=True)
    assert below.status == "below" and "50%" in below.note and below.ratio == 0.5
    assert compare(2e9, 1e9, share_known=False).status == "unknown"
    assert compare(5e8, 1e9, share_known=False).status == "below"
    assert compare(None, 1e9, share_known=True).status == "unknown"
    assert compare(1e9, None, share_known=True).status == "unknown"
