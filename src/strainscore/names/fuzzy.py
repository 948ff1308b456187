"""Spelling correction for genus and species words only; never for strain designations.

A word is corrected when (1) it is long enough: no edits under 5 letters, 1 for 5-6 letters, 2 from
7; (2) the first letter is kept, or swapped with the second (typos rarely hit it otherwise, while
real names that differ in it, "sakei" and "casei", are different species); (3) one candidate is
strictly closest; and (4) no known name outside the reference is as close (so "Latilactobacillus"
is not "corrected" to "Ligilactobacillus").
"""

from __future__ import annotations

from collections.abc import Iterable


def max_edits(word: str) -> int:
    n = len(word)
    if n < 5:
        return 0
    return 1 if n < 7 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts 1); limit+1 when above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def correct(word: str, candidates: Iterable[str], blockers: Iterable[str] = ()) -> str | None:
    """The one candidate `word` is a misspelling of, or None (see the module rules)."""
    limit = max_edits(word)
    if limit == 0:
        return None
    scored: dict[str, int] = {}
    for c in candidates:
        if c and _same_start(word, c) and c != word:
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
        if b == word or (b and _same_start(word, b) and distance(word, b, best) <= best):
            return None
    return winners[0]


def _same_start(word: str, candidate: str) -> bool:
    """Same first letter, or the first two letters swapped ("caidophilus")."""
    if word[0] == candidate[0]:
        return True
    return len(word) > 1 and len(candidate) > 1 and word[:2] == candidate[1::-1]


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` candidates near `word`, for suggestions only (looser than `correct`)."""
    limit = max(2, len(word) // 3)
    scored = sorted(
        (d, c) for c in set(candidates) if c and (d := distance(word, c, limit)) <= limit
    )
    return [c for _, c in scored[:n]]
