"""The one set of invisible characters: what is stripped from label text and never printed.

C0 and C1 controls (not tab, line feed or carriage return), the soft hyphen, zero-width
characters and direction marks, the invisible operators, the byte-order mark, and the bidi
embeddings, overrides and isolates ("Trojan source"). Right-to-left letters are text and kept.
"""

from __future__ import annotations

import re

CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
FORMAT_CHARS = "\u00ad\u200b-\u200f\u2060-\u2064\ufeff" + BIDI_CONTROLS
INVISIBLE = re.compile(f"[{CONTROL_CHARS}{FORMAT_CHARS}]")
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_FORMAT = re.compile(f"[{FORMAT_CHARS}]")
# On a terminal a carriage return can overwrite what was printed, so it is replaced there too.
_TERMINAL_CONTROL = re.compile(f"[{CONTROL_CHARS}\r]")


def strip_invisible(text: str) -> tuple[str, str]:
    """(text without invisible characters, the code points removed as 'U+0007 U+200B')."""
    found = sorted(set(INVISIBLE.findall(text)))
    if not found:
        return text, ""
    return INVISIBLE.sub("", text).strip(), " ".join(f"U+{ord(c):04X}" for c in found)


def drop_invisible(text: str) -> str:
    """Invisible format characters removed and controls made spaces (for reading names)."""
    return _CONTROL.sub(" ", _FORMAT.sub("", text))


def terminal_safe(text: str) -> str:
    """User text safe to print: format characters removed, controls shown as U+FFFD."""
    return _TERMINAL_CONTROL.sub("\ufffd", _FORMAT.sub("", text))
