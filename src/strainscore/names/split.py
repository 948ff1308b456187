"""Splitting one label cell that lists several strains into one text per strain."""

from __future__ import annotations

import re

# Separators between strains: new lines, ';', ',', '+', '&', '/', ' and ' (outside parentheses).
_SEP = re.compile(r"\s*(?:\n|;|,(?!\d{3}\b)|\s\+\s|\s&\s|\band\b|\bplus\b)\s*", re.I)


def split_strains(cell: str) -> list[str]:
    """['L. rhamnosus GG', 'B. lactis BB-12'] from 'L. rhamnosus GG, B. lactis BB-12'."""
    pieces: list[str] = []
    depth = 0
    start = 0
    text = cell.strip()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SEP.match(text, i)
            if m and m.end() > i:
                pieces.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    pieces.append(text[start:])
    return [p.strip(" .\t") for p in pieces if p.strip(" .\t")]
