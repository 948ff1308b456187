"""Geometry of the small evidence chart (strains x outcomes) drawn as inline SVG by _chart.html.

Each cell shows the best body of evidence for one strain and one outcome (the verdict ladder):
the verdict in words with its direction's shape, and the certainty beneath as a word (never as
blocks or stars, which read as a score); or "not graded" and why. Nothing is told by colour alone,
so the chart reads the same printed in grey.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from strainscore.formats._studies import Sources
from strainscore.formats.words import NOT_GRADED_SHORT, VERDICT_SHORT, certainty_text
from strainscore.models import OutcomeEvidence, ProductReport
from strainscore.vocab import best_evidence_key

LABEL_W = 210
CELL_W = 120
CELL_H = 58
HEAD_LINE = 14
MAX_LABEL = 30


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    grade: str | None
    verdict: str  # the first text line: the verdict (short), or "not graded"
    direction: str
    basis: str
    short: str  # the second text line: the certainty, or why it is not graded
    title: str  # tooltip: the full statement


@dataclass(frozen=True)
class Column:
    x: int  # centre
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    y: int  # top
    label: str
    full: str
    empty: bool


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    head_h: int
    label_w: int
    cell_w: int
    cell_h: int
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]
    description: str


def _rank(e: OutcomeEvidence) -> tuple[int, int, int, int]:
    return best_evidence_key(e.direction, e.grade, e.basis)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def build_chart(product: ProductReport, src: Sources) -> Chart | None:
    """The chart for one product, or None when no strain has any evidence to draw."""
    outcomes = [o.outcome for o in product.outcomes]
    if not outcomes:
        return None
    heads = [
        tuple(_clip(t, 13) for t in textwrap.wrap(src.outcome(o), 13, break_on_hyphens=False)[:2])
        for o in outcomes
    ]
    head_h = 10 + HEAD_LINE * max(len(h) for h in heads)
    columns = tuple(Column(LABEL_W + i * CELL_W + CELL_W // 2, h) for i, h in enumerate(heads))
    rows: list[Row] = []
    cells: list[Cell] = []
    for r, s in enumerate(product.strains):
        y = head_h + r * CELL_H
        label = s.line.strain_text
        rows.append(Row(y, _clip(label, MAX_LABEL), label, not s.evidence))
        best: dict[str, OutcomeEvidence] = {}
        for e in s.evidence:
            if e.outcome not in best or _rank(e) < _rank(best[e.outcome]):
                best[e.outcome] = e
        for c, o in enumerate(outcomes):
            found = best.get(o)
            if found is not None:
                cells.append(_cell(LABEL_W + c * CELL_W, y, label, src.outcome(o), found))
    width = LABEL_W + CELL_W * len(outcomes)
    height = head_h + CELL_H * len(rows) + 4
    graded = sum(1 for c in cells if c.grade)
    description = (
        f"{len(rows)} strains by {len(outcomes)} outcomes; {graded} cells hold graded evidence. "
        "The same facts are in the table 'Best evidence per outcome' and in each strain's table."
    )
    return Chart(
        width,
        height,
        head_h,
        LABEL_W,
        CELL_W,
        CELL_H,
        columns,
        tuple(rows),
        tuple(cells),
        description,
    )


def _cell(x: int, y: int, strain: str, outcome: str, e: OutcomeEvidence) -> Cell:
    if e.grade:
        direction = e.direction or ""
        title = f"{strain}, {outcome}: {e.verdict_text} ({certainty_text(e.grade)})"
        if e.basis == "formulation" and e.blend:
            title += f" (studied as {e.blend})"
        verdict = VERDICT_SHORT.get(e.verdict, e.verdict)
        short = certainty_text(e.grade)
        return Cell(x, y, e.grade, verdict, direction, e.basis, short, title)
    short = NOT_GRADED_SHORT.get(e.basis, e.basis)
    title = f"{strain}, {outcome}: not graded ({short} evidence only)"
    return Cell(x, y, None, "not graded", "", e.basis, short, title)
