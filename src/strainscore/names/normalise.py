"""Cleaning label text before it is read: marks, look-alike letters, dashes, invisible characters.

Two passes, because amounts must be cut out before NFKC folds superscripts ("10⁹" -> "109"):
``light_clean`` keeps the characters as written; ``fold_text`` then NFKC-normalises and maps
look-alike letters from other alphabets to Latin, reporting whether it had to.
"""

from __future__ import annotations

import re
import unicodedata

from strainscore.reference.vocab import normalise_name
from strainscore.text.clean import drop_invisible

# Look-alikes from Cyrillic and Greek that copy-paste and OCR put into Latin names ("Lаctobacillus"
# with a Cyrillic а). Only letters whose glyph is the Latin one in common fonts.
HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic capitals
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K",
        "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
        "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
        # Cyrillic small letters
        "а": "a", "с": "c", "е": "e", "һ": "h", "і": "i", "ј": "j", "о": "o", "р": "p",
        "ѕ": "s", "х": "x", "у": "y", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "к": "k",
        "в": "b",  # a small capital B: "вifidobacterium"
        # Greek capitals
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Greek small letters
        "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "α": "a", "χ": "x",
        "ϲ": "c",
        # Latin look-alikes outside ASCII that NFKC leaves alone
        "ı": "i", "ɡ": "g", "ɑ": "a", "ⅼ": "l",
    }
)  # fmt: skip
_HOMOGLYPH_CHARS = frozenset(chr(c) for c in HOMOGLYPHS)

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"))
_QUOTES = re.compile(r"[\"'`´‘’‚‛“”„‟«»]")
# ® ™ © ℠ glued to names and designations ("BB-12®", "LGG™"); "(R)" and "(TM)" typed out.
_MARK_SIGNS = re.compile(r"[®™©℠]")
_MARK_WORDS = re.compile(r"\((?:tm|r|c)\)|\[(?:tm|r)\]|(?<![\w-])tm(?![\w-])", re.I)
# A superscript run not after "10" or "^" is a footnote marker ("HN001¹"), not an exponent.
_FOOTNOTE = re.compile(r"(?<!10)(?<!\^)(?<!10 )(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[†‡§¶]")

# l/I/1 and O/0 read alike in print and OCR; folded only inside designation keys.
_CONFUSABLE = str.maketrans({"l": "1", "i": "1", "o": "0"})


def light_clean(text: str) -> str:
    """Drop invisible characters, trademark signs and footnote marks; unify dashes and spaces.

    Keeps superscripts that are exponents, so an amount can still be cut out as written.
    """
    if text.isascii():
        return _light_clean_ascii(text)
    t = drop_invisible(text)
    if not t.isascii():  # marks, footnotes and dashes are all outside ASCII
        t = _MARK_SIGNS.sub("", t)
        t = _FOOTNOTE.sub("", t)
        t = t.translate(_DASHES)
    t = _QUOTES.sub("", t)
    t = _MARK_WORDS.sub(" ", t)
    return " ".join(t.split())  # re.sub(r"\s+", " ", t).strip(): \s is str.isspace


def _light_clean_ascii(text: str) -> str:
    """``light_clean`` of ASCII text, each pass skipped when the text holds nothing it changes:
    the format characters, marks, footnotes and dashes are outside ASCII; a printable ASCII
    text has no control; every match of ``_MARK_WORDS`` holds 'tm', '(r)', '(c)' or '[r]'."""
    t = text if text.isprintable() else drop_invisible(text)
    if '"' in t or "'" in t or "`" in t:  # the ASCII ones of _QUOTES
        t = _QUOTES.sub("", t)
    low = t.lower()
    if "tm" in low or "(r)" in low or "(c)" in low or "[r]" in low:
        t = _MARK_WORDS.sub(" ", t)
    return " ".join(t.split())


def fold_text(text: str) -> tuple[str, bool]:
    """NFKC-normalise and map look-alike letters to Latin; True when a look-alike was replaced."""
    if text.isascii():  # NFKC leaves ASCII alone, and light_clean took the marks out already
        return " ".join(text.split()), False
    t = unicodedata.normalize("NFKC", text)
    swapped = any(ch in _HOMOGLYPH_CHARS for ch in t)
    if swapped:
        t = t.translate(HOMOGLYPHS)
    # NFKC turns a stray "™" into "TM"; light_clean removed the signs already, this catches
    # the compatibility forms NFKC creates.
    t = _MARK_WORDS.sub(" ", t)
    return " ".join(t.split()), swapped


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


# Keys and words of texts seen before: label texts share most of their tokens. Bounded, like the
# index's caches; a pure function's answer, so a cached one is the same answer.
_MEMO_MAX = 200_000
_KEYS: dict[str, str] = {}
_WORDS: dict[str, str | None] = {}


def forget() -> None:
    """Empty the key and word memos (a benchmark round starts from nothing)."""
    _KEYS.clear()
    _WORDS.clear()


def key(text: str) -> str:
    """The matching key: case, accents, punctuation and spacing ignored ("BB-12" == "bb 12").

    The same key as the reference checks use (``normalise_name``), with a fast path for ASCII.
    """
    found = _KEYS.get(text)
    if found is None:
        found = _NOT_ALNUM.sub("", text.lower()) if text.isascii() else normalise_name(text)
        if len(_KEYS) < _MEMO_MAX:
            _KEYS[text] = found
    return found


def fold_key(k: str) -> str:
    """A key with l/i -> 1 and o -> 0, so "HNOO1" and "HN001" meet."""
    return k.translate(_CONFUSABLE)


def word(token: str) -> str | None:
    """The lower-case letters of a name token ("Lactobacillus," -> "lactobacillus").

    None when the token holds anything but letters and edge punctuation (a designation, a number).
    """
    if token in _WORDS:
        return _WORDS[token]
    t = token.strip(".,;:()[]").lower()
    found = t if t and t.isascii() and t.isalpha() else None
    if len(_WORDS) < _MEMO_MAX:
        _WORDS[token] = found
    return found
