"""Taking one label text apart: the amount written into it, asides in parentheses, and name tokens.

Nothing here knows the reference; ``taxon.py`` and ``designation.py`` give the tokens meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from strainscore.models import filled
from strainscore.names.normalise import fold_text, light_clean
from strainscore.text.amounts import (
    CFU_WORDS,
    LETTER_SCALES,
    NO_LETTER_AFTER,
    WORD_SCALES,
    scale_pattern,
)

_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_N = r"\d+(?:[.,]\d+)*"
_PREFIX = r"(?:(?:≥|>=|>|min\.?|minimum|at\s+least|over|up\s+to)\s*)?"
_SCALE = scale_pattern(WORD_SCALES) + NO_LETTER_AFTER + r"\.?"
_LETTER_SCALE = "[" + "".join(LETTER_SCALES) + "]" + NO_LETTER_AFTER + r"(?![0-9-])"  # "10B"
# The CFU words are text/amounts.CFU_WORDS (one home, shared with the count reader).
_CFU_UNIT = "(?:" + "|".join(CFU_WORDS) + r")(?![a-z])"
_UNIT = (
    r"(?:u\.f\.c\.?|c\.f\.u\.?|colony[-\s]forming\s+units?|koloniebildende\s+einheiten|"
    + "|".join(sorted(CFU_WORDS, key=len, reverse=True))
    + r"|afus?|spores?|mg|milligrams?|g|grams?|個|个|개|"
    r"live\s+(?:cultures?|organisms|cells|bacteria)|viable\s+(?:cells|organisms|bacteria)|"
    r"organisms|cells)(?![a-z])"
)
_EXP = rf"10\s*(?:\^|\*\*|exp|e)?\s*\+?(?:[{_SUP}]{{1,2}}|\d{{1,2}})"
_TAIL = (
    r"(?:\s*(?:/|per|a)\s*(?:capsules?|caps?|servings?|doses?|days?|g|grams?|tablets?|"
    r"sachets?|ml|sticks?|drops?|vcaps?)(?![a-z]))?"
    r"(?:\s*(?:at\s+(?:the\s+)?(?:time\s+of\s+)?(?:manufacture|manufacturing|expiry|expiration)|"
    r"at\s+mfg|through\s+expiry|until\s+expiry|at\s+end\s+of\s+shelf[-\s]life))?"
)
_AMOUNT = re.compile(
    r"(?<![A-Za-z0-9_.,-])"
    + _PREFIX
    + r"(?:"
    + rf"{_N}\s*[xX×*·•⋅хХ]\s*{_EXP}(?:\s*{_SCALE})?(?:\s*{_UNIT})?"  # 1 x 10^9, 1 x 109
    + rf"|10\s*(?:\^|\*\*|exp)\s*\d{{1,2}}(?:\s*{_UNIT})?"  # 10^9 CFU, 10exp9
    + rf"|10[{_SUP}]{{1,2}}(?:\s*{_UNIT})?"  # 10⁹ CFU
    + rf"|{_N}\s*[eE]\+?\d{{1,2}}(?![\w])(?:\s*{_UNIT})?"  # 1e10
    + rf"|{_N}\s*{_SCALE}(?:\s*{_UNIT})?"  # 10 billion CFU
    + rf"|\d{{1,3}}(?:[.,]\d+)?\s?{_LETTER_SCALE}(?:\s*{_UNIT})?"  # 10B
    + rf"|{_N}\s*{_UNIT}"  # 250 mg, 1,000,000 CFU
    + r")"
    + _TAIL,
    re.I,
)
# "3 gazillion CFU", "2 miljarðar KBE": a count with a scale word the table lacks, cut from the
# name all the same (the count reader then says it cannot read it). Tried only when no other
# amount is there and the text has a CFU word, so most texts never run it.
_UNKNOWN_SCALE_AMOUNT = re.compile(
    r"(?<![A-Za-z0-9_.,-])" + _PREFIX + rf"{_N}\s*[^\W\d_]{{3,}}\s*{_CFU_UNIT}" + _TAIL, re.I
)


# An amount that is a weight ("250 mg", "1,34 g"): a count beside it is the better amount.
_MASS = re.compile(rf"\s*{_PREFIX}{_N}\s*(?:mg|milligrams?|g|grams?)(?![a-z])", re.I)

_CFU_IN_LOWER = re.compile("|".join(re.escape(w) for w in CFU_WORDS))


def _has_cfu_word(text: str) -> bool:
    """A CFU word anywhere in `text` (literal words in lower-cased text: a fast scan)."""
    return _CFU_IN_LOWER.search(text.lower()) is not None


_QUALIFIER = re.compile(
    r"^(?:at\s+(?:the\s+)?(?:time\s+of\s+)?manufactur\w*|at\s+expiry|through\s+expiry|"
    r"per\s+\w+|guaranteed|minimum)$",
    re.I,
)
_LEFTOVER = re.compile(r"^[\s,;:@=/*+&?-]+|[\s,;:@=/*+&?-]+$")
_ABBR_GLUE = re.compile(r"^([A-Za-z]{1,6})\.(?=[A-Za-z]{3})")  # "L.rhamnosus" -> "L. rhamnosus"
_RANK_GLUE = re.compile(r"\b(subsp|ssp|sps|spp|sp|var|str)\.(?=[A-Za-z])", re.I)
_WORD_SEPS = re.compile(r"[;:|+&@=→⇒]|,(?=\S)(?!\d)")

RANKS = {
    "subsp": "subsp.",
    "ssp": "subsp.",
    "sps": "subsp.",
    "subspecies": "subsp.",
    "subs": "subsp.",
    "var": "var.",
    "variety": "var.",
}
STRAIN_WORDS = frozenset(("strain", "str", "stamm", "cepa", "souche", "strains"))
SPECIES_PLACEHOLDERS = frozenset(("sp", "spp", "species"))


@dataclass(frozen=True)
class Parsed:
    """One label text, taken apart."""

    tokens: tuple[str, ...]  # the name outside parentheses, amount removed
    full: str  # the whole text with the amount removed (asides kept), for whole-name lookups
    asides: tuple[str, ...]  # text inside top-level parentheses or brackets
    amount_text: str | None  # an amount written into the cell, as written
    homoglyph: bool  # look-alike letters from another alphabet were mapped to Latin
    notes: tuple[str, ...] = ()  # label words read (CJK names rewritten as Latin)
    marked: bool = False  # a trademark sign (® ™) was written: the text names a registered name


class Words(Protocol):
    """Label words per language (names/words.py), as parse uses them."""

    def translate(self, text: str) -> tuple[str, tuple[str, ...]]: ...

    def drop(self, text: str) -> str: ...


_MARKED = re.compile(r"[®™]|\((?:tm|r)\)", re.I)


_LEFTOVER_CHARS = frozenset(",;:@=/*+&?-")


def _trim(text: str) -> str:
    """``_LEFTOVER.sub("", text)``, without the pass when neither end is a leftover."""
    if text and not (
        text[0] in _LEFTOVER_CHARS
        or text[0].isspace()
        or text[-1] in _LEFTOVER_CHARS
        or text[-1].isspace()
    ):
        return text
    return _LEFTOVER.sub("", text)


def _marked(text: str) -> bool:
    """A trademark sign written: ® or ™ (outside ASCII), or '(tm)' or '(r)'."""
    if text.isascii() and "(" not in text:
        return False
    return bool(_MARKED.search(text))


def find_amount(text: str) -> re.Match[str] | None:
    """The first amount in `text` ("10 billion CFU", "1 x 10^9", "10B", "250 mg"), if any."""
    return _AMOUNT.search(text)


def count_in(text: str) -> str | None:
    """The count written in `text` ("5 × 109" in "1 Beutel mit 1,34 g Pulver enthält mindestens
    5 × 109 KBE"), as ``parse`` would cut it; None when there is none or only a weight."""
    amount = _cut_amount(text)[1]
    return None if amount is None or _MASS.match(amount) else amount


def is_amount(text: str) -> bool:
    """True when `text` is an amount and nothing else (qualifiers such as 'per capsule' allowed)."""
    t = text.strip(" .,;:()[]")
    m = _AMOUNT.search(t) if _DIGIT.search(t) else None
    if m is None:
        return False
    rest = _LEFTOVER.sub("", t[: m.start()] + " " + t[m.end() :]).strip()
    return not rest or bool(_QUALIFIER.match(rest))


_BRACKETS = re.compile(r"[()\[\]{}]")


def split_asides(text: str) -> tuple[str, list[str]]:
    """('L. rhamnosus GG ', ['ATCC 53103']) from 'L. rhamnosus GG (ATCC 53103)'.

    Top level only; an unclosed '(' runs to the end, a stray ')' is dropped.
    """
    if not _BRACKETS.search(text):  # most texts: nothing to take apart
        return text, []
    main: list[str] = []
    asides: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([{":
            if depth == 0:
                current = []
                main.append(" ")
            else:
                current.append(ch)
            depth += 1
        elif ch in ")]}":
            if depth == 1:
                asides.append("".join(current).strip())
            elif depth > 1:
                current.append(ch)
            depth = max(0, depth - 1)
        elif depth:
            current.append(ch)
        else:
            main.append(ch)
    if depth:
        asides.append("".join(current).strip())
    return "".join(main), [a for a in asides if a]


_DIGIT = re.compile(r"\d")  # every amount starts with a digit: a text with none skips the pattern
# Every amount's number is followed, after any spaces, by a letter (a scale word, a unit, 'x',
# 'e') or a sign (× * · ^, a superscript): a text with no such place ("DSM 17938", "GR-1") skips
# both amount patterns. A superset of where they match (a property test holds it).
_AMOUNT_HINT = re.compile(r"\d\s*(?:[^\W\d_]|[×*·•⋅^⁰¹²³⁴⁵⁶⁷⁸⁹])")


# A name run into its count or designation: "Lactobacillus casei3,3 x 107U.F.C.",
# "Saccharomyces boulardii-17". A word of four or more lower-case letters (an epithet, never a
# designation such as "Rosell-52" or "Probio65", which start with a capital) ends there.
_GLUED = re.compile(r"\b([a-z]{4,})-?(?=\d)")
_GLUED_HINT = re.compile(r"[a-z]-?\d")  # a quick scan first: most texts have no such place


# A place either of the two scans below would find: most texts with a digit ("DSM 17938",
# "GR-1", "HN001") have neither, and take one scan, not three.
_GLUE_OR_AMOUNT = re.compile(_GLUED_HINT.pattern + "|" + _AMOUNT_HINT.pattern)


def _cut_amount(text: str) -> tuple[str, str | None]:
    if not _GLUE_OR_AMOUNT.search(text):  # every place of both needs a digit
        return text, None
    if _GLUED_HINT.search(text):
        text = _GLUED.sub(r"\1 ", text)
    if not _AMOUNT_HINT.search(text):
        return text, None
    found = list(_AMOUNT.finditer(text))
    if not found and _has_cfu_word(text):
        found = list(_UNKNOWN_SCALE_AMOUNT.finditer(text))[:1]
    if not found:
        return text, None
    # "1 Beutel mit 1,34 g Pulver enthält 5 × 109 KBE": the count, not the powder's weight, is
    # the amount; every amount is cut from the name (the same count is often written twice).
    chosen = next((m for m in found if not _MASS.match(m.group(0))), found[0])
    pieces, end = [], 0
    for m in found:
        pieces.append(text[end : m.start()])
        end = m.end()
    pieces.append(text[end:])
    return " ".join(pieces), chosen.group(0).strip()


# Every match of _RANK_GLUE in ASCII text holds one of these (subsp. ssp. sp. | sps. | spp. |
# var. | str.); outside ASCII re.I also folds other letters ("ſ"), so the pattern always runs.
_RANK_DOTS = ("sp.", "ps.", "pp.", "ar.", "tr.")
_SEP_CHARS = re.compile(r"[;:|+&@=,→⇒]")  # every match of _WORD_SEPS is one of these


def _rank_dot(low: str) -> bool:
    """``any(r in low for r in _RANK_DOTS)``, without the generator."""
    return "sp." in low or "ps." in low or "pp." in low or "ar." in low or "tr." in low


def tokenise(text: str) -> tuple[str, ...]:
    """Name tokens: separators become spaces, glued abbreviations are parted."""
    t = text.strip()
    if "." in t:  # both glue patterns part at a full stop
        m = _ABBR_GLUE.match(t)  # anchored at the start: one match at most
        if m is not None:
            t = f"{m.group(1)}. {t[m.end() :]}"
        low = t.lower()
        if not t.isascii() or _rank_dot(low):
            t = _RANK_GLUE.sub(r"\1. ", t)
    if _SEP_CHARS.search(t):
        t = _WORD_SEPS.sub(" ", t)
    return tuple([tok for tok in t.split() if tok.isalnum() or _has_alnum(tok)])


# Every ASCII character that is not a letter or digit: an ASCII token stripped of them is empty
# only when it holds no letter or digit.
_ASCII_NOT_ALNUM = "".join(chr(c) for c in range(128) if not chr(c).isalnum())


def _has_alnum(token: str) -> bool:
    if token.isascii():
        return bool(token.strip(_ASCII_NOT_ALNUM))
    return any(c.isalnum() for c in token)


def parse(text: str, words: Words | None = None) -> Parsed:
    """Take a label text apart; never raises. `words` reads label words of other languages."""
    if text.isascii() and not _BRACKETS.search(text):
        return _parse_plain(text, words)
    cleaned = light_clean(text)
    notes: tuple[str, ...] = ()
    if words is not None:
        cleaned, notes = words.translate(cleaned)
    main, asides = split_asides(cleaned)
    main, amount = _cut_amount(main)
    kept_asides: list[str] = []
    for aside in asides:
        if is_amount(aside):  # "250 mg (5 x 10^9 CFU)": a count before a weight
            amount = aside if amount is None or _MASS.match(amount) else amount
        elif _QUALIFIER.match(aside) and amount:
            amount = f"{amount} ({aside})"
        else:
            rest, inner = _cut_amount(aside)  # "(auch ... CBS 5926; 250 mg)"
            if inner is not None and _LEFTOVER.sub("", rest).strip():
                amount = amount or inner
                aside = _LEFTOVER.sub("", rest).strip()
            kept_asides.append(aside)
    folded_main, swapped = fold_text(_trim(main))
    folded_asides = []
    for aside in kept_asides:
        fa, s = fold_text(aside)
        swapped = swapped or s
        folded_asides.append(fa)
    full = " ".join([folded_main, *(f"({a})" for a in folded_asides)]).strip()
    if words is not None:
        folded_main = words.drop(folded_main)
        folded_asides = [d for d in (words.drop(a) for a in folded_asides) if d]
    return Parsed(
        tokens=tokenise(folded_main),
        full=full,
        asides=tuple(folded_asides),
        amount_text=amount,
        homoglyph=swapped,
        notes=notes,
        marked=_marked(text),
    )


def _parse_plain(text: str, words: Words | None) -> Parsed:
    """``parse`` of ASCII text with no bracket (most label cells), without the passes that find
    nothing there: no CJK word to translate, no aside, no look-alike letter to fold, no mark
    sign (cleaning only removes characters, so it adds no bracket)."""
    main, amount = _cut_amount(light_clean(text))
    folded_main = " ".join(_trim(main).split())  # fold_text of ASCII text
    full = folded_main
    if words is not None:
        folded_main = words.drop(folded_main)
    return filled(
        Parsed,
        {
            "tokens": tokenise(folded_main),
            "full": full,
            "asides": (),
            "amount_text": amount,
            "homoglyph": False,
            "notes": (),
            "marked": False,
        },
    )
