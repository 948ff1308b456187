"""What a reference holds, counted: for reviewers planning what to add or re-check next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from strainscore.models import ReferenceInfo
from strainscore.reference.model import Reference
from strainscore.reference.vocab import DESIGNS, EFFECTS, is_primary_source


@dataclass(frozen=True)
class StrainCount:
    strain_id: str
    name: str
    studies: int  # studies that gave the strain, alone or in a blend
    alone: int  # of which gave it alone
    human: int = 0  # of which were done in people (not animal or lab work)
    outcomes: int = 0  # outcomes with at least one human finding
    last_searched: str = ""  # date of the newest logged search, "" when never searched
    searches: int = 0

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class OutcomeCount:
    outcome: str
    label: str
    studies: int
    effects: tuple[tuple[str, int], ...]  # effect -> findings, in vocabulary order

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "label": self.label,
            "studies": self.studies,
            "effects": dict(self.effects),
        }


@dataclass(frozen=True)
class Checked:
    study_id: str
    short: str
    checked_on: str
    source_url: str

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class ReferenceStats:
    info: ReferenceInfo
    totals: tuple[tuple[str, int], ...]
    by_design: tuple[tuple[str, int], ...]
    by_outcome: tuple[OutcomeCount, ...]
    by_strain: tuple[StrainCount, ...]
    by_year: tuple[tuple[int, int], ...]
    oldest_checked: tuple[Checked, ...]
    primary_sources: tuple[int, int] = (0, 0)  # studies with a primary source_url, of all

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": {**self.info.to_dict(), "path": self.info.path},
            "totals": dict(self.totals),
            "by_design": dict(self.by_design),
            "by_outcome": [o.to_dict() for o in self.by_outcome],
            "by_strain": [s.to_dict() for s in self.by_strain],
            "by_year": {str(y): n for y, n in self.by_year},
            "oldest_checked": [c.to_dict() for c in self.oldest_checked],
            "primary_sources": {
                "primary": self.primary_sources[0],
                "studies": self.primary_sources[1],
            },
        }


def reference_stats(ref: Reference, *, oldest: int = 10) -> ReferenceStats:
    """Counts by design, outcome, strain and year, and the `oldest` studies checked longest ago."""
    by_strain = _by_strain(ref)
    by_outcome = _by_outcome(ref)
    designs = Counter(s.design for s in ref.studies.values())
    years = Counter(s.year for s in ref.studies.values())
    checked = sorted(ref.studies.values(), key=lambda s: (s.checked_on, s.study_id))
    totals = (
        ("studies", len(ref.studies)),
        ("findings", len(ref.findings)),
        ("arms", len(ref.interventions)),
        ("strains", len(ref.strains)),
        ("strains_with_studies", sum(1 for c in by_strain if c.studies)),
        ("species", len(ref.species)),
        ("names", len(ref.names)),
        ("outcomes", len(ref.outcomes)),
        ("human_studies", sum(1 for s in ref.studies.values() if not s.mechanistic)),
        ("searches", len(ref.searches)),
        ("strains_searched", sum(1 for c in by_strain if c.searches)),
        # readings of reviews' included-study tables (searches.csv rows with a "review: " topic)
        ("review_tables_read", sum(1 for s in ref.searches if s.topic.startswith("review:"))),
        ("formulations", len(ref.formulations)),
    )
    primary = sum(1 for s in ref.studies.values() if is_primary_source(s.source_url))
    return ReferenceStats(
        info=ref.info,
        totals=totals,
        by_design=tuple((d, designs[d]) for d in DESIGNS if designs[d]),
        by_outcome=tuple(by_outcome),
        by_strain=tuple(by_strain),
        by_year=tuple(sorted(years.items())),
        oldest_checked=tuple(
            Checked(s.study_id, s.short, s.checked_on, s.source_url) for s in checked[:oldest]
        ),
        primary_sources=(primary, len(ref.studies)),
    )


def _last_search(ref: Reference, target: str) -> str:
    found = ref.searches_for(target)
    return found[0].searched_on if found else ""


def _by_strain(ref: Reference) -> list[StrainCount]:
    """Per strain: its studies, alone, in people, outcomes in people and last search."""
    studies_of: dict[str, set[str]] = {sid: set() for sid in ref.strains}
    alone_of: dict[str, set[str]] = {sid: set() for sid in ref.strains}
    for (study_id, _), arm in ref.interventions.items():
        for sid in arm.strain_ids:
            studies_of.setdefault(sid, set()).add(study_id)
            if not arm.is_blend:
                alone_of.setdefault(sid, set()).add(study_id)
    human_of: dict[str, set[str]] = {sid: set() for sid in ref.strains}
    outcomes_of: dict[str, set[str]] = {sid: set() for sid in ref.strains}
    for key, arm in ref.interventions.items():
        if ref.studies[key[0]].mechanistic:
            continue
        for sid in arm.strain_ids:
            human_of.setdefault(sid, set()).add(key[0])
            outcomes_of.setdefault(sid, set()).update(
                f.outcome for f in ref.findings_by_arm.get(key, ())
            )
    return sorted(
        (
            StrainCount(
                sid,
                s.display,
                len(studies_of[sid]),
                len(alone_of[sid]),
                len(human_of[sid]),
                len(outcomes_of[sid]),
                _last_search(ref, sid),
                len(ref.searches_for(sid)),
            )
            for sid, s in ref.strains.items()
        ),
        key=lambda c: (-c.studies, c.name.lower()),
    )


def _by_outcome(ref: Reference) -> list[OutcomeCount]:
    """Per outcome: its studies and its findings by effect."""
    outcome_studies: dict[str, set[str]] = {}
    effects: dict[str, Counter[str]] = {}
    for f in ref.findings:
        outcome_studies.setdefault(f.outcome, set()).add(f.study_id)
        effects.setdefault(f.outcome, Counter())[f.effect] += 1
    return sorted(
        (
            OutcomeCount(
                o,
                ref.outcomes[o].label if o in ref.outcomes else o,
                len(ids),
                tuple((e, effects[o][e]) for e in EFFECTS if effects[o][e]),
            )
            for o, ids in outcome_studies.items()
        ),
        key=lambda c: (-c.studies, c.outcome),
    )
