"""The evidence atlas: the whole reference as records for a static site, one per page.

A page per strain (graded alone, with its studied blends, who was studied, the doses, the
studies and the search log), per studied blend or formulation record, per outcome (every strain
and blend with graded evidence for it, ranked by grade, then direction) and per study.
Built from a loaded ``Reference`` only; ``formats.atlas_format`` lays the records out.
"""

from __future__ import annotations

from dataclasses import dataclass

from strainscore.evidence import assess_line
from strainscore.evidence.assess import blend_label
from strainscore.models import OutcomeEvidence, Resolution
from strainscore.reference import Reference
from strainscore.reference.model import Formulation, Search, Strain, Study
from strainscore.text.slug import slug
from strainscore.vocab import best_evidence_key


@dataclass(frozen=True)
class Arm:
    """One study arm that gave a strain or a blend: who, how much, what was found."""

    study: Study
    arm: str
    strains: tuple[str, ...]  # strain ids given together
    blend: str  # "" for a strain alone
    dose_cfu: float | None  # the study's daily dose
    findings: tuple[tuple[str, str], ...]  # (outcome id, effect)


@dataclass(frozen=True)
class StrainPage:
    strain: Strain
    file: str
    evidence: tuple[OutcomeEvidence, ...]  # the strain alone; blends as not graded components
    blends: tuple[str, ...]  # files of the blend pages it is part of
    arms: tuple[Arm, ...]
    searches: tuple[Search, ...]


@dataclass(frozen=True)
class BlendPage:
    name: str
    file: str
    strain_ids: tuple[str, ...]
    evidence: tuple[OutcomeEvidence, ...]  # graded for the blend held whole
    arms: tuple[Arm, ...]
    formulations: tuple[Formulation, ...]  # records of formulations.csv with these strains
    searches: tuple[Search, ...]


@dataclass(frozen=True)
class Ranked:
    name: str
    file: str
    evidence: OutcomeEvidence


@dataclass(frozen=True)
class OutcomePage:
    outcome: str
    label: str
    description: str
    file: str
    ranked: tuple[Ranked, ...]


@dataclass(frozen=True)
class StudyPage:
    study: Study
    file: str
    arms: tuple[Arm, ...]


@dataclass(frozen=True)
class Atlas:
    reference: Reference
    strains: tuple[StrainPage, ...]
    blends: tuple[BlendPage, ...]
    outcomes: tuple[OutcomePage, ...]
    studies: tuple[StudyPage, ...]

    def strain_file(self, strain_id: str) -> str:
        return f"strain-{slug(strain_id)}.html"

    def study_file(self, study_id: str) -> str:
        return f"study-{slug(study_id)}.html"

    def outcome_label(self, outcome: str) -> str:
        o = self.reference.outcomes.get(outcome)
        return o.label if o else outcome.replace("-", " ").capitalize()


def rank_key(e: OutcomeEvidence) -> tuple[int, int, int, int]:
    """The verdict ladder's order (``vocab.best_evidence_key``): graded first, then what was
    found (benefit, disagreement, no effect, harm), then certainty."""
    return best_evidence_key(e.direction, e.grade, e.basis)


def _resolution(s: Strain) -> Resolution:
    return Resolution(
        label_text=s.display,
        match="strain",
        name=s.species_name,
        genus=s.genus,
        species=s.species,
        subspecies=s.subspecies or None,
        strain=s.designation,
        strain_id=s.strain_id,
    )


def _arms(ref: Reference, keys: list[tuple[str, str]]) -> tuple[Arm, ...]:
    out = []
    for key in sorted(set(keys)):
        arm = ref.interventions[key]
        study = ref.studies[key[0]]
        out.append(
            Arm(
                study=study,
                arm=arm.arm,
                strains=tuple(sorted(arm.strain_ids)),
                blend=blend_label(arm, ref) if arm.is_blend else "",
                dose_cfu=study.daily_dose_cfu,
                findings=tuple((f.outcome, f.effect) for f in ref.findings_by_arm.get(key, ())),
            )
        )
    return tuple(sorted(out, key=lambda a: (-a.study.year, a.study.study_id, a.arm)))


