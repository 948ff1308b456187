"""Suggestions for names the reference does not hold: the closest species names, by letter pairs.

Suggestions are only shown, never used to resolve; letter-pair (bigram) overlap is cheap enough to
run on every unknown line of a large sheet.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

from strainscore.names.index import NameIndex
from strainscore.names.normalise import key

THRESHOLD = 0.6  # Dice coefficient of letter pairs
LIMIT = 3


def _pairs(k: str) -> frozenset[str]:
    return frozenset(k[i : i + 2] for i in range(len(k) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


class Suggester:
    def __init__(self, ix: NameIndex) -> None:
        # (pairs of the genus word, pairs of the epithet part, current name, genus key)
        self._names: list[tuple[frozenset[str], frozenset[str], str, str]] = []
        for (g, e, s), entries in ix.taxa.items():
            for entry in entries:
                self._names.append((_pairs(g), _pairs(e + s), entry.target.name, g))
        self._cache: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        # letter pair -> the names whose epithet part holds it: a name sharing no pair with
        # the text's words scores 0 and is never looked at
        self._by_pair: dict[str, list[int]] = {}
        # the same per genus key: with the genus fixed, names of other genera are never scored
        self._in_genus: dict[str, dict[str, list[int]]] = {}
        for i, (_, epithet, _, g) in enumerate(self._names):
            for pair in epithet:
                self._by_pair.setdefault(pair, []).append(i)
                self._in_genus.setdefault(g, {}).setdefault(pair, []).append(i)
        self._genus_pairs = {g: genus for genus, _, _, g in self._names}

    def _indexes(
        self, first: frozenset[str], rest: frozenset[str], genus_keys: tuple[str, ...]
    ) -> list[dict[str, list[int]]]:
        """The pair indexes whose names can score: those of the genera given; with no genus
        given but two words, those of the genera whose word looks like the first (both words
        must); else all names."""
        if genus_keys:
            return [self._in_genus.get(g, {}) for g in dict.fromkeys(genus_keys)]
        if rest:
            pairs = self._genus_pairs.items()
            return [self._in_genus.get(g, {}) for g, gp in pairs if _dice(first, gp) >= THRESHOLD]
        return [self._by_pair]

    def near(self, text: str, genus_keys: tuple[str, ...] = ()) -> list[str]:
        """Up to three current names that look like `text` (within `genus_keys` if given).

        With a genus fixed, only the species words are compared; otherwise both the genus word
        and the species words must look alike ("Latilactobacillus sakei" suggests nothing).
        """
        words = [key(w) for w in text.split()]
        words = [w for w in words if w]
        if not words or sum(map(len, words)) < 4:
            return []
        cache_key = (" ".join(words), genus_keys)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        first, rest = _pairs(words[0]), _pairs("".join(words[1:3]))
        best: dict[str, float] = {}
        # every score below compares the epithet with `rest` (or `first` when alone)
        probe = rest if (genus_keys or rest) else first
        # counted in C: the common pairs ("us", "la") are held by hundreds of names
        indexes = self._indexes(first, rest, genus_keys)
        counts = Counter(chain.from_iterable(ix.get(p, ()) for ix in indexes for p in probe))
        # Dice >= THRESHOLD needs 2 * shared >= THRESHOLD * (|probe| + |epithet|)
        size = len(probe)
        shared = [
            i
            for i, c in sorted(counts.items())
            if 2 * c + 1e-9 >= THRESHOLD * (size + len(self._names[i][1]))  # exact test below
        ]
        for genus, epithet, name, g in (self._names[i] for i in shared):
            if genus_keys:
                if g not in genus_keys:
                    continue
                score = _dice(rest, epithet)
            elif rest:
                score = min(_dice(first, genus), _dice(rest, epithet))
            elif words[0][0] == name.split()[1][0].lower():
                score = _dice(first, epithet)
            else:
                continue
            if score >= THRESHOLD and score > best.get(name, 0.0):
                best[name] = score
        out = [n for n, _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))][:LIMIT]
        if len(self._cache) < 50_000:
            self._cache[cache_key] = out
        return out
