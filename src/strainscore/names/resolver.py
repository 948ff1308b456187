"""Resolving label text to a current name and a reference strain, saying how.

The ladder, first hit wins: a whole-text name in names.csv (alias, deposit, trade name); genus and
species (current or old name) followed by a designation held for that species; the species alone;
the genus alone; unknown with suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


from strainscore.models import Resolution
from strainscore.reference.checks import normalise_name
from strainscore.reference.model import Reference, Strain, species_name

_MARKS = re.compile(r"[®™©]|\(tm\)|\(r\)|\btm\b", re.I)
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Unicode-normalise, drop trademark signs, fold spaces."""
    t = unicodedata.normalize("NFKC", text)
    t = _MARKS.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


@dataclass
class _Taxon:
    name: str  # current name
    genus: str
    species: str
    subspecies: str


@dataclass
class Resolver:
    """Indexes over one reference; build once, resolve many."""

    reference: Reference
    taxa: dict[str, _Taxon] = field(default_factory=dict)  # normalised written name -> taxon
    taxon_via: dict[str, str] = field(default_factory=dict)
    strain_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (id, kind)
    genera: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ref = self.reference
        for sp in ref.species.values():
            taxon = _Taxon(sp.current_name, sp.genus, sp.species, sp.subspecies)
            self._add_taxon(sp.current_name, taxon, "current-name")
            self.genera[normalise_name(sp.genus)] = sp.genus
        for entry in ref.names:
            if entry.current_name:
                sp = ref.species[entry.current_name]
                taxon = _Taxon(sp.current_name, sp.genus, sp.species, sp.subspecies)
                self._add_taxon(entry.name, taxon, entry.kind)
                self.genera.setdefault(normalise_name(entry.name.split()[0]), sp.genus)
            elif entry.strain_id:
                self.strain_names[normalise_name(entry.name)] = (entry.strain_id, entry.kind)

    def _add_taxon(self, written: str, taxon: _Taxon, via: str) -> None:
        key = normalise_name(written)
        self.taxa.setdefault(key, taxon)
        self.taxon_via.setdefault(key, via)
        parts = written.split()
        if len(parts) >= 2:
            # "L. rhamnosus": the genus initial with the epithet(s).
            abbrev = normalise_name(parts[0][0] + " " + " ".join(parts[1:]))
            self.taxa.setdefault(abbrev, taxon)
            self.taxon_via.setdefault(abbrev, via)

    def resolve(self, text: str) -> Resolution:
        t = clean(text)
        key = normalise_name(t)
        if not key:
            return Resolution(label_text=text, match="unknown", notes=("empty text",))
        if key in self.strain_names:
            sid, kind = self.strain_names[key]
            return self._strain(text, self.reference.strains[sid], (kind,))
        words = t.split(" ")
        # Longest prefix of words that names a taxon; the rest is the designation.
        for n in range(min(len(words), 5), 0, -1):
            pkey = normalise_name(" ".join(words[:n]))
            taxon = self.taxa.get(pkey)
            if taxon is None:
                continue
            via = self.taxon_via[pkey]
            rest = " ".join(words[n:]).strip(" .,-")
            if rest:
                strain = self._designation(taxon, rest)
                if strain is not None:
                    return self._strain(text, strain[0], (via, strain[1]))
            return Resolution(
                label_text=text,
                match="species",
                name=taxon.name,
                genus=taxon.genus,
                species=taxon.species,
                subspecies=taxon.subspecies or None,
                via=(via,),
                designation_text=rest or None,
                notes=(
                    (f"designation {rest!r} is not in the reference",)
                    if rest
                    else ("no strain designation on the label",)
                ),
            )
        genus = self.genera.get(normalise_name(words[0]))
        if genus:
            return Resolution(label_text=text, match="genus", name=genus, genus=genus)
        return Resolution(label_text=text, match="unknown")

    def _designation(self, taxon: _Taxon, rest: str) -> tuple[Strain, str] | None:
        rkey = normalise_name(rest)
        for s in self.reference.strains_of_species(taxon.name):
            if normalise_name(s.designation) == rkey:
                return s, "current-name"
        hit = self.strain_names.get(rkey)
        if hit:
            s = self.reference.strains[hit[0]]
            if (s.genus, s.species) == (taxon.genus, taxon.species):
                return s, hit[1]
        return None

    def _strain(self, text: str, s: Strain, via: tuple[str, ...]) -> Resolution:
        return Resolution(
            label_text=text,
            match="strain",
            name=species_name(s.genus, s.species, s.subspecies),
            genus=s.genus,
            species=s.species,
            subspecies=s.subspecies or None,
            strain=s.designation,
            strain_id=s.strain_id,
            via=tuple(dict.fromkeys(via)),
        )


