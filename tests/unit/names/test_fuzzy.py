"""The spelling-correction rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names.fuzzy import closest, correct, distance, max_edits


def test_distance() -> None:
    assert distance("rhamnosus", "rhamnosus", 2) == 0
    assert distance("rhamnosis", "rhamnosus", 2) == 1
    assert distance("paracasie", "paracasei", 2) == 1  # a swap of neighbours counts one
    assert distance("lactobacilus", "lactobacillus", 2) == 1
    assert distance("abc", "xyzxyz", 2) == 3  # beyond the limit: limit + 1


def test_max_edits() -> None:
    assert [max_edits("x" * n) for n in (3, 4, 5, 6, 7, 12)] == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("longhum", ["longum", "lactis"], "longum"),
        ("rhamnosis", ["rhamnosus", "reuteri"], "rhamnosus"),
        ("casi", ["casei"], None),  # under 5 letters: never
        ("sakei", ["casei"], None),  # first letter differs
        ("caidophilus", ["acidophilus"], "acidophilus"),  # first two letters swapped
        ("lactus", ["lactis", "longum"], "lactis"),
        ("abcdefgh", ["abcdefxx", "abcdefyy"], None),  # two equally close: no guess
        ("brevis", ["breve"], None),  # two edits in a six-letter word
    ],
)
def test_correct(word: str, candidates: list[str], expected: str | None) -> None:
    assert correct(word, candidates) == expected


def test_blockers_stop_a_correction() -> None:
    assert correct("latilactobacillus", ["ligilactobacillus"]) == "ligilactobacillus"
    assert correct("latilactobacillus", ["ligilactobacillus"], ["latilactobacillus"]) is None


def test_closest() -> None:
    assert closest("breve", ["brevis", "longum"]) == ["brevis"]


def _same_start(word: str, candidate: str) -> bool:
    """Rule (2) as the module states it: same first letter, or the first two swapped."""
    return word[0] == candidate[0] or (
        len(word) > 1 and len(candidate) > 1 and word[:2] == candidate[1::-1]
    )


def correct_by_the_rules(word: str, candidates: list[str], blockers: list[str]) -> str | None:
    """correct() with no shortcut: every candidate and blocker scored by distance."""
    limit = max_edits(word)
    if limit == 0:
        return None
    scored = {
        c: d
        for c in candidates
        if c and c != word and _same_start(word, c) and (d := distance(word, c, limit)) <= limit
    }
    if not scored:
        return None
    best = min(scored.values())
    winners = [c for c, d in scored.items() if d == best]
    if len(winners) != 1:
        return None
    if any(
        b == word or (b and _same_start(word, b) and distance(word, b, best) <= best)
        for b in blockers
    ):
        return None
    return winners[0]


WORDS = st.text(alphabet="acdilmnorsu", min_size=0, max_size=11)


@settings(max_examples=800, deadline=None)
@given(WORDS.filter(bool), st.lists(WORDS, max_size=8), st.lists(WORDS, max_size=4))
def test_correct_follows_the_rules_exactly(
    word: str, candidates: list[str], blockers: list[str]
) -> None:
    assert correct(word, candidates, blockers) == correct_by_the_rules(word, candidates, blockers)


def test_the_letter_count_bound_never_exceeds_twice_the_distance() -> None:
    """The cheap test `correct` runs first may only skip candidates `distance` would reject."""
    import itertools

    from strainscore.names.fuzzy import _letters_apart

    words = ["rhamnosus", "rhamnsous", "rahmnosus", "ramnosus", "rhamnosuss", "lactis", "latcis"]
    for a, b in itertools.product(words, repeat=2):
        assert _letters_apart(a, b) <= 2 * distance(a, b, 10)
