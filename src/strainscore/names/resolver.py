"""Resolving one label text to a species and, when the label names one, a strain in the reference.

The ladder, in order:
1. the name at the start (genus in full, former genus, abbreviation, group or misspelling; then the
   species and subspecies words), followed by a designation held for that species, or for a
   species the strain was once sold as (names.csv ``reidentified``);
2. a names.csv name written whole ("Lactobacillus casei sps. rhamnosus (Lactobacillus GG)");
3. a designation, deposit, alias or trade name written alone ("LGG", "BB-12®", "ATCC 53103");
4. asides in parentheses: a deposit there can supply the designation, or contradict it;
5. otherwise the species, the genus, or unknown with suggestions.
A species-only line never becomes a strain, a designation is never fuzzy-matched, and every repair
of the text is reported in ``via`` and ``notes`` with ``corrected=True``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from strainscore.models import Resolution
from strainscore.names import outcome as say
from strainscore.names.designation import find_designation
from strainscore.names.fuzzy import distance
from strainscore.names.index import OTHER_EPITHETS, OTHER_GENERA, Hit, NameIndex, Target
from strainscore.names.normalise import key, word
from strainscore.names.outcome import Outcome
from strainscore.names.parse import STRAIN_WORDS, Parsed, parse, tokenise
from strainscore.names.strains import VIA, StrainMatcher, gs, has_digit
from strainscore.names.suggest import Suggester
from strainscore.names.taxon import TaxonRead, read_epithet_only, read_taxon
from strainscore.names.words import LabelWords
from strainscore.reference.model import Reference, Strain

# A text of this many words or more may be a sentence naming the species inside it.
_SENTENCE_WORDS = 5
MAX_CHARS = 1000  # a cell longer than this is not one strain name; the rest is not read
_LEAD = re.compile(
    r"^(?:formerly|previously|also\s+known\s+as|aka|a\.k\.a\.|syn\.?|synonym|as|now|ex|"
    r"i\.e\.?|e\.g\.?|deposited\s+as|deposit(?:ed)?|strain|nee|née)[\s:]+",
    re.I,
)

_INNER_BRACKETS = re.compile(r"[()\[\]{}]")
_GLUED_GENUS = re.compile(r"^([a-z]{2,})([A-Z][a-z]{4,})$")  # "offersLactobacillus"
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;&+]|\band\b)\s*")  # "SIN, O/C, T, N/R", "CUL-60 & CUL-21"
# "(sp. L. gasseri)", "(species: L. gasseri)": the bracket names the species the pack holds.
_SPECIES_FIX = re.compile(r"^(?:sp|spp|species|espèce|especie|specie|art)\.?\s*:?\s+(?=\S)", re.I)


def _one_deleted(k: str) -> list[str]:
    """`k` and every string `k` gives with one character left out."""
    return [k, *[k[:i] + k[i + 1 :] for i in range(len(k))]]


def _code_after(o: Outcome) -> list[str]:
    """The Latin-script designation an unknown main text held ("有胞子性 lilac-01" -> lilac-01)."""
    if o.match != "unknown" or not o.designation_text:
        return []
    return [t for t in tokenise(o.designation_text) if t.isascii() and has_digit(t)]


class Resolver:
    """Indexes over one reference; build once, resolve many."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.index = NameIndex(reference)
        self._listed: dict[tuple[str, str], list[str]] = {}
        self.strains = StrainMatcher(self.index)
        self.words = LabelWords(reference.label_words)

    @cached_property
    def suggester(self) -> Suggester:
        """Built at the first line that needs suggestions: a bottle whose strains are all held
        never pays for the letter-pair index of every species name."""
        return Suggester(self.index)

    def prepare(self) -> Resolver:
        """Build now the indexes otherwise built at the first line that needs them (suggestions,
        near misses, names written after a species): a long run pays for them once either way,
        and a benchmark that times resolution alone builds them first."""
        _ = self.suggester, self._near_index, self._near_ends, self._scoped
        return self

    def resolve(self, text: str) -> Resolution:
        """Never raises: a text that cannot be read resolves to ``unknown``."""
        label = text if isinstance(text, str) else "" if text is None else str(text)
        try:
            return self.resolve_strict(label)
        except Exception:  # a label cell must never stop a check of the whole sheet
            return Resolution(label, "unknown", notes=("this text could not be read",))

    def resolve_strict(self, text: str) -> Resolution:
        """``resolve`` without the safety net (tests use it to find bugs)."""
        p = parse(text[:MAX_CHARS], self.words)
        if not p.tokens and not p.asides:
            o = Outcome().note("no organism named" if p.amount_text else "empty text")
            return o.to_resolution(text, p.amount_text)
        o = self._read(p.tokens, p.marked)
        if o.match != "strain" and p.amount_text:
            o, p = self._amount_as_designation(o, p)
        if o.match != "strain":
            whole = self._whole(p)
            if whole is not None:
                o, used_asides = whole
                if used_asides:
                    return self._finish(o, p, text)
        o = self._asides(o, p)
        return self._finish(o, p, text)

    def _amount_as_designation(self, o: Outcome, p: Parsed) -> tuple[Outcome, Parsed]:
        """'Lactobacillus plantarum 57B': what reads as an amount ('57 billion') is also a held
        designation. When the name with it resolves to a held strain, that is the reading."""
        if key(p.amount_text or "") not in self.index.ids:
            return o, p
        held = self._read((*p.tokens, p.amount_text or ""), p.marked)
        if held.match != "strain":
            return o, p
        return held, replace(p, amount_text=None)

    def _finish(self, o: Outcome, p: Parsed, text: str) -> Resolution:
        if o.match == "unknown" and not p.asides and self._product_like(p.tokens):
            o.note(say.PRODUCT_NAME)
        if o.suggest_for and o.match in ("genus", "unknown"):
            o.suggest(*self.suggester.near(*o.suggest_for))
        if p.homoglyph:
            o.step("homoglyph").note(say.HOMOGLYPH)
            o.corrected = True
        if p.notes and o.match != "unknown":
            o.notes[:0] = list(p.notes)
        return o.to_resolution(text, p.amount_text)

    def _product_like(self, tokens: tuple[str, ...]) -> bool:
        """'Culturelle', 'BioGaia Protectis drops': capitalised words that name no organism."""
        if not 1 <= len(tokens) <= 4 or not all(t[:1].isupper() for t in tokens):
            return False
        words = [word(t) for t in tokens]
        ix = self.index
        named = (ix.genera, ix.groups, ix.all_epithets, OTHER_GENERA, OTHER_EPITHETS)
        return all(w is not None and not any(w in n for n in named) for w in words)

    # --- 1. a name, then a designation -----------------------------------------------------------

    def _read(self, tokens: tuple[str, ...], marked: bool = False) -> Outcome:
        o = Outcome()
        if not tokens:
            return o
        ix = self.index
        tr = read_taxon(ix, tokens)
        if tr is not None and tr.mode == "abbreviation" and self._article_before_genus(tr, tokens):
            tr = None  # "A Bacillus clausii" (Hungarian 'the'): no genus abbreviated as 'A'
        tr = tr or self._after_prefix(tokens)
        if tr is None or (not tr.targets and tr.mode != "group"):
            again = self._read_repaired(tr, tokens, marked)
            if again is not None:
                return again
        if tr is None:
            ep = read_epithet_only(ix, tokens)
            if ep is not None:
                return self._epithet_only(ep, tokens)
            alone = self.strains.alone(tokens, marked)
            tr = self._in_sentence(tokens) if alone.match == "unknown" else None
            if tr is None:
                return alone
        rest = [t for t in tokens[tr.end :] if word(t) not in STRAIN_WORDS]
        before = list(tokens[: tr.start])
        if before and len(tr.targets) == 1 and not (rest and find_designation(ix, rest)):
            found = self._designation_before(tuple(before), tr.targets[0])
            if found:
                o.note(f"designation '{found[0]}' read from before the name")
                before.remove(found[0])
                rest = found
        if before:
            o.note(f"set aside '{' '.join(before)}' before the name")
        o.designation_text = " ".join(rest).strip(" ,;:") or None
        targets = tr.targets
        if len(targets) == 1:
            self._taxon_steps(o, tr, targets[0])
            if not targets[0].listed and not tr.sub_text:
                self._species_notes(o, targets[0])
            return self._with_target(o, targets[0], rest)
        if len(targets) > 1:
            return self._ambiguous(o, tr, rest, tokens)
        genus = tr.genus(ix)
        if genus is not None:
            return self._genus_level(o, tr, genus, rest)
        written = " ".join(tokens[tr.start : tr.end])
        o.note(f"'{written}' is not a species in the reference")
        o.suggest_for = (written, tr.genus_keys)
        dm = find_designation(self.index, rest) if rest else None
        if dm is not None:  # "B. beve NCIMB 30441": the designation hints, it does not decide
            o.suggest(*(s.display for s in self.index.strains_for(list(dm.hits))))
        return o

    def _after_prefix(self, tokens: tuple[str, ...]) -> TaxonRead | None:
        """'Contains L. acidophilus': a name after a few words with no digits; a genus written
        out in full counts too ('Pendulum Akkermansia WB-STR-0001'). A misspelt genus counts
        when the species word after it is written exactly ('Lactéol strain of Lactovacillus
        acidophilus LB')."""
        for start in range(1, min(4, len(tokens))):
            if has_digit(tokens[start - 1]):
                return None
            tr = read_taxon(self.index, tokens, start, fuzzy=False)
            if tr is not None and (tr.targets or self._full_genus(tr)):
                return tr
            if tr is None and start + 1 < len(tokens) and word(tokens[start + 1]):
                fixed = read_taxon(self.index, tokens, start)
                only_genus = fixed is not None and [w for w, _ in fixed.corrections] == [
                    tokens[start]
                ]
                if fixed is not None and fixed.targets and only_genus:
                    return fixed
        return None

    def _read_repaired(
        self, tr: TaxonRead | None, tokens: tuple[str, ...], marked: bool
    ) -> Outcome | None:
        """The reading of `tokens` with a name's words parted where a label ran them together
        ("Saccharomyces-cerevisiae-Hefe", "Lactobacillus reuteriprotectis"), said; None when
        there is nothing to part."""
        if tr is None:
            glued_genus = self._word_before_genus(tokens)
            if glued_genus is not None:  # "offersLactobacillus acidophilus"
                i, word_, genus = glued_genus
                apart = (*tokens[:i], word_, genus, *tokens[i + 1 :])
                return self._read(apart, marked).note(f"'{tokens[i]}' read as '{word_} {genus}'")
            parted = self._hyphen_compound(tokens) if "-" in tokens[0] else None
            if parted is None:
                return None
            written = " ".join(parted[: len(parted) - len(tokens) + 1])
            return self._read(parted, marked).note(f"'{tokens[0]}' read as '{written}'")
        glued = self._glued_epithet(tr, tokens)
        if glued is None:
            return None
        written = " ".join(glued[tr.start + 1 : tr.start + 3])
        return self._read(glued, marked).note(f"'{tokens[tr.start + 1]}' read as '{written}'")

    def _word_before_genus(self, tokens: tuple[str, ...]) -> tuple[int, str, str] | None:
        """'offersLactobacillus': a lower-case word run into a genus written out (a page's text
        copied without its space), among the first few words; (where, the word, the genus)."""
        for i, t in enumerate(tokens[:4]):
            m = _GLUED_GENUS.match(t)
            if m is not None and m.group(2).lower() in self.index.genera:
                return i, m.group(1), m.group(2)
        return None

    def _hyphen_compound(self, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """'Saccharomyces-cerevisiae-Hefe': a name joined by hyphens to the word after it, as
        German compounds are; the tokens with its parts apart (label words that name nothing
        left out), or None when its first part is no genus."""
        parts = tokens[0].split("-")
        if len(parts) < 2 or not all(p.isalpha() for p in parts):
            return None
        if word(parts[0]) not in self.index.genera:
            return None
        kept = tuple(tokenise(self.words.drop(" ".join(parts))))
        return (*kept, *tokens[1:]) if kept else None

    def _article_before_genus(self, tr: TaxonRead, tokens: tuple[str, ...]) -> bool:
        """'A Bacillus clausii': one capital letter with no full stop, then a genus written out,
        is a word before the name (an article), not an abbreviated genus."""
        return (
            not tr.targets
            and not tokens[0].endswith(".")
            and len(tokens) > 1
            and word(tokens[1]) in self.index.genera
        )

    def _glued_epithet(self, tr: TaxonRead, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        """'reuteriprotectis', 'reuteriProtectisdalam': a species word of the genus with the next
        word run into it; the tokens with the two parted, or None. The species word must be
        written exactly (5 letters or more) and what follows it 3 letters or more."""
        at = tr.start + 1
        if at >= len(tokens) or not tokens[at].isalpha() or not tokens[at][:1].islower():
            return None
        written = tokens[at]
        low = written.lower()
        epithets = self.index.epithets_of(tr.genus_keys)
        for n in range(len(low) - 3, 4, -1):
            if low[:n] in epithets:
                return (*tokens[:at], written[:n], written[n:], *tokens[at + 1 :])
        return None

    def _designation_before(self, before: tuple[str, ...], target: Target) -> list[str]:
        """'BB-12 Bifidobacterium animalis subsp. lactis': a designation of the species written
        before its name; [] when none of the words before it is one."""
        for t in before:
            code_like = has_digit(t) or (t.isupper() and len(t) > 1)  # "HN001", "LGG", not "Live"
            dm = find_designation(self.index, [t]) if code_like else None
            if dm and any(gs(s) == target.gs for s in self.index.strains_for(list(dm.hits))):
                return [t]
        return []

    def _in_sentence(self, tokens: tuple[str, ...]) -> TaxonRead | None:
        """'Each capsule contains 250 mg lyophilised Saccharomyces boulardii': a species named
        inside a sentence (a leaflet's composition line), tried only when nothing else was
        read. Its first species name, exact (no spelling repair), and of one species only. A
        shorter text counts only when its first words hold a designation of that species
        ('HN001 Lactobacillus rhamnosus')."""
        for start in range(1, min(len(tokens), 40)):
            if word(tokens[start]) is None:
                continue
            tr = read_taxon(self.index, tokens, start, fuzzy=False)
            if tr is not None and len(tr.targets) == 1:
                long_enough = len(tokens) >= _SENTENCE_WORDS
                if long_enough or self._designation_before(tokens[:start], tr.targets[0]):
                    return tr
                return None
        return None

    def _full_genus(self, tr: TaxonRead) -> bool:
        """A genus written out (not 'L.', not a group word), as a first word after a prefix."""
        return tr.mode != "group" and tr.genus(self.index) is not None and "." not in tr.genus_text

    def _taxon_steps(self, o: Outcome, tr: TaxonRead, target: Target) -> None:
        """The steps and notes of reading the name, worked out once per read and target (a read
        is shared by every text of its window) and replayed: the same steps, in the same order."""
        done = tr.steps.get(target.name)
        if done is None:
            fresh = Outcome()
            self._work_out_steps(fresh, tr, target)
            done = tr.steps[target.name] = (tuple(fresh.via), tuple(fresh.notes), fresh.corrected)
        via, notes, corrected = done
        o.step(*via).note(*notes)
        o.corrected = o.corrected or corrected

    def _work_out_steps(self, o: Outcome, tr: TaxonRead, target: Target) -> None:
        entries = [e for e in tr.entries if e.target.name == target.name]
        kinds = {e.kind for e in entries}
        if tr.mode == "abbreviation":
            genera = list(dict.fromkeys(e.genus for e in entries))
            o.step("abbreviation").note(
                say.abbreviation(tr.genus_text, genera, tr.epithet_text or "", target)
            )
            if "current-name" not in kinds:
                o.step(VIA.get(entries[0].kind, "old-name")).note(
                    say.other_name(entries[0], target)
                )
        elif "current-name" in kinds:
            o.step("current-name")
        else:
            o.step(VIA.get(entries[0].kind, entries[0].kind) or "old-name")
            o.note(say.other_name(entries[0], target))
        self._corrections(o, tr)
        if tr.sub_text:
            o.note(say.unheld_subspecies(tr.sub_text, target))

    @staticmethod
    def _corrections(o: Outcome, tr: TaxonRead) -> None:
        if tr.corrections:
            o.step("corrected-spelling")
            o.corrected = True
            for written, read in tr.corrections:
                o.note(say.spelling(written, read))

    def _with_target(self, o: Outcome, target: Target, rest: list[str]) -> Outcome:
        o.at_species(target)
        if not rest:
            o.if_species.append(say.no_designation(target))
            return o
        dm = find_designation(self.index, rest)
        if dm is None:
            hit = self._scoped.get((target.gs, key(" ".join(rest))))
            if hit is not None:  # "L. lactis strain Plasma": a names.csv name, species abbreviated
                s = self.reference.strains[hit.strain_id]
                o.at_strain(s).step(VIA.get(hit.kind, hit.kind) or "alias")
                return o.note(
                    f"'{hit.written}' is listed in the reference as a name of {s.display}"
                )
            o.if_species.append(say.unheld(" ".join(rest)))
            return self._near_misses(o, target, " ".join(rest))
        return self.strains.apply(o, dm, target)

    def _near_misses(self, o: Outcome, target: Target | None, written: str) -> Outcome:
        """'B. lactis GCL25059': a held name of the species one character away is suggested, never
        taken (a misprint and another strain look the same). With no species written, only a
        long identifier ('(ATCC PTA 52899)', 6+ characters) is compared, with every strain's."""
        k = key(written)  # letters and digits only: a key with a digit is not all letters
        if len(k) < (4 if target is not None else 6) or k.isalpha():
            return o
        # Two keys one edit apart (4+ characters) share their first two characters or their last
        # two, with lengths at most one apart: most keys meet no held one so, and stop here.
        ends = self._near_ends
        scope = target.gs if target is not None else None
        n, head, tail = len(k), k[:2], k[-2:]
        if not any(
            (scope, size, head, "") in ends or (scope, size, "", tail) in ends
            for size in (n - 1, n, n + 1)
        ):
            return o
        index = self._near_index
        candidates = [pair for v in _one_deleted(k) if (hits := index.get(v)) for pair in hits]
        if not candidates:  # most unheld designations: nothing held is one edit away
            return o
        near = [
            s
            for held, s in sorted(set(candidates), key=lambda pair: pair[0])
            if (target is None or gs(s) == target.gs) and distance(held, k, 1) == 1
        ]
        for s in dict.fromkeys(near):
            o.suggest(s.display)
            o.note(say.near_miss(written, s))
        return o

    @cached_property
    def _held_keys(self) -> list[tuple[str, Strain]]:
        """(key, strain) of every held designation and names.csv name of a strain: what a near
        miss is one edit from."""
        strains = self.reference.strains
        pairs = [(key(s.designation), s) for s in strains.values()]
        for entry in self.reference.names:
            named = strains.get(entry.strain_id) if entry.strain_id else None
            if named is not None:
                pairs.append((key(entry.name), named))
        return pairs

    @cached_property
    def _near_ends(self) -> set[tuple[tuple[str, str] | None, int, str, str]]:
        """(species or None for any, key length, first two characters, "") and (..., "", last
        two) of every held key: a cheap test that no held key can be one edit from a key (an
        edit leaves one end of a key of 4+ characters as it was)."""
        out: set[tuple[tuple[str, str] | None, int, str, str]] = set()
        for held, s in self._held_keys:
            for scope in (gs(s), None):
                out.add((scope, len(held), held[:2], ""))
                out.add((scope, len(held), "", held[-2:]))
        return out

    @cached_property
    def _near_index(self) -> dict[str, list[tuple[str, Strain]]]:
        """Every held key, under the key itself and each key with one character left out: two
        keys one edit apart share one of them, so a near miss is looked up, not compared with
        every name (symmetric deletion)."""
        out: dict[str, list[tuple[str, Strain]]] = {}
        for held, s in self._held_keys:
            for v in _one_deleted(held):
                out.setdefault(v, []).append((held, s))
        return out

    @cached_property
    def _scoped(self) -> dict[tuple[tuple[str, str], str], Hit]:
        """Names.csv names written as species + name ("Lactococcus lactis strain Plasma"), keyed
        by the species and the name after it, so an abbreviated or translated species finds them."""
        out: dict[tuple[tuple[str, str], str], Hit] = {}
        for entry in self.reference.names:
            if not entry.strain_id:
                continue
            toks = tokenise(entry.name)
            tr = read_taxon(self.index, toks, fuzzy=False) if toks else None
            if tr is None or len(tr.targets) != 1 or tr.start:
                continue
            rest = [t for t in toks[tr.end :] if word(t) not in STRAIN_WORDS]
            if rest and not find_designation(self.index, rest):
                hit = Hit(entry.strain_id, entry.kind, entry.name)
                out.setdefault((tr.targets[0].gs, key(" ".join(rest))), hit)
        return out

    def _species_notes(self, o: Outcome, target: Target) -> None:
        if not target.listed:
            o.if_species.append(say.unlisted_parent(target, self._listed_of(target.gs)))

    def _listed_of(self, gs: tuple[str, str]) -> list[str]:
        """The listed names of a species (its subspecies rows), looked up once per species."""
        found = self._listed.get(gs)
        if found is None:
            found = self._listed[gs] = [
                t.name for t in self.index.targets.values() if t.listed and t.gs == gs
            ]
        return found

    def _ambiguous(
        self, o: Outcome, tr: TaxonRead, rest: list[str], tokens: tuple[str, ...]
    ) -> Outcome:
        names = [t.name for t in tr.targets]
        written = " ".join(tokens[tr.start : tr.end])
        dm = find_designation(self.index, rest) if rest else None
        if dm is not None:
            for target in tr.targets:
                trial = self.strains.apply(Outcome(designation_text=o.designation_text), dm, target)
                if trial.match == "strain":
                    trial.via.insert(0, "abbreviation")
                    self._corrections(trial, tr)
                    return trial.note(
                        f"'{written}' fits {' and '.join(names)}; the designation decides"
                    )
        o.at_unknown().suggest(*names).note(say.ambiguous(written, names))
        return o

    def _genus_level(self, o: Outcome, tr: TaxonRead, genus: str, rest: list[str]) -> Outcome:
        gkey = tr.genus_keys[0]
        if rest and not tr.epithet_text:
            found = self.strains.in_genus(rest, gkey)
            if found is not None:
                self._corrections(found, tr)
                return found
        o.at_genus(genus).step("current-name" if gkey in self.index.current_genera else "old-name")
        self._corrections(o, tr)
        if tr.mode == "group":
            o.note(f"'{tr.genus_text}' is a group name for the genus {genus}, not a species")
        elif tr.placeholder:
            o.note(f"'{genus} sp.' names no species; {say.NO_TRANSFER}")
        else:
            written = " ".join(rest)
            o.note(say.genus_only(genus, tr.epithet_text, written if has_digit(written) else None))
        if genus == "Lactobacillus":
            o.note(say.LACTOBACILLUS_SPLIT)
        if tr.epithet_text:
            o.suggest_for = (f"{genus} {tr.epithet_text}", (gkey,))
        if rest:
            dm = find_designation(self.index, rest)
            if dm is not None:
                strains = self.index.strains_for(list(dm.hits))
                o.suggest(*(s.display for s in strains))
                o.note(f"'{dm.matched}' is held for {', '.join(s.display for s in strains)}")
        return o

    def _epithet_only(self, ep: TaxonRead, tokens: tuple[str, ...]) -> Outcome:
        rest = [t for t in tokens[1:] if word(t) not in STRAIN_WORDS]
        names = [t.name for t in ep.targets]
        dm = find_designation(self.index, rest) if rest else None
        if dm is not None:
            for target in ep.targets:
                trial = self.strains.apply(Outcome(designation_text=" ".join(rest)), dm, target)
                if trial.match == "strain":
                    trial.via.insert(0, "abbreviation")
                    return trial.note(
                        f"no genus written; '{ep.epithet_text}' with '{dm.matched}' fits only "
                        f"{trial.strain.display if trial.strain else target.name}"
                    )
        alone = self.strains.alone(tokens)
        if alone.match == "strain":
            return alone
        o = Outcome(designation_text=" ".join(rest) or None).suggest(*names)
        return o.note(f"no genus written; '{ep.epithet_text}' may be {' or '.join(names)}")

    # --- 2. a names.csv name written whole -------------------------------------------------------

    def _whole(self, p: Parsed) -> tuple[Outcome, bool] | None:
        joined = " ".join(p.tokens)
        texts = ((p.full, True),) if joined == p.full else ((p.full, True), (joined, False))
        for text, with_asides in texts:
            hit = self.index.whole.get(key(text))
            if hit is None:
                continue
            s = self.reference.strains[hit.strain_id]
            o = Outcome().at_strain(s).step(VIA.get(hit.kind, hit.kind) or "alias")
            o.note(f"'{hit.written}' is listed in the reference as a name of {s.display}")
            return o, with_asides
        return None

    # --- 4. asides in parentheses ----------------------------------------------------------------

    def _asides(self, o: Outcome, p: Parsed) -> Outcome:
        for aside in p.asides:
            fix = _SPECIES_FIX.match(aside)
            if fix is not None and o.match == "species":
                o = self._species_fix(o, aside, tokenise(aside[fix.end() :]))
                continue
            # "(Bifidobacterium bifidum(G9-1))": a bracket inside an aside parts its words too
            toks = tokenise(_INNER_BRACKETS.sub(" ", _LEAD.sub("", aside)))
            if toks:
                o = self._aside(o, aside, toks)
        return o

    def _species_fix(self, o: Outcome, aside: str, toks: tuple[str, ...]) -> Outcome:
        """'Lactobacillus acidophilus (sp. L. gasseri)': the bracket gives the species the
        product holds (a re-identification printed on the pack); it wins, and it is said."""
        sub = self._read(toks)
        if sub.match not in ("species", "strain") or sub.target is None or o.target is None:
            return o
        if sub.target.gs == o.target.gs:
            return o
        return replace(
            sub,
            notes=[
                *sub.notes,
                f"'{aside}' in brackets gives the species as {sub.target.name}, not "
                f"{o.target.name}; read as {sub.target.name}",
            ],
        )

    def _aside(self, o: Outcome, aside: str, toks: tuple[str, ...]) -> Outcome:
        has_name = read_taxon(self.index, toks, fuzzy=False) is not None
        if o.match == "unknown" and o.suggestions and not has_name:
            # "acidophilus (CUL-60 & CUL-21)": a species word alone, its strains in the bracket,
            # each held for the one species the word can be
            targets = [self.index.targets[n] for n in o.suggestions if n in self.index.targets]
            fits = [(t, found) for t in targets if (found := self._several(aside, t))]
            if len(fits) == 1:
                target, several = fits[0]
                o.suggestions.clear()
                return o.at_species(target).note(say.several(aside, several))
        if o.match == "species" and o.target is not None and not o.conflict and not has_name:
            dm = find_designation(self.index, toks)
            if dm is None:
                several = self._several(aside, o.target)
                if several:  # designations are written: "no designation on the label" is untrue
                    o.if_species = [n for n in o.if_species if n != say.no_designation(o.target)]
                    return o.note(say.several(aside, several))
                if not has_digit(aside):
                    return o
                o.designation_text = o.designation_text or aside
                o.if_species = [say.unheld(aside)]
                return self._near_misses(o, o.target, aside)
            written = o.designation_text
            o.designation_text = written or aside
            o = self.strains.apply(o, dm, o.target)
            if o.match == "strain" and written:
                o.note(f"designation '{written}' is not in the reference")
            return o.note(say.aside_used(aside)) if o.match == "strain" else o
        sub = self._read(toks)
        if o.match == "strain" and o.strain is not None:
            return self._check_aside(o, o.strain, sub, aside)
        if sub.match in ("strain", "species") and self._fits(o, sub):
            rest = _code_after(o) if sub.match == "species" and sub.target else []
            if rest and sub.target is not None:  # "(Bacillus coagulans) lilac-01"
                note = f"species read from '{aside}' in parentheses"
                after = replace(sub, if_species=[], notes=[*sub.notes, note])
                after.designation_text = " ".join(rest)
                return self._with_target(after, sub.target, rest)
            return replace(sub, notes=[*sub.notes, say.aside_used(aside)])
        if sub.match == "unknown" and has_digit(aside):
            o.note(say.aside_unheld(aside))
            return self._near_misses(o, None, aside)
        return o

    def _several(self, aside: str, target: Target) -> list[str]:
        """'SIN, O/C, T, N/R': two or more designations, each held for the line's species."""
        pieces = [p.strip() for p in _LIST_SEPARATORS.split(aside) if p.strip()]
        if len(pieces) < 2:
            return []
        found = []
        for piece in pieces:
            dm = find_designation(self.index, tokenise(piece))
            own = (
                [s for s in self.index.strains_for(list(dm.hits)) if dm and gs(s) == target.gs]
                if dm
                else []
            )
            if len(own) != 1:
                return []
            found.append(own[0].display)
        return found

    def _check_aside(self, o: Outcome, main: Strain, sub: Outcome, aside: str) -> Outcome:
        """An aside next to a resolved strain may agree, or name another strain or species."""
        if sub.match == "strain" and sub.strain is not None:
            if sub.strain.strain_id == main.strain_id:
                return o.note(say.aside_agrees(aside))
            o = o.at_species(o.target) if o.target is not None else o.at_unknown()
            o.conflict = True
            return o.suggest(main.display, sub.strain.display).note(
                say.aside_conflict(aside, sub.strain, main)
            )
        if sub.match == "species" and sub.target is not None:
            if sub.target.gs != gs(main) and not self.strains.sold_as(main, sub.target):
                if o.target is None:  # "BB-12 (Bifidobacterium longum)": the only species written
                    written = o.designation_text or main.designation
                    c = replace(sub, suggestions=[main.display], if_species=[], conflict=True)
                    c.designation_text = written
                    return c.note(say.conflict(written, [main], sub.target))
                o.note(f"'{aside}' in parentheses names another species, {sub.target.name}")
        elif sub.match == "unknown" and has_digit(aside):
            o.note(say.aside_unheld(aside))
        return o

    def _fits(self, o: Outcome, sub: Outcome) -> bool:
        """May the aside's reading replace the main one? Only when it names more, consistently."""
        pair = gs(sub.strain) if sub.strain else sub.target.gs if sub.target else None
        if pair is None or o.conflict:
            return False
        if o.match == "unknown":
            return True
        if o.match == "genus" and o.genus:
            return key(o.genus) in self.index.written_genera.get(pair, set())
        if o.match == "species" and o.target is not None and sub.strain is not None:
            return pair == o.target.gs or self.strains.sold_as(sub.strain, o.target)
        return False
