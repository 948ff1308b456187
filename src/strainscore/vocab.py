"""The vocabulary of a judgement and its order: match levels, grades, directions, bases.

The only place that says which evidence is best: the verdict ladder's order (strainscore.verdict),
what was found first, then how sure. Every module that ranks bodies of evidence (per line, per
product, per outcome, per claim, across products, in a chart) ranks with these keys.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

MatchLevel = Literal["strain", "species", "genus", "unknown"]
Grade = Literal["high", "moderate", "low", "very-low"]
Direction = Literal["supports", "no-effect", "conflicting", "harm-signal"]
# strain: studies of this strain alone; formulation: a studied blend the product holds entirely;
# component: the strain was studied only inside a blend the product does not hold whole;
# species: other strains of the species were studied (never graded);
# mechanistic: animal / in-vitro work only (never graded).
Basis = Literal["strain", "formulation", "component", "species", "mechanistic"]

# Best first.
GRADE_ORDER: tuple[Grade, ...] = ("high", "moderate", "low", "very-low")
BASIS_ORDER: tuple[Basis, ...] = ("strain", "formulation", "component", "mechanistic", "species")
# What was found, best first: the verdict ladder (strainscore.verdict) ranks direction before
# certainty, so a supporting body of very low certainty ranks above a null body of high certainty.
DIRECTION_ORDER: tuple[Direction, ...] = ("supports", "conflicting", "no-effect", "harm-signal")
# The bases that are graded (a study of this strain, or of a blend the product holds whole).
GRADED: tuple[Basis, ...] = ("strain", "formulation")


def grade_rank(grade: str | None) -> int:
    """0 for high ... 3 for very-low; ungraded last."""
    return GRADE_ORDER.index(grade) if grade in GRADE_ORDER else len(GRADE_ORDER)


def basis_rank(basis: str) -> int:
    return BASIS_ORDER.index(basis) if basis in BASIS_ORDER else len(BASIS_ORDER)


def direction_rank(direction: str | None) -> int:
    if direction in DIRECTION_ORDER:
        return DIRECTION_ORDER.index(direction)
    return len(DIRECTION_ORDER)


@cache  # a few dozen distinct arguments, asked 10^5-10^6 times
def best_evidence_key(
    direction: str | None, grade: str | None, basis: str = "strain"
) -> tuple[int, int, int, int]:
    """Which body of evidence is best, by the verdict ladder: graded before not graded, then
    what was found (direction), then how sure (certainty), then the closer basis."""
    graded = direction is not None and grade is not None and basis in GRADED
    d = direction_rank(direction) if graded else len(DIRECTION_ORDER)
    g = grade_rank(grade) if graded else len(GRADE_ORDER)
    return (0 if graded else 1, d, g, basis_rank(basis))


def strength_key(grade: str | None, direction: str | None) -> tuple[int, int, int]:
    """Which graded body is strongest across products: ``best_evidence_key`` without the basis
    (direction first, then certainty)."""
    graded, d, g, _ = best_evidence_key(direction, grade)
    return (graded, d, g)
