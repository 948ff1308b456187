"""Reports the format tests share: the golden label sheet, and one full of hostile text."""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

from strainscore.models import InputIssue, LabelLine, LabelSheet, Report
from strainscore.workflows.check import check_label, check_sheet

GOLDEN = Path(__file__).parents[2] / "golden"
GOLDEN_REF = GOLDEN / "reference"
PINNED = "2026-01-01T00:00:00+00:00"
EVIL_PRODUCT = "<img src=x onerror=alert(1)>"
EVIL_STRAIN = "<script>alert(1)</script>"


def pinned(report: Report) -> Report:
    return dataclasses.replace(report, created=PINNED)


def golden_report() -> Report:
    """tests/golden/labels.csv checked against the frozen reference, as 'labels.csv'."""
    with contextlib.chdir(GOLDEN):
        return pinned(check_label("labels.csv", reference="reference"))


def _line(
    row: int, product: str, strain: str, brand: str = "", claims: tuple[str, ...] = ()
) -> LabelLine:
    return LabelLine(
        row=row,
        product=product,
        strain_text=strain,
        brand=brand,
        cell_text=strain,
        claims=claims,
        sheet="Labels",
    )


def hostile_sheet() -> LabelSheet:
    """Markup, formulas and odd names in every field the user controls."""
    formula = '=HYPERLINK("http://x.invalid")'
    return LabelSheet(
        source="../<b>odd</b>/labels.xlsx",
        lines=(
            _line(2, EVIL_PRODUCT, EVIL_STRAIN, brand=formula, claims=("+calm", "<i>mood</i>")),
            _line(3, EVIL_PRODUCT, "Lactobacillus rhamnosus HN001"),
            _line(4, "A+B", "javascript:alert(1)", brand="@brand"),
            _line(5, "A B", "Bifidobacterium bifidum", brand="@brand"),
            _line(6, "Ünïcødé ☃ product", "Rosell-175"),
        ),
        issues=(
            InputIssue(
                "invalid-cfu",
                "'<script>x</script>' is not a count",
                sheet="Labels",
                row=7,
                column="D",
                header="<b>cfu</b>",
                value="<script>x</script>",
            ),
            InputIssue(
                "at-manufacture",
                "counted at manufacture",
                "warning",
                sheet="Labels",
                row=2,
                column="D",
                header="cfu",
            ),
        ),
        sheet="Labels",
    )


def hostile_report() -> Report:
    return pinned(check_sheet(hostile_sheet(), reference=GOLDEN_REF))
