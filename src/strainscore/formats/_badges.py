"""Small pieces that say a verdict, a certainty, a direction, a dose status: always words.

The certainty is a word about the studies, never blocks or stars that read as a score. Templates
call these as ``b.evidence(...)``, ``b.dose(...)``, ... (the environment's global ``b``): they
run once or more per body of evidence on every page, where a jinja2 macro call cost more than
the row it drew. Every value is escaped here (markupsafe.escape, as autoescape would); the result
is Markup, so the template does not escape it again. A page repeats the same few verdicts,
certainties and doses, so each piece is made once per distinct value.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from strainscore.formats._studies import Citation, Sources
from strainscore.formats.words import BASIS_WORDS, DOSE_WORDS, certainty_text, studies_text
from strainscore.models import DoseCheck, OutcomeEvidence
from strainscore.verdict import Studied, verdict_of

__all__ = [
    "citations",
    "cite_links",
    "context_items",
    "direction",
    "dose",
    "evidence",
    "evidence_rows",
    "grade",
    "not_graded",
    "verdict",
]

_NOT_GRADED = Markup('<span class="badge ng">not graded</span>')
_NO_DOSE = Markup('<span class="empty">no dose to compare</span>')
_MEMO_LIMIT = 10_000  # distinct pieces kept; a report has a few hundred


def _built(html: str) -> Markup:
    """Markup from text made here of literals and ``escape()`` output only (never a raw value):
    the one place this module marks a string safe."""
    return Markup(html)  # noqa: S704 - every value in `html` went through escape()


def _icon(d: str) -> str:
    return (
        '<svg width="11" height="11" aria-hidden="true" focusable="false">'
        f'<use href="#dir-{escape(d)}"/></svg>'
    )


def _remember(memo: dict[Any, Markup], key: Any, made: Markup) -> Markup:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = made
    return made


_GRADES: dict[Any, Markup] = {}


def grade(g: str | None) -> Markup:
    hit = _GRADES.get(g)
    if hit is None:
        made = _built(f'<span class="badge certainty">{escape(certainty_text(g))}</span>')
        hit = _remember(_GRADES, g, made)
    return hit


def not_graded(basis: str | None = None) -> Markup:
    return _NOT_GRADED


def verdict(text: str, d: str | None, words: Mapping[str, str] | None = None) -> Markup:
    cls = f" d-{escape(d)}" if d else ""
    icon = _icon(d) if d else ""
    return _built(f'<strong class="verdict{cls}">{icon}{escape(text)}</strong>')


def direction(d: str | None, words: Mapping[str, str]) -> Markup:
    if not d:
        return Markup("")
    return _built(f'<span class="dir d-{escape(d)}">{_icon(d)}{escape(words[d])}</span>')


_EVIDENCE: dict[Any, Markup] = {}


def evidence(
    grade_: str | None,
    direction_: str | None,
    basis: str,
    words: Mapping[str, str] | None = None,
    text: str | None = None,
    studied: Studied | None = None,
) -> Markup:
    """The verdict, then the certainty and who was studied; or "not graded"."""
    key = (grade_, direction_, basis, text, studied)
    hit = _EVIDENCE.get(key)
    if hit is None:
        if grade_:
            made = verdict(text or verdict_of(direction_, grade_, basis), direction_)
            made += Markup(" ") + grade(grade_)
            if studied:
                made += Markup(' <span class="studied">{}</span>').format(studied.text)
        else:
            made = not_graded(basis)
        hit = _remember(_EVIDENCE, key, made)
    return hit


_DOSES: dict[Any, Markup] = {}


def dose(d: DoseCheck | None, dose_words: Mapping[str, str]) -> Markup:
    if d is None:
        return _NO_DOSE
    key = (id(dose_words), d)  # the words are the module's DOSE_WORDS: one object
    hit = _DOSES.get(key)
    if hit is None:
        status = escape(d.status)
        made = _built(f'<span class="dose-{status}">{escape(dose_words[d.status])}</span>')
        if d.note:
            made += Markup('<span class="dose-note">: {}</span>').format(d.note)
        hit = _remember(_DOSES, key, made)
    return hit


def cite_links(ids: Sequence[str], src: Sources, prefix: str, inline: bool = False) -> Markup:
    """Links to the studies in the page's list ("#p12-ref-<id>"): inline, or as a list with
    each study's design and size."""
    return _built(
        str(escape(prefix)).join(_cite_pieces(ids, src, inline))
    )  # str: Markup.join escapes


