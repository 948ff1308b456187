"""File-name slugs: lower-case ASCII letters, digits and hyphens, from any text."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 48


def slug(text: str, limit: int = SLUG_MAX) -> str:
    """Lower-case ASCII letters, digits and hyphens only; 'product' if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].strip("-") or "product"
