"""Reading a viable count as labels write it: '10 billion', '1 x 10^9', '1x10⁹', '5e9 CFU', '10B'."""

from __future__ import annotations

import math
import re

from strainscore.models import Amount

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_WORDS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bil": 1e9,
    "milliard": 1e9,
    "mrd": 1e9,
    "trillion": 1e12,
    "t": 1e12,
}
_AT_MANUFACTURE = re.compile(r"(time of|at|when) manufactur|at mfg|at production", re.I)
_UNITS = (
    (re.compile(r"\bafu\b", re.I), "afu"),
    (re.compile(r"\bspores?\b", re.I), "spores"),
    (re.compile(r"\bmg\b|\bmilligrams?\b", re.I), "mg"),
)
_NUM = r"(\d+(?:[.,]\d+)?)"
# 1 x 10^9, 1x10⁹, 1·10^9, 1*10**9, 1 × 10E9, and "1 x 109" (a superscript lost in copy-paste).
_SCI = re.compile(_NUM + r"\s*(?:x|×|\*|·|•|⋅)\s*10\s*(?:\^|\*\*|e)?\s*([+-]?\d{1,2})", re.I)
_E = re.compile(r"^\s*" + _NUM + r"\s*e\s*\+?(\d{1,2})\b", re.I)
_WORD = re.compile(_NUM + r"\s*(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.I)
_PLAIN = re.compile(r"^\s*(\d{1,3}(?:[ ,.'’]\d{3})+|\d+(?:\.\d+)?)\s*(?:cfu|ufc|kbe)?\s*$", re.I)


def _float(s: str) -> float:
    return float(s.replace(",", "."))


def parse_amount(text: object) -> Amount | None:
    """An ``Amount`` from a cell value; None for an empty cell.

    A value that cannot be read comes back with ``value=None`` so the caller can report it.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, bool):
        return Amount(str(text), None, "unknown")
    if isinstance(text, int | float):
        return Amount(repr(text), float(text), "cfu") if text > 0 else Amount(str(text), None)
    raw = str(text).strip()
    if not raw:
        return None
    at_mfg = bool(_AT_MANUFACTURE.search(raw))
    t = raw.translate(_SUPERSCRIPTS)
    unit: str = "cfu"
    for pattern, name in _UNITS:
        if pattern.search(t):
            unit = name
    value = _value(t, unit)
    return Amount(raw, value, unit if value is not None else "unknown", at_mfg)  # type: ignore[arg-type]


def _value(t: str, unit: str) -> float | None:
    m = _SCI.search(t)
    if m:
        # "1 x 109" (superscript lost in copy-paste) reads as 10 followed by exponent 9.
        return _float(m.group(1)) * 10.0 ** int(m.group(2))
    m = _E.match(t)
    if m:
        return _float(m.group(1)) * 10.0 ** int(m.group(2))
    m = _WORD.search(t)
    if m:
        return _float(m.group(1)) * _WORDS[m.group(2).lower()]
    if unit != "cfu":
        m = re.search(_NUM, t)
        return _float(m.group(1)) if m else None
    m = _PLAIN.match(t)
    if m:
        digits = re.sub(r"[ ,.'’](?=\d{3}\b)", "", m.group(1))
        value = float(digits)
        return value if value > 0 else None
    return None
