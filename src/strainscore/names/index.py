"""Lookup tables over one reference, built once: names to species, designations to strains.

Every name is keyed the way labels are compared (``normalise.key``), so "BB-12", "BB12" and
"Bb 12" meet; nothing here is fuzzy.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from strainscore.names.normalise import fold_key, key, word
from strainscore.names.parse import RANKS, tokenise
from strainscore.reference.model import Reference, Strain, species_name

# Genera that labels use but the reference does not hold. They are never resolved; they only stop a
# near-miss spelling from being "corrected" into a reference genus. The Lactobacillus genera are
# those of the 2020 split (Zheng et al., IJSEM 70:2782, doi:10.1099/ijsem.0.004107).
SPLIT_2020 = frozenset((
    "lacticaseibacillus", "lactiplantibacillus", "limosilactobacillus", "levilactobacillus",
    "ligilactobacillus", "latilactobacillus", "lentilactobacillus", "paralactobacillus",
    "holzapfelia", "amylolactobacillus", "bombilactobacillus", "companilactobacillus",
    "lapidilactobacillus", "agrilactobacillus", "schleiferilactobacillus", "loigolactobacillus",
    "dellaglioa", "liquorilactobacillus", "furfurilactobacillus", "paucilactobacillus",
    "fructilactobacillus", "acetilactobacillus", "apilactobacillus", "secundilactobacillus",
))  # fmt: skip
OTHER_GENERA = SPLIT_2020 | frozenset((
    "leuconostoc", "weissella", "oenococcus", "escherichia", "propionibacterium", "bacteroides",
    "faecalibacterium", "clostridioides", "sporolactobacillus", "brevibacillus", "paenibacillus",
    "kluyveromyces", "shouchella", "priestia", "cytobacillus",
))  # fmt: skip
# Epithets of real species that are not in the reference, for the same purpose.
OTHER_EPITHETS = frozenset((
    "sakei", "curvatus", "buchneri", "kefiri", "pentosus", "mucosae", "gallinarum", "amylovorus",
    "jensenii", "ruminis", "cremoris", "faecalis", "licheniformis", "pumilus", "megaterium",
    "indicus", "catenulatum", "pseudolongum", "dentium", "angulatum", "pseudocatenulatum",
    "kefiranofaciens", "parabuchneri", "hilgardii", "coli",
))  # fmt: skip


@dataclass(frozen=True)
class Target:
    """A species (or subspecies) a label name resolves to, by its current name."""

    name: str
    genus: str
    species: str
    subspecies: str
    listed: bool  # False for a parent species derived from a listed subspecies or variety

    @property
    def gs(self) -> tuple[str, str]:
        return (self.genus, self.species)


@dataclass(frozen=True)
class TaxonEntry:
    written: str  # the name as the reference writes it, e.g. "Lactobacillus rhamnosus"
    genus: str  # its genus word as written
    kind: str  # current-name, old-name, alias, synonym
    target: Target


@dataclass(frozen=True)
class Hit:
    """A designation or a names.csv identifier that leads to a strain."""

    strain_id: str
    kind: str  # designation, alias, deposit, trade-name, old-name, reidentified, synonym
    written: str


def _split_name(name: str) -> tuple[str, str, str] | None:
    """(genus, epithet, subspecies) keys of a well-formed reference name."""
    words = [w for w in (word(t) for t in tokenise(name)) if w]
    words = [w for w in words if w not in RANKS]
    if len(words) == 2:
        return (words[0], words[1], "")
    if len(words) == 3:
        return (words[0], words[1], words[2])
    return None


class NameIndex:
    """All lookups the resolver needs, over one ``Reference``."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.taxa: dict[tuple[str, str, str], list[TaxonEntry]] = defaultdict(list)
        self.genera: dict[str, str] = {}  # genus key -> genus as written
        self.current_genera: set[str] = set()
        self.epithets: dict[str, set[str]] = defaultdict(set)
        self.subs: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.ids: dict[str, list[Hit]] = defaultdict(list)
        self.folded: dict[str, list[Hit]] = defaultdict(list)
        self.whole: dict[str, Hit] = {}
        self.sold_as: dict[str, set[str]] = defaultdict(set)  # strain id -> target names
        self.written_genera: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.targets: dict[str, Target] = {}
        self._abbr_cache: dict[str, tuple[str, ...]] = {}
        self.fuzzy_cache: dict[tuple[str, tuple[str, ...]], str | None] = {}
        # spelling candidates of a pool (names/taxon.py), by first letter: a word is only
        # compared with names that start as it does (or with its first two letters swapped)
        self.fuzzy_pools: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
        # read_taxon answers per five-token window (names/taxon.py), bounded like fuzzy_cache
        self.taxon_cache: dict[tuple[tuple[str, ...], bool], Any] = {}
        self.designation_cache: dict[tuple[str, ...], Any] = {}  # names/designation.py
        # a genus token's reading (names/taxon.py): (token, fuzzy) -> (mode, keys, corrections)
        self.genus_key_cache: dict[tuple[str, bool], Any] = {}
        self._epithets_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._subs_of: dict[tuple[tuple[str, ...], str], frozenset[str]] = {}
        self._entries_of: dict[tuple[tuple[str, ...], str, str], tuple[TaxonEntry, ...]] = {}
        self._build_taxa()
        self._build_strains()
        # every start of a held key, folded (and of one with a trailing "tm"): a designation
        # span whose key starts no held one cannot grow into one (names/designation.py)
        self.id_prefixes = {
            tail[:n] for f in self.folded for tail in (f, f + "tm") for n in range(len(tail) + 1)
        }
        # "Lactobacilli", "Bifidobacteria": a group of a genus, read as that genus.
        self.groups: dict[str, str] = {}
        for g in self.genera:
            plural = g[:-2] + "i" if g.endswith("us") else g[:-2] + "a" if g.endswith("um") else ""
            if plural and plural not in self.genera:
                self.groups[plural] = g
        # Outside names only block corrections when the reference does not hold them itself.
        self.genus_blockers = OTHER_GENERA - set(self.genera)
        self.epithet_blockers = OTHER_EPITHETS - set().union(*self.epithets.values())

    def _add(self, written: str, kind: str, target: Target) -> None:
        parts = _split_name(written)
        if parts is None:
            return
        g, e, s = parts
        entry = TaxonEntry(written, written.split()[0], kind, target)
        self.taxa[(g, e, s)].append(entry)
        self.genera.setdefault(g, entry.genus)
        self.epithets[g].add(e)
        if s:
            self.subs[(g, e)].add(s)
        self.written_genera[target.gs].add(g)

    def _build_taxa(self) -> None:
        for sp in self.ref.species.values():
            t = Target(sp.current_name, sp.genus, sp.species, sp.subspecies, True)
            self.targets[t.name] = t
            self._add(t.name, "current-name", t)
            self.current_genera.add(key(sp.genus))
        # "Bifidobacterium animalis" when only its subspecies lactis is listed: the parent species
        # is a real name a label may write, and must not become the subspecies.
        for sp in list(self.ref.species.values()):
            parent = species_name(sp.genus, sp.species)
            if sp.subspecies and parent not in self.targets:
                t = Target(parent, sp.genus, sp.species, "", False)
                self.targets[parent] = t
                self._add(parent, "current-name", t)
        for entry in self.ref.names:
            if entry.current_name and entry.current_name in self.targets:
                # a species synonym keeps its kind: it is another name, not a former one
                self._add(entry.name, entry.kind, self.targets[entry.current_name])

    def _build_strains(self) -> None:
        for s in self.ref.strains.values():
            self._add_id(s.designation, Hit(s.strain_id, "designation", s.designation))
        for entry in self.ref.names:
            if not entry.strain_id or entry.strain_id not in self.ref.strains:
                continue
            hit = Hit(entry.strain_id, entry.kind, entry.name)
            if key(entry.name):  # a name of no Latin letters or digits has no key to match on
                self.whole.setdefault(key(entry.name), hit)
            if not self._is_named(entry.name):
                self._add_id(entry.name, hit)  # a bare identifier: "LGG", "ATCC 53103"
                continue
            taxon = self._reference_taxon(entry.name)
            strain = self.ref.strains[entry.strain_id]
            if taxon is not None and taxon.name != strain.species_name:
                self.sold_as[entry.strain_id].add(taxon.name)

    def _add_id(self, written: str, hit: Hit) -> None:
        k = key(written)
        if k and hit not in self.ids[k]:
            self.ids[k].append(hit)
            self.folded[fold_key(k)].append(hit)

    def _is_named(self, name: str) -> bool:
        """True when a names.csv name starts with a genus ("Lactobacillus GG", "B. lactis W51")."""
        toks = tokenise(name)
        first = word(toks[0]) if toks else None
        return first is not None and (first in self.genera or toks[0].endswith("."))

    def _reference_taxon(self, name: str) -> Target | None:
        """The species a reference name starts with ("Lactobacillus casei Shirota" -> L. casei)."""
        toks = tokenise(name.split("(")[0])
        first = word(toks[0]) if toks else None
        if first is None:
            return None
        if first not in self.genera:
            return _abbreviated_target(self, toks)
        words = [w for w in (word(t) for t in toks[1:4]) if w and w not in RANKS]
        for n in (2, 1):
            if len(words) >= n:
                parts = (first, words[0], words[1] if n == 2 else "")
                for entry in self.taxa.get(parts, ()):
                    return entry.target
        return None

    @cached_property
    def all_epithets(self) -> dict[str, list[TaxonEntry]]:
        """Binomial entries by epithet, for a label that leaves the genus out."""
        out: dict[str, list[TaxonEntry]] = defaultdict(list)
        for (_, e, s), entries in self.taxa.items():
            if not s:
                out[e].extend(entries)
        return dict(out)

    def epithets_of(self, genus_keys: tuple[str, ...]) -> frozenset[str]:
        """The epithets of any of some genera ("L." stands for some 30), joined once per set."""
        out = self._epithets_of.get(genus_keys)
        if out is None:
            out = frozenset().union(*(self.epithets.get(g, ()) for g in genus_keys))
            self._epithets_of[genus_keys] = out
        return out

    def subs_of(self, genus_keys: tuple[str, ...], epithet: str) -> frozenset[str]:
        """The subspecies of an epithet in any of some genera, joined once per pair."""
        k = (genus_keys, epithet)
        out = self._subs_of.get(k)
        if out is None:
            out = frozenset().union(*(self.subs.get((g, epithet), ()) for g in genus_keys))
            self._subs_of[k] = out
        return out

    def entries_of(
        self, genus_keys: tuple[str, ...], epithet: str, sub: str
    ) -> tuple[TaxonEntry, ...]:
        """The names of (genus, epithet, subspecies) over some genera, in genus order, joined
        once per triple."""
        k = (genus_keys, epithet, sub)
        out = self._entries_of.get(k)
        if out is None:
            out = tuple(e for g in genus_keys for e in self.taxa.get((g, epithet, sub), ()))
            self._entries_of[k] = out
        return out

    def abbreviation_genera(self, abbr: str) -> tuple[str, ...]:
        """Genus keys an abbreviation can stand for: same first letter, letters in order."""
        out = self._abbr_cache.get(abbr)
        if out is None:
            out = tuple(sorted(g for g in self.genera if g != abbr and _subsequence(abbr, g)))
            self._abbr_cache[abbr] = out
        return out

    def strains_for(self, hits: list[Hit]) -> list[Strain]:
        """Distinct strains behind some hits, in a stable order."""
        if len(hits) == 1:  # most designations: one strain
            return [self.ref.strains[hits[0].strain_id]]
        ids = dict.fromkeys(h.strain_id for h in hits)
        return [self.ref.strains[i] for i in ids]

    @cached_property
    def species_names(self) -> tuple[str, ...]:
        return tuple(sorted(self.targets))


def _subsequence(abbr: str, genus: str) -> bool:
    if not abbr or abbr[0] != genus[0]:
        return False
    it = iter(genus)
    return all(ch in it for ch in abbr)


def _abbreviated_target(ix: NameIndex, toks: tuple[str, ...]) -> Target | None:
    """Target of an abbreviated reference name ("B. lactis W51"), if one genus fits."""
    first = word(toks[0])
    if first is None or len(toks) < 2:
        return None
    epithet = word(toks[1])
    found = {
        entry.target.name: entry.target
        for g in ix.abbreviation_genera(first)
        for entry in ix.taxa.get((g, epithet or "", ""), ())
    }
    return next(iter(found.values())) if len(found) == 1 else None
