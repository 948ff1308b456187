"""Plain words shared by every human-readable format (text, HTML, spreadsheet, lookup).

The one home of the words for a match level, a step of the name match (via), a basis, a
direction, a dose check and a study design; no other module spells them.
"""

from __future__ import annotations

from strainscore.models import DoseCheck, OutcomeEvidence, Resolution

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
DIRECTION_SHORT = {
    "supports": "supports",
    "no-effect": "no effect",
    "conflicting": "conflicting",
    "harm-signal": "harm signal",
}
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


GRADE_LEGEND = (
    "Grades (GRADE-inspired, computed): high, moderate, low, very-low = how sure we can be. "
    "Direction: supports, no-effect, conflicting, harm-signal. Component, species and "
    "mechanistic evidence is shown but never graded."
)


def via_text(r: Resolution) -> str:
    return ", ".join(VIA_WORDS.get(v, v) for v in r.via)


def evidence_text(e: OutcomeEvidence) -> str:
    if e.grade:
        return f"{e.grade} ({e.direction})"
    return BASIS_WORDS[e.basis]


def cfu_text(value: float | None) -> str:
    if value is None:
        return "-"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:.3g}"


def dose_text(d: DoseCheck | None) -> str:
    if d is None:
        return ""
    return f"{d.status}: {d.note}"
