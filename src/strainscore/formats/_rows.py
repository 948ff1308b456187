"""A report as flat rows, for the CSV and XLSX formats (which neutralise every text they write)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from strainscore.formats._studies import Sources
from strainscore.formats._view import issues_of
from strainscore.formats.words import (
    BASIS_WORDS,
    CLAIM_STATUS_WORDS,
    MATCH_WORDS,
    certainty_text,
    claim_counts_text,
    dose_summary,
    via_text,
)
from strainscore.models import CLAIM_STATUSES, OutcomeEvidence, ProductReport, Report, StrainReport
from strainscore.vocab import best_evidence_key

Value = str | int | float | None


def number(value: float | None) -> str:
    """A count as plain digits for CSV ('1500000000'), empty when unknown."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def rank(e: OutcomeEvidence) -> tuple[int, int, int, int]:
    return best_evidence_key(e.direction, e.grade, e.basis)


def best_per_outcome(s: StrainReport) -> dict[str, OutcomeEvidence]:
    best: dict[str, OutcomeEvidence] = {}
    for e in s.evidence:
        if e.outcome not in best or rank(e) < rank(best[e.outcome]):
            best[e.outcome] = e
    return best


def evidence_words(e: OutcomeEvidence) -> str:
    """'may help, in pregnant women (certainty: moderate; 1 trial, 423 pregnant women)' or
    'not graded: only other strains of the species were studied': the verdict first."""
    if e.grade:
        studied = f"; {e.studied.text}" if e.studied else ""
        return f"{e.verdict_text} ({certainty_text(e.grade)}{studied})"
    return e.verdict


def resolved_name(s: StrainReport) -> str:
    return s.resolution.name or ""


def line_dose(s: StrainReport, src: Sources) -> tuple[str, str]:
    """(status, notes) over the line's graded evidence, counted by outcome ('meets for 1 of 6
    outcomes; unknown for 5 of 6 outcomes'); the notes say it outcome by outcome."""
    checks = [e.dose for e in s.evidence if e.grade and e.dose is not None]
    if not checks:
        return ("", "")
    status = dose_summary([d.status for d in checks])
    notes = "; ".join(
        dict.fromkeys(
            f"{src.outcome(e.outcome)}: {e.dose.status}, {e.dose.note}"
            for e in s.evidence
            if e.grade and e.dose is not None
        )
    )
    return (status, notes)


def report_outcomes(report: Report) -> list[str]:
    """Every outcome any line has evidence for, in a stable order (first seen)."""
    seen: dict[str, None] = {}
    for p in report.products:
        for o in p.outcomes:
            seen.setdefault(o.outcome, None)
    return list(seen)


def extra_headers(report: Report) -> list[str]:
    seen: dict[str, None] = {}
    for p in report.products:
        for s in p.strains:
            for key, _ in s.line.extra:
                seen.setdefault(key, None)
    return list(seen)


@dataclass(frozen=True)
class Table:
    headers: Sequence[str]
    rows: Sequence[Sequence[Value]]


def label_table(report: Report, src: Sources, *, own_headers: bool = False) -> Table:
    """The user's rows, one per label line, with the resolution and evidence beside them.

    `own_headers`: the user's columns keep the headers the user gave them (the annotated xlsx)."""
    outcomes = report_outcomes(report)
    extras = extra_headers(report)
    # The user's own header names where the sheet had them (so the sheet reads back as a label).
    own = dict(report.columns) if own_headers else {}
    headers = [
        "sheet row", own.get("product", "product"), own.get("brand", "brand"),
        own.get("strain", "strain cell as written"), own.get("cfu_per_serving", "cfu_per_serving"),
        own.get("servings_per_day", "servings_per_day"), own.get("claims", "claims"), *extras,
        "strain (this line)", "match", "resolved name", "designation", "read via",
        "strain-level evidence", *(f"evidence: {src.outcome(o)}" for o in outcomes),
        "dose check", "dose notes", "study ids", "notes",
    ]  # fmt: skip
    rows: list[list[Value]] = []
    for p in report.products:
        for s in p.strains:
            ln, r = s.line, s.resolution
            extra = dict(ln.extra)
            best = best_per_outcome(s)
            status, dose_notes = line_dose(s, src)
            ids = dict.fromkeys(i for e in s.evidence for i in e.study_ids)
            rows.append([
                ln.row, ln.product, ln.brand, ln.cell_text or ln.strain_text,
                ln.cfu_per_serving.text if ln.cfu_per_serving else "",
                ln.servings_per_day, ", ".join(ln.claims), *(extra.get(k, "") for k in extras),
                ln.strain_text, MATCH_WORDS[r.match], resolved_name(s), r.strain or "",
                via_text(r), "yes" if s.has_strain_evidence else "no",
                *(evidence_words(best[o]) if o in best else "" for o in outcomes),
                status, dose_notes, ", ".join(ids), "; ".join((*r.notes, *s.notes)),
            ])  # fmt: skip
    return Table(headers, rows)


