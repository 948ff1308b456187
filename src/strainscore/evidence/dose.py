"""Daily doses on the label and the studied dose they are compared with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strainscore.models import DoseCheck, LabelLine
from strainscore.reference.model import Intervention, Study


@dataclass(frozen=True)
class ProductDose:
    """What the label says about daily counts: a total, and per-strain counts when given."""

    total_daily: float | None
    per_line_daily: dict[int, float]  # index of the line in the product -> its own daily count
    strains_listed: int
    notes: tuple[str, ...] = ()


def product_dose(lines: Sequence[LabelLine]) -> ProductDose:
    """Read a product's counts: a count on a row with one strain is that strain's, unless it is
    the only count given (or the same on every row), which is read as the product total."""
    notes: list[str] = []
    servings = next((ln.servings_per_day for ln in lines if ln.servings_per_day), None)
    if servings is None:
        servings = 1.0
        if any(ln.cfu_per_serving for ln in lines):
            notes.append("servings per day not given: one serving a day assumed")
    rows: dict[int, list[int]] = {}  # sheet row -> indexes of the lines it gave
    row_daily: dict[int, float] = {}  # sheet row -> daily CFU written on it
    for i, ln in enumerate(lines):
        rows.setdefault(ln.row, []).append(i)
        amount = ln.cfu_per_serving
        if amount is not None and amount.cfu is not None:
            row_daily[ln.row] = amount.cfu * servings
        elif amount is not None and amount.value is not None:
            notes.append(f"{amount.text!r} is not a CFU count, so it is not compared")
    if not row_daily:
        return ProductDose(None, {}, len(lines), tuple(notes))
    only_count = len(row_daily) == 1 and len(lines) > 1
    same_everywhere = len(row_daily) == len(rows) > 1 and len(set(row_daily.values())) == 1
    if len(lines) == 1:
        total = next(iter(row_daily.values()))
        return ProductDose(total, {0: total}, 1, tuple(notes))
    if only_count or same_everywhere:
        if same_everywhere:
            notes.append("the same count on every row is read as the product total")
        notes.append("the label gives one total count; the split between strains is unknown")
        return ProductDose(next(iter(row_daily.values())), {}, len(lines), tuple(notes))
    per_line = {rows[row][0]: daily for row, daily in row_daily.items() if len(rows[row]) == 1}
    if len(row_daily) < len(rows):
        notes.append("some strains have no count on the label")
    return ProductDose(sum(row_daily.values()), per_line, len(lines), tuple(notes))


def studied_dose(
    items: Sequence[tuple[Study, str, Intervention]], strain_id: str | None
) -> float | None:
    """The lowest daily dose among the studies that found a benefit (else among all studies).

    For one strain inside a blend, the per-strain dose when the paper gives it."""
    positive = [it for it in items if it[1] in ("benefit", "mixed")] or list(items)
    doses: list[float] = []
    for study, _, arm in positive:
        per_strain = dict(arm.doses)
        if strain_id is not None and strain_id in per_strain:
            doses.append(per_strain[strain_id])
        elif study.daily_dose_cfu is not None:
            doses.append(study.daily_dose_cfu)
    return min(doses) if doses else None


def compare(
    product_daily: float | None,
    studied: float | None,
    *,
    share_known: bool,
    what: str = "this strain's daily count",
) -> DoseCheck:
    """meets / below / unknown, with the reason in words.

    `share_known` is False when `product_daily` is a total for several strains: then a total
    below the studied dose is still 'below', but a total above it proves nothing."""
    if studied is None:
        return DoseCheck("unknown", product_daily, None, "the studied dose is not recorded")
    if product_daily is None:
        return DoseCheck("unknown", None, studied, "the label gives no count in CFU")
    if product_daily < studied:
        pct = 100 * product_daily / studied
        what = what if share_known else "the whole product's daily count"
        return DoseCheck(
            "below", product_daily, studied, f"{what} is {pct:.0f}% of the lowest studied dose"
        )
    if share_known:
        return DoseCheck("meets", product_daily, studied, "reaches the lowest studied dose")
    return DoseCheck(
        "unknown",
        product_daily,
        studied,
        "the product total reaches the studied dose, but this strain's share is not stated",
    )
