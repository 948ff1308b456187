"""Reading the genus, species and subspecies words at the start of a label name.

The genus may be written in full (current or former name), abbreviated ("L.", "Lb.", "Bif."), as a
group ("Lactobacilli") or misspelt. An abbreviation is not decided on its own: the epithet decides,
and only when one species in the reference fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from strainscore.names.fuzzy import correct
from strainscore.names.index import NameIndex, Target, TaxonEntry
from strainscore.names.normalise import word
from strainscore.names.parse import RANKS, SPECIES_PLACEHOLDERS


@dataclass
class TaxonRead:
    """What the first tokens of a label name say about the organism."""

    start: int
    end: int  # tokens[start:end] were read as the name
    mode: str  # full | abbreviation | group | epithet-only
    genus_text: str  # the genus token as written ("L.", "Lactobacilus")
    genus_keys: tuple[str, ...]  # genera it can be
    entries: tuple[TaxonEntry, ...] = ()
    epithet_text: str | None = None  # the species word as written
    epithet_known: bool = False
    sub_text: str | None = None  # a subspecies word the reference does not hold
    placeholder: bool = False  # "sp." / "spp."
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (written, read as)
    # target name -> (via, notes, corrected) of reading this name (names/resolver.py)
    steps: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def targets(self) -> tuple[Target, ...]:
        return tuple({e.target.name: e.target for e in self.entries}.values())

    def genus(self, ix: NameIndex) -> str | None:
        """The genus as a name, when the label fixes one (not for an ambiguous abbreviation)."""
        if len(self.genus_keys) == 1:
            return ix.genera[self.genus_keys[0]]
        return None


def _rank_at(tokens: tuple[str, ...], i: int) -> int:
    """How many tokens at i spell a rank ("subsp.", "ssp", "sub. sp."); 0 if none."""
    w = word(tokens[i]) if i < len(tokens) else None
    if w in RANKS:
        return 1
    if w == "sub" and i + 1 < len(tokens) and word(tokens[i + 1]) == "sp":
        return 2
    return 0


def _is_abbreviation(token: str, w: str) -> bool:
    if token.endswith("."):
        return 1 <= len(w) <= 6
    return len(w) <= 2 and token[:1].isupper()


def _genus_keys(
    ix: NameIndex, token: str, w: str, fuzzy: bool
) -> tuple[str, tuple[str, ...], list[tuple[str, str]]] | None:
    if w in ix.genera:
        return "full", (w,), []
    if w in ix.groups:
        return "group", (ix.groups[w],), []
    if _is_abbreviation(token, w):
        keys = ix.abbreviation_genera(w)
        return ("abbreviation", keys, []) if keys else None
    if fuzzy and w not in ix.genus_blockers:
        fixed = _correct(ix, w, ("",))
        if fixed is not None:
            return "full", (fixed,), [(token, ix.genera[fixed])]
    return None


def _correct(ix: NameIndex, w: str, pool: tuple[str, ...]) -> str | None:
    """Cached spelling correction of `w` among genera (pool ("",)), the epithets of the genera in
    `pool`, or the subspecies of (genus..., epithet)."""
    cache_key = (w, pool)
    if cache_key in ix.fuzzy_cache:
        return ix.fuzzy_cache[cache_key]
    blockers = ix.genus_blockers if pool == ("",) else ix.epithet_blockers
    found = correct(w, _candidates(ix, w, pool), blockers)
    if len(ix.fuzzy_cache) < 100_000:
        ix.fuzzy_cache[cache_key] = found
    return found


def _candidates(ix: NameIndex, w: str, pool: tuple[str, ...]) -> list[str]:
    """The names of `pool` that `correct` could accept for `w`: those starting with its first
    letter, or with its first two letters swapped (the only ones rule 2 allows)."""
    by_first = ix.fuzzy_pools.get(pool)
    if by_first is None:
        if pool == ("",):
            names: set[str] = set(ix.genera)
        elif len(pool) >= 2 and pool[-1] not in ix.genera:
            genera, epithet = pool[:-1], pool[-1]
            names = set().union(*(ix.subs.get((g, epithet), set()) for g in genera))
        else:
            names = set().union(*(ix.epithets.get(g, set()) for g in pool))
        grouped: dict[str, list[str]] = {}
        for n in sorted(names):
            if n:
                grouped.setdefault(n[0], []).append(n)
        by_first = ix.fuzzy_pools[pool] = {k: tuple(v) for k, v in grouped.items()}
    out = list(by_first.get(w[0], ()))
    if len(w) > 1 and w[1] != w[0]:
        out += [c for c in by_first.get(w[1], ()) if c[:2] == w[1::-1]]
    return out


_WINDOW = 5  # genus, epithet, a rank of up to two tokens, subspecies: all a name can hold


def read_taxon(
    ix: NameIndex, tokens: tuple[str, ...], start: int = 0, *, fuzzy: bool = True
) -> TaxonRead | None:
    """The name at tokens[start:], or None when it does not begin with a genus.

    A read looks at five tokens at most and stops at the first that is not a word (a
    designation), so it is kept per such window: the many label strings that share a name
    ("L. rhamnosus HN001", "L. rhamnosus R0011") read it once. The read returned is that kept
    one (a copy when `start` moves it): callers must not change it.
    """
    window = tokens[start : start + _WINDOW]
    for n, t in enumerate(window):
        if word(t) is None:  # a read stops at a designation, whatever it says: one key for all
            window = (*window[:n], "0")
            break
    k = (window, fuzzy)
    hit: TaxonRead | None
    if k in ix.taxon_cache:
        hit = ix.taxon_cache[k]
    else:
        hit = _read_taxon(ix, window, 0, fuzzy=fuzzy)
        if len(ix.taxon_cache) < 100_000:
            ix.taxon_cache[k] = hit
    if hit is None or start == 0:
        return hit  # shared by every text of that window: callers only read it
    # A shallow copy, made directly: copy.copy goes through __reduce_ex__, and
    # dataclasses.replace re-runs __init__ (both several times slower).
    read: TaxonRead = object.__new__(TaxonRead)
    read.__dict__.update(hit.__dict__)
    read.start, read.end, read.corrections = start, hit.end + start, list(hit.corrections)
    return read


def _read_taxon(
    ix: NameIndex, tokens: tuple[str, ...], start: int = 0, *, fuzzy: bool = True
) -> TaxonRead | None:
    if start >= len(tokens):
        return None
    token = tokens[start]
    w = word(token)
    if w is None:
        return None
    gk = (token, fuzzy)
    if gk in ix.genus_key_cache:  # the genus token's reading, shared by every window it opens
        found = ix.genus_key_cache[gk]
    else:
        found = ix.genus_key_cache[gk] = _genus_keys(ix, token, w, fuzzy)
    if found is None:
        return None
    mode, keys, corrections = found
    read = TaxonRead(start, start + 1, mode, token, keys, corrections=list(corrections))
    i = start + 1
    if i >= len(tokens):
        return None if mode == "abbreviation" else read
    w1 = word(tokens[i])
    if mode == "group" and (w1 is None or w1 not in ix.epithets_of(keys)):
        return read  # "Lactobacilli acidophilus" reads on; "Bifidobacteria blend" is the genus
    if w1 in SPECIES_PLACEHOLDERS:
        read.placeholder, read.end = True, i + 1
        return None if mode == "abbreviation" else read
    if w1 is None:
        return None if mode == "abbreviation" else read
    epithet = w1 if w1 in ix.epithets_of(keys) else None
    if epithet is None and fuzzy and w1 not in ix.epithet_blockers:
        epithet = _correct(ix, w1, keys)
        if epithet is not None:
            read.corrections.append((tokens[i], epithet))
    if epithet is None:
        if mode == "abbreviation" or tokens[i].islower():
            # A lower-case word after a genus is a species the reference does not hold;
            # a capitalised one may be a designation ("Lactobacillus Shirota").
            read.epithet_text, read.end = tokens[i], i + 1
        return read
    read.epithet_text, read.epithet_known, read.end = tokens[i], True, i + 1
    _read_subspecies(ix, tokens, read, epithet, fuzzy)
    return read


def _read_subspecies(
    ix: NameIndex, tokens: tuple[str, ...], read: TaxonRead, epithet: str, fuzzy: bool
) -> None:
    i = read.end
    sub = ""
    rank = _rank_at(tokens, i)
    subs = ix.subs_of(read.genus_keys, epithet)
    if rank:
        j = i + rank
        ws = word(tokens[j]) if j < len(tokens) else None
        if ws is None:
            read.end = j
        else:
            read.end = j + 1
            if ws in subs:
                sub = ws
            elif fuzzy and (fixed := _correct(ix, ws, (*read.genus_keys, epithet))) is not None:
                read.corrections.append((tokens[j], fixed))
                sub = fixed
            else:
                read.sub_text = tokens[j]
    elif i < len(tokens) and (ws := word(tokens[i])) in subs:
        # "Bifidobacterium longum infantis": a trinomial written without "subsp."
        sub, read.end = ws, i + 1
    entries = ix.entries_of(read.genus_keys, epithet, sub)
    if not entries and (sub or read.sub_text):
        entries = ix.entries_of(read.genus_keys, epithet, "")
    read.entries = entries


def read_epithet_only(ix: NameIndex, tokens: tuple[str, ...]) -> TaxonRead | None:
    """'Rhamnosus GG': a species word with no genus. Exact only; the caller asks for proof."""
    w = word(tokens[0]) if tokens else None
    if w is None or w in ix.epithet_blockers:
        return None
    entries = ix.all_epithets.get(w)
    if not entries:
        return None
    keys = tuple(dict.fromkeys(e.genus.lower() for e in entries))
    return TaxonRead(0, 1, "epithet-only", "", keys, tuple(entries), tokens[0], True)
