"""What the HTML templates show, worked out in Python so the templates only lay it out.

Nothing here builds markup: every string stays plain text and is escaped by jinja2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from strainscore.formats._chart import Chart, build_chart
from strainscore.formats._studies import Citation, Sources
from strainscore.formats.plain import plain_summary
from strainscore.formats.words import (
    BASIS_WORDS,
    HEADLINE_DOSE,
    certainty_text,
    cfu_text,
    claim_counts_text,
    population_note,
)
from strainscore.models import (
    DoseCheck,
    InputIssue,
    OutcomeEvidence,
    OutcomeSummary,
    ProductReport,
    Report,
)
from strainscore.text.slug import slug
from strainscore.vocab import best_evidence_key


@dataclass(frozen=True)
class OutcomeRow:
    """One line of a product's 'best evidence per outcome' table."""

    label: str
    summary: OutcomeSummary
    doses: tuple[DoseCheck, ...]  # the dose checks behind the best grade, distinct

    @property
    def dose_status(self) -> str:
        statuses = {d.status for d in self.doses}
        for status in ("below", "meets"):
            if status in statuses:
                return status
        return "unknown"


@dataclass(frozen=True)
class BlendView:
    """A studied blend the product holds whole: its evidence, shown once for the blend."""

    name: str
    strains: tuple[str, ...]  # the label lines of the product that belong to it, as written
    evidence: tuple[OutcomeEvidence, ...]


@dataclass(frozen=True)
class ProductView:
    """What a product's index row and its page show.

    The index needs only the fields; the parts only its page shows (chart, headline, citations,
    ...) are worked out when first asked for, so a folder's pages work them out in the processes
    that render them (formats/_parallel.py), not all at once before the fork."""

    product: ProductReport
    number: int  # 1-based position in the report
    anchor: str  # id inside a page with many products
    file_name: str  # the product's page in a folder of reports
    rows: tuple[OutcomeRow, ...]
    issues: tuple[InputIssue, ...]  # problems found on this product's rows
    unplaced: int  # problems in the file on no product's rows (e.g. a row that could not be read)
    report: Report = field(compare=False, repr=False)
    src: Sources = field(compare=False, repr=False)

    @property
    def graded(self) -> tuple[OutcomeRow, ...]:
        return tuple(r for r in self.rows if r.summary.grade)

    @property
    def best(self) -> tuple[int, ...]:
        """Sort key of the product's best graded evidence by the verdict ladder: what was
        found first (supports, conflicting, no-effect, harm-signal), then certainty."""
        keys = [
            best_evidence_key(r.summary.direction, r.summary.grade, r.summary.basis)
            for r in self.graded
        ]
        return min(keys, default=best_evidence_key(None, None))[:3]

    @cached_property
    def chart(self) -> Chart | None:
        return build_chart(self.product, self.src)

    @cached_property
    def headline(self) -> tuple[str, ...]:
        """The summary in sentences."""
        report, p = self.report, self.product
        return (
            plain_summary(p, self.src.outcome),
            *_headline(p, self.rows),
            *((population_note(report),) if report.population else ()),
        )

    @cached_property
    def context(self) -> tuple[tuple[str, tuple[Citation, ...]], ...]:
        p, src = self.product, self.src
        outcomes = {o.outcome for o in p.outcomes} | {o for c in p.claims for o in c.outcomes}
        return tuple(
            (src.outcome(o), tuple(src.cite(i) for i in ids))
            for o, ids in self.report.context
            if o in outcomes
        )

    @cached_property
    def cited(self) -> tuple[Citation, ...]:
        """Every study the page cites, by author and year."""
        p = self.product
        study_ids = {sid for s in p.strains for e in s.evidence for sid in e.study_ids}
        study_ids |= {c.study_id for _, cites in self.context for c in cites}
        cites = (self.src.cite(i) for i in study_ids)
        return tuple(sorted(cites, key=lambda c: (c.short.lower(), c.study_id)))

    @cached_property
    def blends(self) -> tuple[BlendView, ...]:
        return blends_of(self.product)

    @cached_property
    def species_only(self) -> bool:
        """Every line is a species (or less): no strain-level lookup."""
        strains = self.product.strains
        return bool(strains) and all(s.resolution.match != "strain" for s in strains)

    @cached_property
    def screen_only(self) -> tuple[str, ...]:
        """Headline lines print leaves out (said again below)."""
        return _verdict_lines(self.rows)

    @cached_property
    def printed(self) -> frozenset[str]:
        """Studies print cites (graded evidence); species, not-graded and context lines print
        their outcomes without citations, so a study only they cite is left out of the printed
        list (context prints as counts, "Depression: 12 studies", so its studies are
        screen-only)."""
        return frozenset(
            sid
            for s in self.product.strains
            for e in s.evidence
            if e.grade and e.basis != "species"
            for sid in e.study_ids
        )


