"""A ready-to-fill label workbook for ``strainscore check`` (what ``strainscore template`` writes).

One sheet to fill (``Labels``: one row per strain per product, with a note on every header), an
``Instructions`` sheet, and a ``Strains`` sheet listing the strains the reference knows and the
other names labels use for them. The example rows are a fictional product made of real strains.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from strainscore.reference.model import Reference

LABEL_SHEET = "Labels"
FILL_ROWS = 2000  # rows that carry the servings validation

# (header, width, note shown on the header cell)
COLUMNS: tuple[tuple[str, int, str], ...] = (
    (
        "product",
        30,
        "Required. The product's name, the same on every row of that product: one row per "
        "strain, so a 3-strain product takes 3 rows.",
    ),
    ("brand", 20, "Optional. The brand or maker; two products with the same name stay apart."),
    (
        "strain",
        44,
        "Required. One strain as the label writes it, with its designation: "
        "'Lactobacillus rhamnosus GG', 'B. lactis BB-12', 'L. reuteri DSM 17938'. Old names, "
        "trade names and culture-collection numbers are recognised. Several strains in one "
        "cell, separated by commas, are also read.",
    ),
    (
        "cfu_per_serving",
        24,
        "Optional. The count of THIS strain per serving if the label gives it ('10 billion', "
        "'1 x 10^9', '5e9 CFU'). If the label gives only a total for the product, put it on "
        "the product's first row and leave the others empty. Copy any words like 'at time of "
        "manufacture': they are reported.",
    ),
    (
        "servings_per_day",
        18,
        "Optional. How many servings a day the label directs (a positive number, e.g. 1 or 2). "
        "Empty: one a day is assumed.",
    ),
    (
        "claims",
        40,
        "Optional. The label's claims, separated by commas ('mood support, digestive "
        "comfort'); each is checked against the evidence for this product's strains.",
    ),
)

EXAMPLE_PRODUCT = "EXAMPLE Calm Mum Duo (fictional: replace these rows)"
EXAMPLE_ROWS: tuple[tuple[Any, ...], ...] = (
    (
        EXAMPLE_PRODUCT,
        "Example brand",
        "Lactobacillus rhamnosus HN001",
        "6 billion CFU",
        1,
        "postpartum mood, calm",
    ),
    (EXAMPLE_PRODUCT, "Example brand", "Bifidobacterium lactis HN019", "", 1, ""),
)

INSTRUCTIONS = (
    "How to fill this workbook for strainscore",
    "",
    "1. On the Labels sheet, write one row per strain per product. Keep the header row as it "
    "is (point at a header to read its note).",
    "2. Copy the strain names exactly as the label prints them, with the strain designation "
    "(e.g. HN001, BB-12, DSM 17938). A line with only a species ('Bifidobacterium bifidum') is "
    "checked, but never graded: evidence belongs to strains, not species.",
    "3. Counts: give each strain's own count if the label does. If it gives one total for the "
    "product, put it on the product's first row only.",
    "4. Replace the two EXAMPLE rows (a fictional product made of real strains) with your "
    "products, or leave them to see what a finished report looks like.",
    "5. Save as .xlsx (or as CSV UTF-8) and run:  strainscore check labels.xlsx -o report.html",
    "   Many products: strainscore check labels.xlsx -o reports/   (one page per product)",
    "   Rank products for one outcome: strainscore check labels.xlsx --outcome anxiety",
    "",
    "Every problem in the sheet is reported by sheet, row and column, and the other rows are "
    "still checked. The Strains sheet lists the strains strainscore knows and the other names "
    "labels use for them.",
    "",
    "strainscore summarises published studies; it is not medical advice.",
)


def build_template(reference: Reference | None = None) -> bytes:
    """The workbook as .xlsx bytes (write them with ``strainscore.output.write_file``)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = LABEL_SHEET
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (name, width, note) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        comment = Comment(note, "strainscore")
        comment.width, comment.height = 320, 160
        cell.comment = comment
        letter = cell.column_letter
        ws.column_dimensions[letter].width = width
    for row in EXAMPLE_ROWS:
        ws.append(list(row))
    for row in ws.iter_rows(min_row=2, max_row=1 + len(EXAMPLE_ROWS)):
        for cell in row:
            cell.font = Font(italic=True, color="595959")
    ws.freeze_panes = "A2"
    servings = DataValidation(
        type="decimal",
        operator="greaterThan",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Servings per day",
        error="Write a positive number of servings a day, e.g. 1 or 2.",
        promptTitle="Servings per day",
        prompt="How many servings a day the label directs (e.g. 1 or 2).",
        showInputMessage=True,
    )
    servings.add(f"E2:E{FILL_ROWS}")
    ws.add_data_validation(servings)

    info = wb.create_sheet("Instructions")
    info.column_dimensions["A"].width = 110
    for i, line in enumerate(INSTRUCTIONS, 1):
        cell = info.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.data_type = "s"
    info["A1"].font = Font(bold=True, size=13)

    if reference is not None:
        _strains_sheet(wb.create_sheet("Strains"), reference)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _strains_sheet(ws: Any, ref: Reference) -> None:
    """Strains the reference knows; the headers avoid words the label reader takes for fields."""
    from openpyxl.styles import Font

    ws.append(["Current name", "Designation", "Labels may also write", "Studies recorded"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    others: dict[str, list[str]] = {}
    for n in ref.names:
        if n.strain_id:
            others.setdefault(n.strain_id, []).append(n.name)
    studied = {sid: len({k[0] for k in keys}) for sid, keys in ref.arms_by_strain.items()}
    for s in sorted(ref.strains.values(), key=lambda s: (s.species_name, s.designation)):
        ws.append(
            [
                s.species_name,
                s.designation,
                "; ".join(dict.fromkeys(others.get(s.strain_id, []))),
                studied.get(s.strain_id, 0),
            ]
        )
    for row in ws.iter_rows(min_row=2, max_col=3):
        for cell in row:
            cell.data_type = "s"  # a name starting with '=' must stay text
    for letter, width in zip("ABCD", (44, 16, 70, 16), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_template(
    out: Path, *, force: bool = False, strains: bool = True, reference: str | None = None
) -> None:
    """Build the workbook and write it whole (never over an existing file without force)."""
    from strainscore.errors import UsageError
    from strainscore.output import write_file
    from strainscore.reference import load_reference

    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: the template is an Excel workbook; give a name ending in .xlsx")
    ref = load_reference(reference) if strains else None
    write_file(out, build_template(ref), force=force)
