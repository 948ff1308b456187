"""What the HTML templates show, worked out in Python so the templates only lay it out.

Nothing here builds markup: every string stays plain text and is escaped by jinja2.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    product: ProductReport
    number: int  # 1-based position in the report
    anchor: str  # id inside a page with many products
    file_name: str  # the product's page in a folder of reports
    rows: tuple[OutcomeRow, ...]
    chart: Chart | None
    headline: tuple[str, ...]  # the summary in sentences
    issues: tuple[InputIssue, ...]  # problems found on this product's rows
    unplaced: int  # problems in the file on no product's rows (e.g. a row that could not be read)
    cited: tuple[Citation, ...]  # every study the page cites, by author and year
    context: tuple[tuple[str, tuple[Citation, ...]], ...]
    blends: tuple[BlendView, ...] = ()
    species_only: bool = False  # every line is a species (or less): no strain-level lookup
    screen_only: tuple[str, ...] = ()  # headline lines print leaves out (said again below)
    # studies print cites (graded evidence); species, not-graded and context lines print their
    # outcomes without citations, so a study only they cite is left out of the printed list
    printed: frozenset[str] = frozenset()

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
    rows = tuple(_row(p, o, src) for o in p.outcomes)
    study_ids = {sid for s in p.strains for e in s.evidence for sid in e.study_ids}
    outcomes = {o.outcome for o in p.outcomes} | {o for c in p.claims for o in c.outcomes}
    context = tuple(
        (src.outcome(o), tuple(src.cite(i) for i in ids))
        for o, ids in report.context
        if o in outcomes
    )
    context_ids = {c.study_id for _, cites in context for c in cites}
    study_ids |= context_ids
    # Context prints as counts ("Depression: 12 studies"), so its studies are screen-only.
    printed = {
        sid for s in p.strains for e in s.evidence if e.grade and e.basis != "species"
        for sid in e.study_ids
    }  # fmt: skip
    cited = sorted((src.cite(i) for i in study_ids), key=lambda c: (c.short.lower(), c.study_id))
    return ProductView(
        product=p,
        number=number,
        anchor=f"p{number}",
        file_name=f"{number:0{width}d}-{name}.html",
        rows=rows,
        chart=build_chart(p, src),
        headline=(
            plain_summary(p, src.outcome),
            *_headline(p, rows),
            *((population_note(report),) if report.population else ()),
        ),
        issues=issues_of(report, p),
        unplaced=unplaced,
        cited=tuple(cited),
        context=context,
        blends=blends_of(p),
        species_only=bool(p.strains) and all(s.resolution.match != "strain" for s in p.strains),
        screen_only=_verdict_lines(rows),
        printed=frozenset(printed),
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


def _row(p: ProductReport, o: OutcomeSummary, src: Sources) -> OutcomeRow:
    doses: list[DoseCheck] = []
    if o.grade:
        for s in p.strains:
            for e in s.evidence:
                same = (e.outcome, e.basis, e.grade, e.direction) == (
                    o.outcome,
                    o.basis,
                    o.grade,
                    o.direction,
                )
                if same and e.dose is not None and e.dose not in doses:
                    doses.append(e.dose)
    return OutcomeRow(src.outcome(o.outcome), o, tuple(doses))


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
