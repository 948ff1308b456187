"""Plain text for the terminal: plain words, fits 100 columns."""

from __future__ import annotations

import textwrap

from strainscore.formats._studies import Sources, sources_for
from strainscore.formats.plain import plain_summary
from strainscore.formats.words import (
    CLAIM_STATUS_WORDS,
    GRADE_LEGEND,
    MATCH_WORDS,
    NOT_ADVICE,
    certainty_text,
    cfu_text,
    claim_counts_text,
    dose_text,
    evidence_text,
    population_note,
    via_text,
)
from strainscore.models import ProductReport, Report, StrainReport
from strainscore.text.clean import printable, terminal_safe
from strainscore.verdict import verdict_of

WIDTH = 100
one_line = printable  # user text on one line: a line break in it becomes a space
clean = terminal_safe  # user text made safe to print on a terminal (no controls, no bidi)


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first or indent]


def render(report: Report) -> bytes:
    out: list[str] = []
    where = one_line(report.source) + (f" (sheet {report.sheet!r})" if report.sheet else "")
    out.append(f"strainscore report for {where}")
    ref = report.reference
    out.append(f"Reference {ref.version} of {ref.date}, tables sha256 {ref.sha256[:12]}")
    out.extend(f"Note: {one_line(n)}" for n in report.notices)
    if report.population:
        out.extend(_wrap(population_note(report)))
    src = sources_for(report)
    for product in report.products:
        out.append("")
        out.extend(_product(product, src))
    if report.context:
        out.append("")
        out.extend(
            _wrap(
                "Context for the outcome, never for a strain (reviews pooling many strains, and "
                "studies whose strains are not recorded):"
            )
        )
        for outcome, ids in report.context:
            cites = ", ".join(src.cite(i).short for i in ids)
            out.extend(_wrap(cites, "    ", f"  {src.outcome(outcome)}: "))
    if report.issues:
        out.append("")
        out.append(f"Input problems ({len(report.issues)}):")
        for issue in report.issues:
            out.extend(_wrap(f"{issue.message} [{issue.code}]", "    ", f"  {issue.location}: "))
    out.append("")
    out.extend(_wrap(GRADE_LEGEND))
    out.extend(_wrap(NOT_ADVICE))
    return ("\n".join(clean(line) for line in out) + "\n").encode("utf-8")


def _product(p: ProductReport, src: Sources) -> list[str]:
    # A line break in a product cell must not start a line of its own (a spoofed verdict).
    title = one_line(p.product + (f" ({p.brand})" if p.brand else ""))
    out = [title, "=" * min(len(title), WIDTH)]
    out.extend(_wrap(plain_summary(p, src.outcome)))
    listed = len(p.strains)
    count = f"{cfu_text(p.daily_cfu)} CFU" if p.daily_cfu else "not given on the label"
    summary = (
        f"Strain-level evidence in people: {p.strains_with_evidence} of {listed} listed "
        f"{'strain' if listed == 1 else 'strains'}. Daily count: {count}."
    )
    out.extend(_wrap(summary))
    notes = list(p.notes)
    if p.daily_cfu is None and any(e.dose for s in p.strains for e in s.evidence):
        notes.append("doses are not compared: the label gives no count in CFU")
    for note in notes:
        out.extend(_wrap(note, "  ", "  note: "))
    for i, s in enumerate(p.strains, 1):
        out.append("")
        out.extend(_strain(i, s, src, show_dose=p.daily_cfu is not None))
    shown = [o for o in p.outcomes if o.basis != "species"]  # species lines: said once above
    if shown:
        out.append("")
        out.append("Best evidence per outcome:")
        for o in shown:
            if o.grade:
                who = f"; {o.studied.text}" if o.studied else ""
                said = f"{o.verdict_text} ({certainty_text(o.grade)}{who})"
            else:
                said = o.verdict
            label = src.outcome(o.outcome)
            out.extend(_wrap(f"{said} - {', '.join(o.strains)}", "      ", f"  {label}: "))
    if p.claims:
        out.append("")
        out.append(f"Claims on the label ({len(p.claims)}): {claim_counts_text(p.claim_counts)}")
        for c in p.claims:
            found = "; ".join(
                f"{s}: {src.outcome(o)} {verdict_of(d, g)} ({certainty_text(g)})"
                for s, o, g, d in c.supported_by
            )
            said = CLAIM_STATUS_WORDS[c.status] + (f" - {c.note}" if c.note else "")
            said += f" - {found}" if found else ""
            out.extend(_wrap(said, "      ", f"  {c.claim!r}: "))
    return out


def _strain(i: int, s: StrainReport, src: Sources, *, show_dose: bool = True) -> list[str]:
    r = s.resolution
    out = [f"{i}. {one_line(r.label_text)}"]
    if r.match == "strain":
        resolved = f"{r.name} {r.strain}"
    elif r.name:
        resolved = r.name
    else:
        resolved = "-"
    how = f" (via {via_text(r)})" if r.via else ""
    out.extend(_wrap(f"{resolved}{how}: {MATCH_WORDS[r.match]}", "     ", "   -> "))
    if r.suggestions:
        out.extend(_wrap(", ".join(r.suggestions), "     ", "   did you mean: "))
    for note in (*r.notes, *s.notes):
        out.extend(_wrap(note, "     ", "   note: "))
    species = [src.outcome(e.outcome) for e in s.evidence if e.basis == "species"]
    if species:
        line = f"other strains of the species were studied for {', '.join(species)}; not graded"
        out.extend(_wrap(line + ", they do not transfer", "       ", "   * "))
    for e in s.evidence:
        if e.basis == "species":
            continue
        line = f"{src.outcome(e.outcome)}: {evidence_text(e)}"
        if e.blend:
            line += f" [{e.blend}]"
        line += f" - {'; '.join(src.cite(sid).short for sid in e.study_ids)}"
        out.extend(_wrap(line, "       ", "   * "))
        if e.dose is not None and show_dose:
            out.extend(_wrap(dose_text(e.dose), "         ", "     dose "))
    if not s.evidence and r.match == "strain":
        out.append("   * no studies recorded for this strain")
    return out
