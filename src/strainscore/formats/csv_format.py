"""CSV for scripts and spreadsheets: one row per label line and body of evidence.

UTF-8 without a byte-order mark, a header row, RFC 4180 quoting. Every text goes through
``neutralise`` so nothing the label said runs as a formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from strainscore.formats._rows import Value, evidence_table
from strainscore.formats._safe import neutralise
from strainscore.formats._studies import sources_for
from strainscore.models import Report


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def render(report: Report, **_: Any) -> bytes:
    table = evidence_table(report, sources_for(report))
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_text(v) for v in row])
    return buf.getvalue().encode("utf-8")
