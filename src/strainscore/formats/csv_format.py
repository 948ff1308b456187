"""CSV for scripts and spreadsheets, in one of two shapes (``SHAPES``):

- ``evidence`` (the default): one row per label line and body of evidence (``EVIDENCE_HEADERS``);
- ``lines``: one row per label line, like the annotated workbook (``LINE_HEADERS`` then one
  ``evidence: <outcome>`` column per outcome of the reference, then the dose, studies and notes),
  about a quarter of the evidence shape's bytes: the shape for a million rows.

UTF-8 without a byte-order mark, a header row, RFC 4180 quoting. Every text goes through
``neutralise`` so nothing the label said runs as a formula when the file is opened. A report can
be written in parts (``CsvWriter``): the header once, then each part's rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from strainscore.formats import CSV_SHAPES
from strainscore.formats._once import PerObject
from strainscore.formats._rows import (
    EVIDENCE_HEADERS,
    Value,
    best_per_outcome,
    body_values,
    evidence_words,
    line_dose,
    line_values,
    report_outcomes,
    resolved_name,
)
from strainscore.formats._safe import neutralise
from strainscore.formats._studies import Sources, sources_for
from strainscore.models import Report, StrainReport

SHAPES = CSV_SHAPES
DEFAULT_SHAPE = CSV_SHAPES[0]
LINE_HEADERS = [
    "source", "sheet", "row", "product", "brand", "strain_cell", "strain_as_written",
    "cfu_per_serving", "servings_per_day", "claims", "match", "resolved_name", "designation",
    "strain_id", "via", "corrected", "strain_level_evidence",
]  # fmt: skip
LINE_TAIL = ["dose_status", "dose_notes", "study_ids", "notes"]


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


def write(report: Report, fh: BinaryIO, shape: str = DEFAULT_SHAPE) -> None:
    """Write the CSV into a binary file as the rows are made (nothing held but one row)."""
    CsvWriter(fh, shape).write(report)


class CsvWriter:
    """One CSV written from one report or from the reports of a file's parts, in order: the
    header with the first, then every report's rows. ``restart`` empties the file (a seekable
    one) to write it again from the start."""

    def __init__(self, fh: BinaryIO, shape: str = DEFAULT_SHAPE) -> None:
        if shape not in SHAPES:
            raise ValueError(f"unknown CSV shape {shape!r}")
        self.fh, self.shape = fh, shape
        self.outcomes: list[tuple[str, str]] | None = None  # the lines shape's columns

    def write(self, report: Report) -> None:
        text = io.TextIOWrapper(self.fh, encoding="utf-8", newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        src = sources_for(report)
        if self.shape == "evidence":
            if self.outcomes is None:
                writer.writerow(EVIDENCE_HEADERS)
                self.outcomes = []
            writer.writerows(_rows(report, src))
        else:
            if self.outcomes is None:
                self.outcomes = _outcome_columns(report, src)
                writer.writerow(
                    [
                        *LINE_HEADERS,
                        *(f"evidence: {label}" for _, label in self.outcomes),
                        *LINE_TAIL,
                    ]
                )
            writer.writerows(_line_rows(report, src, [o for o, _ in self.outcomes]))
        text.flush()
        text.detach()  # the caller owns fh

    def restart(self) -> None:
        self.fh.seek(0)
        self.fh.truncate()
        self.outcomes = None


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


def _outcome_columns(report: Report, src: Sources) -> list[tuple[str, str]]:
    """(outcome, its name) for the lines shape: every outcome of the reference, in its order
    (so each part of a big file has the same columns); a report without the reference's outcome
    list (built by hand) gives the outcomes its lines have evidence for."""
    ids = [o for o, _ in report.outcome_labels] or report_outcomes(report)
    return [(o, neutralise(src.outcome(o))) for o in ids]


def _line_rows(report: Report, src: Sources, outcomes: list[str]) -> Iterator[list[str]]:
    # Lines share their tuples of bodies of evidence: the cells made from the tuple alone
    # (evidence per outcome, dose, study ids) are made and neutralised once per tuple.
    from_evidence = PerObject(lambda s: [_text(v) for v in _evidence_values(s, src, outcomes)])
    for p in report.products:
        for s in p.strains:
            ln, r = s.line, s.resolution
            head: list[Value] = [
                report.source, ln.sheet or "", ln.row, ln.product, ln.brand,
                ln.cell_text or ln.strain_text, ln.strain_text,
                ln.cfu_per_serving.text if ln.cfu_per_serving else "", ln.servings_per_day,
                ", ".join(ln.claims), r.match, resolved_name(s), r.strain or "", r.strain_id or "",
                ",".join(r.via), "yes" if r.corrected else "no",
            ]  # fmt: skip
            *evidence, ids = from_evidence.of(s.evidence, s)
            notes = _text("; ".join((*r.notes, *s.notes)))
            yield [*(_text(v) for v in head), *evidence, ids, notes]


def _evidence_values(s: StrainReport, src: Sources, outcomes: list[str]) -> list[Value]:
    """The lines shape's cells that depend on the line's evidence only (not on the line)."""
    best = best_per_outcome(s)
    status, dose_notes = line_dose(s, src)
    ids = dict.fromkeys(i for e in s.evidence for i in e.study_ids)
    return [
        "yes" if s.has_strain_evidence else "no",
        *(evidence_words(best[o]) if o in best else "" for o in outcomes),
        status, dose_notes, ",".join(ids),
    ]  # fmt: skip
