"""The rows of the products table (an index page, or a many-product page), written in Python.

A folder's three index pages list every product, so a 10,000-product folder has 30,000 rows,
rendered in the main process after the pages: as a jinja2 loop each row cost ~40 look-ups and
escapes. This is the rows' only home (``_index_table.html`` calls it). A row is the same on the
three index pages, so it is made once per product and kind of link. Every value from the label
or the reference is escaped here (markupsafe.escape, as autoescape would); the result is Markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from strainscore.formats._badges import evidence
from strainscore.formats._view import ProductView
from strainscore.formats.words import claim_counts_text, count_text

__all__ = ["index_rows"]

_SHOWN = 3  # graded outcomes a row names; the rest are counted
_BELOW = ' <span class="dose-below">dose below studied</span>'


def _built(html: str) -> Markup:
    """Markup from text made here of literals, ``escape()`` output and Markup from
    ``_badges`` only (never a raw value): the one place this module marks a string safe."""
    return Markup(html)  # noqa: S704 - every value in `html` went through escape()


def index_rows(views: Sequence[ProductView], sort_links: bool) -> Markup:
    """One ``<tr>`` per product: number, name (a link to its page in a folder, `sort_links`, or
    to its section of a many-product page), brand, strains with evidence, best graded
    evidence, claims and the count of its input problems."""
    return _built("".join(_row(v, sort_links) for v in views))


# (id of a view, links to pages) -> (the view, its row): the three index pages share the rows.
_ROWS: dict[tuple[int, bool], tuple[ProductView, str]] = {}


def _row(v: ProductView, sort_links: bool) -> str:
    key = (id(v), sort_links)
    hit = _ROWS.get(key)
    if hit is not None and hit[0] is v:
        return hit[1]
    p = v.product
    href = escape(v.file_name if sort_links else f"#{v.anchor}")
    made = (
        f'<tr>\n<td class="num">{v.number}</td>\n'
        f'<th scope="row" class="u"><a href="{href}">{escape(p.product)}</a></th>\n'
        f'<td class="u" data-label="Brand">{escape(p.brand)}</td>\n'
        f'<td data-label="Strains with strain-level evidence">{p.strains_with_evidence} of '
        f"{len(p.strains)}</td>\n"
        f'<td data-label="Best graded evidence">{_best(v)}</td>\n'
        f'<td class="u" data-label="Claims">{_claims(v)}</td>\n'
        f'<td class="num" data-label="Input problems">{len(v.issues)}</td>\n</tr>\n'
    )
    if len(_ROWS) >= 3 * 10_000:  # a catalogue's rows, both kinds; then start again
        _ROWS.clear()
    _ROWS[key] = (v, made)
    return made


def _best(v: ProductView) -> str:
    graded = v.graded
    if not graded:
        return '<span class="empty">none</span>'
    items = []
    for r in graded[:_SHOWN]:
        o = r.summary
        below = _BELOW if r.dose_status == "below" else ""
        verdict = evidence(o.grade, o.direction, o.basis, None, o.verdict_text)
        items.append(f"<li>{escape(r.label)}: {verdict}{below}</li>")
    if len(graded) > _SHOWN:
        items.append(f"<li>and {escape(count_text(len(graded) - _SHOWN, 'more outcome'))}</li>")
    return f'<ul class="cites">{"".join(items)}</ul>'


def _claims(v: ProductView) -> str:
    p = v.product
    if not p.claims:
        return '<span class="empty">no claims given</span>'
    counts = escape(claim_counts_text(p.claim_counts))
    unbacked = p.claims_without_evidence
    if not unbacked:
        return str(counts)
    listed = ", ".join(f'<span class="label-text">{escape(c)}</span>' for c in unbacked)
    return f"{counts}; not supported: {listed}"