def build_atlas(reference: Reference | str | None = None) -> Atlas:
    """Every page of the atlas, worked out from a reference (a folder; None: the shipped one)."""
    from strainscore.reference import load_reference

    ref = reference if isinstance(reference, Reference) else load_reference(reference)
    sets: dict[frozenset[str], list[tuple[str, str]]] = {}
    for key, arm in ref.interventions.items():
        if arm.is_blend:
            sets.setdefault(arm.strain_ids, []).append(key)
    for f in ref.formulations.values():
        sets.setdefault(frozenset(f.strain_ids), [])
    blend_files: dict[frozenset[str], str] = {}
    blends = []
    for n, (ids, keys) in enumerate(sorted(sets.items(), key=lambda kv: sorted(kv[0])), 1):
        formulations = tuple(f for f in ref.formulations.values() if frozenset(f.strain_ids) == ids)
        name = ref.blend_names.get(ids) or (
            formulations[0].name if formulations else " + ".join(sorted(ids))
        )
        file = f"blend-{n:03d}-{slug(name)}.html"
        blend_files[ids] = file
        evidence: dict[str, OutcomeEvidence] = {}
        for sid in sorted(ids):
            if sid not in ref.strains:
                continue
            for e in assess_line(_resolution(ref.strains[sid]), ref, product_strain_ids=ids):
                if e.basis == "formulation" and e.grade:
                    evidence.setdefault(e.outcome, e)
        searches = ref.searches_for(f"blend:{name}") + tuple(
            s for f in formulations for s in ref.searches_for(f"blend:{f.name}")
        )
        blends.append(
            BlendPage(
                name=name,
                file=file,
                strain_ids=tuple(sorted(ids)),
                evidence=tuple(sorted(evidence.values(), key=rank_key)),
                arms=_arms(ref, keys),
                formulations=formulations,
                searches=tuple(dict.fromkeys(searches)),
            )
        )
    strains = []
    for sid, s in sorted(ref.strains.items(), key=lambda kv: kv[1].display.casefold()):
        keys = list(ref.arms_by_strain.get(sid, ()))
        strains.append(
            StrainPage(
                strain=s,
                file=f"strain-{slug(sid)}.html",
                evidence=assess_line(_resolution(s), ref, product_strain_ids=(sid,)),
                blends=tuple(sorted({blend_files[ids] for ids in sets if sid in ids})),
                arms=_arms(ref, keys),
                searches=ref.searches_for(sid),
            )
        )
    outcomes = []
    for oid, o in sorted(ref.outcomes.items(), key=lambda kv: kv[1].label.casefold()):
        ranked = [
            Ranked(p.strain.display, p.file, e)
            for p in strains
            for e in p.evidence
            if e.outcome == oid and e.grade
        ]
        ranked += [
            Ranked(b.name, b.file, e) for b in blends for e in b.evidence if e.outcome == oid
        ]
        ranked.sort(key=lambda r: (*rank_key(r.evidence), r.name.casefold()))
        outcomes.append(
            OutcomePage(oid, o.label, o.description, f"outcome-{slug(oid)}.html", tuple(ranked))
        )
    by_study: dict[str, list[tuple[str, str]]] = {}
    for key in ref.interventions:
        by_study.setdefault(key[0], []).append(key)
    studies = tuple(
        StudyPage(st, f"study-{slug(st.study_id)}.html", _arms(ref, by_study.get(st.study_id, [])))
        for st in sorted(ref.studies.values(), key=lambda x: (x.first_author.casefold(), x.year))
    )
    return Atlas(ref, tuple(strains), tuple(blends), tuple(outcomes), studies)
