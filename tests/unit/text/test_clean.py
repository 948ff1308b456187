"""One invisible-character set: bidi controls never reach a name match or the terminal."""

from __future__ import annotations

import json

import pytest

from strainscore.names.normalise import light_clean
from strainscore.text.clean import (
    BIDI_CONTROLS,
    drop_invisible,
    printable,
    strip_invisible,
    terminal_safe,
)

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
TEXT = "Lactobacillus rhamnosus \u202eGG\u202c, B. lactis \u2066BB-12\u2069"


def test_the_bidi_controls_are_the_embeddings_overrides_and_isolates() -> None:
    assert BIDI_CONTROLS == "\u202a-\u202e\u2066-\u2069"
    for ch in BIDI:
        assert strip_invisible(f"GG{ch}")[0] == "GG"
        assert drop_invisible(f"GG{ch}") == "GG"
        assert terminal_safe(f"GG{ch}") == "GG"
        assert light_clean(f"L. rhamnosus {ch}GG") == "L. rhamnosus GG"


def test_strip_invisible_names_what_it_removed() -> None:
    assert strip_invisible("a\u202eb\u200b") == ("ab", "U+200B U+202E")
    assert strip_invisible("plain") == ("plain", "")


def test_emoji_joiners_survive_a_cell_but_not_a_name() -> None:
    family = "👨\u200d👩"
    assert strip_invisible(family) == (family, "")
    assert drop_invisible(family) == "👨👩"


def test_the_terminal_gets_no_controls() -> None:
    # A whole escape sequence goes (no "[31m" left to read); other controls show as U+FFFD.
    assert terminal_safe("a\x1b[31mb\rc\td") == "ab\ufffdc\td"
    assert terminal_safe("x\x1b]0;title\x07y\x1bz") == "xy\ufffdz"


def test_printable_keeps_one_line_and_shows_bytes() -> None:
    assert printable("a\nFAKE: ok\u2028b") == "a FAKE: ok b"
    assert printable("caf\udce9.csv") == "caf\\xe9.csv"
    assert printable("\u202eevil") == "evil"


def _has_bidi(text: str) -> bool:
    return any(ch in text for ch in BIDI)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_text_prints_no_bidi_controls(run_cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("check", "--text", TEXT, "--format", fmt).stdout
    assert not _has_bidi(out)
    assert "GG" in out and "BB-12" in out
    if fmt == "json":
        strains = json.loads(out)["products"][0]["strains"]
        assert [s["resolved"]["strain_id"] for s in strains] == ["lrhamnosus-gg", "banimalis-bb12"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_lookup_prints_no_bidi_controls(run_cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("lookup", "Lactobacillus rhamnosus \u202eGG\u202c", "--format", fmt).stdout
    assert not _has_bidi(out)
    assert "lrhamnosus-gg" in out
