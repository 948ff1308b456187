"""Across products: which hold strain-level evidence for one outcome, best first.

For a dietitian screening a catalogue ("which of these has evidence for anxiety?"). Only the
graded bases count (the strain alone, or a studied blend the product holds whole); a null
result is evidence too, and ranks below a supporting one of the same grade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from strainscore.models import GRADE_ORDER, GRADED, Basis, Direction, Grade, ProductReport, Report

DIRECTION_ORDER: tuple[Direction, ...] = ("supports", "conflicting", "no-effect", "harm-signal")


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "product": self.product,
            "brand": self.brand,
            "grade": self.grade,
            "direction": self.direction,
            "basis": self.basis,
            "strains": list(self.carriers),
            "study_ids": list(self.study_ids),
        }


def _order(grade: Grade | None, direction: Direction | None) -> tuple[int, int]:
    g = GRADE_ORDER.index(grade) if grade else len(GRADE_ORDER)
    d = DIRECTION_ORDER.index(direction) if direction else len(DIRECTION_ORDER)
    return (g, d)


def best_for(product: ProductReport, outcome: str) -> Ranked:
    """The product's best graded body for `outcome`: highest grade, then supports first."""
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


def add_ranking(json_bytes: bytes, ranking: dict[str, Any]) -> bytes:
    """The JSON report with a top-level "ranking" key added; every other key is left as it was."""
    data = json.loads(json_bytes)
    data["ranking"] = ranking
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def ranking_text(ranking: dict[str, Any]) -> str:
    """The ranking (as ``ranking_dict`` gives it) as a table for the terminal."""
    products = ranking["products"]
    held = [r for r in products if r["grade"]]
    lines = [
        f"Products with strain-level evidence for {ranking['label']} ({ranking['outcome']}): "
        f"{len(held)} of {len(products)}"
    ]
    if held:
        head = ("#", "product", "grade", "direction", "basis", "strain or blend")
        rows = [
            (
                str(r["rank"]),
                r["product"] + (f" ({r['brand']})" if r["brand"] else ""),
                r["grade"],
                r["direction"],
                r["basis"],
                ", ".join(r["strains"]),
            )
            for r in held
        ]
        widths = [max(len(x[i]) for x in (head, *rows)) for i in range(len(head))]
        for row in (head, *rows):
            cells = [c.ljust(w) for c, w in zip(row, widths, strict=True)]
            lines.append("  " + "  ".join(cells).rstrip())
    without = [r["product"] + (f" ({r['brand']})" if r["brand"] else "") for r in products]
    without = [w for w, r in zip(without, products, strict=True) if not r["grade"]]
    if without:
        lines.append(f"No strain-level evidence for {ranking['outcome']}: " + "; ".join(without))
    return "\n".join(lines) + "\n"


def lacks_evidence(report: Report, outcome: str | None) -> list[str]:
    """Products without strain-level evidence (for `outcome` only, when one is given)."""
    if outcome is None:
        return [p.product for p in report.products if p.strains_with_evidence == 0]
    return [r.product for r in rank_products(report, outcome) if r.grade is None]


def batch_summary(report: Report, outcome: str | None = None) -> str:
    """One line for stderr after a batch: how many products hold strain-level evidence."""
    n = len(report.products)
    missing = lacks_evidence(report, outcome)
    what = f" for {outcome}" if outcome else ""
    text = f"checked {n} products: {n - len(missing)} with strain-level evidence{what}"
    if missing:
        shown = ", ".join(missing[:5]) + (
            f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        )
        text += f"; without: {shown}"
    if report.issues:
        text += f"; {len(report.issues)} input problem(s)"
    return text