def product_views(report: Report, src: Sources) -> tuple[ProductView, ...]:
    width = max(3, len(str(len(report.products))))
    unplaced = len(unplaced_issues(report))
    return tuple(
        _view(report, p, i, width, src, unplaced) for i, p in enumerate(report.products, start=1)
    )


def _view(
    report: Report, p: ProductReport, number: int, width: int, src: Sources, unplaced: int
) -> ProductView:
    name = slug(f"{p.product} {p.brand}")
    return ProductView(
        product=p,
        number=number,
        anchor=f"p{number}",
        file_name=f"{number:0{width}d}-{name}.html",
        rows=_outcome_rows(p, src),
        issues=issues_of(report, p),
        unplaced=unplaced,
        report=report,
        src=src,
    )


def blends_of(p: ProductReport) -> tuple[BlendView, ...]:
    """Each blend held whole, once, with its evidence (every strain of it carries the same)."""
    found: dict[str, tuple[list[str], dict[str, OutcomeEvidence]]] = {}
    for s in p.strains:
        for e in s.evidence:
            if e.basis != "formulation" or not e.blend:
                continue
            lines, by_outcome = found.setdefault(e.blend, ([], {}))
            if s.line.strain_text not in lines:
                lines.append(s.line.strain_text)
            by_outcome.setdefault(e.outcome, e)
    return tuple(
        BlendView(name, tuple(lines), tuple(by_outcome.values()))
        for name, (lines, by_outcome) in found.items()
    )


def _outcome_rows(p: ProductReport, src: Sources) -> tuple[OutcomeRow, ...]:
    """One row per outcome summary, with the distinct dose checks of the bodies of evidence
    that carry its best grade (one pass over the product's evidence, not one per outcome)."""
    doses: dict[tuple[str, str, str | None, str | None], list[DoseCheck]] = {}
    for s in p.strains:
        for e in s.evidence:
            if e.dose is not None:
                found = doses.setdefault((e.outcome, e.basis, e.grade, e.direction), [])
                if e.dose not in found:
                    found.append(e.dose)
    return tuple(
        OutcomeRow(
            src.outcome(o.outcome),
            o,
            tuple(doses.get((o.outcome, o.basis, o.grade, o.direction), ())) if o.grade else (),
        )
        for o in p.outcomes
    )


def _rows(p: ProductReport) -> set[tuple[str | None, int]]:
    """The rows a product was read from, the ones left out for their problems included."""
    return {(s.line.sheet, s.line.row) for s in p.strains} | set(p.left_out_rows)


RowIssues = dict[tuple[str | None, int], list[tuple[int, InputIssue]]]
_ISSUE_INDEX: dict[int, tuple[Report, RowIssues]] = {}


def _issues_by_row(report: Report) -> RowIssues:
    """Issues grouped by (sheet, row), built once per report: a catalogue has thousands of
    products and thousands of issues, and scanning all issues per product was quadratic."""
    cached = _ISSUE_INDEX.get(id(report))
    if cached is not None and cached[0] is report:
        return cached[1]
    index: RowIssues = {}
    for n, i in enumerate(report.issues):
        if i.row is not None:
            index.setdefault((i.sheet, i.row), []).append((n, i))
    _ISSUE_INDEX.clear()  # one report at a time is all a run formats
    _ISSUE_INDEX[id(report)] = (report, index)
    return index


def issues_of(report: Report, p: ProductReport) -> tuple[InputIssue, ...]:
    """The input problems found on the rows this product was read from, in report order."""
    index = _issues_by_row(report)
    found = sorted(hit for key in _rows(p) for hit in index.get(key, ()))
    return tuple(i for _, i in found)


def unplaced_issues(report: Report) -> tuple[InputIssue, ...]:
    """Problems on no product's rows: a row left out as unreadable may belong to any product."""
    rows: set[tuple[str | None, int]] = set().union(*(_rows(p) for p in report.products))
    return tuple(i for i in report.issues if i.row is None or (i.sheet, i.row) not in rows)


