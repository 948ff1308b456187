"""The check: label sheet -> resolutions -> evidence -> ``Report`` (what ``check`` runs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strainscore.models import (
    CitedStudy,
    LabelLine,
    LabelSheet,
    ProductReport,
    Report,
    Resolution,
)
from strainscore.reference import Reference, load_reference


def check_label(
    path: str | Path,
    *,
    reference: Reference | str | Path | None = None,
    sheet: str | int | None = None,
    population: str | None = None,
    max_rows: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Read a label spreadsheet (.xlsx/.csv) and judge every product in it.

    Raises ``InputFileError`` when the file cannot be used at all; problems in single rows are
    returned in ``Report.issues`` and the other rows are still checked.
    """
    from strainscore.labels import read_label

    kwargs = {"max_rows": max_rows} if max_rows is not None else {}
    label = read_label(path, sheet=sheet, **kwargs)
    return check_sheet(label, reference=reference, population=population, on_progress=on_progress)


def check_text(
    text: str,
    *,
    reference: Reference | str | Path | None = None,
    population: str | None = None,
    product: str | None = None,
    claims: str = "",
) -> Report:
    """Judge a pasted ingredient list ("L. rhamnosus GG, B. lactis BB-12") as one product."""
    from strainscore.labels import label_from_text

    kwargs = {"product": product} if product else {}
    return check_sheet(
        label_from_text(text, claims=claims, **kwargs), reference=reference, population=population
    )


def check_dsld(
    ids: Sequence[str],
    *,
    reference: Reference | str | Path | None = None,
    population: str | None = None,
    refresh: bool = False,
) -> Report:
    """Fetch DSLD labels by number (or read them from the local cache) and judge them.

    Raises ``InputFileError`` when the API cannot be reached for a label not in the cache."""
    from strainscore.labels.dsld import fetch_labels, read_dsld_documents

    docs = fetch_labels(ids, refresh=refresh)
    source = "DSLD label " + ", ".join(dict.fromkeys(i.strip() for i in ids))
    return check_sheet(
        read_dsld_documents(docs, source), reference=reference, population=population
    )


def check_sheet(
    label: LabelSheet,
    *,
    reference: Reference | str | Path | None = None,
    population: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    resolved: dict[str, Resolution] | None = None,
) -> Report:
    """Judge lines already read; each distinct strain text is resolved once.

    ``on_progress(done, total)`` is called after each product (the CLI draws a bar with it).
    `resolved` (text -> resolution) is consulted and filled, so parts of one file judged one
    after another resolve each text once (workflows/chunked.py).
    """
    from strainscore.evidence import assess_product
    from strainscore.names import resolve_many

    ref = reference if isinstance(reference, Reference) else load_reference(reference)
    if resolved is None:
        resolutions = resolve_many((ln.strain_text for ln in label.lines), ref)
    else:
        new = resolve_many((t for ln in label.lines if (t := ln.strain_text) not in resolved), ref)
        resolved.update(new)
        resolutions = {ln.strain_text: resolved[ln.strain_text] for ln in label.lines}
    products: list[ProductReport] = []
    groups = group_products(label.lines)
    left_out: dict[tuple[str, str], list[int]] = {}
    for product, brand, row in label.left_out:
        left_out.setdefault((product, brand), []).append(row)
    for done, (key, lines) in enumerate(groups.items(), 1):
        judged = assess_product(lines, resolutions, ref, population=population)
        if key in left_out:
            judged = _partly_checked(judged, left_out[key], lines[0].sheet)
        products.append(judged)
        if on_progress is not None:
            on_progress(done, len(groups))
    context = context_for(products, ref)
    return Report(
        source=label.source,
        products=tuple(products),
        reference=ref.info,
        issues=label.issues,
        sheet=label.sheet,
        created=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        context=context,
        notices=label.notices,
        studies=cited_studies(products, context, ref),
        outcome_labels=tuple((o.outcome, o.label) for o in ref.outcomes.values()),
        columns=label.columns,
        population=population,
    )


