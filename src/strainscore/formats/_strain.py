"""A label line's section of a report page ("Strain by strain"), written in Python.

A product page has one section per label line, so a folder of pages has tens of thousands: as a
jinja2 include each one cost a new context and some hundred attribute look-ups and escapes, more
than the text it drew. This is the section's only home (``_product.html`` calls it for every
page, one product or many). Every value from the label or the reference is escaped here
(markupsafe.escape, as autoescape would); the result is Markup, so the template does not escape
it again. What depends on the resolution only is made once per resolution (lines share them).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from markupsafe import Markup, escape

from strainscore.formats._badges import cite_links, evidence_rows
from strainscore.formats._studies import Sources
from strainscore.formats._view import evidence_parts
from strainscore.formats.words import BASIS_WORDS, MATCH_WORDS, cfu_text, studies_text, via_text
from strainscore.models import LabelLine, OutcomeEvidence, Resolution, StrainReport

__all__ = ["strain_section", "strain_sections"]

_MEMO_LIMIT = 10_000  # distinct resolutions kept; a catalogue has a few thousand
_GRADED_HEAD = (
    '<thead><tr><th scope="col">Outcome</th><th scope="col">Verdict, certainty and who was '
    'studied</th><th scope="col">Dose</th><th scope="col">Studies</th></tr></thead>\n'
)
_UNGRADED_HEAD = (
    '<thead><tr><th scope="col">Outcome</th><th scope="col">Kind of evidence</th>'
    '<th scope="col">What it means</th><th scope="col">Studies</th></tr></thead>\n'
)


def _built(html: str) -> Markup:
    """Markup from text made here of literals, ``escape()`` output and Markup from
    ``_badges`` only (never a raw value): the one place this module marks a string safe."""
    return Markup(html)  # noqa: S704 - every value in `html` went through escape()


def strain_sections(
    strains: Sequence[StrainReport], sl: int, pre: str, refpre: str, src: Sources, source: str
) -> Markup:
    """The sections of a product's label lines, numbered from 1 (see ``strain_section``); a
    pasted list (`source` "<text>") has no rows to name."""
    where = source != "<text>"
    return _built(
        "".join(
            strain_section(s, i, sl, pre, refpre, src, where)
            for i, s in enumerate(strains, start=1)
        )
    )


def strain_section(
    s: StrainReport, i: int, sl: int, pre: str, refpre: str, src: Sources, where: bool
) -> Markup:
    """Label line number `i` of a product: its heading (level `sl`, id ``<pre>s<i>``), what was
    read and matched, and its evidence, with study links to ``#<refpre>ref-...``. `where`: the
    input is a file, so the line's row (and cell and sheet) are named."""
    ln, r = s.line, s.resolution
    text = escape(ln.strain_text)
    out = [
        '<section class="strain">\n',
        f'<h{sl} id="{escape(pre)}s{i}">{i}. <span class="label-text">{text}</span></h{sl}>\n',
        '<dl class="facts">\n<dt class="again">On the label</dt>\n',
        _on_label(ln, text, where),
    ]
    read_as, suggestions = _read_as(r)
    out += (read_as, _count(ln), suggestions)
    notes = r.notes + s.notes
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        out.append(f'<dt>Notes</dt>\n<dd><ul class="plain">{items}</ul></dd>\n')
    out.append("</dl>\n")
    out.append(_evidence(s.evidence, r, text, src, refpre))
    out.append("</section>\n")
    return _built("".join(out))


def _on_label(ln: LabelLine, text: Markup, where: bool) -> str:
    """The "On the label" value: the text, and where in the file it was read."""
    if not where:
        return f'<dd class="again"><span class="label-text again">{text}</span></dd>\n'
    at = ""
    if ln.cell_text and ln.cell_text != ln.strain_text:
        at = f', from the cell <span class="label-text">{escape(ln.cell_text)}</span>'
    sheet = f', sheet <span class="label-text">{escape(ln.sheet)}</span>' if ln.sheet else ""
    return (
        f'<dd><span class="label-text again">{text}</span>{at} (row {escape(ln.row)}{sheet})</dd>\n'
    )


# id of a resolution -> (the resolution, its facts: "Read as" and "Match", "Did you mean").
_READ: dict[int, tuple[Resolution, tuple[str, str]]] = {}


