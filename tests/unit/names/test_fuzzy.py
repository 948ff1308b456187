"""The spelling-correction rules."""

from __future__ import annotations

import pytest

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
