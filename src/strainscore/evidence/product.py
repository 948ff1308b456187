"""A product's judgement: per-line evidence, the best grade per outcome, and its claims checked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from strainscore.evidence.assessor import assessor_for, claim_outcomes
from strainscore.evidence.dose import product_dose
from strainscore.models import (
    GRADED,
    ClaimCheck,
    ClaimStatus,
    Direction,
    Grade,
    LabelLine,
    OutcomeEvidence,
    OutcomeSummary,
    ProductReport,
    Resolution,
    StrainReport,
)
from strainscore.reference.model import Formulation, Reference
from strainscore.verdict import AGE_GROUP_WORDS
from strainscore.vocab import basis_rank, best_evidence_key


def assess_product(
    lines: Sequence[LabelLine],
    resolutions: Mapping[str, Resolution],
    reference: Reference,
    *,
    population: str | None = None,
) -> ProductReport:
    """Judge one product from its label lines and their resolutions (keyed by strain text)."""
    lines, res = expand_formulations(
        lines, [resolutions[ln.strain_text] for ln in lines], reference
    )
    held = {r.strain_id for r in res if r.match == "strain" and r.strain_id}
    dose = product_dose(lines, [r.amount_text for r in res])
    assessor = assessor_for(reference)
    strains = []
    for i, (ln, r) in enumerate(zip(lines, res, strict=True)):
        evidence = assessor.line(
            r, product_strain_ids=held, dose=dose, line_index=i, population=population
        )
        note = assessor.other_strain_note(r)
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


# Words a label puts after a formulation's name that do not change which product it is.
_GENERIC = frozenset(
    [
        "probiotic",
        "probiotics",
        "capsule",
        "capsules",
        "caps",
        "sachet",
        "sachets",
        "powder",
        "blend",
        "formula",
        "original",
        "strain",
        "strains",
    ]
)
_MARKS = str.maketrans("", "", "™®©℠")


def expand_formulations(
    lines: Sequence[LabelLine], res: list[Resolution], reference: Reference
) -> tuple[list[LabelLine], list[Resolution]]:
    """A line that is a formulation's trade name ("Cerebiome", "Lacidofil") and nothing the
    resolver knows becomes one line per strain its record lists, on the same sheet row (so a count
    there stays the product's). An ambiguous name (two formulations sold under it) is only noted."""
    out_lines: list[LabelLine] = []
    out_res: list[Resolution] = []
    for ln, r in zip(lines, res, strict=True):
        found = (
            () if r.match in ("strain", "species") else _formulations_for(ln.strain_text, reference)
        )
        if len(found) != 1:
            if len(found) > 1:
                r = replace(r, notes=(*r.notes, _ambiguous_note(ln.strain_text, found)))
            out_lines.append(ln)
            out_res.append(r)
            continue
        f = found[0]
        listed = " + ".join(reference.strains[s].display for s in f.strain_ids)
        note = (
            f"read as the formulation {f.name}"
            + (f" ({f.version})" if f.version else "")
            + f": its record lists {listed} (source {f.source_url}, checked {f.checked_on}); "
            "check that the label lists the same strains"
        )
        for sid in f.strain_ids:
            strain = reference.strains[sid]
            out_lines.append(
                replace(ln, strain_text=strain.display, cell_text=ln.cell_text or ln.strain_text)
            )
            out_res.append(
                Resolution(
                    label_text=ln.strain_text,
                    match="strain",
                    name=strain.species_name,
                    genus=strain.genus,
                    species=strain.species,
                    subspecies=strain.subspecies or None,
                    strain=strain.designation,
                    strain_id=sid,
                    via=("formulation",),
                    notes=(note,),
                    amount_text=r.amount_text,
                )
            )
    return out_lines, out_res


def _formulations_for(text: str, reference: Reference) -> tuple[Formulation, ...]:
    """By the whole text, then with generic words ("probiotic capsules") dropped from its end."""
    words = text.translate(_MARKS).split()
    while words:
        found = reference.formulations_named(" ".join(words))
        if found or words[-1].lower() not in _GENERIC:
            return found
        words.pop()
    return ()


def _ambiguous_note(text: str, found: Sequence[Formulation]) -> str:
    kinds = "; ".join(
        f"{f.name}" + (f" ({f.version})" if f.version else "") + ": " + " + ".join(f.strain_ids)
        for f in found
    )
    return (
        f"'{text}' has been sold as {len(found)} different formulations ({kinds}); "
        "type the strains printed on this label so the right studies are used"
    )


def summarise(strains: Sequence[StrainReport]) -> tuple[OutcomeSummary, ...]:
    """For each outcome, the best body of evidence in the product by the verdict ladder
    (graded first, then direction, then certainty: vocab.best_evidence_key)."""
    best: dict[str, tuple[tuple[int, ...], OutcomeEvidence, list[str]]] = {}
    for s in strains:
        for e in s.evidence:
            who = e.blend if e.basis == "formulation" and e.blend else s.line.strain_text
            key = best_evidence_key(e.direction, e.grade, e.basis)
            current = best.get(e.outcome)
            if current is None or key < current[0]:
                best[e.outcome] = (key, e, [who])
            elif key == current[0] and who not in current[2]:
                current[2].append(who)
    out = [
        OutcomeSummary(o, e.grade, e.direction, e.basis, tuple(who), e.studied)
        for o, (_, e, who) in best.items()
    ]
    return tuple(
        sorted(out, key=lambda o: (best_evidence_key(o.direction, o.grade, o.basis), o.outcome))
    )


# What a claim's graded evidence says, from the best direction among its bodies.
_STATUS_OF_DIRECTION: dict[str, ClaimStatus] = {
    "supports": "supported",
    "conflicting": "unclear",
    "no-effect": "contradicted",
    "harm-signal": "contradicted",
}
_STATUS_NOTES: dict[ClaimStatus, str] = {
    "supported": "",
    "unclear": "the studies disagree",
    "contradicted": "the studies found no effect",
    "no-evidence": "no evidence recorded for any strain in this product",
    "no-outcome": "this claim does not name an outcome strainscore knows",
}


def check_claim(claim: str, strains: Sequence[StrainReport], reference: Reference) -> ClaimCheck:
    """The claim's status (supported, unclear, contradicted, indirect-only, no-evidence,
    no-outcome) from the graded bodies of evidence for the outcomes it names."""
    outcomes = claim_outcomes(claim, reference)
    if not outcomes:
        return ClaimCheck(claim, (), note=_STATUS_NOTES["no-outcome"], status="no-outcome")
    graded: list[tuple[tuple[int, ...], tuple[str, str, Grade | None, Direction | None]]] = []
    weaker: set[str] = set()
    special: set[str | None] = set()  # the special population of each supporting body
    for s in strains:
        for e in s.evidence:
            if e.outcome not in outcomes:
                continue
            if e.basis in GRADED:
                who = e.blend if e.basis == "formulation" and e.blend else s.line.strain_text
                key = best_evidence_key(e.direction, e.grade, e.basis)
                graded.append((key, (who, e.outcome, e.grade, e.direction)))
                if e.direction == "supports":
                    special.add(e.studied.special if e.studied else None)
            else:
                weaker.add(e.basis)
    found = tuple(dict.fromkeys(body for _, body in sorted(graded, key=lambda g: g[0])))
    if found:
        status = _STATUS_OF_DIRECTION[found[0][3] or "conflicting"]
        note = _STATUS_NOTES[status]
        if status == "contradicted" and any(d == "harm-signal" for _, _, _, d in found):
            note = "the studies found no effect or possible harm"
        only = next(iter(special)) if len(special) == 1 else None
        if status == "supported" and only:
            note = f"the supporting studies were in {AGE_GROUP_WORDS[only][1]} only"
        return ClaimCheck(claim, outcomes, found, note, status)
    if weaker:
        kinds = ", ".join(sorted(weaker, key=basis_rank))
        note = f"no strain-level evidence in people; only {kinds} evidence"
        return ClaimCheck(claim, outcomes, (), note, "indirect-only")
    return ClaimCheck(claim, outcomes, (), _STATUS_NOTES["no-evidence"], "no-evidence")
