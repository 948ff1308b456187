"""The one scale grammar for amounts: the words labels write for a power of ten.

``labels/cfu.py`` reads a count with it, ``names/parse.py`` cuts an amount out of a strain name
with it, and ``labels/headers.py`` finds a scale in a column header ("CFU (billions)") with it.
"""

from __future__ import annotations

import re

# Every scale word, lower case, with the factor it stands for. "billionen" is German 10^12.
SCALE_WORDS: dict[str, float] = {
    "mil millones": 1e9,
    "thousand": 1e3,
    "k": 1e3,
    "millionen": 1e6,
    "millones": 1e6,
    "millions": 1e6,
    "million": 1e6,
    "mio": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billionen": 1e12,
    "billions": 1e9,
    "billion": 1e9,
    "bill": 1e9,
    "bil": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "milliarden": 1e9,
    "milliards": 1e9,
    "milliard": 1e9,
    "miliardi": 1e9,
    "miliardo": 1e9,
    "mrd": 1e9,
    "mld": 1e9,
    "trillions": 1e12,
    "trillion": 1e12,
    "t": 1e12,
}
# Longest first, so an alternation never stops at a prefix ("mil millones" before "million").
_BY_LENGTH = sorted(SCALE_WORDS, key=lambda w: (-len(w), w))
# Single letters ("10B", "500M") are scales only right after a number; names hold such letters.
LETTER_SCALES = tuple(w for w in _BY_LENGTH if len(w) == 1)
WORD_SCALES = tuple(w for w in _BY_LENGTH if len(w) > 1)


def scale_pattern(words: tuple[str, ...] = tuple(_BY_LENGTH)) -> str:
    """A regular expression (no groups) matching one of `words`, with spaces as any spacing."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def scale_of(word: str) -> float | None:
    """The factor of a scale word ('Miliardi' -> 1e9), None when `word` is not one."""
    return SCALE_WORDS.get(" ".join(word.lower().split()))


def header_scales() -> tuple[tuple[str, float], ...]:
    """(key, factor) for scales a header can carry: words only, as header keys (letters only)."""
    return tuple((re.sub(r"[^a-z]", "", w), SCALE_WORDS[w]) for w in WORD_SCALES)
