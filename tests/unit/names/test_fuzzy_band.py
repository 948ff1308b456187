"""The banded edit distance agrees with the full optimal-string-alignment table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names.fuzzy import distance


def _full_osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


WORDS = st.text(alphabet="abcilnorst", max_size=10)


@settings(max_examples=400, deadline=None)
@given(WORDS, WORDS, st.integers(min_value=0, max_value=3))
def test_banded_distance_is_exact_up_to_the_limit(a: str, b: str, limit: int) -> None:
    assert distance(a, b, limit) == min(_full_osa(a, b), limit + 1)


def test_known_pairs() -> None:
    assert distance("caidophilus", "acidophilus", 2) == 1
    assert distance("rhamnosis", "rhamnosus", 1) == 1
    assert distance("sakei", "casei", 1) == 2
