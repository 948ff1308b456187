"""``lookup``: how one strain name resolves, and what the reference holds for it, as a record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strainscore.models import OutcomeEvidence, ReferenceInfo, Resolution

if TYPE_CHECKING:
    from strainscore.reference import Reference


@dataclass(frozen=True)
class Finding:
    """One outcome of one arm, as the study recorded it."""

    outcome: str
    label: str  # the outcome's name ("" when outcomes.csv has none)
    effect: str
    instrument: str | None
    note: str | None


@dataclass(frozen=True)
class StudyArm:
    """One study arm that gave the resolved strain."""

    study_id: str
    short: str
    year: int
    title: str
    design: str
    population: str
    age_group: str | None
    n: int | None
    doi: str | None
    pmid: str | None
    arm: str
    blend: str | None  # the blend's name when the arm gave several strains
    with_strains: tuple[str, ...]  # the other strains of that arm
    mechanistic: bool
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class SearchLog:
    last_searched: str | None
    searches: int
    status: str  # "searched on DATE ..." or "not yet reviewed ..."


@dataclass(frozen=True)
class FormulationNamed:
    """A formulation whose trade name is the looked-up text, with the strains its record lists."""

    name: str
    version: str
    strains: tuple[str, ...]
    source_url: str
    checked_on: str


_LISTED = ("with_strains", "mechanistic", "findings")  # written last, in this order


@dataclass(frozen=True)
class LookupResult:
    resolution: Resolution
    studies: tuple[StudyArm, ...]
    evidence: tuple[OutcomeEvidence, ...]  # grades for the strain alone
    other_strain_studies: int  # studies of other strains of the species (never transfer)
    search: SearchLog | None  # None: not a strain match
    formulations: tuple[FormulationNamed, ...]
    reference: ReferenceInfo

    def to_dict(self) -> dict[str, Any]:  # keys in the order of the JSON contract
        """The JSON of ``strainscore lookup --format json``."""
        data = self.resolution.to_dict()
        data["studies"] = [
            {
                **{k: v for k, v in vars(st).items() if k not in _LISTED},
                "with_strains": list(st.with_strains),
                "mechanistic": st.mechanistic,
                "findings": [dict(vars(f)) for f in st.findings],
            }
            for st in self.studies
        ]
        data["evidence"] = [e.to_dict() for e in self.evidence]
        data["other_strain_studies"] = self.other_strain_studies
        data["search"] = dict(vars(self.search)) if self.search else None
        data["formulations"] = [{**vars(f), "strains": list(f.strains)} for f in self.formulations]
        data["reference"] = self.reference.to_dict()
        return data


def lookup(text: str, reference: Reference | str | Path | None = None) -> LookupResult:
    """Resolve one strain name and collect the studies, grades and searches held for it."""
    from strainscore.names import resolve
    from strainscore.reference import Reference, load_reference
    from strainscore.text.clean import strip_invisible

    text = strip_invisible(text)[0]
    ref = reference if isinstance(reference, Reference) else load_reference(reference)
    res = resolve(text, ref)
    named = ref.formulations_named(text) if res.match != "strain" else ()
    return LookupResult(
        resolution=res,
        studies=study_arms(res, ref),
        evidence=graded(res, ref),
        other_strain_studies=other_strain_studies(res, ref),
        search=search_log(res, ref),
        formulations=tuple(
            FormulationNamed(
                f.name,
                f.version,
                tuple(ref.strains[s].display for s in f.strain_ids),
                f.source_url,
                f.checked_on,
            )
            for f in named
        ),
        reference=ref.info,
    )


def study_arms(resolution: Resolution, ref: Reference) -> tuple[StudyArm, ...]:
    """Each study arm that gave the resolved strain, with its findings (empty unless a strain)."""
    if resolution.match != "strain" or not resolution.strain_id:
        return ()
    out: list[StudyArm] = []
    for study_id, arm in ref.arms_by_strain.get(resolution.strain_id, ()):
        study = ref.studies[study_id]
        given = ref.interventions[(study_id, arm)]
        others = sorted(
            ref.strains[s].display for s in given.strain_ids if s != resolution.strain_id
        )
        findings = tuple(
            Finding(
                f.outcome,
                ref.outcomes[f.outcome].label if f.outcome in ref.outcomes else "",
                f.effect,
                f.instrument or None,
                f.note or None,
            )
            for f in ref.findings_by_arm.get((study_id, arm), ())
        )
        out.append(
            StudyArm(
                study_id=study_id,
                short=study.short,
                year=study.year,
                title=study.title,
                design=study.design,
                population=study.population,
                age_group=study.age_group or None,
                n=study.n,
                doi=study.doi or None,
                pmid=study.pmid or None,
                arm=arm,
                blend=(given.blend_name or "unnamed blend") if given.is_blend else None,
                with_strains=tuple(others),
                mechanistic=study.mechanistic,
                findings=findings,
            )
        )
    return tuple(out)


def other_strain_studies(resolution: Resolution, ref: Reference) -> int:
    """Studies of other strains of the resolved species (shown as a count, never graded)."""
    if resolution.match not in ("species", "strain") or not resolution.genus:
        return 0
    pair = (resolution.genus, resolution.species)
    ids = {
        study_id
        for s in ref.strains.values()
        if (s.genus, s.species) == pair and s.strain_id != resolution.strain_id
        for study_id, _ in ref.arms_by_strain.get(s.strain_id, ())
    }
    return len(ids)


def graded(resolution: Resolution, ref: Reference) -> tuple[OutcomeEvidence, ...]:
    """Grades per outcome for the strain alone.

    The strain is looked up on its own, so a blend it was studied in counts as a component
    (shown, not graded); species-level lines get no grade.
    """
    if resolution.match != "strain" or not resolution.strain_id:
        return ()
    from strainscore.evidence import assess_line

    return tuple(assess_line(resolution, ref, product_strain_ids=(resolution.strain_id,)))


def search_log(resolution: Resolution, ref: Reference) -> SearchLog | None:
    """The literature searches logged for the strain: when, and how many (None: not a strain)."""
    if resolution.match != "strain" or not resolution.strain_id:
        return None
    from strainscore.evidence.assess import search_status

    found = ref.searches_for(resolution.strain_id)
    return SearchLog(
        found[0].searched_on if found else None,
        len(found),
        search_status(resolution.strain_id, ref),
    )