def summary_table(report: Report, src: Sources) -> Table:
    """One row per product."""
    headers = [
        "product", "brand", "strains listed", "strains with strain-level evidence", "daily CFU",
        "graded evidence", "not graded evidence", "dose below the studied dose for",
        "claims", "claim statuses", *(f"claims {CLAIM_STATUS_WORDS[st]}" for st in CLAIM_STATUSES),
        "claims not supported", "input problems on its rows", "notes",
    ]  # fmt: skip
    rows: list[list[Value]] = []
    for p in report.products:
        rows.append([
            p.product, p.brand, len(p.strains), p.strains_with_evidence, p.daily_cfu,
            "; ".join(_outcome_words(p, src, graded=True)),
            "; ".join(_outcome_words(p, src, graded=False)),
            ", ".join(_below(p, src)), ", ".join(c.claim for c in p.claims),
            claim_statuses(p), *p.claim_counts.values(),
            ", ".join(p.claims_without_evidence), len(issues_of(report, p)), "; ".join(p.notes),
        ])  # fmt: skip
    return Table(headers, rows)


def claim_statuses(p: ProductReport) -> str:
    """'reduces anxiety: contradicted | supports mood: supported'."""
    return " | ".join(f"{c.claim}: {CLAIM_STATUS_WORDS[c.status]}" for c in p.claims)


def claim_counts(p: ProductReport) -> str:
    return claim_counts_text(p.claim_counts) if p.claims else ""


def _outcome_words(p: ProductReport, src: Sources, *, graded: bool) -> Iterator[str]:
    for o in p.outcomes:
        if bool(o.grade) != graded:
            continue
        if o.grade:
            yield f"{src.outcome(o.outcome)}: {o.verdict_text} ({certainty_text(o.grade)})"
        else:
            yield f"{src.outcome(o.outcome)}: {BASIS_WORDS[o.basis]}"


def _below(p: ProductReport, src: Sources) -> list[str]:
    out: dict[str, None] = {}
    for s in p.strains:
        for e in s.evidence:
            if e.grade and e.dose is not None and e.dose.status == "below":
                out.setdefault(src.outcome(e.outcome), None)
    return list(out)


def issue_table(report: Report) -> Table:
    headers = ["severity", "code", "file", "sheet", "row", "column", "header", "value", "message"]
    rows: list[list[Value]] = [
        [i.severity, i.code, i.file, i.sheet, i.row, i.column, i.header, i.value, i.message]
        for i in report.issues
    ]
    return Table(headers, rows)


EVIDENCE_HEADERS = [
    "source", "sheet", "row", "product", "brand", "strain_as_written", "cfu_per_serving",
    "match", "resolved_name", "designation", "strain_id", "via", "corrected",
    "claim_counts", "claim_statuses", "outcome", "outcome_label", "verdict", "grade",
    "direction", "studied", "basis", "blend", "dose_status", "product_daily_cfu",
    "studied_daily_cfu", "dose_note", "study_ids", "reasons", "notes",
]  # fmt: skip


def line_values(report: Report, p: ProductReport, s: StrainReport) -> list[Value]:
    """The columns of an evidence row that come from the label line and its resolution."""
    ln, r = s.line, s.resolution
    return [
        report.source, ln.sheet or "", ln.row, p.product, p.brand, ln.strain_text,
        ln.cfu_per_serving.text if ln.cfu_per_serving else "", r.match, r.name or "",
        r.strain or "", r.strain_id or "", ",".join(r.via), "yes" if r.corrected else "no",
        claim_counts(p), claim_statuses(p),
    ]  # fmt: skip


def body_values(e: OutcomeEvidence, src: Sources) -> list[Value]:
    """The columns of an evidence row that come from one body of evidence."""
    d = e.dose
    return [
        e.outcome, src.outcome(e.outcome), e.verdict_text, e.grade or "", e.direction or "",
        e.studied.text if e.studied else "", e.basis, e.blend or "", d.status if d else "",
        number(d.product_daily_cfu) if d else "",
        number(d.studied_daily_cfu) if d else "", d.note if d else "", ",".join(e.study_ids),
        "; ".join(e.reasons),
    ]  # fmt: skip
