"""A product's judgement: per-line evidence, the best grade per outcome, and its claims checked."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from strainscore.evidence.assess import BASIS_ORDER, assess_line, other_strain_note, sort_key
from strainscore.evidence.dose import product_dose
from strainscore.models import (
    GRADED,
    ClaimCheck,
    LabelLine,
    OutcomeEvidence,
    OutcomeSummary,
    ProductReport,
    Resolution,
    StrainReport,
)
from strainscore.reference.model import Reference


def assess_product(
    lines: Sequence[LabelLine],
    resolutions: Mapping[str, Resolution],
    reference: Reference,
    *,
    population: str | None = None,
) -> ProductReport:
    """Judge one product from its label lines and their resolutions (keyed by strain text)."""
    res = [resolutions[ln.strain_text] for ln in lines]
    held = {r.strain_id for r in res if r.match == "strain" and r.strain_id}
    dose = product_dose(lines)
    strains = []
    for i, (ln, r) in enumerate(zip(lines, res, strict=True)):
        evidence = assess_line(
            r, reference, product_strain_ids=held, dose=dose, line_index=i, population=population
        )
        note = other_strain_note(r, reference)
        strains.append(StrainReport(ln, r, evidence, (note,) if note else ()))
    claims = tuple(dict.fromkeys(c for ln in lines for c in ln.claims))
    first = lines[0]
    return ProductReport(
        product=first.product,
        brand=first.brand,
        strains=tuple(strains),
        daily_cfu=dose.total_daily,
        outcomes=summarise(strains),
        claims=tuple(check_claim(c, strains, reference) for c in claims),
        notes=dose.notes,
    )


def summarise(strains: Sequence[StrainReport]) -> tuple[OutcomeSummary, ...]:
    """For each outcome, the best body of evidence in the product (graded bases first)."""
    best: dict[str, tuple[tuple[int, int, str], OutcomeEvidence, list[str]]] = {}
    for s in strains:
        for e in s.evidence:
            who = e.blend if e.basis == "formulation" and e.blend else s.line.strain_text
            key = sort_key(e)
            current = best.get(e.outcome)
            if current is None or key < current[0]:
                best[e.outcome] = (key, e, [who])
            elif key == current[0] and who not in current[2]:
                current[2].append(who)
    out = [
        OutcomeSummary(o, e.grade, e.direction, e.basis, tuple(who))
        for o, (_, e, who) in best.items()
    ]
    return tuple(sorted(out, key=lambda o: (BASIS_ORDER.index(o.basis), _rank(o.grade), o.outcome)))


def _rank(grade: str | None) -> int:
    order = ("high", "moderate", "low", "very-low")
    return order.index(grade) if grade in order else len(order)


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


_PHRASES: dict[int, tuple[Reference, tuple[tuple[str, tuple[str, ...]], ...]]] = {}
_CLAIMS: dict[tuple[int, str], tuple[str, ...]] = {}


def _phrase_words(reference: Reference) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each outcome with its phrases as padded words, worked out once per reference."""
    cached = _PHRASES.get(id(reference))
    if cached is None or cached[0] is not reference:
        table = tuple(
            (
                o.outcome,
                tuple(
                    _words(p)
                    for p in (o.outcome.replace("-", " "), o.label, *o.phrases)
                    if p.strip()
                ),
            )
            for o in reference.outcomes.values()
        )
        _PHRASES[id(reference)] = cached = (reference, table)
        _CLAIMS.clear()
    return cached[1]


def claim_outcomes(claim: str, reference: Reference) -> tuple[str, ...]:
    """Outcome ids a label claim speaks of, through the phrases in outcomes.csv.

    A catalogue repeats a few hundred claims across thousands of rows: each is matched once."""
    table = _phrase_words(reference)
    key = (id(reference), claim)
    hit = _CLAIMS.get(key)
    if hit is None:
        words = _words(claim)
        hit = _CLAIMS[key] = tuple(o for o, phrases in table if any(p in words for p in phrases))
    return hit


def check_claim(claim: str, strains: Sequence[StrainReport], reference: Reference) -> ClaimCheck:
    outcomes = claim_outcomes(claim, reference)
    if not outcomes:
        return ClaimCheck(claim, (), note="this claim does not name an outcome strainscore knows")
    supported = []
    weaker: set[str] = set()
    for s in strains:
        for e in s.evidence:
            if e.outcome not in outcomes:
                continue
            if e.basis in GRADED:
                who = e.blend if e.basis == "formulation" and e.blend else s.line.strain_text
                supported.append((who, e.outcome, e.grade, e.direction))
            else:
                weaker.add(e.basis)
    supported = list(dict.fromkeys(supported))
    if supported:
        note = ""
    elif weaker:
        kinds = ", ".join(sorted(weaker, key=BASIS_ORDER.index))
        note = f"no strain-level evidence in people; only {kinds} evidence"
    else:
        note = "no evidence recorded for any strain in this product"
    return ClaimCheck(claim, outcomes, tuple(supported), note)
