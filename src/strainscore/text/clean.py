"""The one set of invisible characters: what is stripped from label text and never printed.

``INVISIBLE``: C0 and C1 controls (not tab, line feed or carriage return), the zero-width space,
word joiner and byte-order mark, and the bidi embeddings, overrides and isolates ("Trojan
source"). Right-to-left letters, direction marks and the joiners inside emoji are text and kept;
only a strain name, which has none, also loses them (``NAME_ONLY``) before it is matched.
"""

from __future__ import annotations

import re

CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
FORMAT_CHARS = "\u200b\u2060\ufeff" + BIDI_CONTROLS
# Soft hyphen, zero-width (non-)joiners and direction marks: dropped from strain names only.
NAME_ONLY = "\u00ad\u200c-\u200f"
INVISIBLE = re.compile(f"[{CONTROL_CHARS}{FORMAT_CHARS}]")
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_FORMAT = re.compile(f"[{FORMAT_CHARS}]")
_NAME_FORMAT = re.compile(f"[{FORMAT_CHARS}{NAME_ONLY}]")
# On a terminal a carriage return can overwrite what was printed, so it is replaced there too.
_TERMINAL_CONTROL = re.compile(f"[{CONTROL_CHARS}\r]")


def strip_invisible(text: str) -> tuple[str, str]:
    """(text without invisible characters, the code points removed as 'U+0007 U+200B')."""
    found = sorted(set(INVISIBLE.findall(text)))
    if not found:
        return text, ""
    return INVISIBLE.sub("", text).strip(), " ".join(f"U+{ord(c):04X}" for c in found)


def drop_invisible(text: str) -> str:
    """A strain name's invisible characters removed, its controls made spaces (for matching)."""
    return _CONTROL.sub(" ", _NAME_FORMAT.sub("", text))


def terminal_safe(text: str) -> str:
    """User text safe to print: format characters removed, controls shown as U+FFFD."""
    return _TERMINAL_CONTROL.sub("\ufffd", _FORMAT.sub("", text))
