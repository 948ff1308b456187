"""CSV for scripts and spreadsheets: one row per label line and body of evidence.

UTF-8 without a byte-order mark, a header row, RFC 4180 quoting. Every text goes through
``neutralise`` so nothing the label said runs as a formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from strainscore.formats._once import PerObject
from strainscore.formats._rows import EVIDENCE_HEADERS, Value, body_values, line_values
from strainscore.formats._safe import neutralise
from strainscore.formats._studies import Sources, sources_for
from strainscore.models import Report


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def render(report: Report) -> bytes:
    buf = io.BytesIO()
    write(report, buf)
    return buf.getvalue()


def write(report: Report, fh: BinaryIO) -> None:
    """Write the CSV into a binary file as the rows are made (nothing held but one row)."""
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(EVIDENCE_HEADERS)
    writer.writerows(_rows(report, sources_for(report)))
    text.flush()
    text.detach()  # the caller owns fh


def _rows(report: Report, src: Sources) -> Iterator[list[str]]:
    # Lines share their bodies of evidence: each body's cells are made and neutralised once.
    cells = PerObject(lambda e: [_text(v) for v in body_values(e, src)])
    for p in report.products:
        for s in p.strains:
            head = [_text(v) for v in line_values(report, p, s)]
            notes = neutralise("; ".join((*s.resolution.notes, *s.notes)))
            if not s.evidence:
                yield [*head, *[""] * (len(EVIDENCE_HEADERS) - len(head) - 1), notes]
            for e in s.evidence:
                yield [*head, *cells(e), notes]
