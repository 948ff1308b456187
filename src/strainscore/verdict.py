"""The verdict ladder: what a body of evidence says, from (direction, certainty), in one place.

Certainty (the GRADE-inspired grade) says how sure we can be; direction says what the studies
found. A reader needs both at once, so every format leads with the verdict worked out here, and
every ranking orders by direction first, then certainty (``vocab.best_evidence_key``, the one
home of the order of evidence). docs/grading.md shows the ladder with a worked example per
verdict, computed by tests/unit/test_verdict.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from strainscore.vocab import GRADE_ORDER

# The ladder, best first: (verdict, direction, the certainties it covers).
LADDER: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("likely helps", "supports", ("high", "moderate")),
    ("may help", "supports", ("low", "very-low")),
    ("unclear: studies disagree", "conflicting", GRADE_ORDER),
    ("probably no effect", "no-effect", ("high", "moderate")),
    ("no effect found in small studies", "no-effect", ("low", "very-low")),
    ("possible harm", "harm-signal", GRADE_ORDER),
)
# The bases never graded keep a verdict that says why.
NOT_GRADED: dict[str, str] = {
    "component": "not graded: studied only as part of a blend",
    "mechanistic": "not graded: animal or lab work only",
    "species": "not graded: only other strains of the species were studied",
}
VERDICTS: tuple[str, ...] = (*(v for v, _, _ in LADDER), *NOT_GRADED.values())

# Who was studied, in words (one entry per reference.vocab.AGE_GROUPS), singular and plural.
AGE_GROUP_WORDS: dict[str, tuple[str, str]] = {
    "infant": ("infant", "infants"),
    "child": ("child", "children"),
    "adult": ("adult", "adults"),
    "older-adult": ("older adult", "older adults"),
    "pregnant": ("pregnant woman", "pregnant women"),
    "mixed": ("person of mixed ages", "people of mixed ages"),
}
# A body studied only in one of these is named in its verdict ("may help, in pregnant women").
SPECIAL_POPULATIONS = frozenset(("infant", "child", "older-adult", "pregnant"))


@cache  # a few dozen distinct arguments, asked 10^5-10^6 times
def verdict_of(direction: str | None, grade: str | None, basis: str = "strain") -> str:
    """The ladder's words for a body of evidence; the reason it is not graded otherwise."""
    if basis in NOT_GRADED or direction is None or grade is None:
        return NOT_GRADED.get(basis, "not graded")
    for words, d, certainties in LADDER:
        if d == direction and grade in certainties:
            return words
    raise ValueError(f"no verdict for direction {direction!r} and certainty {grade!r}")


@dataclass(frozen=True)
class Studied:
    """Who was studied in one body of evidence: trials counted once, reviews, participants."""

    trials: int
    reviews: int = 0
    participants: int = 0  # the larger of a review's pooled n and the sum of the other trials'
    unknown_n: int = 0  # studies whose n is not recorded
    age_groups: tuple[str, ...] = ()  # sorted, distinct

    @property
    def special(self) -> str | None:
        """The one special population every study is in (pregnant, infant, child, older-adult)."""
        if len(self.age_groups) == 1 and self.age_groups[0] in SPECIAL_POPULATIONS:
            return self.age_groups[0]
        return None

    @property
    def text(self) -> str:
        """'1 trial, 423 pregnant women'; '1 review and 2 trials, 1499 participants (...)'."""
        parts = []
        if self.reviews:
            parts.append(_count(self.reviews, "review"))
        if self.trials or not self.reviews:
            parts.append(_count(self.trials, "trial"))
        head = " and ".join(parts)
        n = self.participants
        unknown = (
            f"n not recorded for {_count(self.unknown_n, 'study', 'studies')}"
            if self.unknown_n
            else ""
        )
        if len(self.age_groups) == 1:
            one, many = AGE_GROUP_WORDS.get(self.age_groups[0], (self.age_groups[0],) * 2)
            if not n:
                return f"{head} in {many} (n not recorded)"
            who = f"{n} {one if n == 1 else many}" + (f" ({unknown})" if unknown else "")
        else:
            groups = ", ".join(AGE_GROUP_WORDS.get(g, (g, g))[1] for g in self.age_groups)
            detail = "; ".join(x for x in (groups, unknown) if x)
            who = (f"{n} participants" if n else "participants") + (
                f" ({detail})" if detail else ""
            )
            if not n and not detail:
                who = "participants not recorded"
        return f"{head}, {who}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "trials": self.trials,
            "reviews": self.reviews,
            "participants": self.participants,
            "age_groups": list(self.age_groups),
            "text": self.text,
        }


def verdict_text(verdict: str, studied: Studied | None) -> str:
    """The verdict, naming a special population when every study is in it."""
    if studied is None or verdict.startswith("not graded"):
        return verdict
    special = studied.special
    return f"{verdict}, in {AGE_GROUP_WORDS[special][1]}" if special else verdict


def studied_of(
    studies: Iterable[tuple[bool, int | None, str]],
) -> Studied:
    """From (is a pooled review, n, age group) per trial counted once."""
    trials = reviews = unknown = 0
    primary_n = pooled_n = 0
    groups: set[str] = set()
    for pooled, n, group in studies:
        if pooled:
            reviews += 1
            pooled_n = max(pooled_n, n or 0)
        else:
            trials += 1
            primary_n += n or 0
        unknown += n is None
        if group:
            groups.add(group)
    return Studied(trials, reviews, max(primary_n, pooled_n), unknown, tuple(sorted(groups)))


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
