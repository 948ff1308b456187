"""The label template: what a dietitian sees in Excel, and that it reads back cleanly."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from strainscore.labels import read_label
from strainscore.reference import Reference
from strainscore.workflows.check import check_label
from strainscore.workflows.template import COLUMNS, EXAMPLE_PRODUCT, build_template


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_labels_sheet_has_headers_notes_validation_and_frozen_header() -> None:
    wb = _open(build_template())
    assert wb.sheetnames == ["Labels", "Instructions"]
    ws = wb["Labels"]
    headers = [c.value for c in ws[1]]
    assert headers == [
        "product",
        "brand",
        "strain",
        "cfu_per_serving",
        "servings_per_day",
        "claims",
    ]
    for cell in ws[1]:
        assert cell.comment is not None and len(cell.comment.text) > 40
        assert ws.column_dimensions[cell.column_letter].width >= 18
    assert "first row" in ws["D1"].comment.text and "THIS strain" in ws["D1"].comment.text
    assert ws.freeze_panes == "A2"
    (dv,) = ws.data_validations.dataValidation
    assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThan", "0")
    assert str(dv.sqref).startswith("E2:E")
    assert ws["A2"].value == EXAMPLE_PRODUCT and "fictional" in EXAMPLE_PRODUCT
    text = " ".join(str(c.value or "") for c in wb["Instructions"]["A"])
    assert "strainscore check" in text and "not medical advice" in text
    assert len(COLUMNS) == len(headers)


def test_strains_sheet_lists_the_reference(small_ref: Reference) -> None:
    ws = _open(build_template(small_ref))["Strains"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Current name", "Designation", "Labels may also write", "Studies recorded")
    t1 = next(r for r in rows if r[1] == "T1")
    assert t1 == ("Testibacillus exemplaris", "T1", "TX-1; FCC 1001", 2)
    assert len(rows) == 1 + len(small_ref.strains)


def test_reads_back_without_problems(tmp_path: Path) -> None:
    path = tmp_path / "labels.xlsx"
    path.write_bytes(build_template())
    sheet = read_label(path)
    assert sheet.issues == () and sheet.sheet == "Labels"
    assert [ln.strain_text for ln in sheet.lines] == [
        "Lactobacillus rhamnosus HN001",
        "Bifidobacterium lactis HN019",
    ]
    report = check_label(path)
    (product,) = report.products
    assert product.strains_with_evidence >= 1 and report.issues == ()
    assert all(s.resolution.match == "strain" for s in product.strains)
