"""The resolver's working result and the plain words of its notes.

Notes are written for a consumer holding the bottle: what was read, what was assumed, and why a
species or genus match carries no evidence for the product's strain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strainscore.models import MatchLevel, Resolution, filled
from strainscore.names.index import SPLIT_2020, Target, TaxonEntry
from strainscore.reference.model import Strain

NO_TRANSFER = "evidence is strain-specific, so studies of other strains do not apply"


@dataclass
class Outcome:
    """A resolution being built; ``to_resolution`` freezes it."""

    match: MatchLevel = "unknown"
    strain: Strain | None = None
    target: Target | None = None
    genus: str | None = None
    via: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    corrected: bool = False
    suggestions: list[str] = field(default_factory=list)
    designation_text: str | None = None
    conflict: bool = False  # the label's species and designation disagree
    if_species: list[str] = field(default_factory=list)  # notes that hold only at species level
    # (text, genus keys) to find look-alike names for, done once at the end (not for asides)
    suggest_for: tuple[str, tuple[str, ...]] | None = None

    def step(self, *steps: str) -> Outcome:
        for s in steps:
            if s and s not in self.via:
                self.via.append(s)
        return self

    def note(self, *notes: str) -> Outcome:
        for n in notes:
            if n and n not in self.notes:
                self.notes.append(n)
        return self

    def suggest(self, *names: str) -> Outcome:
        for n in names:
            if n and n not in self.suggestions:
                self.suggestions.append(n)
        return self

    def at_strain(self, strain: Strain) -> Outcome:
        self.match, self.strain = "strain", strain
        self.genus = strain.genus
        return self

    def at_species(self, target: Target) -> Outcome:
        self.match, self.target, self.strain = "species", target, None
        self.genus = target.genus
        return self

    def at_genus(self, genus: str) -> Outcome:
        self.match, self.genus, self.strain = "genus", genus, None
        return self

    def at_unknown(self) -> Outcome:
        self.match, self.strain, self.target, self.genus = "unknown", None, None, None
        return self

    def to_resolution(self, label_text: str, amount_text: str | None) -> Resolution:
        name = genus = species = subspecies = strain = strain_id = None
        if self.match == "strain" and self.strain is not None:
            s = self.strain
            name, genus, species = s.species_name, s.genus, s.species
            subspecies, strain, strain_id = s.subspecies or None, s.designation, s.strain_id
        elif self.match == "species" and self.target is not None:
            t = self.target
            name, genus, species, subspecies = t.name, t.genus, t.species, t.subspecies or None
        elif self.match == "genus":
            name = genus = self.genus
        notes = self.notes + self.if_species if self.match == "species" else self.notes
        return filled(
            Resolution,
            {
                "label_text": label_text,
                "match": self.match,
                "name": name,
                "genus": genus,
                "species": species,
                "subspecies": subspecies,
                "strain": strain,
                "strain_id": strain_id,
                "via": tuple(self.via),
                "corrected": self.corrected,
                "suggestions": tuple(self.suggestions[:5]),
                "notes": tuple(dict.fromkeys(notes)),
                "designation_text": self.designation_text,
                "amount_text": amount_text,
            },
        )


# --- wording -------------------------------------------------------------------------------------


def other_name(entry: TaxonEntry, target: Target) -> str:
    """The note for a species written under a name that is not the reference's own."""
    if entry.kind == "synonym":
        return (
            f"written as {entry.written}, another name for {target.name} (the name the "
            "reference uses)"
        )
    return old_name(entry, target)


def old_name(entry: TaxonEntry, target: Target) -> str:
    era = (
        "pre-2020" if entry.genus == "Lactobacillus" and target.genus.lower() in SPLIT_2020 else ""
    )
    what = f"its {era} name" if era else "a former name,"
    return f"written under {what} {entry.written}; the current name is {target.name}"


def abbreviation(genus_text: str, genera: list[str], epithet: str, target: Target) -> str:
    if len(genera) == 1:
        return (
            f"genus abbreviated as '{genus_text}': read as {genera[0]}, the only genus of that "
            f"abbreviation with the species '{epithet}' in the reference"
        )
    either = " or ".join(genera)
    return f"genus abbreviated as '{genus_text}': {either}; either way it is {target.name}"


