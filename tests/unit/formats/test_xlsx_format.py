"""The annotated workbook, read back with openpyxl."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from strainscore.errors import OutputError
from strainscore.formats import render, xlsx_format
from strainscore.formats._rows import Table
from strainscore.formats._safe import FORMULA_STARTS
from strainscore.labels import read_label_stream
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
    assert head[:4] == ["sheet row", "product", "brand", "strain"]  # the user's own headers
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
    assert {r["strain"] for r in gg} == {
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


def test_the_users_sheet_and_header_names_are_kept(golden_report: Report) -> None:
    renamed = dataclasses.replace(
        golden_report,
        sheet="Etiketten 2026",
        columns=(("product", "Produkt"), ("strain", "Stamm"), ("brand", "Marke")),
    )
    wb = book(renamed)
    assert wb.sheetnames[0] == "Etiketten 2026"
    assert header(wb["Etiketten 2026"])[1:4] == ["Produkt", "Marke", "Stamm"]
    # A sheet named like one of the report's own sheets gives way to 'Labels'.
    assert book(dataclasses.replace(golden_report, sheet="summary")).sheetnames[0] == "Labels"


def test_the_annotated_workbook_reads_back_as_a_label(golden_report: Report) -> None:
    sheet = read_label_stream(render(golden_report, "xlsx"), "annotated.xlsx")
    assert len(sheet.lines) >= sum(len(p.strains) for p in golden_report.products)


def test_rows_beyond_excels_grid_go_on_in_more_sheets() -> None:
    table = Table(["a"], [[i] for i in range(7)])
    parts = xlsx_format._pieces(table, per=3)
    assert [len(p.rows) for p in parts] == [3, 3, 1]
    assert [r for p in parts for r in p.rows] == table.rows


def test_too_many_columns_is_refused(
    golden_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_format, "EXCEL_COLUMNS", 10)
    with pytest.raises(OutputError, match="Excel allows 10") as info:
        render(golden_report, "xlsx")
    assert info.value.code == "output-too-large"


def test_beyond_the_unpacked_size_guard_is_refused(
    golden_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strainscore.labels import limits

    monkeypatch.setattr(limits.Limits, "max_unpacked_bytes", property(lambda self: 10_000))
    with pytest.raises(OutputError, match="reads back") as info:
        render(golden_report, "xlsx")
    assert info.value.code == "output-too-large"
