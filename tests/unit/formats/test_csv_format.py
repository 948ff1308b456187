"""The CSV: one row per label line and body of evidence, UTF-8, nothing that runs."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

import pytest

from strainscore.errors import OutputError
from strainscore.formats import csv_format, render
from strainscore.formats._safe import FORMULA_STARTS
from strainscore.models import Report
from strainscore.output import write_stream


def rows_of(report: Report) -> list[dict[str, str]]:
    data = render(report, "csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_one_row_per_line_and_evidence(golden_report: Report) -> None:
    rows = rows_of(golden_report)
    lines = [s for p in golden_report.products for s in p.strains]
    assert len(rows) == sum(max(1, len(s.evidence)) for s in lines)
    hn001 = [r for r in rows if r["strain_as_written"] == "Lactobacillus rhamnosus HN001"]
    depression = next(r for r in hn001 if r["outcome"] == "depression")
    assert depression["grade"] == "moderate" and depression["direction"] == "supports"
    assert depression["dose_status"] == "meets"
    assert depression["product_daily_cfu"] == "6000000000"
    assert depression["study_ids"] == "slykerman2017"
    assert depression["via"] == "old-name" and depression["source"] == "labels.csv"
    unknown = [r for r in rows if r["strain_as_written"] == "Bacterium mysterium"]
    assert len(unknown) == 1 and unknown[0]["outcome"] == "" and unknown[0]["match"] == "unknown"


def test_every_cell_is_neutralised(hostile_report: Report) -> None:
    rows = rows_of(hostile_report)
    cells = [v for r in rows for v in r.values()]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert '\'=HYPERLINK("http://x.invalid")' in cells
    assert "'@brand" in cells
    assert "<script>alert(1)</script>" in cells  # CSV is not HTML: the text stays as written


def test_streamed_file_equals_rendered_bytes(golden_report: Report, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    write_stream(out, lambda fh: csv_format.write(golden_report, fh))
    assert out.read_bytes() == render(golden_report, "csv")


def test_stream_that_fails_half_way_leaves_nothing(golden_report: Report, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    out.write_bytes(b"earlier report")

    def half(fh: BinaryIO) -> None:
        fh.write(render(golden_report, "csv")[:100])
        raise OSError("disk full")

    with pytest.raises(OutputError, match="disk full; nothing was written"):
        write_stream(out, half, force=True)
    assert out.read_bytes() == b"earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no temporary file left


def test_a_left_out_row_counts_among_its_products_input_problems(tmp_path: Path) -> None:
    # The issue's case: a product judged on part of its rows must not show "0 input problems".
    from strainscore.formats._view import issues_of
    from strainscore.workflows.check import check_label

    sheet = tmp_path / "in.csv"
    sheet.write_text(
        "Product,Strain,CFU per serving\nCalm,L. rhamnosus GG,10 billion\n"
        "Calm,B. lactis BB-12,-5 billion\n",
        encoding="utf-8",
    )
    report = check_label(sheet)
    (product,) = report.products
    assert [s.line.row for s in product.strains] == [2]
    assert [i.row for i in issues_of(report, product)] == [3]
    assert any("other rows only" in n for n in product.notes)


def _lines_rows(report: Report) -> tuple[list[str], list[dict[str, str]]]:
    buf = io.BytesIO()
    csv_format.write(report, buf, shape="lines")
    reader = csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_the_lines_shape_has_one_row_per_label_line(golden_report: Report) -> None:
    headers, rows = _lines_rows(golden_report)
    lines = [s for p in golden_report.products for s in p.strains]
    assert len(rows) == len(lines)
    assert headers[: len(csv_format.LINE_HEADERS)] == csv_format.LINE_HEADERS
    assert headers[-len(csv_format.LINE_TAIL) :] == csv_format.LINE_TAIL
    hn001 = next(r for r in rows if r["strain_as_written"] == "Lactobacillus rhamnosus HN001")
    assert hn001["strain_level_evidence"] == "yes" and hn001["match"] == "strain"
    assert hn001["study_ids"].split(",")[0] == "slykerman2017"
    assert hn001["evidence: Depression"]


def test_the_lines_shape_has_a_column_for_every_outcome_of_the_reference(
    golden_report: Report,
) -> None:
    headers, _ = _lines_rows(golden_report)
    evidence = [h for h in headers if h.startswith("evidence: ")]
    if golden_report.outcome_labels:
        assert evidence == [f"evidence: {label}" for _, label in golden_report.outcome_labels]
    else:
        assert evidence


def test_the_lines_shape_neutralises_every_cell(hostile_report: Report) -> None:
    _, rows = _lines_rows(hostile_report)
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value


def test_an_unknown_shape_is_refused() -> None:
    with pytest.raises(ValueError, match="shape"):
        csv_format.CsvWriter(io.BytesIO(), "wide")
