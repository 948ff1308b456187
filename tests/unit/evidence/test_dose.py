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


def _cell(text: str, pieces: list[str]) -> list[LabelLine]:
    """The lines of one cell that names several strains (one sheet row)."""
    return [LabelLine(2, "P", p, cell_text=text) for p in pieces]


def test_counts_written_beside_each_strain_are_their_own() -> None:
    cell = "L. rhamnosus GG 6 mld, B. lactis BB-12 3 mld"
    lines = _cell(cell, ["L. rhamnosus GG 6 mld", "B. lactis BB-12 3 mld"])
    d = product_dose(lines, ["6 mld", "3 mld"])
    assert d.total_daily == 9e9 and d.per_line_daily == {0: 6e9, 1: 3e9}
    assert any("beside the strain names" in n for n in d.notes)


def test_a_count_after_the_last_strain_of_a_cell_is_the_cells_total() -> None:
    cell = "L. acidophilus NCFM, B. lactis HN019, 10 billion CFU"
    lines = _cell(cell, ["L. acidophilus NCFM", "B. lactis HN019, 10 billion CFU"])
    d = product_dose(lines, [None, "10 billion CFU"])
    assert d.total_daily == 1e10 and d.per_line_daily == {}  # not HN019's own


def test_a_count_beside_the_first_strain_only_is_that_strains() -> None:
    lines = _cell("GG 10 billion CFU, BB-12", ["GG 10 billion CFU", "BB-12"])
    d = product_dose(lines, ["10 billion CFU", None])
    assert d.per_line_daily == {0: 1e10}
    assert any("some strains have no count" in n for n in d.notes)


def test_a_count_cell_wins_over_a_count_in_the_strain_text() -> None:
    d = product_dose([line(2, "GG 10 billion CFU", "2 billion")], ["10 billion CFU"])
    assert d.total_daily == 2e9


def test_an_unreadable_count_beside_a_strain_says_why() -> None:
    d = product_dose([line(2, "L. rhamnosus GG 3 gazillion CFU", None)], ["3 gazillion CFU"])
    assert d.total_daily is None
    assert any("'gazillion'" in n for n in d.notes)
    assert not any("one serving a day assumed" in n for n in d.notes)
