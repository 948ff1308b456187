"""The CSV: one row per label line and body of evidence, UTF-8, nothing that runs."""

from __future__ import annotations

import csv
import io

from strainscore.formats import render
from strainscore.formats._safe import FORMULA_STARTS
from strainscore.models import Report


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
