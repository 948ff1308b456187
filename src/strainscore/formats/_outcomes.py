"""A product's table "Best evidence per outcome", written in Python.

Every product page has one, a row per outcome: as a jinja2 loop its rows cost more in look-ups
and escapes than the text they drew. This is the table's only home (``_product.html`` calls it).
Every value is escaped here (markupsafe.escape, as autoescape would); the result is Markup, so
the template does not escape it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from strainscore.formats._badges import evidence
from strainscore.formats._view import OutcomeRow
from strainscore.formats.words import BASIS_WORDS, DOSE_WORDS

__all__ = ["outcome_table"]

_HEAD = (
    '<table class="outcomes cards">\n<caption>Best evidence per outcome</caption>\n'
    '<thead><tr><th scope="col">Outcome</th><th scope="col">Verdict, certainty and who was '
    'studied</th><th scope="col">From</th><th scope="col">Dose</th></tr></thead>\n<tbody>\n'
)


def _built(html: str) -> Markup:
    """Markup from text made here of literals, ``escape()`` output and Markup from
    ``_badges`` only (never a raw value): the one place this module marks a string safe."""
    return Markup(html)  # noqa: S704 - every value in `html` went through escape()


def outcome_table(rows: Sequence[OutcomeRow]) -> Markup:
    """The table, one row per outcome: its verdict, certainty and who was studied (or why it
    is not graded), the label lines it is from and how the label's dose compares."""
    return _built(f"{_HEAD}{''.join(_row(r) for r in rows)}</tbody>\n</table>")


def _row(r: OutcomeRow) -> str:
    o = r.summary
    verdict = evidence(o.grade, o.direction, o.basis, None, o.verdict_text, o.studied)
    if o.grade:
        status = r.dose_status
        dose = f'<span class="dose-{escape(status)}">{escape(DOSE_WORDS[status])}</span>'
        head, note = "<tr>\n", ""
    else:
        dose = '<span class="empty">not compared</span>'
        head = '<tr class="ng">\n'
        note = f' <span class="notgraded-note">{escape(BASIS_WORDS[o.basis])}</span>'
    return (
        f'{head}<th scope="row">{escape(r.label)}</th>\n'
        f'<td data-label="Verdict, certainty and who was studied">{verdict}{note}</td>\n'
        f'<td data-label="From">{escape("; ".join(o.strains))}</td>\n'
        f'<td data-label="Dose">{dose}</td>\n</tr>\n'
    )
