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
    by_strain = sorted(
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
    outcome_studies: dict[str, set[str]] = {}
    effects: dict[str, Counter[str]] = {}
    for f in ref.findings:
        outcome_studies.setdefault(f.outcome, set()).add(f.study_id)
        effects.setdefault(f.outcome, Counter())[f.effect] += 1
    by_outcome = sorted(
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


def stats_text(st: ReferenceStats) -> str:
    """Plain text for the terminal, one section per count."""
    info = st.info
    out = [f"Reference {info.version} of {info.date} ({info.path})", ""]
    out.append("  ".join(f"{k.replace('_', ' ')}: {n}" for k, n in st.totals))
    out += ["", "Studies by design:"]
    out += [f"  {d:<20} {n:>4}" for d, n in st.by_design]
    out += ["", "Studies by outcome (findings by effect):"]
    for o in st.by_outcome:
        eff = ", ".join(f"{n} {e}" for e, n in o.effects)
        out.append(f"  {o.outcome:<32} {o.studies:>4}  ({eff})")
    done, total = st.primary_sources
    out += [
        "",
        f"Source pages: {done} of {total} studies cite a primary page (PubMed, PMC, "
        "Europe PMC, doi.org, a publisher or a registry).",
    ]
    out += [
        "",
        "Studies by strain (all; alone; in people; outcomes in people; last search):",
    ]
    for s in st.by_strain:
        searched = s.last_searched or "not yet reviewed"
        counts = f"{s.studies:>4}  {s.alone:>4}  {s.human:>4}  {s.outcomes:>4}"
        out.append(f"  {s.name:<48} {counts}  {searched}")
    out += ["", "Studies by year:"]
    out += [f"  {y}  {n:>4}  {'#' * n}" for y, n in st.by_year]
    out += ["", f"Checked longest ago (the {len(st.oldest_checked)} oldest checked_on dates):"]
    for c in st.oldest_checked:
        out.append(f"  {c.checked_on}  {c.study_id:<22} {c.short:<22} {c.source_url}")
    return "\n".join(out) + "\n"
