"""From one resolved label line to its bodies of evidence, never carrying evidence across strains.

A study counts for a line only through the exact strain set its arm gave:
- ``strain``: the arm gave this strain alone;
- ``formulation``: the arm gave a blend, and the product lists every strain of it;
- ``component``: the arm gave a blend the product holds only part of (shown, never graded);
- ``mechanistic``: animal or in-vitro work (shown, never graded);
- ``species``: for a species-only line, studies of other strains of the species (never graded).

These functions work an answer out each time they are called; ``evidence/assessor.py`` keeps
each answer for the one Reference it was made from (the ``Assessor``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from strainscore.evidence.dose import ProductDose, compare, studied_dose
from strainscore.evidence.grading import direction_of, grade_body
from strainscore.models import GRADED, Basis, OutcomeEvidence
from strainscore.reference.model import Intervention, Reference, Study
from strainscore.verdict import Studied, studied_of
from strainscore.vocab import best_evidence_key

Item = tuple[Study, str, Intervention]


def blend_label(arm: Intervention, reference: Reference) -> str:
    """The one name shown for a studied strain set (or its strains joined by '+')."""
    name = reference.blend_names.get(arm.strain_ids)
    if name:
        return name
    return " + ".join(sorted(reference.strains[s].display for s in arm.strain_ids))


# A body of evidence before the line's dose is known, with the studied daily doses it is
# compared with: (body, studied dose of this strain, studied dose of the whole arm).
Undosed = tuple[OutcomeEvidence, float | None, float | None]
# The figures of a line's dose that the comparison reads: None when the product gives no
# dose at all, else (this line's own daily count, the product's total, one strain listed).
Figures = tuple[float | None, float | None, bool] | None


def blend_partners(sid: str, reference: Reference) -> frozenset[str]:
    """The other strains given together with `sid` in any studied arm (they decide its basis)."""
    arms = reference.arms_by_strain.get(sid, ())
    return frozenset().union(*(reference.interventions[k].strain_ids for k in arms)) - {sid}


def dose_figures(dose: ProductDose | None, line_index: int) -> Figures:
    if dose is None:
        return None
    return (dose.per_line_daily.get(line_index), dose.total_daily, dose.strains_listed == 1)


def bodies(
    sid: str, reference: Reference, held: frozenset[str], population: str | None
) -> tuple[Undosed, ...]:
    """The line's bodies of evidence, best first, without the dose comparison; `held` is the
    strains of its studied blends the product holds, `sid` among them."""
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
        (
            _body(basis, blend, outcome, items, reference, held, population),
            studied_dose(items, sid),
            studied_dose(items, None),
        )
        for (basis, blend, outcome), items in buckets.items()
    ]
    return tuple(sorted(out, key=lambda b: sort_key(b[0])))


def sort_key(e: OutcomeEvidence) -> tuple[tuple[int, int, int, int], str]:
    """Best first by the verdict ladder: graded, then direction, certainty, basis; then outcome."""
    return (best_evidence_key(e.direction, e.grade, e.basis), e.outcome)


def _body(
    basis: Basis,
    blend: str,
    outcome: str,
    items: list[Item],
    reference: Reference,
    held: frozenset[str],
    population: str | None,
) -> OutcomeEvidence:
    ids = tuple(sorted({s.study_id for s, _, _ in items}))
    blend_or_none = blend or None
    if basis in GRADED:
        trials, pooled_note = counted_once(per_study(items), reference)
        graded = grade_body(trials, population=population)
        return OutcomeEvidence(
            outcome,
            basis,
            ids,
            graded.grade,
            graded.direction,
            (*graded.reasons, *pooled_note),
            None,  # the dose comes with the line: with_dose
            blend_or_none,
            studied_in(trials),
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
    """One (study, effect) per trial: several arms of one trial (e.g. two doses), and a trial's
    secondary reports (parent_study), are one trial; results that agree keep their effect,
    results that differ make the trial 'mixed'. The trial's main paper stands for it."""
    effects: dict[str, set[str]] = defaultdict(set)
    studies: dict[str, Study] = {}
    for study, effect, _ in items:
        trial = study.trial_id
        effects[trial].add(effect)
        if trial not in studies or study.study_id == trial:
            studies[trial] = study
    return [(studies[sid], next(iter(e)) if len(e) == 1 else "mixed") for sid, e in effects.items()]


def counted_once(
    trials: list[tuple[Study, str]], reference: Reference
) -> tuple[list[tuple[Study, str]], tuple[str, ...]]:
    """Each trial counts once: a review in the body stands for the trials it pools
    (review_trials.csv), which then leave the grading and are named in a reason."""
    if not reference.review_trials:
        return trials, ()
    in_body = {s.study_id for s, _ in trials if s.pooled}
    pooled_in: dict[str, list[str]] = defaultdict(list)
    for review, trial in reference.review_trials:
        if review in in_body:
            pooled_in[reference.studies[trial].trial_id].append(review)
    kept = [(s, e) for s, e in trials if s.pooled or s.trial_id not in pooled_in]
    notes = tuple(
        f"counted once: {s.short} is pooled in "
        + ", ".join(reference.studies[r].short for r in sorted(pooled_in[s.trial_id]))
        + ", which stands for it"
        for s, _ in trials
        if not s.pooled and s.trial_id in pooled_in
    )
    return kept, notes


def studied_in(trials: list[tuple[Study, str]]) -> Studied:
    """Who was studied in the trials of a body, each counted once."""
    return studied_of((s.pooled, s.n, s.age_group) for s, _ in trials)


def with_dose(body: Undosed, figures: Figures) -> OutcomeEvidence:
    """The body with its dose comparison; only graded bases (strain, formulation) get one."""
    e, studied_own, studied_arm = body
    if e.basis not in GRADED:
        return e
    if figures is None:
        check = compare(None, studied_arm, share_known=False)
    elif e.basis == "strain":
        own, total, single = figures
        if own is not None:
            check = compare(own, studied_own, share_known=True)
        else:
            check = compare(total, studied_own, share_known=single)
    else:
        check = compare(figures[1], studied_arm, share_known=True, what="the product's daily count")
    return replace(e, dose=check)


def species_bodies(name: str, reference: Reference) -> tuple[OutcomeEvidence, ...]:
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


def other_strain_text(sid: str, name: str, reference: Reference) -> str | None:
    """For a strain with no human studies: whether it was searched, and whether other strains
    of its species (`name`) have studies."""
    arms = reference.arms_by_strain.get(sid, ())
    if any(not reference.studies[k[0]].mechanistic for k in arms):
        return None
    others = {
        key[0]
        for s in reference.strains_of_species(name)
        if s.strain_id != sid
        for key in reference.arms_by_strain.get(s.strain_id, ())
    }
    human = "no human studies of this strain are recorded" if arms else ""
    text = search_status(sid, reference) + (f" ({human})" if human else "")
    if others:
        text += (
            f"; {len(others)} studies exist for other strains of {name}, and they do not transfer"
        )
    return text


def search_status(sid: str, reference: Reference) -> str:
    """Whether the record for a strain with no studies was searched: "searched on DATE: no
    human trials found" and "not yet reviewed" are different answers."""
    searches = reference.searches_for(sid)
    if not searches:
        return "not yet reviewed: no literature search for this strain is recorded"
    latest = searches[0].searched_on
    n = len(searches)
    return (
        f"searched on {latest} ({n} {'search' if n == 1 else 'searches'} logged): "
        "no human trials found"
    )


__all__ = ["blend_label", "bodies", "direction_of", "search_status", "species_bodies"]
