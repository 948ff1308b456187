"""The small evidence chart (strains x outcomes): its geometry, and the inline SVG (``svg``).

Each cell shows the best body of evidence for one strain and one outcome (the verdict ladder):
the verdict in words with its direction's shape, and the certainty beneath as a word (never as
blocks or stars, which read as a score); or "not graded" and why. Nothing is told by colour alone,
so the chart reads the same printed in grey.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

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


@lru_cache(maxsize=4096)
def _head(outcome: str) -> tuple[str, ...]:
    """An outcome's name in at most two lines of 13 characters (the same few on every page)."""
    return tuple(_clip(t, 13) for t in textwrap.wrap(outcome, 13, break_on_hyphens=False)[:2])


def build_chart(product: ProductReport, src: Sources) -> Chart | None:
    """The chart for one product, or None when no strain has any evidence to draw."""
    outcomes = [o.outcome for o in product.outcomes]
    if not outcomes:
        return None
    heads = [_head(src.outcome(o)) for o in outcomes]
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


_CAPTION = (
    "<figcaption>Each cell shows the best evidence for one strain and one outcome: the verdict "
    "(what was found), then the certainty of the studies, in words (see “How to read this "
    "report”). A blend held whole shows its grade on each of its strains.</figcaption>"
)
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def svg(chart: Chart, pre: str) -> Markup:
    """The chart as an inline SVG figure (ids prefixed by `pre`). Written out in Python, not in
    a template: a catalogue page draws dozens of cells, and jinja2 cost more per cell than the
    rest of the page's rows. Every text goes through escape()."""
    e, p = escape, escape(pre)
    w, h, head_h, cell_h = chart.width, chart.height, chart.head_h, chart.cell_h
    out = [
        '<figure class="chart">',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}"'
        f' role="img" aria-labelledby="{p}chart-t {p}chart-d" font-family="{_FONT}"'
        ' font-size="12" fill="#1a1a1a">',
        f'<title id="{p}chart-t">Evidence per strain and outcome</title>',
        f'<desc id="{p}chart-d">{e(chart.description)}</desc>',
    ]
    for col in chart.columns:
        spans = "".join(
            f'<tspan x="{col.x}" dy="{0 if i == 0 else 14}">{e(line)}</tspan>'
            for i, line in enumerate(col.lines)
        )
        y = head_h - 8 - 14 * (len(col.lines) - 1)
        out.append(
            f'<text x="{col.x}" y="{y}" text-anchor="middle" font-weight="600">{spans}</text>'
        )
    out.append(f'<line x1="0" y1="{head_h - 0.5}" x2="{w}" y2="{head_h - 0.5}" stroke="#1a1a1a"/>')
    for i, row in enumerate(chart.rows, start=1):
        fill = "#f4f5f7" if i % 2 == 0 else "#fff"
        ty = row.y + cell_h // 2 + 4
        out.append(f'<rect x="0" y="{row.y}" width="{w}" height="{cell_h}" fill="{fill}"/>')
        out.append(f'<text x="6" y="{ty}">{e(row.label)}<title>{e(row.full)}</title></text>')
        if row.empty:
            out.append(
                f'<text x="{chart.label_w + 8}" y="{ty}" font-style="italic" fill="#4a4a4a">'
                "no evidence recorded</text>"
            )
    for c in chart.cells:
        out += _cell_svg(c, c.x + chart.cell_w // 2)
    for col in chart.columns:
        x = col.x - chart.cell_w // 2 + 0.5
        out.append(f'<line x1="{x}" y1="{head_h}" x2="{x}" y2="{h - 4}" stroke="#c4c4c4"/>')
    out += ["</svg>", _CAPTION, "</figure>"]
    return Markup("\n".join(out))  # noqa: S704 - every value above went through escape()


def _cell_svg(c: Cell, cx: int) -> list[str]:
    e = escape
    if c.grade:
        drawn = [
            f'<use href="#dir-{e(c.direction)}" x="{cx - 8 - 3 * len(c.verdict)}" y="{c.y + 14}"'
            ' width="10" height="10"/>',
            f'<text x="{cx + 6}" y="{c.y + 24}" text-anchor="middle" font-size="11"'
            f' font-weight="600">{e(c.verdict)}</text>',
            f'<text x="{cx}" y="{c.y + 44}" text-anchor="middle" font-size="11">'
            f"{e(c.short)}</text>",
        ]
    else:
        drawn = [
            f'<text x="{cx}" y="{c.y + 24}" text-anchor="middle">not graded</text>',
            f'<text x="{cx}" y="{c.y + 44}" text-anchor="middle" font-size="11"'
            f' font-style="italic">{e(c.short)}</text>',
        ]
    return ["<g>", f"<title>{e(c.title)}</title>", *drawn, "</g>"]
