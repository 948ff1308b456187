"""The resolver's shortcuts give exactly what the plain loops give (issue 17, speed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names.designation import _longest, _longest_ascii
from strainscore.names.normalise import key
from strainscore.names.resolver import Resolver
from strainscore.names.suggest import LIMIT, THRESHOLD, _dice, _pairs
from strainscore.reference import load_reference

RESOLVER = Resolver(load_reference())
IX = RESOLVER.index
HELD = sorted({h.written for hits in IX.ids.values() for h in hits if h.written.isascii()})
PIECES = st.one_of(
    st.sampled_from(HELD).flatmap(lambda d: st.sampled_from([*d.split(), d + "TM", d.lower()])),
    st.sampled_from(["and", "culture", "HANSEN", "B.", "x", "1", "TM", "-", "l0"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.integers(0, 5))
def test_a_span_grown_token_by_token_is_the_longest_held_span(toks: list[str], i: int) -> None:
    tokens = tuple(toks)
    i = i % len(tokens)
    assert _longest_ascii(IX, tokens, [key(t) for t in tokens], i) == _longest(IX, tokens, i)


def _near_by_brute_force(text: str, genus_keys: tuple[str, ...]) -> list[str]:
    """Suggester.near scoring every name, as written before its pair indexes."""
    words = [w for w in (key(w) for w in text.split()) if w]
    if not words or sum(map(len, words)) < 4:
        return []
    first, rest = _pairs(words[0]), _pairs("".join(words[1:3]))
    best: dict[str, float] = {}
    for genus, epithet, name, g in RESOLVER.suggester._names:
        if genus_keys:
            if g not in genus_keys:
                continue
            score = _dice(rest, epithet)
        elif rest:
            score = min(_dice(first, genus), _dice(rest, epithet))
        elif words[0][0] == name.split()[1][0].lower():
            score = _dice(first, epithet)
        else:
            continue
        if score >= THRESHOLD and score > best.get(name, 0.0):
            best[name] = score
    return [n for n, _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))][:LIMIT]


WORDS = st.sampled_from(
    ["Lactobacilus", "rhamnosis", "Bifidobacteriun", "longhum", "Lactobacillus", "sakei",
     "caseii", "Bacilus", "coagulants", "Streptococus", "salivarius", "plantarun", "L.", "x"]
)  # fmt: skip
GENERA = st.sampled_from(
    [(), ("lactobacillus",), ("bifidobacterium",), ("bacillus", "lactobacillus")]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=3), GENERA)
def test_suggestions_from_the_pair_indexes_are_those_of_scoring_every_name(
    words: list[str], genus_keys: tuple[str, ...]
) -> None:
    text = " ".join(words)
    assert RESOLVER.suggester.near(text, genus_keys) == _near_by_brute_force(text, genus_keys)
