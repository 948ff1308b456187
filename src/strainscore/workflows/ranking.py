"""Across products: which hold strain-level evidence for one outcome, best first.

For a dietitian screening a catalogue ("which of these has evidence for anxiety?"). Only the
graded bases count (the strain alone, or a studied blend the product holds whole). Products
are ordered by the verdict ladder: direction first (supports, conflicting, no-effect,
harm-signal), then certainty, so a null result of high certainty ranks below a supporting
one of very low certainty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from strainscore.models import GRADED, Basis, Direction, Grade, ProductReport, Report
from strainscore.verdict import Studied, verdict_of, verdict_text
from strainscore.vocab import strength_key


@dataclass(frozen=True)
class Ranked:
    """One product's best graded body of evidence for the outcome (grade None: none held)."""

    product: str
    brand: str
    grade: Grade | None = None
    direction: Direction | None = None
    basis: Basis | None = None
    carriers: tuple[str, ...] = ()  # label texts of the strains, or the blend's name
    study_ids: tuple[str, ...] = ()
    rank: int | None = None
    studied: Studied | None = None

    @property
    def verdict(self) -> str | None:
        return (
            verdict_of(self.direction, self.grade, self.basis or "strain") if self.grade else None
        )

    @property
    def verdict_text(self) -> str | None:
        return verdict_text(self.verdict, self.studied) if self.verdict else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "product": self.product,
            "brand": self.brand,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "studied": self.studied.to_dict() if self.studied else None,
            "grade": self.grade,
            "direction": self.direction,
            "basis": self.basis,
            "strains": list(self.carriers),
            "study_ids": list(self.study_ids),
        }


_order = strength_key  # direction first, then certainty (the verdict ladder)


def best_for(product: ProductReport, outcome: str) -> Ranked:
    """The product's best graded body for `outcome`: best direction, then highest certainty."""
    best: Ranked | None = None
    for s in product.strains:
        for e in s.evidence:
            if e.outcome != outcome or e.basis not in GRADED or e.grade is None:
                continue
            who = e.blend if e.basis == "formulation" and e.blend else s.line.strain_text
            if best is None or _order(e.grade, e.direction) < _order(best.grade, best.direction):
                best = Ranked(
                    product.product,
                    product.brand,
                    e.grade,
                    e.direction,
                    e.basis,
                    (who,),
                    e.study_ids,
                    studied=e.studied,
                )
            elif _order(e.grade, e.direction) == _order(best.grade, best.direction):
                # Equal bodies from several strains or blends: name them all.
                carriers = best.carriers if who in best.carriers else (*best.carriers, who)
                ids = tuple(sorted({*best.study_ids, *e.study_ids}))
                best = replace(best, carriers=carriers, study_ids=ids)
    return best or Ranked(product.product, product.brand)


def rank_products(report: Report, outcome: str) -> tuple[Ranked, ...]:
    """Every product, those with graded evidence first (ranked), then those without (rank None).

    Equal grade and direction share a rank and keep the order of the file.
    """
    found = [best_for(p, outcome) for p in report.products]
    held = sorted((r for r in found if r.grade), key=lambda r: _order(r.grade, r.direction))
    out: list[Ranked] = []
    for i, r in enumerate(held):
        tie = bool(out) and _order(out[-1].grade, out[-1].direction) == _order(r.grade, r.direction)
        out.append(replace(r, rank=out[-1].rank if tie else i + 1))
    return (*out, *(r for r in found if not r.grade))


def ranking_dict(ranked: tuple[Ranked, ...], outcome: str, label: str) -> dict[str, Any]:
    return {"outcome": outcome, "label": label, "products": [r.to_dict() for r in ranked]}


def lacks_evidence(report: Report, outcome: str | None) -> list[str]:
    """Products without strain-level evidence (for `outcome` only, when one is given)."""
    if outcome is None:
        return [p.product for p in without_strain_evidence(report.products)]
    return [r.product for r in rank_products(report, outcome) if r.grade is None]


def without_strain_evidence(products: Iterable[ProductReport]) -> list[ProductReport]:
    """The products none of whose strains has strain-level evidence (strains_with_evidence 0).

    Lines share their bodies of evidence (one object each), so each is looked at once."""
    seen: dict[int, bool] = {}  # id of a body of evidence -> it holds a graded basis
    out = []
    for p in products:
        for s in p.strains:
            graded = seen.get(id(s.evidence))
            if graded is None:
                graded = seen[id(s.evidence)] = s.has_strain_evidence
            if graded:
                break
        else:
            out.append(p)
    return out
