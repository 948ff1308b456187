"""From one resolved label line to its bodies of evidence, never carrying evidence across strains.

A study counts for a line only through the exact strain set its arm gave:
- ``strain``: the arm gave this strain alone;
- ``formulation``: the arm gave a blend, and the product lists every strain of it;
- ``component``: the arm gave a blend the product holds only part of (shown, never graded);
- ``mechanistic``: animal or in-vitro work (shown, never graded);
- ``species``: for a species-only line, studies of other strains of the species (never graded).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from strainscore.evidence.dose import ProductDose, compare, studied_dose
from strainscore.evidence.grading import direction_of, grade_body
from strainscore.models import GRADE_ORDER, Basis, DoseCheck, OutcomeEvidence, Resolution
from strainscore.reference.model import Intervention, Reference, Study

BASIS_ORDER: tuple[Basis, ...] = ("strain", "formulation", "component", "mechanistic", "species")
Item = tuple[Study, str, Intervention]


def blend_label(arm: Intervention, reference: Reference) -> str:
    """The one name shown for a studied strain set (or its strains joined by '+')."""
    name = reference.blend_names.get(arm.strain_ids)
    if name:
        return name
    return " + ".join(sorted(reference.strains[s].display for s in arm.strain_ids))


def assess_line(
    resolution: Resolution,
    reference: Reference,
    *,
    product_strain_ids: Collection[str] = (),
    dose: ProductDose | None = None,
    line_index: int = 0,
    population: str | None = None,
) -> tuple[OutcomeEvidence, ...]:
    """Every body of evidence for one label line, best first."""
    if resolution.match == "species" and resolution.name:
        return species_evidence(resolution.name, reference)
    sid = resolution.strain_id
    if resolution.match != "strain" or sid is None:
        return ()
    held = set(product_strain_ids) | {sid}
    buckets: dict[tuple[Basis, str, str], list[Item]] = defaultdict(list)
    for key in reference.arms_by_strain.get(sid, ()):
        arm = reference.interventions[key]
        study = reference.studies[key[0]]
        if study.mechanistic:
            basis: Basis = "mechanistic"
        elif arm.strain_ids == {sid}:
            basis = "strain"
        elif arm.strain_ids <= held:
            basis = "formulation"
        else:
            basis = "component"
        blend = blend_label(arm, reference) if arm.is_blend else ""
        for f in reference.findings_by_arm.get(key, ()):
            buckets[(basis, blend, f.outcome)].append((study, f.effect, arm))
    out = [
        _body(basis, blend, outcome, items, reference, sid, held, dose, line_index, population)
        for (basis, blend, outcome), items in buckets.items()
    ]
    return tuple(sorted(out, key=sort_key))


def sort_key(e: OutcomeEvidence) -> tuple[int, int, str]:
    grade_rank = GRADE_ORDER.index(e.grade) if e.grade else len(GRADE_ORDER)
    return (BASIS_ORDER.index(e.basis), grade_rank, e.outcome)


def _body(
    basis: Basis,
    blend: str,
    outcome: str,
    items: list[Item],
    reference: Reference,
    sid: str,
    held: set[str],
    dose: ProductDose | None,
    line_index: int,
    population: str | None,
) -> OutcomeEvidence:
    ids = tuple(sorted({s.study_id for s, _, _ in items}))
    blend_or_none = blend or None
    if basis in ("strain", "formulation"):
        graded = grade_body(per_study(items), population=population)
        return OutcomeEvidence(
            outcome,
            basis,
            ids,
            graded.grade,
            graded.direction,
            graded.reasons,
            _dose(basis, items, sid, dose, line_index),
            blend_or_none,
        )
    effects = [e for _, e, _ in items]
    tally = ", ".join(f"{effects.count(e)} {e}" for e in dict.fromkeys(effects))
    if basis == "mechanistic":
        kinds = sorted({s.design for s, _, _ in items})
        reasons = (
            f"{' and '.join(kinds)} work only ({tally}): a possible mechanism, "
            "not evidence of an effect in people",
        )
    else:
        missing = sorted(
            reference.strains[s].display for s in items[0][2].strain_ids if s not in held
        )
        reasons = (
            f"studied only as part of {blend}; this product does not list "
            + ", ".join(missing)
            + f" ({tally})",
        )
    return OutcomeEvidence(outcome, basis, ids, None, None, reasons, None, blend_or_none)


def per_study(items: list[Item]) -> list[tuple[Study, str]]:
    """One (study, effect) per study: several arms of one trial (e.g. two doses) are one study;
    arms that agree keep their effect, arms that differ make the study 'mixed'."""
    effects: dict[str, set[str]] = defaultdict(set)
    studies: dict[str, Study] = {}
    for study, effect, _ in items:
        effects[study.study_id].add(effect)
        studies[study.study_id] = study
    return [(studies[sid], next(iter(e)) if len(e) == 1 else "mixed") for sid, e in effects.items()]


def _dose(
    basis: Basis, items: list[Item], sid: str, dose: ProductDose | None, line_index: int
) -> DoseCheck:
    if dose is None:
        return compare(None, studied_dose(items, None), share_known=False)
    if basis == "strain":
        own = dose.per_line_daily.get(line_index)
        if own is not None:
            return compare(own, studied_dose(items, sid), share_known=True)
        return compare(
            dose.total_daily, studied_dose(items, sid), share_known=dose.strains_listed == 1
        )
    return compare(
        dose.total_daily,
        studied_dose(items, None),
        share_known=True,
        what="the product's daily count",
    )


def species_evidence(name: str, reference: Reference) -> tuple[OutcomeEvidence, ...]:
    """Per outcome: studies of other strains of the species, which do not transfer."""
    by_outcome: dict[str, set[str]] = defaultdict(set)
    for strain in reference.strains_of_species(name):
        for key in reference.arms_by_strain.get(strain.strain_id, ()):
            for f in reference.findings_by_arm.get(key, ()):
                by_outcome[f.outcome].add(key[0])
    out = []
    for outcome, ids in sorted(by_outcome.items()):
        n = len(ids)
        reason = (
            f"{n} {'study exists' if n == 1 else 'studies exist'} for other strains of this "
            "species; they do not transfer to an unnamed strain"
        )
        out.append(OutcomeEvidence(outcome, "species", tuple(sorted(ids)), reasons=(reason,)))
    return tuple(out)


def other_strain_note(resolution: Resolution, reference: Reference) -> str | None:
    """For a strain with no studies: say whether other strains of its species have some."""
    if resolution.match != "strain" or not resolution.name or not resolution.strain_id:
        return None
    if reference.arms_by_strain.get(resolution.strain_id):
        return None
    others = {
        key[0]
        for s in reference.strains_of_species(resolution.name)
        if s.strain_id != resolution.strain_id
        for key in reference.arms_by_strain.get(s.strain_id, ())
    }
    text = "no studies of this strain are recorded"
    if others:
        text += (
            f"; {len(others)} studies exist for other strains of {resolution.name}, "
            "and they do not transfer"
        )
    return text


__all__ = ["assess_line", "direction_of", "other_strain_note", "species_evidence"]
