"""Cleaning and keys: the fast paths give exactly what the full passes give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names import normalise
from strainscore.names.normalise import forget, key, light_clean, word
from strainscore.reference.vocab import normalise_name
from strainscore.text.clean import drop_invisible

# Everything the passes act on: quotes, marks typed out, controls, Unicode spaces, long s.
CLEANABLE = st.lists(
    st.sampled_from(
        [*"LBactiRrTtMmCc(){}[]\"'`´’ .,;:-–—_01\t\n\x0b\x0c\x1c\x1f\x7f", "tm", "(r)", "(c)",
         "[r]", "[tm]", "TM", "®", "™", "¹", "\u00a0", "\u2003", "\u200b", "\u202e", "ſ", "é"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


def light_clean_in_full(text: str) -> str:
    """light_clean with every pass run, as it was written before its fast paths."""
    t = drop_invisible(text)
    if not t.isascii():
        t = normalise._MARK_SIGNS.sub("", t)
        t = normalise._FOOTNOTE.sub("", t)
        t = t.translate(normalise._DASHES)
    t = normalise._QUOTES.sub("", t)
    t = normalise._MARK_WORDS.sub(" ", t)
    return re.sub(r"\s+", " ", t).strip()


@settings(max_examples=600, deadline=None)
@given(CLEANABLE)
def test_light_clean_skips_only_passes_that_change_nothing(text: str) -> None:
    assert light_clean(text) == light_clean_in_full(text)


def test_light_clean_still_does_each_pass() -> None:
    assert light_clean('L. "casei"  Shirota(TM)\t') == "L. casei Shirota"
    assert light_clean("LGG(r) tm BB-12") == "LGG BB-12"
    assert light_clean("HN001\x07x") == "HN001 x"


@settings(max_examples=300, deadline=None)
@given(CLEANABLE)
def test_keys_and_words_remembered_are_the_ones_computed(text: str) -> None:
    forget()
    fresh_key, fresh_word = key(text), word(text)
    assert (key(text), word(text)) == (fresh_key, fresh_word)  # the second call is remembered
    if text.isascii():
        assert fresh_key == re.sub(r"[^a-z0-9]+", "", text.lower())
    else:
        assert fresh_key == normalise_name(text)


def test_forget_empties_the_memos() -> None:
    key("BB-12")
    word("rhamnosus")
    forget()
    assert not normalise._KEYS and not normalise._WORDS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127), max_size=8), max_size=5))
def test_the_key_of_ascii_tokens_is_their_keys_run_together(tokens: list[str]) -> None:
    """What designation spans rely on to key a span without joining it."""
    assert key(" ".join(tokens)) == "".join(key(t) for t in tokens)
