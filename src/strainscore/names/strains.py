"""Matching a designation to a strain of the species the label names, and saying how.

A designation held for the label's species gives the strain. One held for another species gives the
strain only when the reference records that the strain was sold under the label's species
(names.csv ``reidentified``); otherwise it is a conflict, flagged and left at species level.
"""

from __future__ import annotations

from strainscore.names import outcome as say
from strainscore.names.designation import DesignationMatch, distinctive, find_designation
from strainscore.names.index import NameIndex, Target
from strainscore.names.normalise import key
from strainscore.names.outcome import Outcome
from strainscore.reference.model import Strain

VIA = {"synonym": "alias", "designation": ""}  # names.csv kind -> via step ("" = none)


def gs(s: Strain) -> tuple[str, str]:
    return (s.genus, s.species)


def _binomial(tokens: tuple[str, ...]) -> bool:
    g, e = tokens[0], tokens[1]
    return g.isalpha() and g[:1].isupper() and g[1:].islower() and e.isalpha() and e.islower()


def _registered(written: str) -> bool:
    """'GR-1®': a short designation written with a trademark sign names a registered strain when
    it holds a letter and a digit (a bare number or 'GG' stays too common)."""
    k = key(written)
    return len(k) >= 3 and has_digit(k) and any(c.isalpha() for c in k)


def has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


class StrainMatcher:
    def __init__(self, ix: NameIndex) -> None:
        self.index = ix

    def apply(self, o: Outcome, dm: DesignationMatch, target: Target) -> Outcome:
        """Take the strain `dm` names if it belongs to `target`; otherwise flag the conflict."""
        strains = self.index.strains_for(list(dm.hits))
        own = [s for s in strains if gs(s) == target.gs]
        sold = [s for s in strains if s not in own and self.sold_as(s, target)]
        if len(own) == 1:
            return self.found(o, own[0], dm, target)
        if not own and len(sold) == 1:
            o.step("reidentified").note(say.reidentified(target, sold[0]))
            return self.found(o, sold[0], dm, target, sold=True)
        o.suggest(*(s.display for s in strains))
        if len(own) > 1 or len(sold) > 1:
            o.note(f"'{dm.matched}' fits several strains in the reference; check the label")
        else:
            o.conflict = True
            o.note(say.conflict(dm.matched, strains, target))
        return o

    def sold_as(self, s: Strain, target: Target) -> bool:
        names = self.index.sold_as.get(s.strain_id, set())
        return target.name in names or any(self.index.targets[n].gs == target.gs for n in names)

    def found(
        self, o: Outcome, s: Strain, dm: DesignationMatch, target: Target | None, sold: bool = False
    ) -> Outcome:
        o.at_strain(s)
        for kind in dm.kinds_for(s.strain_id):
            o.step(VIA.get(kind, kind))
        if dm.folded:
            o.step("corrected-characters").note(say.folded(dm.matched, s.designation))
            o.corrected = True
        if dm.how == "mark":
            o.note(f"'{dm.matched}' read as {s.designation} followed by a trademark sign")
        if dm.ignored:
            o.note(say.set_aside(dm.ignored))
        if target and not sold and target.subspecies and s.subspecies != target.subspecies:
            if target.name in self.index.sold_as.get(s.strain_id, set()):
                o.step("reidentified").note(say.reidentified(target, s))
            elif s.subspecies:
                o.note(say.subspecies_differs(target, s))
        return o

    def in_genus(self, rest: list[str], gkey: str) -> Outcome | None:
        """'Bifidobacterium 35624': a genus and a designation that exactly one strain of it holds.

        The genus makes even a short or all-digit designation safe to read; two strains of the
        genus holding it leave the line at the genus.
        """
        dm = find_designation(self.index, rest)
        if dm is None or len(key(dm.matched)) < 2:
            return None
        strains = self.index.strains_for(list(dm.hits))
        fits = [s for s in strains if gkey in self.index.written_genera.get(gs(s), set())]
        if len(fits) != 1:
            return None
        o = Outcome(designation_text=" ".join(rest))
        self.found(o, fits[0], dm, None)
        if not o.via:
            o.step("designation-only")
        return o.note(say.inferred(dm.matched, fits[0]))

    def alone(self, tokens: tuple[str, ...], marked: bool = False) -> Outcome:
        text = " ".join(tokens)
        o = Outcome(designation_text=text if has_digit(text) else None)
        dm = find_designation(self.index, tokens)
        if dm is None:
            o.note("not recognised as a species or strain in the reference")
            if len(tokens) > 2 and _binomial(tokens):
                # "Escherichia coli Nissle 1917": an organism the reference does not hold
                o.designation_text = " ".join(tokens[2:])
            o.suggest_for = (text, ())
            return o
        strains = self.index.strains_for(list(dm.hits))
        o.designation_text = text
        if len(strains) > 1:
            o.suggest(*(s.display for s in strains))
            return o.note(f"'{dm.matched}' fits several strains; write the species")
        s = strains[0]
        if not distinctive(dm, s.strain_id) and not (marked and _registered(dm.matched)):
            return o.suggest(s.display).note(say.too_short(dm.matched, strains))
        self.found(o, s, dm, None)
        if not o.via or o.via == ["corrected-characters"]:
            o.via.insert(0, "designation-only")
            o.note(say.designation_only(dm.matched, s))
        return o
