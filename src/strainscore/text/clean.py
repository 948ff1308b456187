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


# Terminal escape sequences: CSI ("ESC [ 31 m", "ESC [ 2 J") and OSC ("ESC ] 0 ; title BEL"); the
# whole sequence goes, not only its ESC, so no "[2J" is left in a name.
ANSI_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]"
)


def strip_invisible(text: str) -> tuple[str, str]:
    """(text without invisible characters, the code points removed as 'U+0007 U+200B')."""
    found = sorted(set(INVISIBLE.findall(text)))
    if not found:
        return text, ""
    text = ANSI_SEQUENCE.sub("", text)
    return INVISIBLE.sub("", text).strip(), " ".join(f"U+{ord(c):04X}" for c in found)


def drop_invisible(text: str) -> str:
    """A strain name's invisible characters removed, its controls made spaces (for matching)."""
    return _CONTROL.sub(" ", _NAME_FORMAT.sub("", text))


def terminal_safe(text: str) -> str:
    """User text safe to print: escape sequences and format characters removed, other controls
    shown as U+FFFD."""
    return _TERMINAL_CONTROL.sub("\ufffd", _FORMAT.sub("", ANSI_SEQUENCE.sub("", text)))


_LINE_BREAKS = re.compile(r"[\n\t\u2028\u2029\x85]")
_SURROGATE = re.compile("[\udc80-\udcff]")


def printable(text: str) -> str:
    """User text (a file name, an argument, a header) safe on one line of a terminal.

    Controls and bidi overrides as in ``terminal_safe``; line breaks and tabs become spaces, so
    no text can start a line of its own; bytes that were not UTF-8 (a file name as the operating
    system gave it) are shown as ``\\xNN``."""
    text = _SURROGATE.sub(lambda m: f"\\x{ord(m.group(0)) - 0xDC00:02x}", text)
    text = "".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in text)
    return terminal_safe(_LINE_BREAKS.sub(" ", ANSI_SEQUENCE.sub("", text)))
