"""Daily doses on the label and the studied dose they are compared with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strainscore.models import Amount, DoseCheck, LabelLine
from strainscore.reference.model import Intervention, Study


@dataclass(frozen=True)
class ProductDose:
    """What the label says about daily counts: a total, and per-strain counts when given."""

    total_daily: float | None
    per_line_daily: dict[int, float]  # index of the line in the product -> its own daily count
    strains_listed: int
    notes: tuple[str, ...] = ()


def product_dose(lines: Sequence[LabelLine], written: Sequence[str | None] = ()) -> ProductDose:
    """Read a product's counts: a count on a row with one strain is that strain's, unless it is
    the only count given (or the same on every row), which is read as the product total.

    `written` holds, line by line, the amount written into the strain's own text ("L. rhamnosus
    GG 10 miliardi UFC"; ``Resolution.amount_text``), used where the line has no count cell. It is
    that strain's own count, except when it stands after the last strain of a cell that names
    several and is the cell's only one ("L. acidophilus NCFM, B. lactis HN019, 10 billion CFU"):
    then it is the cell's."""
    notes: list[str] = []
    counts, keys = _counts(lines, written, notes)
    servings = next((ln.servings_per_day for ln in lines if ln.servings_per_day), None)
    if servings is None:
        servings = 1.0
        if any(c is not None and c.value is not None for c in counts):
            notes.append("servings per day not given: one serving a day assumed")
    rows: dict[object, list[int]] = {}  # a sheet row (or one line) -> indexes of its lines
    row_daily: dict[object, float] = {}  # the same -> daily CFU written for it
    for i, (amount, k) in enumerate(zip(counts, keys, strict=True)):
        rows.setdefault(k, []).append(i)
        if amount is not None and amount.cfu is not None:
            row_daily[k] = amount.cfu * servings
        elif amount is not None and amount.value is not None:
            notes.append(f"{amount.text!r} is not a CFU count, so it is not compared")
    if not row_daily:
        return ProductDose(None, {}, len(lines), tuple(notes))
    # One count for several strains is their total, unless it was written beside one of them.
    only_count = (
        len(row_daily) == 1 and len(lines) > 1 and not isinstance(next(iter(row_daily)), tuple)
    )
    same_everywhere = len(row_daily) == len(rows) > 1 and len(set(row_daily.values())) == 1
    if len(lines) == 1:
        total = next(iter(row_daily.values()))
        return ProductDose(total, {0: total}, 1, tuple(notes))
    if only_count or same_everywhere:
        if same_everywhere:
            notes.append("the same count on every row is read as the product total")
        notes.append("the label gives one total count; the split between strains is unknown")
        return ProductDose(next(iter(row_daily.values())), {}, len(lines), tuple(notes))
    per_line = {rows[k][0]: daily for k, daily in row_daily.items() if len(rows[k]) == 1}
    if len(row_daily) < len(rows):
        notes.append("some strains have no count on the label")
    return ProductDose(sum(row_daily.values()), per_line, len(lines), tuple(notes))


def _counts(
    lines: Sequence[LabelLine], written: Sequence[str | None], notes: list[str]
) -> tuple[list[Amount | None], list[object]]:
    """Each line's count and what it belongs to: its sheet row (a count cell), or the line
    itself (a count written into its own strain text)."""
    # Imported here, when a count is written: the labels package loads its file reader (pandas).
    from strainscore.labels.rows.cfu import not_a_count, parse_amount

    counts: list[Amount | None] = [ln.cfu_per_serving for ln in lines]
    keys: list[object] = [ln.row for ln in lines]
    in_text = [
        i
        for i, ln in enumerate(lines)
        if ln.cfu_per_serving is None and i < len(written) and written[i]
    ]
    if not in_text:
        return counts, keys
    cells: dict[tuple[int, str], list[int]] = {}
    for i, ln in enumerate(lines):
        cells.setdefault((ln.row, ln.cell_text), []).append(i)
    for i in in_text:
        counts[i] = amount = parse_amount(written[i])
        if amount is not None and amount.value is None:
            why = not_a_count(written[i]) or "is not a count strainscore can read"
            notes.append(f"{written[i]!r} beside {lines[i].strain_text!r} {why}")
        cell = cells[(lines[i].row, lines[i].cell_text)]
        alone = [j for j in cell if j in in_text] == [i]
        if not (len(cell) > 1 and alone and i == cell[-1]):
            keys[i] = ("line", i)
    if any((c := counts[i]) is not None and c.value is not None for i in in_text):
        notes.append("counts written beside the strain names are read as the label's counts")
    return counts, keys


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
