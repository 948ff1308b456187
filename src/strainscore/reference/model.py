"""The reference in memory: typed rows and the indexes the resolver and the grader use."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from strainscore.models import ReferenceInfo
from strainscore.reference.vocab import MECHANISTIC_DESIGNS, POOLED_DESIGNS, normalise_name


@dataclass(frozen=True)
class Strain:
    strain_id: str
    genus: str
    species: str
    subspecies: str
    designation: str
    notes: str = ""

    @property
    def species_name(self) -> str:
        return species_name(self.genus, self.species, self.subspecies)

    @property
    def display(self) -> str:
        return f"{self.species_name} {self.designation}"


@dataclass(frozen=True)
class Species:
    current_name: str
    genus: str
    species: str
    subspecies: str
    kind: str


@dataclass(frozen=True)
class LabelWord:
    """A word labels print, in one language, and what it is read as (label_words.csv)."""

    word: str
    language: str
    kind: str  # species, genus, epithet, strain, scale, rank, filler, lactic-acid-bacteria, ...
    means: str  # the Latin name, epithet or genus; the factor of a scale word; a rank marker
    species: str  # the species.csv current_name a species or epithet word stands for


@dataclass(frozen=True)
class NameEntry:
    name: str
    kind: str
    strain_id: str
    current_name: str
    source: str


@dataclass(frozen=True)
class Study:
    study_id: str
    first_author: str
    year: int
    title: str
    journal: str
    doi: str
    pmid: str
    design: str
    population: str
    age_group: str
    n: int | None
    duration_weeks: float | None
    daily_dose_cfu: float | None
    source_url: str
    checked_on: str
    notes: str = ""
    parent_study: str = ""  # the trial this paper reports on again (post hoc, secondary)

    @property
    def trial_id(self) -> str:
        """The trial this paper belongs to: a secondary report counts with its parent, once."""
        return self.parent_study or self.study_id

    @property
    def mechanistic(self) -> bool:
        return self.design in MECHANISTIC_DESIGNS

    @property
    def pooled(self) -> bool:
        return self.design in POOLED_DESIGNS

    @property
    def short(self) -> str:
        return f"{self.first_author} {self.year}"


@dataclass(frozen=True)
class Intervention:
    """One arm of one study: the strain set given together (a blend is one intervention)."""

    study_id: str
    arm: str
    strain_ids: frozenset[str]
    blend_name: str
    doses: tuple[tuple[str, float], ...] = ()  # per-strain daily CFU when the paper gives it

    @property
    def is_blend(self) -> bool:
        return len(self.strain_ids) > 1


@dataclass(frozen=True)
class Finding:
    study_id: str
    arm: str
    outcome: str
    effect: str
    instrument: str
    note: str


@dataclass(frozen=True)
class Formulation:
    """A blend sold under one name, with the strains its record lists (formulations.csv)."""

    formulation_id: str
    name: str
    aliases: tuple[str, ...]
    strain_ids: tuple[str, ...]
    version: str  # which formulation, when a trade name has had several ("before 2016")
    source_url: str
    checked_on: str
    notes: str = ""


@dataclass(frozen=True)
class Search:
    """One logged literature search for a strain (`strain_id`), a blend (`blend_name`), or
    something else (`topic`: a review's included-study table, a question, a strain not held)."""

    search_id: str
    strain_id: str
    blend_name: str
    topic: str
    searched_on: str
    where: str
    query: str
    records_seen: int | None
    included: tuple[str, ...]
    excluded: str
    notes: str

    @property
    def target(self) -> str:
        """The strain id, "blend:NAME" or "topic:TOPIC": the key reports look searches up by."""
        if self.strain_id:
            return self.strain_id
        return f"blend:{self.blend_name}" if self.blend_name else f"topic:{self.topic}"


@dataclass(frozen=True)
class Outcome:
    outcome: str
    label: str
    category: str
    phrases: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class ClaimPhrase:
    """A phrase bottles use for a claim, and the outcomes it speaks of (claim_phrases.csv)."""

    phrase: str
    language: str
    outcomes: tuple[str, ...]
    group: str = ""  # "mood", "digestive", "immune": a phrase for a group of outcomes


@dataclass(frozen=True)
class Reference:
    """The tables, read-only once built: what is graded from them is kept by the grader
    (evidence/assessor.py), never here; the indexes below derive from the tables alone."""

    info: ReferenceInfo
    strains: dict[str, Strain]
    species: dict[str, Species]  # by current name
    names: tuple[NameEntry, ...]
    studies: dict[str, Study]
    interventions: dict[tuple[str, str], Intervention]
    findings: tuple[Finding, ...]
    outcomes: dict[str, Outcome]
    searches: tuple[Search, ...] = ()
    formulations: dict[str, Formulation] = field(default_factory=dict)
    review_trials: tuple[tuple[str, str], ...] = ()  # (pooled review, trial it includes)
    label_words: tuple[LabelWord, ...] = ()
    claim_phrases: tuple[ClaimPhrase, ...] = ()
    context_studies: dict[str, str] = field(default_factory=dict)  # study_id -> why context
    arms_by_strain: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    findings_by_arm: dict[tuple[str, str], tuple[Finding, ...]] = field(default_factory=dict)
    context_findings: tuple[Finding, ...] = ()  # studies with no intervention rows
    blend_names: dict[frozenset[str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_strain: dict[str, list[tuple[str, str]]] = defaultdict(list)
        names: dict[frozenset[str], Counter[str]] = defaultdict(Counter)
        for key, arm in self.interventions.items():
            for sid in arm.strain_ids:
                by_strain[sid].append(key)
            if arm.is_blend and arm.blend_name:
                names[arm.strain_ids][arm.blend_name] += 1
        # One name per studied strain set, the one most studies use, so a blend's studies
        # are graded together whatever each paper called the product.
        derive = object.__setattr__  # frozen: the derived indexes are set once, here
        derive(
            self,
            "blend_names",
            {k: sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0] for k, c in names.items()},
        )
        derive(self, "arms_by_strain", {k: tuple(sorted(v)) for k, v in by_strain.items()})
        by_arm: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        context: list[Finding] = []
        studies_with_arms = {k[0] for k in self.interventions}
        for f in self.findings:
            if f.study_id in studies_with_arms:
                by_arm[(f.study_id, f.arm)].append(f)
            else:
                context.append(f)
        derive(self, "findings_by_arm", {k: tuple(v) for k, v in by_arm.items()})
        derive(self, "context_findings", tuple(context))

    def searches_for(self, target: str) -> tuple[Search, ...]:
        """The searches logged for a strain id or "blend:NAME", newest first."""
        return self._searches_by_target.get(target, ())

    @cached_property  # made on first use from the tables alone, like the indexes above
    def _searches_by_target(self) -> dict[str, tuple[Search, ...]]:
        by: dict[str, list[Search]] = defaultdict(list)
        for s in self.searches:
            by[s.target].append(s)
        return {
            k: tuple(sorted(v, key=lambda s: (s.searched_on, s.search_id), reverse=True))
            for k, v in by.items()
        }

    def formulations_named(self, text: str) -> tuple[Formulation, ...]:
        """The formulations whose name or an alias is `text` (case, spaces, punctuation and
        trade marks ignored). More than one means the name is ambiguous (a product that changed
        its formulation)."""
        return self._formulations_by_name.get(normalise_name(text), ())

    @cached_property
    def _formulations_by_name(self) -> dict[str, tuple[Formulation, ...]]:
        by: dict[str, list[Formulation]] = defaultdict(list)
        for f in self.formulations.values():
            for n in (f.name, *f.aliases):
                if f not in by[normalise_name(n)]:
                    by[normalise_name(n)].append(f)
        return {k: tuple(v) for k, v in by.items() if k}

    def strains_of_species(self, name: str) -> tuple[Strain, ...]:
        """Strains in the reference whose current species name is `name` (subspecies ignored)."""
        genus_species = " ".join(name.split()[:2])
        return tuple(s for s in self.strains.values() if f"{s.genus} {s.species}" == genus_species)


def species_name(genus: str, species: str, subspecies: str = "") -> str:
    base = f"{genus} {species}"
    if not subspecies:
        return base
    # Yeasts take "var." (S. cerevisiae var. boulardii); bacteria take "subsp.".
    rank = "var." if genus == "Saccharomyces" else "subsp."
    return f"{base} {rank} {subspecies}"
