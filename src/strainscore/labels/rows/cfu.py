"""Reading a viable count as labels write it: '10 billion', '1 x 10^9', '1x10⁹', '5e9', '10B'."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Literal

from strainscore.labels.rows.cells import cell_text
from strainscore.models import Amount
from strainscore.text.amounts import (
    CFU_WORDS,
    NO_LETTER_AFTER,
    UNSCALED_WORDS,
    scale_of,
    scale_pattern,
)

Unit = Literal["cfu", "mg", "g", "afu", "spores", "unknown"]
MAX_AMOUNT_CHARS = 300
# No serving holds more than 10^15 CFU (a gram of pure dried bacteria holds about 10^12); a bigger
# figure is a typing slip, and one near the float limit would overflow a daily dose to infinity.
MAX_CFU = 1e15

_SUPERSCRIPT = {ord(s): n for s, n in zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-", strict=True)}
# "Not stated" markers: an empty count, not a wrong one.
_BLANKS = {"na", "n/a", "n.a.", "none", "-", "--", "—", "?", "unknown", "not stated", "nd", "n.d."}
_AT_MANUFACTURE = re.compile(
    r"(time of|at|when|upon|on) (the )?manufactur|at (mfg|mfr|production|packaging)"
    r"|bei herstellung|à la fabrication",
    re.I,
)
_CFU = re.compile(r"(?<![a-z])(" + "|".join(CFU_WORDS) + ")", re.I)
_UNITS: tuple[tuple[re.Pattern[str], Unit], ...] = (
    (re.compile(r"(?<![a-z])afu(?![a-z])", re.I), "afu"),
    (re.compile(r"(?<![a-z])spores?(?![a-z])", re.I), "spores"),
    (re.compile(r"(?<![a-z])(mg|milligrams?)(?![a-z])", re.I), "mg"),
    # "1,34 g Pulver": the powder's weight (read as 1.34 CFU before, far below any dose)
    (re.compile(r"(?<![a-z])(g|grams?|gramm|grammes?|gramos?|gramas?|grammi)(?![a-z])", re.I), "g"),
)
# Text that is a date or a percentage, not a count: "2024-01-05", "05/01/2024", "5%".
_DATE_TEXT = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(\s+\d{1,2}:\d{2}(:\d{2})?)?$")
_NUM = r"(\d+(?:[.,'’ ]\d{3})*(?:[.,]\d+)?)"
_DEC = r"(\d+(?:[.,]\d+)?)"
# 1 x 10^9, 1x10⁹, 1·10^9, 1*10**9, 1 × 10E9, and "1 x 109" (a superscript lost in copy-paste).
_SCI = re.compile(
    r"(?<![\d.,])"
    + _DEC
    + r"\s*(?:x|×|\*|·|•|⋅|∙|х)\s*10\s*(?:\^|\*\*|exp|e)?\s*([+-]?\d{1,2})(?!\d)",
    re.I,
)
_POW = re.compile(r"(?<![\d.,])10\s*(?:\^|\*\*|exp)\s*([+-]?\d{1,2})(?!\d)", re.I)
_E = re.compile(r"(?<![\w.,])" + _DEC + r"\s*e\s*([+-]?\d{1,2})(?![\d.])", re.I)
_WORD = re.compile(
    r"(?<![\w.,])"
    + _NUM
    + r"(?:\s*(?:-|–|—|to)\s*"
    + _NUM
    + r")?\s*\+?\s*("
    + scale_pattern()
    + ")"
    + NO_LETTER_AFTER,
    re.I,
)
_PLAIN = re.compile(r"(?<![\w.,])" + _NUM + r"(?!\d)")
# A minus sign before a number that is not inside a range ("10-20 billion") or an exponent.
_NEGATIVE = re.compile(r"(?<![\w.,^*])[-\u2212\u2012\u2013\ufe63\uff0d]\s*\d")
# An exponent of three digits or more, or a tower ("10^10^10"): no count is written that way.
_HUGE_EXPONENT = re.compile(r"(?:\^|\*\*|\de)\s*[+-]?\d{3,}|(?:\^|\*\*)[^^*]*(?:\^|\*\*)", re.I)
_NOT_NUMBER = re.compile(r"^[+-]?(nan|inf|infinity)$", re.I)
# A number and the word right after it: "3 gazillion CFU", "2 miljarðar" (a scale word of a
# language the table lacks), "10 bilion" (a misspelt one).
_NUMBER_WORD = re.compile(r"(?<![\w.,])" + _NUM + r"\s*([^\W\d_]{3,})", re.I)
# "109 CFU", "не менее 107 КОЕ": 10 and an exponent run together when a superscript is lost in
# copying. Read as written it is a few hundred CFU; read as 10^N it is a guess: neither is said.
_LOST_EXPONENT = re.compile(
    r"(?<![\w.,^*×])(10([5-9]|1[0-3]))\s*(?:" + "|".join(CFU_WORDS) + r")(?![a-z])", re.I
)
# Below a million, a count followed by an unknown word is a scale strainscore cannot read: no
# serving of a probiotic holds so few, so reading "3 gazillion" as 3 CFU would mislead.
_SMALLEST_UNSCALED = 1e6


def parse_amount(text: object) -> Amount | None:
    """An ``Amount`` from a cell value; None for an empty cell or a 'not stated' marker.

    A value that cannot be read comes back with ``value=None`` so the caller can report it.
    Never raises.
    """
    if text is None or isinstance(text, bool):
        return None if text is None else Amount(str(text), None, "unknown")
    if isinstance(text, float) and math.isnan(text):
        return None  # an empty cell as pandas and some readers give it
    if isinstance(text, int | float):
        return _number_amount(text)
    if not isinstance(text, str):  # dates, times: not a count
        return Amount(str(text), None, "unknown")
    raw = text.strip()
    if not raw:
        return None
    if raw.lower() in _BLANKS:
        return None
    if len(raw) > MAX_AMOUNT_CHARS:  # not a count; and keeps every pattern below fast
        return Amount(raw, None, "unknown")
    t = unicodedata.normalize("NFKC", _superscripts(raw))
    if "%" in t or _DATE_TEXT.match(t) or _impossible_text(t):
        return Amount(raw, None, "unknown")
    at_mfg = bool(_AT_MANUFACTURE.search(t))
    counted = _count(t)
    unit = _unit(t, counted is not None)
    value = counted if counted is not None else _plain(t)
    if value is None or not math.isfinite(value) or value <= 0 or value > MAX_CFU:
        return Amount(raw, None, "unknown", at_mfg)
    return Amount(raw, value, unit, at_mfg)


def not_a_count(value: object) -> str | None:
    """Why a cell holds no possible count (a date, a percentage, a negative or impossibly large
    figure, NaN); None when it does not say why (or is a count)."""
    if isinstance(value, str):
        t = unicodedata.normalize("NFKC", _superscripts(value.strip()))
        if _DATE_TEXT.match(t):
            return "is a date, not a count"
        if "%" in t:
            return "is a percentage, not a count"
        if len(t) > MAX_AMOUNT_CHARS:
            return None
        return _impossible_text(t)
    if isinstance(value, bool):
        return "is TRUE/FALSE, not a count"
    if isinstance(value, int | float):
        return _impossible_number(float(value))
    if value is not None:
        return "is a date or time, not a count (Excel may have turned what was typed into a date)"
    return None


def _impossible_text(t: str) -> str | None:
    if _NOT_NUMBER.match(t.replace(" ", "")):
        return "is not a number, so it is not a count"
    if any(not t[: m.start()].rstrip()[-1:].isdigit() for m in _NEGATIVE.finditer(t)):
        return "is negative, so it is not a count"  # "10 - 20 billion" is a range
    if _HUGE_EXPONENT.search(t):
        return (
            "has an exponent no count is written with (more than 10^15 CFU), so it is not a count"
        )
    value = _count(t)
    if value is None:
        if (lost := _LOST_EXPONENT.search(t)) is not None:
            return (
                f"reads as {lost.group(1)} CFU, fewer than any serving holds: a power of ten "
                f"whose superscript was lost (10^{lost.group(2)})? Write it as 10^{lost.group(2)} "
                "or in words, so the count is not guessed"
            )
        if (word := _unknown_scale(t)) is not None:
            return (
                f"has a word after its number ('{word}') that is not a scale word strainscore "
                "knows (reference/label_words.csv), so the count cannot be read"
            )
        value = _plain(t)
    return _impossible_number(value) if value is not None else None


def _unknown_scale(t: str) -> str | None:
    """The word after a small number when it may be a scale word the table lacks."""
    for m in _NUMBER_WORD.finditer(t):
        word = m.group(2)
        if word.lower() not in UNSCALED_WORDS and _grouped(m.group(1), decimal_dot=False) < (
            _SMALLEST_UNSCALED
        ):
            return word
    return None


def _impossible_number(x: float) -> str | None:
    if math.isnan(x):
        return None  # an empty cell as pandas and some readers give it
    if x < 0:
        return "is negative, so it is not a count"
    if x > MAX_CFU:
        return "is more than 10^15 CFU, which no serving holds, so it is not a count"
    return None


def _number_amount(x: float) -> Amount:
    if math.isfinite(x) and 0 < x <= MAX_CFU:
        return Amount(cell_text(x), float(x), "cfu")
    return Amount(cell_text(x), None, "unknown")


def _superscripts(text: str) -> str:
    """'10⁹' -> '10^9', so the exponent survives NFKC (which would make it '109')."""
    return re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+", lambda m: "^" + m.group(0).translate(_SUPERSCRIPT), text)


def _unit(t: str, has_count: bool) -> Unit:
    if _CFU.search(t):
        return "cfu"
    for pattern, name in _UNITS:
        # "500 mg (10 billion)": the count is the CFU figure, the mg is the powder.
        if pattern.search(t) and not (name in ("mg", "g") and has_count):
            return name
    return "cfu"


def _count(t: str) -> float | None:
    """A value written with an exponent or a scale word; None when there is none."""
    m = _SCI.search(t)
    if m:
        return _decimal(m.group(1)) * 10.0 ** int(m.group(2))
    m = _POW.search(t)
    if m:
        return 10.0 ** int(m.group(1))
    m = _E.search(t)
    if m:
        return _decimal(m.group(1)) * 10.0 ** int(m.group(2))
    m = _WORD.search(t)
    if m:
        # A range ("10-20 billion") counts as its lower end: the label promises no more.
        return _grouped(m.group(1), decimal_dot=True) * (scale_of(m.group(3)) or 1.0)
    return None


def _plain(t: str) -> float | None:
    """The largest plain number ('1,000,000,000 CFU per 2 capsules' -> 1e9)."""
    values = [_grouped(m.group(1), decimal_dot=False) for m in _PLAIN.finditer(t)]
    return max(values) if values else None


def _decimal(s: str) -> float:
    return float(s.replace(",", "."))


def _grouped(s: str, *, decimal_dot: bool) -> float:
    """'1,000' -> 1000, '1.000.000' -> 1e6, '1,5' -> 1.5; '1.500' is 1.5 next to a scale word."""
    s = s.replace(" ", "").replace("'", "").replace("’", "")
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(s)
    last = s.rfind(seps[-1])
    tail = len(s) - last - 1
    if len(seps) == 1 and (tail != 3 or (decimal_dot and seps[0] == ".")):
        return _decimal(s)
    if len(set(seps)) == 2:  # "1,000.5" or "1.000,5": the last one is the decimal mark
        head = re.sub(r"[.,]", "", s[:last])
        return float(f"{head}.{s[last + 1 :]}")
    return float(re.sub(r"[.,]", "", s))
