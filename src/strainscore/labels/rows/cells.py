"""Single cells: how a value reads as text, servings per day (invisible characters: text/clean)."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

MAX_NAME_CHARS = 500

_SERVINGS = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*(?:(?:-|–|to)\s*\d+(?:[.,]\d+)?\s*)?"
    r"(?:x|times|capsules?|caps?|tablets?|tabs?|sachets?|servings?|doses?|gumm(?:y|ies)|scoops?)?"
    r"\s*(?:(?:per|a|/|each)\s*day|daily|/d)?\s*$",
    re.I,
)
_SERVING_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0, "one": 1.0, "two": 2.0, "three": 3.0}


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26 (the inverse of column_letter)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_text(value: Any) -> str:
    """A cell as the user sees it: whole floats without '.0', empty for blanks."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
    return str(value).strip()


# More servings a day than this is a typing slip; it would also carry a count to infinity.
MAX_SERVINGS = 1000.0


def parse_servings(value: Any) -> float | bool | None:
    """A positive number of servings a day; None for an empty cell, False when not understood."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) and 0 < value <= MAX_SERVINGS else False
    text = unicodedata.normalize("NFKC", cell_text(value))
    if not text:
        return None
    if len(text) > 100:
        return False
    first = text.split()[0].lower()
    if (
        first in _SERVING_WORDS
        and len(text.split()) <= 3
        and not re.search("week|month", text, re.I)
    ):
        return _SERVING_WORDS[first]
    m = _SERVINGS.match(text)
    if not m:
        return False
    # "1-2 capsules daily" counts as its lower end, like a CFU range.
    x = float(m.group(1).replace(",", "."))
    return x if 0 < x <= MAX_SERVINGS else False


def split_claims(cell: str) -> tuple[str, ...]:
    """'calm; focus, sleep' -> ('calm', 'focus', 'sleep')."""
    return tuple(p.strip() for p in cell.replace(";", ",").split(",") if p.strip())
