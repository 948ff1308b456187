"""Finding the strain a designation, deposit, alias or trade name stands for. Never fuzzy.

A designation matches when its key is equal ("BB-12" == "BB12" == "Bb 12"). Two narrow repairs are
allowed, each reported: a trailing "TM" left by a lost trademark sign ("BB-12TM"), and the l/I/1
and O/0 confusions of print and OCR ("HNOO1"), which the caller accepts only when one strain fits.
"HN002" never becomes HN001.
"""

from __future__ import annotations

from dataclasses import dataclass

from strainscore.names.index import Hit, NameIndex
from strainscore.names.normalise import fold_key, key, word

MAX_TOKENS = 8  # longer rests are prose, not a designation


@dataclass(frozen=True)
class DesignationMatch:
    hits: tuple[Hit, ...]
    how: str  # exact | mark (trailing TM) | folded (l/I/1, O/0) | span
    matched: str  # the text that matched, as written
    ignored: tuple[str, ...] = ()  # words around the designation that were set aside
    folded: bool = False

    @property
    def strain_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.strain_id for h in self.hits))

    def kinds_for(self, strain_id: str) -> tuple[str, ...]:
        if len(self.hits) == 1:  # most matches: one hit
            h = self.hits[0]
            return (h.kind,) if h.strain_id == strain_id else ()
        return tuple(dict.fromkeys(h.kind for h in self.hits if h.strain_id == strain_id))


def _lookup(ix: NameIndex, text: str) -> DesignationMatch | None:
    found = _hits(ix, key(text))
    return None if found is None else DesignationMatch(*found, text, folded=found[1] == "folded")


def _hits(ix: NameIndex, k: str) -> tuple[tuple[Hit, ...], str] | None:
    """(the strains' hits, how: exact | mark | folded) for the key `k`, or None."""
    if not k:
        return None
    hits = ix.ids.get(k)
    if hits:
        return tuple(hits), "exact"
    if k.endswith("tm") and (hits := ix.ids.get(k[:-2])):
        return tuple(hits), "mark"
    hits = ix.folded.get(fold_key(k))
    if hits:
        return tuple(hits), "folded"
    return None


def find_designation(ix: NameIndex, tokens: tuple[str, ...] | list[str]) -> DesignationMatch | None:
    """Strains the designation tokens name; None when the reference holds none of them."""
    toks = tuple(tokens)[:MAX_TOKENS]
    if not toks:
        return None
    found: DesignationMatch | None
    if toks in ix.designation_cache:  # a match is frozen and depends on the tokens alone
        found = ix.designation_cache[toks]
        return found
    found = _find(ix, toks)
    if len(ix.designation_cache) < 100_000:
        ix.designation_cache[toks] = found
    return found


def _find(ix: NameIndex, toks: tuple[str, ...]) -> DesignationMatch | None:
    whole = _lookup(ix, " ".join(toks))
    if whole is not None or len(toks) == 1:
        return whole
    return _spans(ix, toks)


def _spans(ix: NameIndex, toks: tuple[str, ...]) -> DesignationMatch | None:
    """'GG culture', 'HANSEN CBS 5926': a designation among words without digits."""
    found: list[DesignationMatch] = []
    ignored: list[str] = []
    # The key of ASCII text is its tokens' keys run together (case and everything but letters
    # and digits dropped character by character), so a span's key needs no join and no pass.
    keys = [key(t) for t in toks] if all(t.isascii() for t in toks) else None
    i = 0
    while i < len(toks):
        span = _longest(ix, toks, i) if keys is None else _longest_ascii(ix, toks, keys, i)
        if span is not None:
            i, m = span
            found.append(m)
        else:
            ignored.append(toks[i])
            i += 1
    if not found or any(_names_something(ix, t) for t in ignored):
        return None
    hits = tuple(h for m in found for h in m.hits)
    if len({h.strain_id for h in hits}) > 1:  # "GG and B. lactis BB-12": two strains, not one
        return None
    return DesignationMatch(
        hits,
        "span",
        " ".join(m.matched for m in found),
        tuple(ignored),
        folded=any(m.folded for m in found),
    )


Span = tuple[int, DesignationMatch]  # (where the span ends, what it matched)


def _longest(ix: NameIndex, toks: tuple[str, ...], i: int) -> Span | None:
    """The longest span of tokens from i that the reference holds."""
    for j in range(len(toks), i, -1):
        m = _lookup(ix, " ".join(toks[i:j]))
        if m is not None:
            return j, m
    return None


def _longest_ascii(ix: NameIndex, toks: tuple[str, ...], keys: list[str], i: int) -> Span | None:
    """``_longest`` for ASCII tokens, whose span keys are their keys run together: grown a token
    at a time, and stopped once no held key (folded) starts with the span's key."""
    best: tuple[int, tuple[tuple[Hit, ...], str]] | None = None
    k = ""
    for j in range(i + 1, len(toks) + 1):
        k += keys[j - 1]
        if fold_key(k) not in ix.id_prefixes:
            break
        got = _hits(ix, k)
        if got is not None:
            best = (j, got)
    if best is None:
        return None
    j, (hits, how) = best
    return j, DesignationMatch(hits, how, " ".join(toks[i:j]), folded=how == "folded")


def _names_something(ix: NameIndex, token: str) -> bool:
    """A set-aside word must be noise: no digits, no genus, no abbreviated genus ("B.")."""
    w = word(token)
    if w is None:  # a word of letters outside ASCII ("liofilizátum", "formájában") is noise too
        t = token.strip(".,;:()[]")
        return not (t.isalpha() and not t.isascii())
    return w in ix.genera or (token.endswith(".") and len(w) <= 6)


def distinctive(match: DesignationMatch, strain_id: str) -> bool:
    """Can this text name the strain with no species written? ("HN001" yes, "GG" or "1714" no).

    Identifiers the reference lists (aliases, deposits, trade names) always can; a bare
    designation needs 4+ characters including a letter.
    """
    if any(k != "designation" for k in match.kinds_for(strain_id)):
        return True
    k = key(match.matched)
    return len(k) >= 4 and any(c.isalpha() for c in k)
