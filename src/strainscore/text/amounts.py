"""The one scale grammar for amounts: the words labels write for a power of ten.

``labels/rows/cfu.py`` reads a count with it, ``names/parse.py`` cuts an amount out of a strain
name with it, and ``labels/table/headers.py`` finds a scale in a column header ("CFU (billions)").
"""

from __future__ import annotations

import re

from strainscore.text.shipped import shipped_label_words

# Every scale word, lower case, with the factor it stands for, from the shipped label_words.csv
# (the table is their one home): "billion" 1e9, "Mrd" 1e9, "mil millones" 1e9, "億" 1e8.
SCALE_WORDS: dict[str, float] = {
    " ".join(word.lower().split()): float(means)
    for word, means in shipped_label_words("scale")
    if means
}
# Words that say a figure counts colony-forming units, in the label languages: CFU, UFC (fr, es,
# it, pt), KBE (de, nl, sv, da, no), JTK (pl), KVE (nl), KTJ (cs, sk), PMY (fi), КОЕ (ru),
# КУО (uk).
CFU_WORDS = (
    *("cfu", "cfus", "ufc", "kbe", "jtk", "kve", "ktj", "pmy", "colony", "colonies"),
    *("кое", "куо"),
)
# Words that follow a count without scaling it: those units, other units, what is counted and
# per what. A small number followed by any other word may carry a scale the table lacks.
UNSCALED_WORDS = frozenset(
    (
        *CFU_WORDS,
        *("afu", "spore", "spores", "mg", "milligram", "milligrams", "gram", "grams"),
        *("live", "viable", "active", "bacteria", "cells", "organisms", "probiotic"),
        *("probiotics", "strains", "cultures", "per", "capsule", "capsules", "caps"),
        *("tablet", "tablets", "sachet", "sachets", "serving", "servings", "stick", "sticks"),
        *("gummy", "gummies", "drops", "dose", "doses"),
    )
)
# After a scale word or letter, no letter of an alphabet with spaces may follow (Latin with its
# accents, Greek, Cyrillic): "2 tỷ" is 2 billion in Vietnamese, not 2 t(rillion) and a letter.
# CJK may follow: "1000億個" is a scale and its unit run together.
NO_LETTER_AFTER = r"(?![A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u052f])"
# Longest first, so an alternation never stops at a prefix ("mil millones" before "million").
_BY_LENGTH = sorted(SCALE_WORDS, key=lambda w: (-len(w), w))
# Single Latin letters ("10B", "500M") are scales only right after a number, not before a letter or
# digit; names hold such letters. Every other word (and 億, 万, 억) is a word scale.
LETTER_SCALES = tuple(w for w in _BY_LENGTH if len(w) == 1 and w.isascii())
WORD_SCALES = tuple(w for w in _BY_LENGTH if w not in LETTER_SCALES)


def scale_pattern(words: tuple[str, ...] = tuple(_BY_LENGTH)) -> str:
    """A regular expression (no groups) matching one of `words`, with spaces as any spacing."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def scale_of(word: str) -> float | None:
    """The factor of a scale word ('Miliardi' -> 1e9), None when `word` is not one."""
    return SCALE_WORDS.get(" ".join(word.lower().split()))


def header_scales() -> tuple[tuple[str, float], ...]:
    """(key, factor) for scales a header can carry: words only, as header keys (letters only)."""
    keys = ((re.sub(r"[^a-z]", "", w), SCALE_WORDS[w]) for w in WORD_SCALES)
    return tuple((k, factor) for k, factor in keys if k)