def _names(rows: list[OutcomeRow]) -> str:
    return ", ".join(r.label for r in rows)


def _verdict_lines(rows: tuple[OutcomeRow, ...]) -> tuple[str, ...]:
    """Each outcome's verdict and certainty, and what is not graded and why. On screen only:
    in print the plain sentence and the strain and blend tables say the same."""
    graded = [r for r in rows if r.summary.grade]
    out = []
    if graded:
        parts = [
            f"{r.label}: {r.summary.verdict_text} ({certainty_text(r.summary.grade)})"
            for r in graded
        ]
        out.append("Graded evidence for: " + "; ".join(parts) + ".")
    else:
        out.append("No graded evidence in people for any strain in this product.")
    by_basis: dict[str, list[OutcomeRow]] = {}
    for r in rows:
        if not r.summary.grade:
            by_basis.setdefault(r.summary.basis, []).append(r)
    for basis, these in by_basis.items():
        out.append(f"Not graded, {BASIS_WORDS[basis]}: {_names(these)}.")
    return tuple(out)


def _headline(p: ProductReport, rows: tuple[OutcomeRow, ...]) -> tuple[str, ...]:
    listed = len(p.strains)
    out = [
        f"{p.strains_with_evidence} of {listed} listed strain{'s' if listed != 1 else ''} "
        f"{'has' if listed == 1 else 'have'} strain-level evidence in people."
    ]
    graded = [r for r in rows if r.summary.grade]
    out.extend(_verdict_lines(rows))
    if p.daily_cfu is not None:
        out.append(f"Daily count on the label: {cfu_text(p.daily_cfu)} CFU.")
    else:
        out.append("Daily count on the label: not given in CFU, so doses cannot be compared.")
    for status in ("meets", "below", "unknown"):
        these = [r for r in graded if r.dose_status == status]
        if these:
            out.append(f"{HEADLINE_DOSE[status]}: {_names(these)}.")
    if p.claims:
        backed = sum(1 for c in p.claims if c.backed)
        out.append(
            f"Label claims supported by graded evidence: {backed} of {len(p.claims)} "
            f"({claim_counts_text(p.claim_counts)})."
        )
    return tuple(out)


def index_order(views: tuple[ProductView, ...], key: str) -> tuple[ProductView, ...]:
    """The products as the index lists them: in file order, by name, or best evidence first
    (the verdict ladder: what was found, then certainty)."""
    if key == "name":
        return tuple(sorted(views, key=lambda v: (v.product.product.casefold(), v.number)))
    if key == "evidence":
        return tuple(
            sorted(
                views,
                key=lambda v: (
                    v.best,
                    -v.product.strains_with_evidence,
                    v.product.product.casefold(),
                    v.number,
                ),
            )
        )
    return views


@dataclass(frozen=True)
class EvidenceParts:
    """A label line's bodies of evidence as its section shows them."""

    graded: tuple[OutcomeEvidence, ...]  # graded, for the strain studied alone
    in_blends: tuple[str | None, ...]  # the studied blends held whole it has graded evidence in
    ungraded: tuple[OutcomeEvidence, ...]  # not graded, species evidence aside
    species: tuple[OutcomeEvidence, ...]  # other strains of its species


_PARTS: dict[int, tuple[tuple[OutcomeEvidence, ...], EvidenceParts]] = {}


def evidence_parts(evidence: tuple[OutcomeEvidence, ...]) -> EvidenceParts:
    """`evidence` split for a strain's section, once per body of evidence (lines share them)."""
    hit = _PARTS.get(id(evidence))
    if hit is not None and hit[0] is evidence:
        return hit[1]
    parts = EvidenceParts(
        graded=tuple(e for e in evidence if e.grade and e.basis != "formulation"),
        in_blends=_blend_names(e.blend for e in evidence if e.grade and e.basis == "formulation"),
        ungraded=tuple(e for e in evidence if not e.grade and e.basis != "species"),
        species=tuple(e for e in evidence if e.basis == "species"),
    )
    if len(_PARTS) >= 100_000:
        _PARTS.clear()
    _PARTS[id(evidence)] = (evidence, parts)
    return parts


def _blend_names(names: Iterable[str | None]) -> tuple[str | None, ...]:
    """Distinct, in order, upper and lower case taken as the same (as jinja2's unique)."""
    seen: set[str | None] = set()
    out = []
    for name in names:
        key = name.lower() if isinstance(name, str) else name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)