# (id of a tuple of study ids, id of the report's sources, inline) -> (both objects, the links
# split where the page's prefix goes). Bodies of evidence share their tuples of ids.
_PIECES: dict[tuple[int, int, bool], tuple[object, object, list[str]]] = {}


def _cite_pieces(ids: Sequence[str], src: Sources, inline: bool) -> list[str]:
    """The links of `cite_links` without the prefix: joined by it, they are the links."""
    key = (id(ids), id(src), inline)
    hit = _PIECES.get(key)
    if hit is not None and hit[0] is ids and hit[1] is src:
        return hit[2]
    if inline:
        made = ['<a href="#', *(f'{_link(sid, src, False)}, <a href="#' for sid in ids)]
        made[-1] = made[-1].removesuffix(', <a href="#')
    else:
        made = ['<ul class="cites"><li><a href="#']
        made += (f'{_link(sid, src, True)}</li><li><a href="#' for sid in ids)
        made[-1] = made[-1].removesuffix('<li><a href="#') + "</ul>"
    if not ids:
        made = [""] if inline else ['<ul class="cites"></ul>']
    if isinstance(ids, tuple):  # a list may be made anew for each call: not kept
        if len(_PIECES) >= _MEMO_LIMIT:
            _PIECES.clear()
        _PIECES[key] = (ids, src, made)
    return made


def context_items(
    context: Sequence[tuple[str, Sequence[Citation]]], src: Sources, prefix: str
) -> Markup:
    """The list of reviews pooling many strains (and studies of unrecorded strains), one
    ``<li>`` line per outcome: its studies linked on screen, counted in print."""
    return _built(
        "".join(
            f'<li>{escape(label)}: <span class="noprint">'
            f"{cite_links([c.study_id for c in cites], src, prefix, inline=True)}</span>"
            f'<span class="print-inline">{studies_text(len(cites))}</span></li>\n'
            for label, cites in context
        )
    )


# (study id, id of the report's sources, with its design) -> (the sources, the link after "#pre").
_LINKS: dict[tuple[str, int, bool], tuple[object, str]] = {}


def _link(sid: str, src: Sources, designed: bool) -> str:
    key = (sid, id(src), designed)
    hit = _LINKS.get(key)
    if hit is not None and hit[0] is src:
        return hit[1]
    c = src.cite(sid)
    made = f'ref-{escape(c.study_id)}">{escape(c.short)}</a>'
    more = c.short_design_n if designed else ""
    if more:
        made += f' <span class="design">({escape(more)})</span>'
    if len(_LINKS) >= _MEMO_LIMIT:
        _LINKS.clear()
    _LINKS[key] = (src, made)
    return made


# (id of a citation, printed, found) -> (the citation, its line after the id prefix): a
# citation's hash is that of its dozen fields, so the key is its identity (kept, so never reused).
_CITATIONS: dict[tuple[int, bool, bool], tuple[Citation, str]] = {}


def citations(
    cited: Sequence[Citation], prefix: str, printed: Container[str], found: bool
) -> Markup:
    """The page's list of studies cited, one ``<li>`` line each; print keeps author, year,
    journal and one link (the DOI, else PubMed), and leaves out a study only screen lines cite
    (not in `printed`). `found`: the report carries the studies' details."""
    pre = escape(prefix)
    out = []
    for c in cited:
        shown = c.study_id in printed
        key = (id(c), shown, found)
        hit = _CITATIONS.get(key)
        if hit is None or hit[0] is not c:
            if len(_CITATIONS) >= _MEMO_LIMIT:
                _CITATIONS.clear()
            hit = _CITATIONS[key] = (c, _citation(c, shown, found))
        out.append(f'<li id="{pre}{hit[1]}</li>\n')
    return _built("".join(out))


