"""The grading of one Reference, each answer worked out once: the one home of the grading caches.

A catalogue asks the same few thousand questions tens of thousands of times (the same strain, with
the same blend partners in the product, for the same population, at the same dose figures), so an
``Assessor`` keeps every answer. Two rules keep a cached answer from ever being stale:

- every cache is an ``lru_cache`` over a method's own arguments: what a method is given is its
  key, so no input can be left out of a key by hand;
- the only other input is the Reference the Assessor was made from, which is frozen, and whose
  Assessor this is (``assessor_for``: one per Reference object; another Reference, even an
  equal one, gets another).
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from strainscore.evidence import assess
from strainscore.evidence.claim_words import PhraseTable, outcomes_named, phrase_table
from strainscore.evidence.dose import ProductDose
from strainscore.models import OutcomeEvidence, Resolution
from strainscore.reference.model import Reference

# Answers each cache keeps, the least recently used dropped past it (each is a few hundred
# bytes), so a long-lived process stays bounded.
CACHE_LIMIT = 200_000
# References whose Assessor is kept (load_reference keeps as many references).
KEEP = 8


class Assessor:
    """Bodies of evidence per line, species evidence, notes and claim outcomes for one Reference."""

    def __init__(self, reference: Reference, *, limit: int = CACHE_LIMIT) -> None:
        self.reference = reference
        memo = functools.lru_cache(maxsize=limit)
        self._partners = memo(self._blend_partners)
        self._undosed = memo(self._bodies)
        self._dosed = memo(self._line)
        self.species_evidence = memo(self._species_evidence)
        self._note = memo(self._other_strain_note)
        self.claim_outcomes = memo(self._claim_outcomes)

    def line(
        self,
        resolution: Resolution,
        *,
        product_strain_ids: Collection[str] = (),
        dose: ProductDose | None = None,
        line_index: int = 0,
        population: str | None = None,
    ) -> tuple[OutcomeEvidence, ...]:
        """Every body of evidence for one label line, best first; lines with the same strain,
        blend partners held, population and dose figures get the very same tuple."""
        if resolution.match == "species" and resolution.name:
            return self.species_evidence(resolution.name)
        sid = resolution.strain_id
        if resolution.match != "strain" or sid is None:
            return ()
        partners = self._partners(sid)
        held = frozenset(partners.intersection(product_strain_ids)) if partners else frozenset()
        return self._dosed(sid, held, population, assess.dose_figures(dose, line_index))

    def other_strain_note(self, resolution: Resolution) -> str | None:
        """For a strain with no human studies: whether it was searched, and whether other strains
        of its species have studies (which do not transfer)."""
        if resolution.match != "strain" or not resolution.name or not resolution.strain_id:
            return None
        return self._note(resolution.strain_id, resolution.name)

    # What the caches call: each reads its arguments and self.reference, nothing else.

    def _blend_partners(self, sid: str) -> frozenset[str]:
        return assess.blend_partners(sid, self.reference)

    def _bodies(
        self, sid: str, held: frozenset[str], population: str | None
    ) -> tuple[assess.Undosed, ...]:
        return assess.bodies(sid, self.reference, held | {sid}, population)

    def _line(
        self, sid: str, held: frozenset[str], population: str | None, figures: assess.Figures
    ) -> tuple[OutcomeEvidence, ...]:
        return tuple(assess.with_dose(b, figures) for b in self._undosed(sid, held, population))

    def _species_evidence(self, name: str) -> tuple[OutcomeEvidence, ...]:
        return assess.species_bodies(name, self.reference)

    def _other_strain_note(self, sid: str, name: str) -> str | None:
        return assess.other_strain_text(sid, name, self.reference)

    @functools.cached_property
    def _phrases(self) -> PhraseTable:
        return phrase_table(self.reference)

    def _claim_outcomes(self, claim: str) -> tuple[str, ...]:
        return outcomes_named(claim, self._phrases)


# The Assessors of the references used last, most recent last. Each holds its Reference, so an
# id here cannot be another object's while the entry lasts.
_RECENT: dict[int, Assessor] = {}


def assessor_for(reference: Reference) -> Assessor:
    """The Assessor of this Reference object (made on first use; the last KEEP are kept)."""
    found = _RECENT.pop(id(reference), None)
    if found is None or found.reference is not reference:
        found = Assessor(reference)
    _RECENT[id(reference)] = found
    while len(_RECENT) > KEEP:
        del _RECENT[next(iter(_RECENT))]
    return found


def assess_line(
    resolution: Resolution,
    reference: Reference,
    *,
    product_strain_ids: Collection[str] = (),
    dose: ProductDose | None = None,
    line_index: int = 0,
    population: str | None = None,
) -> tuple[OutcomeEvidence, ...]:
    """Every body of evidence for one label line, best first (``Assessor.line``)."""
    return assessor_for(reference).line(
        resolution,
        product_strain_ids=product_strain_ids,
        dose=dose,
        line_index=line_index,
        population=population,
    )


def species_evidence(name: str, reference: Reference) -> tuple[OutcomeEvidence, ...]:
    """Per outcome: studies of other strains of the species, which do not transfer."""
    return assessor_for(reference).species_evidence(name)


def other_strain_note(resolution: Resolution, reference: Reference) -> str | None:
    """For a strain with no studies: say whether other strains of its species have some."""
    return assessor_for(reference).other_strain_note(resolution)


def claim_outcomes(claim: str, reference: Reference) -> tuple[str, ...]:
    """Outcome ids a label claim speaks of, through the phrases in outcomes.csv and
    claim_phrases.csv (each distinct claim matched once per reference)."""
    return assessor_for(reference).claim_outcomes(claim)
