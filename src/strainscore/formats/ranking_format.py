"""A ranking of products for one outcome, and the one-line batch summary, for the terminal;
the ranking spliced into a JSON report."""

from __future__ import annotations

import json
from typing import Any

from strainscore.models import Report
from strainscore.workflows.ranking import lacks_evidence


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
        f"{len(held)} of {len(products)} (ordered by what was found, then by certainty)"
    ]
    if held:
        head = ("#", "product", "verdict", "certainty", "who was studied", "strain or blend")
        rows = [
            (
                str(r["rank"]),
                r["product"] + (f" ({r['brand']})" if r["brand"] else ""),
                r["verdict_text"],
                r["grade"].replace("-", " "),
                r["studied"]["text"] if r["studied"] else "",
                ", ".join(r["strains"])
                + (" (the studied blend)" if r["basis"] == "formulation" else ""),
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


def batch_summary(report: Report, outcome: str | None = None) -> str:
    """One line for stderr after a batch: how many products hold strain-level evidence."""
    missing = lacks_evidence(report, outcome)
    return summary_line(
        len(report.products), len(missing), missing[:5], len(report.issues), outcome
    )


def summary_line(
    n: int, missing: int, shown: list[str], issues: int, outcome: str | None = None
) -> str:
    """batch_summary from counts: `missing` products lack evidence, `shown` are the first five."""
    what = f" for {outcome}" if outcome else ""
    text = f"checked {n} products: {n - missing} with strain-level evidence{what}"
    if missing:
        listed = ", ".join(shown[:5]) + (f" and {missing - 5} more" if missing > 5 else "")
        text += f"; without: {listed}"
    if issues:
        text += f"; {issues} input problem(s)"
    return text