def _read_as(r: Resolution) -> tuple[str, str]:
    hit = _READ.get(id(r))
    if hit is not None and hit[0] is r:
        return hit[1]
    if r.name:
        name = f"<i>{escape(r.name)}</i>" + (f" {escape(r.strain)}" if r.strain else "")
    else:
        name = '<span class="empty">not recognised</span>'
    if r.via and r.via != ("current-name",):
        name += f' <span class="via">(by {escape(via_text(r))})</span>'
    corrected = " · the spelling on the label was corrected: check it" if r.corrected else ""
    parts = [
        f"<dt>Read as</dt>\n<dd>{name}</dd>\n",
        f'<dt>Match</dt>\n<dd><span class="match">{escape(MATCH_WORDS[r.match])}</span>'
        f"{corrected}</dd>\n",
    ]
    suggestions = ""
    if r.suggestions:
        suggestions = f"<dt>Did you mean</dt>\n<dd>{escape('; '.join(r.suggestions))}</dd>\n"
    made = "".join(parts), suggestions
    if len(_READ) >= _MEMO_LIMIT:
        _READ.clear()
    _READ[id(r)] = (r, made)
    return made


def _count(ln: LabelLine) -> str:
    c = ln.cfu_per_serving
    if not c:
        return ""
    cfu = f" ({escape(cfu_text(c.cfu))} CFU)" if c.cfu else ""
    return (
        f'<dt>Count per serving</dt>\n<dd><span class="label-text">{escape(c.text)}</span>'
        f"{cfu}</dd>\n"
    )


def _evidence(
    evidence: tuple[OutcomeEvidence, ...], r: Resolution, text: Markup, src: Sources, pre: str
) -> str:
    """Everything after the facts: the blends it was studied in, the graded table (or why there
    is none), the other strains of its species and the evidence that is not graded."""
    parts = evidence_parts(evidence)
    out = []
    if parts.in_blends:
        names = " and ".join(f"the blend {escape(n)}" for n in parts.in_blends)
        which = "that blend's" if len(parts.in_blends) == 1 else "those blends'"
        out.append(
            f'<p class="in-blend">Studied as part of {names}, which this product holds whole: '
            f"see {which} evidence above.</p>\n"
        )
    if parts.graded:
        out.append(
            '<table class="evidence cards">\n<caption>Graded evidence in people for '
            f'<span class="label-text">{text}</span>, studied alone</caption>\n{_GRADED_HEAD}'
            f"<tbody>\n{evidence_rows(parts.graded, src, pre)}</tbody>\n</table>\n"
        )
    elif r.match == "strain":
        if not parts.in_blends:
            more = "; only the evidence below, which is not graded" if parts.ungraded else ""
            out.append(
                '<p class="empty">No study of this strain in people is recorded in the '
                f"reference{more}.</p>\n"
            )
    elif r.match == "species":
        out.append(
            '<p class="empty">Species only: no strain the reference knows, so no strain-level '
            "evidence can be found.</p>\n"
        )
    else:
        out.append(
            '<p class="empty">strainscore could not match this name, so no evidence was '
            "looked up.</p>\n"
        )
    if parts.species:
        out.append(_species_line(parts.species, src, pre))
    if parts.ungraded:
        out.append(_ungraded(parts.ungraded, src, pre))
    return "".join(out)


def _species_line(species: tuple[OutcomeEvidence, ...], src: Sources, pre: str) -> str:
    items = ", ".join(
        f'{escape(src.outcome(e.outcome))} (<span class="noprint">'
        f"{cite_links(e.study_ids, src, pre, inline=True)}</span>"
        f'<span class="print-inline">{studies_text(len(e.study_ids))}</span>)'
        for e in species
    )
    return (
        '<p class="species-line">Not graded: other strains of this species were studied for '
        f"{items}; they do not transfer to this one.</p>\n"
    )


def _basis(e: OutcomeEvidence) -> Any:
    return e.basis


def _ungraded(ungraded: tuple[OutcomeEvidence, ...], src: Sources, pre: str) -> str:
    # By kind of evidence, in the order of the kinds' ids (as jinja2's groupby sorts).
    kinds = "; ".join(
        f"{escape(BASIS_WORDS[basis])}: " + ", ".join(escape(src.outcome(e.outcome)) for e in es)
        for basis, es in groupby(sorted(ungraded, key=_basis), key=_basis)
    )
    return (
        f'<p class="print-only ng-line">Not graded, for context only: {kinds}.</p>\n'
        '<table class="evidence ungraded cards noprint">\n'
        "<caption>Not graded: shown for context, not evidence that this product works"
        f"</caption>\n{_UNGRADED_HEAD}"
        f"<tbody>\n{evidence_rows(ungraded, src, pre, graded=False)}</tbody>\n</table>\n"
    )
