"""``strainscore lookup``: a ``LookupResult`` as text for people or JSON for programs."""

from __future__ import annotations

import json
from collections import defaultdict

from strainscore.formats.words import (
    DESIGN_SHORT,
    GRADE_LEGEND,
    NOT_ADVICE,
    VIA_WORDS,
    evidence_text,
)
from strainscore.text.clean import printable, terminal_safe
from strainscore.workflows.lookup import LookupResult

LEGEND = (
    "Match levels: strain = this exact strain is in the reference; species = the species is "
    "known but not this strain, so no evidence carries over; genus = only the genus is known; "
    "unknown = not recognised."
)


def render_json(result: LookupResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


def render_text(result: LookupResult) -> str:
    """The lookup for a terminal: the match, how it was read, then the studies by outcome."""
    r = result.resolution
    lines = [f"Label text: {printable(r.label_text)}"]  # one line, whatever was typed
    if r.match == "strain":
        lines.append(f"Match: strain - {r.name} {r.strain} (reference id {r.strain_id})")
    elif r.match in ("species", "genus"):
        lines.append(f"Match: {r.match} - {r.name}")
    else:
        lines.append("Match: unknown - not recognised in the reference")
    if r.via:
        lines.append("Read as: " + "; ".join(VIA_WORDS.get(v, v) for v in r.via))
    if r.corrected:
        lines.append("Corrected: yes - the text was repaired to match; check the label")
    if r.designation_text and r.match != "strain":
        lines.append(f"Designation on the label: {r.designation_text}")
    if r.amount_text:
        lines.append(f"Amount written with it: {r.amount_text}")
    lines.extend(f"  - {n}" for n in r.notes)
    if r.suggestions:
        lines.append("Did you mean: " + "; ".join(r.suggestions))
    lines.append("")
    lines.extend(_evidence_lines(result))
    lines += ["", LEGEND, GRADE_LEGEND, NOT_ADVICE]
    return terminal_safe("\n".join(lines))


def _no_strain_lines(result: LookupResult) -> list[str]:
    others = result.other_strain_studies
    if result.resolution.match == "species":
        if others:
            return [
                f"{others} studies exist for other strains of this species; they do not "
                "transfer to this product's strain."
            ]
        return ["No studies of this species are held in the reference."]
    out = ["No evidence can be looked up without a species and strain."]
    for f in result.formulations:
        version = f" ({f.version})" if f.version else ""
        out.append(
            f"'{result.resolution.label_text}' is the name of a formulation, {f.name}{version}: "
            f"its record lists {' + '.join(f.strains)} (source {f.source_url}, checked "
            f"{f.checked_on}). Type the strains printed on the label to look them up."
        )
    return out


def _search_lines(result: LookupResult) -> list[str]:
    search = result.search
    if not any(not st.mechanistic for st in result.studies):
        status = search.status if search else ""
        head = "The reference holds this strain but no studies of it"
        if result.studies:
            head = "The reference holds only animal or lab work on this strain"
        return [f"{head}: {status}." if status else f"{head}."]
    if search and search.last_searched:
        return [f"Last literature search logged for this strain: {search.last_searched}."]
    return []


def _evidence_lines(result: LookupResult) -> list[str]:
    if result.resolution.match != "strain":
        return _no_strain_lines(result)
    studies = result.studies
    lines = _search_lines(result)
    if not studies:
        return lines
    by_outcome: dict[str, list[str]] = defaultdict(list)
    for st in studies:
        ids = ", ".join(x for x in (st.doi and f"doi:{st.doi}", st.pmid and f"PMID {st.pmid}") if x)
        where = f" (in {st.blend})" if st.blend else ""
        kind = DESIGN_SHORT.get(st.design, st.design)
        tag = "; not graded: not a human study" if st.mechanistic else ""
        for f in st.findings:
            by_outcome[f.label or f.outcome].append(
                f"    {f.effect:<10} {kind}, {st.short}{where} - {ids}{tag}"
            )
    grades = {
        e.outcome: evidence_text(e) for e in result.evidence if e.basis == "strain" and e.grade
    }
    labels = {f.label or f.outcome: f.outcome for st in studies for f in st.findings}
    n = len({st.study_id for st in studies})
    lines.append(f"Studies held for this strain ({n}), by outcome:")
    for outcome in sorted(by_outcome):
        grade = grades.get(labels.get(outcome, ""))
        lines.append(f"  {outcome}" + (f" - for this strain alone: {grade}" if grade else ""))
        lines.extend(by_outcome[outcome])
    if any(st.blend for st in studies):
        lines.append(
            "Studies marked 'in ...' gave the strain inside a blend: they show what the blend did, "
            "not what this strain does alone."
        )
    if result.other_strain_studies:
        lines.append(
            f"{result.other_strain_studies} further studies of other strains of this species "
            "do not transfer."
        )
    return lines
