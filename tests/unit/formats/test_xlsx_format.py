"""The annotated workbook, read back with openpyxl."""

from __future__ import annotations

import io

import openpyxl
import pytest

from strainscore.formats import render
from strainscore.formats._safe import FORMULA_STARTS
from strainscore.models import Report


def book(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))


def header(ws) -> list[str]:
    return [c.value for c in next(ws.iter_rows(max_row=1))]


def test_sheets_headers_frozen_and_sized(golden_report: Report) -> None:
    wb = book(golden_report)
    assert wb.sheetnames == ["Labels", "Summary", "Issues", "About"]
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert all(c.font.bold for c in next(ws.iter_rows(max_row=1))), ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title
    assert wb["Labels"].auto_filter.ref and wb["Labels"].auto_filter.ref.startswith("A1:")


def test_labels_sheet_keeps_the_users_rows_with_findings_beside(golden_report: Report) -> None:
    ws = book(golden_report)["Labels"]
    head = header(ws)
    assert head[:4] == ["sheet row", "product", "brand", "strain cell as written"]
    for name in ("match", "resolved name", "designation", "read via", "dose check", "study ids"):
        assert name in head
    assert "evidence: Depression" in head
    rows = [dict(zip(head, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == sum(len(p.strains) for p in golden_report.products)
    hn = next(r for r in rows if r["strain (this line)"] == "Lactobacillus rhamnosus HN001")
    assert hn["sheet row"] == 4 and isinstance(hn["sheet row"], int)
    assert hn["resolved name"] == "Lacticaseibacillus rhamnosus" and hn["designation"] == "HN001"
    assert hn["read via"] == "old name"
    assert hn["evidence: Depression"] == (
        "likely helps, in pregnant women (certainty: moderate; 1 trial, 423 pregnant women)"
    )
    # Counted by outcome, never a bare "meets" when some outcomes cannot be compared.
    assert hn["dose check"] == "meets for 2 of 3 outcomes; unknown for 1 of 3 outcomes"
    gg = [r for r in rows if r["sheet row"] == 6]
    assert len(gg) == 4  # one cell listing four strains gives four lines
    assert {r["strain cell as written"] for r in gg} == {
        "L. rhamnosus GG (ATCC 53103), Saccharomyces boulardii, Lactobacilus acidophilus, "
        "Bacterium mysterium"
    }


def test_summary_and_issues(golden_report: Report) -> None:
    wb = book(golden_report)
    summary = list(wb["Summary"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in summary] == [p.product for p in golden_report.products]
    head = header(wb["Summary"])
    calm = dict(zip(head, summary[0], strict=True))
    assert calm["strains listed"] == 2 and calm["strains with strain-level evidence"] == 2
    assert calm["daily CFU"] == pytest.approx(3e9)
    issues = list(wb["Issues"].iter_rows(min_row=2, values_only=True))
    assert len(issues) == len(golden_report.issues) > 0
    about = dict(wb["About"].iter_rows(min_row=2, values_only=True))
    assert about["reference sha256"] == golden_report.reference.sha256


def test_no_formula_anywhere(hostile_report: Report) -> None:
    wb = book(hostile_report)
    texts = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert not [t for t in texts if t.startswith(FORMULA_STARTS)]
    assert '\'=HYPERLINK("http://x.invalid")' in texts and "'+calm, <i>mood</i>" in texts
    assert "<script>alert(1)</script>" in texts
