"""The vocabulary of a judgement and its order: match levels, grades, directions, bases.

The only place that says which evidence is best. Every module that ranks bodies of evidence
(per line, per product, per outcome, across products, in a chart) ranks with these keys.
"""

from __future__ import annotations

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
# Across products of one grade: a supporting body ranks above a null one (a null is evidence too).
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


def best_evidence_key(basis: str, grade: str | None) -> tuple[int, int]:
    """Which body of evidence for one outcome is best: the closer basis, then the higher grade."""
    return (basis_rank(basis), grade_rank(grade))


def strength_key(grade: str | None, direction: str | None) -> tuple[int, int]:
    """Which graded body is strongest across products: the higher grade, then supports first."""
    return (grade_rank(grade), direction_rank(direction))


def grade_level(grade: str) -> int:
    """Filled blocks in a chart: 4 for high ... 1 for very-low."""
    return len(GRADE_ORDER) - GRADE_ORDER.index(grade)