def _partly_checked(product: ProductReport, rows: list[int], sheet: str | None) -> ProductReport:
    """A product judged on part of its rows says so in its verdict."""
    import dataclasses

    shown = ", ".join(str(r) for r in rows[:10]) + (" and more" if len(rows) > 10 else "")
    note = (
        f"{len(rows)} of this product's rows (row {shown}) were not checked because of input "
        "problems: this verdict is on its other rows only"
    )
    return dataclasses.replace(
        product,
        notes=(note, *product.notes),
        left_out_rows=tuple((sheet, r) for r in rows),
    )


def group_products(lines: tuple[LabelLine, ...]) -> dict[tuple[str, str], list[LabelLine]]:
    """Lines by (product, brand), in the order products first appear."""
    groups: dict[tuple[str, str], list[LabelLine]] = {}
    for ln in lines:
        groups.setdefault((ln.product, ln.brand), []).append(ln)
    return groups


def context_for(
    products: list[ProductReport], ref: Reference
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Context for the outcomes this report speaks of (never graded): pooled reviews of many
    strains, and the studies context_studies.csv keeps as context (strains not recorded)."""
    outcomes = {e.outcome for p in products for s in p.strains for e in s.evidence}
    outcomes |= {o for p in products for c in p.claims for o in c.outcomes}
    by_outcome: dict[str, set[str]] = {}
    for f in ref.context_findings:
        context = ref.studies[f.study_id].pooled or f.study_id in ref.context_studies
        if f.outcome in outcomes and context:
            by_outcome.setdefault(f.outcome, set()).add(f.study_id)
    return tuple((o, tuple(sorted(ids))) for o, ids in sorted(by_outcome.items()))


def cited_studies(
    products: list[ProductReport],
    context: tuple[tuple[str, tuple[str, ...]], ...],
    ref: Reference,
) -> tuple[CitedStudy, ...]:
    """The studies a report names (its evidence and its context), as the reference has them."""
    ids = {i for p in products for s in p.strains for e in s.evidence for i in e.study_ids}
    ids |= {i for _, study_ids in context for i in study_ids}
    out = []
    for sid in sorted(ids & ref.studies.keys()):
        s = ref.studies[sid]
        out.append(
            CitedStudy(
                study_id=sid,
                short=s.short,
                title=s.title,
                journal=s.journal,
                design=s.design,
                n=s.n,
                population=s.population,
                doi=s.doi,
                pmid=s.pmid,
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class CheckRun:
    """What ``strainscore check`` produced: the report, and the ranking asked for with it."""

    report: Report
    ranking: dict[str, Any] | None = None  # as ranking_dict gives it (--outcome)


def run_check(
    *,
    label: str | None = None,
    text: str | None = None,
    dsld: Sequence[str] = (),
    claims: str = "",
    sheet: str | None = None,
    population: str | None = None,
    reference: str | Path | None = None,
    max_rows: int | None = None,
    outcome: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CheckRun:
    """Check a label file (or `text`, or the DSLD labels numbered `dsld`) and, given an
    `outcome`, rank its products for it.

    Raises ``UsageError`` for an `outcome` the reference does not hold, or when not exactly one
    of `label`, `text` and `dsld` is given (before any work).
    """
    from strainscore.errors import UsageError
    from strainscore.workflows.ranking import rank_products, ranking_dict

    if sum((label is not None, text is not None, bool(dsld))) != 1:
        raise UsageError("give one LABEL file, --text or --dsld (not several, not none)")

    # The outcome is checked before any work; otherwise the label is read before the reference.
    ref: Reference | str | Path | None = reference
    if outcome is not None:
        ref = load_reference(reference)
    if isinstance(ref, Reference) and outcome is not None and outcome not in ref.outcomes:
        raise UsageError(
            f"--outcome {outcome!r} is not an outcome in the reference; use one of: "
            + ", ".join(sorted(ref.outcomes))
        )
    if text is not None:
        report = check_text(text, reference=ref, population=population, claims=claims)
    elif dsld:
        report = check_dsld(dsld, reference=ref, population=population)
    else:
        report = check_label(
            label or "-",
            reference=ref,
            sheet=sheet,
            population=population,
            max_rows=max_rows,
            on_progress=on_progress,
        )
    if outcome is None or not isinstance(ref, Reference):
        return CheckRun(report)
    ranked = rank_products(report, outcome)
    return CheckRun(report, ranking_dict(ranked, outcome, ref.outcomes[outcome].label))