def _citation(c: Citation, shown: bool, found: bool) -> str:
    """A citation's line after its id prefix."""
    parts = [
        f'ref-{escape(c.study_id)}"',
        "" if shown else ' class="noprint"',
        f">{escape(c.short)}.",
    ]
    if c.title:
        parts.append(f" <cite>{escape(c.title)}.</cite>")
    if c.journal:
        parts.append(f" {escape(c.journal)}.")
    design_n = c.design_n
    if design_n:
        more = f'<span class="ref-more">; {escape(c.population)}</span>' if c.population else ""
        parts.append(f'<span class="ref-design"> {escape(design_n.capitalize())}{more}.</span>')
    if c.doi_url:
        parts.append(f' <a href="{escape(c.doi_url)}">doi:{escape(c.doi)}</a>')
    if c.pubmed_url:
        cls = "ref-pm" if c.doi_url else "ref-pm-only"
        dot = " ·" if c.doi_url else ""
        link = f'<a href="{escape(c.pubmed_url)}">PubMed {escape(c.pmid)}</a>'
        parts.append(f'<span class="{cls}">{dot} {link}</span>')
    if not found:
        parts.append(" (study details unavailable: this report does not carry them)")
    return "".join(parts)


# (id of a body of evidence, id of the report's sources) -> (both objects, the row's text up to
# its study links). Bodies of evidence are shared by the lines and products that have them.
_ROWS: dict[tuple[int, int], tuple[object, object, str]] = {}


def _row_head(e: OutcomeEvidence, src: Sources, graded: bool) -> str:
    key = (id(e), id(src))
    hit = _ROWS.get(key)
    if hit is not None and hit[0] is e and hit[1] is src:
        return hit[2]
    why = "".join(f"<li>{escape(w)}</li>" for w in e.reasons)
    why = f'<ul class="why">{why}</ul>' if e.reasons else ""
    cells = [f'<tr>\n<th scope="row">{escape(src.outcome(e.outcome))}</th>\n']
    if graded:
        verdict_ = evidence(e.grade, e.direction, e.basis, None, e.verdict_text, e.studied)
        cells.append(
            f'<td data-label="Verdict, certainty and who was studied">{verdict_}{why}</td>\n'
        )
        cells.append(f'<td data-label="Dose">{dose(e.dose, DOSE_WORDS)}</td>\n')
    else:
        kind = f"{not_graded(e.basis)} {escape(BASIS_WORDS[e.basis])}"
        cells.append(f'<td data-label="Kind of evidence">{kind}</td>\n')
        cells.append(f'<td data-label="What it means">{_meaning(e)}{why}</td>\n')
    cells.append('<td data-label="Studies">')
    if len(_ROWS) >= _MEMO_LIMIT:
        _ROWS.clear()
    made = "".join(cells)
    _ROWS[key] = (e, src, made)
    return made


def _meaning(e: OutcomeEvidence) -> str:
    if e.basis == "component":
        return (
            f"the result belongs to the blend {escape(e.blend or 'studied')}, which this "
            "product does not hold whole"
        )
    if e.basis == "species":
        return "evidence exists for other strains of this species; they do not transfer"
    if e.basis == "mechanistic":
        return "a possible mechanism, not an effect shown in people"
    return ""


def evidence_rows(
    bodies: Sequence[OutcomeEvidence], src: Sources, prefix: str, graded: bool = True
) -> Markup:
    """The rows of a table of evidence, one ``<tr>`` per body: its outcome, then the verdict,
    certainty and reasons, the dose and the studies (graded), or the kind of evidence and what
    it means (not graded)."""
    return _built(
        "".join(
            f"{_row_head(e, src, graded)}{cite_links(e.study_ids, src, prefix)}</td>\n</tr>\n"
            for e in bodies
        )
    )