def spelling(written: str, read: str) -> str:
    return f"spelling corrected: '{written}' read as '{read}'"


HOMOGLYPH = "letters from another alphabet that look like Latin ones were read as Latin letters"


def folded(written: str, designation: str) -> str:
    return (
        f"designation '{written}' read as '{designation}' (the letters l, I, O and the digits 1, 0 "
        "look alike in print)"
    )


def no_designation(target: Target) -> str:
    return f"no strain designation on the label for {target.name}; {NO_TRANSFER}"


def unheld(designation: str) -> str:
    return f"designation '{designation}' is not in the reference; {NO_TRANSFER}"


def near_miss(written: str, strain: Strain) -> str:
    return (
        f"'{written}' is one character from {strain.display}, which the reference holds; "
        "check the bottle (a designation is never guessed: a misprint and another strain "
        "look the same)"
    )


def conflict(designation: str, strains: list[Strain], target: Target) -> str:
    held = " and ".join(s.display for s in strains)
    return (
        f"'{designation}' is held in the reference for {held}, not for {target.name}; "
        "check the label (evidence is never carried from one species to another)"
    )


def reidentified(target: Target, strain: Strain) -> str:
    return (
        f"sold as {target.name}; this strain was later identified as {strain.species_name} "
        f"({strain.display})"
    )


def subspecies_differs(target: Target, strain: Strain) -> str:
    return f"the label says {target.name}; the reference holds {strain.display}"


def unlisted_parent(target: Target, listed: list[str]) -> str:
    return (
        f"the reference holds {target.name} only as {' and '.join(listed)}; "
        "the label does not say which"
    )


def unheld_subspecies(sub: str, target: Target) -> str:
    return f"subspecies '{sub}' is not in the reference; read as {target.name}"


def genus_only(genus: str, epithet: str | None, designation: str | None = None) -> str:
    if epithet:
        return f"'{epithet}' is not a species of {genus} in the reference; only the genus is known"
    if designation:  # "Bifidobacterium BB-12Y": a code is written, but none the genus holds
        return (
            f"'{designation}' after the genus {genus} is no designation the reference holds for "
            f"that genus; only the genus is known ({NO_TRANSFER})"
        )
    return f"only the genus {genus} is written; it names no species or strain"


LACTOBACILLUS_SPLIT = (
    "before 2020 the genus Lactobacillus also held species now in Lacticaseibacillus, "
    "Lactiplantibacillus, Limosilactobacillus and other genera"
)


def designation_only(written: str, strain: Strain) -> str:
    return f"no species written; '{written}' is held in the reference only for {strain.display}"


def several(aside: str, strains: list[str]) -> str:
    return (
        f"'{aside}' names {len(strains)} strains ({', '.join(strains)}); one line is read as one "
        "strain, so this stays at the species: write each strain on its own line"
    )


PRODUCT_NAME = "this looks like a product name: type the strains on its label"


def inferred(written: str, strain: Strain) -> str:
    return (
        f"species inferred from the designation: '{written}' is held in the reference only for "
        f"{strain.display} in that genus"
    )


def too_short(written: str, strains: list[Strain]) -> str:
    held = ", ".join(s.display for s in strains)
    return f"'{written}' alone is too short to name a strain (the reference holds {held})"


def ambiguous(written: str, names: list[str]) -> str:
    return (
        f"'{written}' fits more than one species in the reference ({', '.join(names)}); "
        "write the genus in full"
    )


def aside_agrees(aside: str) -> str:
    return f"'{aside}' in parentheses names the same strain"


def aside_conflict(aside: str, other: Strain, main: Strain) -> str:
    return (
        f"'{aside}' in parentheses names {other.display}, a different strain from "
        f"{main.display}; check the label"
    )


def aside_used(aside: str) -> str:
    return f"strain read from '{aside}' in parentheses"


def aside_unheld(aside: str) -> str:
    return f"'{aside}' in parentheses is not in the reference"


def set_aside(words: tuple[str, ...]) -> str:
    return f"set aside the words around the designation: {' '.join(words)}"
