"""Plain words shared by every human-readable format (text, HTML, spreadsheet, lookup).

The one home of the words for a match level, a step of the name match (via), a basis, a
direction, a dose check and a study design; no other module spells them.
"""

from __future__ import annotations

from collections.abc import Mapping

from strainscore.models import CLAIM_STATUSES, DoseCheck, OutcomeEvidence, Report, Resolution

NOT_ADVICE = (
    "strainscore summarises published studies; it is not medical advice. Talk to a doctor or "
    "dietitian before using probiotics to treat a condition."
)
MATCH_WORDS = {
    "strain": "strain found in the reference",
    "species": "species only: no strain the reference holds",
    "genus": "genus only",
    "unknown": "not recognised",
}
VIA_WORDS = {
    "current-name": "current name",
    "old-name": "old name",
    "alias": "alias",
    "deposit": "culture-collection number",
    "trade-name": "trade name",
    "reidentified": "re-identified strain",
    "synonym": "synonym",
    "corrected-spelling": "spelling corrected",
    "homoglyph": "look-alike letters replaced",
    "abbreviation": "abbreviated genus",
    "designation-only": "designation alone",
    "corrected-characters": "look-alike characters in the designation corrected",
    "formulation": "a formulation's trade name, expanded to the strains its record lists",
}
BASIS_WORDS = {
    "strain": "this strain",
    "formulation": "the studied blend, held whole",
    "component": "only as part of a blend",
    "mechanistic": "animal or lab work only",
    "species": "other strains of the species",
}
DIRECTION_WORDS = {
    "supports": "supports a benefit",
    "no-effect": "no effect found",
    "conflicting": "studies disagree",
    "harm-signal": "possible harm",
}
DOSE_WORDS = {
    "meets": "reaches the studied dose",
    "below": "below the studied dose",
    "unknown": "cannot be compared",
}
HEADLINE_DOSE = {
    "meets": "The daily count reaches the studied dose for",
    "below": "The daily count is below the studied dose for",
    "unknown": "The dose cannot be compared with the studies for",
}
NOT_GRADED_SHORT = {"component": "blend part", "mechanistic": "animal/lab", "species": "species"}
DESIGN_WORDS = {
    "meta-analysis": "meta-analysis",
    "systematic-review": "systematic review",
    "rct": "randomised controlled trial",
    "crossover-rct": "randomised crossover trial",
    "non-randomised": "controlled trial, not stated to be randomised",
    "open-label": "open-label trial",
    "observational": "observational study",
    "animal": "animal study",
    "in-vitro": "lab study",
}

DESIGN_SHORT = {
    "meta-analysis": "meta-analysis",
    "systematic-review": "review",
    "rct": "RCT",
    "crossover-rct": "crossover RCT",
    "non-randomised": "non-randomised trial",
    "open-label": "open-label",
    "observational": "observational",
    "animal": "animal",
    "in-vitro": "lab",
}


# Short forms of the verdict ladder (strainscore.verdict) where space is tight (the chart).
VERDICT_SHORT = {
    "likely helps": "likely helps",
    "may help": "may help",
    "unclear: studies disagree": "unclear",
    "probably no effect": "probably no effect",
    "no effect found in small studies": "no effect (small)",
    "possible harm": "possible harm",
}
CLAIM_STATUS_WORDS = {
    "supported": "supported",
    "unclear": "unclear",
    "contradicted": "contradicted",
    "indirect-only": "only indirect evidence",
    "no-evidence": "no evidence recorded",
    "no-outcome": "no outcome recognised",
}
GRADE_LEGEND = (
    "Each verdict reads what the studies found (direction) and how sure we can be (certainty) "
    "together: likely helps, may help, unclear: studies disagree, probably no effect, no effect "
    "found in small studies, possible harm. Certainty (GRADE-inspired, computed) is high, "
    "moderate, low or very low: a word about the studies, not a score of the product. "
    "Component, species and mechanistic evidence is shown but never graded."
)


def certainty_text(grade: str | None) -> str:
    """'certainty: very low': the grade as a word about the studies, never a score."""
    return f"certainty: {grade.replace('-', ' ')}" if grade else "not graded"


def via_text(r: Resolution) -> str:
    return ", ".join(VIA_WORDS.get(v, v) for v in r.via)


def evidence_text(e: OutcomeEvidence) -> str:
    """The verdict first, then the certainty and who was studied."""
    if e.grade:
        studied = f"; {e.studied.text}" if e.studied else ""
        down = "".join(f"; rated down for {r}" for r in e.reasons if r.startswith("indirectness"))
        return f"{e.verdict_text} ({certainty_text(e.grade)}{studied}{down})"
    return e.verdict


def claim_counts_text(counts: Mapping[str, int]) -> str:
    """'1 supported, 1 contradicted, 1 no outcome recognised' (statuses with none left out)."""
    parts = [f"{counts[st]} {CLAIM_STATUS_WORDS[st]}" for st in CLAIM_STATUSES if counts.get(st)]
    return ", ".join(parts) or "none"


def count_text(n: int, word: str) -> str:
    """3, 'product' -> '3 products'; 1, 'more problem' -> '1 more problem'."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def studies_text(n: int) -> str:
    """'1 study', '3 studies'."""
    return f"{n} {'study' if n == 1 else 'studies'}"


def cfu_text(value: float | None) -> str:
    if value is None:
        return "-"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:.3g}"


def dose_summary(statuses: list[str]) -> str:
    """'meets for 1 of 6 outcomes; below for 2 of 6': a line's dose checks counted, never a
    bare 'meets' when some outcomes could not be compared."""
    n = len(statuses)
    if not n:
        return ""
    unit = "outcome" if n == 1 else "outcomes"
    parts = [
        f"{st} for {statuses.count(st)} of {n} {unit}"
        for st in ("below", "meets", "unknown")
        if statuses.count(st)
    ]
    return "; ".join(parts)


def dose_text(d: DoseCheck | None) -> str:
    if d is None:
        return ""
    return f"{d.status}: {d.note}"


def population_note(report: Report) -> str:
    """What --population did: which bodies were rated down for indirectness, and why."""
    down = sorted(
        {
            (s.line.strain_text, e.outcome)
            for p in report.products
            for s in p.strains
            for e in s.evidence
            if any(r.startswith("indirectness") for r in e.reasons)
        }
    )
    head = (
        f"Population: {report.population}. Evidence studied only in age groups indirect to "
        f"{report.population} is rated down one level (indirectness)"
    )
    if not down:
        return head + "; no body of evidence in this report was rated down."
    listed = ", ".join(f"{who} x {o}" for who, o in down)
    return head + f": {len(down)} rated down ({listed})."
