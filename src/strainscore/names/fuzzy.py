"""Spelling correction for genus and species words only; never for strain designations.

A word is corrected when (1) it is long enough: no edits under 5 letters, 1 for 5-6 letters, 2 from
7; (2) the first letter is kept, or swapped with the second (typos rarely hit it otherwise, while
real names that differ in it, "sakei" and "casei", are different species); (3) one candidate is
strictly closest; and (4) no known name outside the reference is as close (so "Latilactobacillus"
is not "corrected" to "Ligilactobacillus").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache


def max_edits(word: str) -> int:
    n = len(word)
    if n < 5:
        return 0
    return 1 if n < 7 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts 1); limit+1 when above it.

    Only the band of cells within `limit` of the diagonal is computed: a cell outside it is at
    least |i - j| > limit, and every value is capped at limit+1, so values up to `limit` are exact.
    """
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    if limit and a != b and _one_edit(a, b, la, lb):  # most near misses are one typo away
        return 1
    big = limit + 1
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [big] * (lb + 1)
        cur[0] = best = i if i <= limit else big
        ai = a[i - 1]
        for j in range(max(1, i - limit), min(lb, i + limit) + 1):
            v = prev[j - 1] + (ai != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1] and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v if v < big else big
            if v < best:
                best = v
        if best > limit:
            return big
        prev2, prev = prev, cur
    return min(prev[lb], big)


def _one_edit(a: str, b: str, la: int, lb: int) -> bool:
    """True when one substitution, insertion, deletion or swap of neighbours makes `a` into `b`
    (`a` != `b`): distance 1, found in one pass instead of the table."""
    if la < lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    if la == lb:  # a substitution at i, or a swap of i and i+1
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return la == lb + 1 and a[i + 1 :] == b[i:]  # a deletion at i


def correct(word: str, candidates: Iterable[str], blockers: Iterable[str] = ()) -> str | None:
    """The one candidate `word` is a misspelling of, or None (see the module rules)."""
    limit = max_edits(word)
    if limit == 0:
        return None
    scored: dict[str, int] = {}
    n, first, swapped = len(word), word[0], word[1::-1]
    mask = _letter_mask(word)
    for c in candidates:
        # rule (2), same first letter or the first two swapped, and distance's own length
        # test, inline: most candidates stop here
        if not c or c == word or abs(len(c) - n) > limit:
            continue
        if c[0] != first and not (n > 1 and len(c) > 1 and c[:2] == swapped):
            continue
        # each edit moves at most two letter counts; the letters one word has and the other lacks
        # are a still cheaper lower bound of that count
        if (mask ^ _letter_mask(c)).bit_count() > 2 * limit or _letters_apart(word, c) > 2 * limit:
            continue
        d = distance(word, c, limit)
        if d <= limit:
            scored[c] = d
    if not scored:
        return None
    best = min(scored.values())
    winners = [c for c, d in scored.items() if d == best]
    if len(winners) != 1:
        return None
    for b in blockers:
        if b == word:
            return None
        if not b or abs(len(b) - n) > best:  # distance(word, b, best) would be above best
            continue
        if b[0] != first and not (n > 1 and len(b) > 1 and b[:2] == swapped):
            continue
        if distance(word, b, best) <= best:
            return None
    return winners[0]


@lru_cache(maxsize=65536)
def _letter_mask(word: str) -> int:
    """A bit for each letter the word holds."""
    m = 0
    for ch in word:
        m |= 1 << (ord(ch) % 64)
    return m


@lru_cache(maxsize=65536)
def _letter_counts(word: str) -> Counter[str]:
    return Counter(word)


def _letters_apart(a: str, b: str) -> int:
    """How many letters must be added or removed to make the letters of `a` those of `b`: a
    lower bound of twice the edit distance, far cheaper to compute."""
    ca, cb = _letter_counts(a), _letter_counts(b)
    return sum(abs(n - cb.get(ch, 0)) for ch, n in ca.items()) + sum(
        n for ch, n in cb.items() if ch not in ca
    )


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates near `word`, for suggestions only (looser than `correct`)."""
    limit = max(2, len(word) // 3)
    scored = sorted(
        (d, c) for c in set(candidates) if c and (d := distance(word, c, limit)) <= limit
    )
    return [c for _, c in scored[:n]]
