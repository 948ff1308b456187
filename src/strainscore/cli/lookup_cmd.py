"""``strainscore lookup TEXT``: how one strain name resolves, and the studies held for it."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option, format_option, reference_option
from strainscore.formats.words import DESIGN_SHORT, GRADE_LEGEND, NOT_ADVICE, VIA_WORDS

if TYPE_CHECKING:
    from strainscore.models import Resolution
    from strainscore.reference import Reference

LEGEND = (
    "Match levels: strain = this exact strain is in the reference; species = the species is "
    "known but not this strain, so no evidence carries over; genus = only the genus is known; "
    "unknown = not recognised."
)


def study_entries(resolution: Resolution, ref: Reference) -> list[dict[str, Any]]:
    """Each study arm that gave the resolved strain, with its findings (empty unless a strain)."""
    if resolution.match != "strain" or not resolution.strain_id:
        return []
    out: list[dict[str, Any]] = []
    for study_id, arm in ref.arms_by_strain.get(resolution.strain_id, ()):
        study = ref.studies[study_id]
        given = ref.interventions[(study_id, arm)]
        others = sorted(
            ref.strains[s].display for s in given.strain_ids if s != resolution.strain_id
        )
        out.append(
            {
                "study_id": study_id,
                "short": study.short,
                "year": study.year,
                "title": study.title,
                "design": study.design,
                "population": study.population,
                "age_group": study.age_group or None,
                "n": study.n,
                "doi": study.doi or None,
                "pmid": study.pmid or None,
                "arm": arm,
                "blend": (given.blend_name or "unnamed blend") if given.is_blend else None,
                "with_strains": others,
                "mechanistic": study.mechanistic,
                "findings": [
                    {
                        "outcome": f.outcome,
                        "label": ref.outcomes[f.outcome].label if f.outcome in ref.outcomes else "",
                        "effect": f.effect,
                        "instrument": f.instrument or None,
                        "note": f.note or None,
                    }
                    for f in ref.findings_by_arm.get((study_id, arm), ())
                ],
            }
        )
    return out


def other_strain_studies(resolution: Resolution, ref: Reference) -> int:
    """Studies of other strains of the resolved species (shown as a count, never graded)."""
    if resolution.match not in ("species", "strain") or not resolution.genus:
        return 0
    pair = (resolution.genus, resolution.species)
    ids = {
        study_id
        for s in ref.strains.values()
        if (s.genus, s.species) == pair and s.strain_id != resolution.strain_id
        for study_id, _ in ref.arms_by_strain.get(s.strain_id, ())
    }
    return len(ids)


def graded(resolution: Resolution, ref: Reference) -> list[dict[str, Any]]:
    """Grades per outcome for the strain alone, when the grading module is present.

    The strain is looked up on its own, so a blend it was studied in counts as a component
    (shown, not graded); species-level lines get no grade.
    """
    if resolution.match != "strain" or not resolution.strain_id:
        return []
    try:
        from strainscore.evidence import assess_line
    except ImportError:  # grading not built in this checkout: studies are listed ungraded
        return []
    bodies = assess_line(resolution, ref, product_strain_ids=(resolution.strain_id,))
    return [e.to_dict() for e in bodies]


def describe(text: str, reference: str | None = None) -> dict[str, Any]:
    """The lookup result as plain data: the resolution, the studies held, and the reference used."""
    from strainscore.names import resolve
    from strainscore.reference import load_reference
    from strainscore.text.clean import strip_invisible

    text = strip_invisible(text)[0]
    ref = load_reference(reference)
    res = resolve(text, ref)
    data = res.to_dict()
    data["studies"] = study_entries(res, ref)
    data["evidence"] = graded(res, ref)
    data["other_strain_studies"] = other_strain_studies(res, ref)
    data["search"] = search_entry(res, ref)
    data["formulations"] = [
        {
            "name": f.name,
            "version": f.version,
            "strains": [ref.strains[s].display for s in f.strain_ids],
            "source_url": f.source_url,
            "checked_on": f.checked_on,
        }
        for f in (ref.formulations_named(text) if res.match != "strain" else ())
    ]
    data["reference"] = ref.info.to_dict()
    return data


def search_entry(resolution: Resolution, ref: Reference) -> dict[str, Any] | None:
    """The literature searches logged for the strain: when, and how many (None: not a strain)."""
    if resolution.match != "strain" or not resolution.strain_id:
        return None
    from strainscore.evidence.assess import search_status

    found = ref.searches_for(resolution.strain_id)
    return {
        "last_searched": found[0].searched_on if found else None,
        "searches": len(found),
        "status": search_status(resolution.strain_id, ref),
    }


def render_text(data: dict[str, Any]) -> str:
    r = data["resolved"]
    lines = [f"Label text: {data['label_text']}"]
    if data["match"] == "strain":
        lines.append(f"Match: strain - {r['name']} {r['strain']} (reference id {r['strain_id']})")
    elif data["match"] in ("species", "genus"):
        lines.append(f"Match: {data['match']} - {r['name']}")
    else:
        lines.append("Match: unknown - not recognised in the reference")
    if data["via"]:
        lines.append("Read as: " + "; ".join(VIA_WORDS.get(v, v) for v in data["via"]))
    if data["corrected"]:
        lines.append("Corrected: yes - the text was repaired to match; check the label")
    if data["designation_text"] and data["match"] != "strain":
        lines.append(f"Designation on the label: {data['designation_text']}")
    if data["amount_text"]:
        lines.append(f"Amount written with it: {data['amount_text']}")
    lines.extend(f"  - {n}" for n in data["notes"])
    if data["suggestions"]:
        lines.append("Did you mean: " + "; ".join(data["suggestions"]))
    lines.append("")
    lines.extend(_evidence_lines(data))
    lines += ["", LEGEND, GRADE_LEGEND, NOT_ADVICE]
    return "\n".join(lines)


def _evidence_lines(data: dict[str, Any]) -> list[str]:
    studies = data["studies"]
    others = data["other_strain_studies"]
    if data["match"] == "species":
        if others:
            return [
                f"{others} studies exist for other strains of this species; they do not "
                "transfer to this product's strain."
            ]
        return ["No studies of this species are held in the reference."]
    if data["match"] != "strain":
        out = ["No evidence can be looked up without a species and strain."]
        for f in data.get("formulations", ()):
            version = f" ({f['version']})" if f["version"] else ""
            out.append(
                f"'{data['label_text']}' is the name of a formulation, {f['name']}{version}: its "
                f"record lists {' + '.join(f['strains'])} (source {f['source_url']}, checked "
                f"{f['checked_on']}). Type the strains printed on the label to look them up."
            )
        return out
    search = data.get("search") or {}
    if not any(not st["mechanistic"] for st in studies):
        status = search.get("status", "")
        head = "The reference holds this strain but no studies of it"
        if studies:
            head = "The reference holds only animal or lab work on this strain"
        lines_ = [f"{head}: {status}." if status else f"{head}."]
        if not studies:
            return lines_
    else:
        lines_ = []
        if search.get("last_searched"):
            lines_.append(
                f"Last literature search logged for this strain: {search['last_searched']}."
            )
    by_outcome: dict[str, list[str]] = defaultdict(list)
    for st in studies:
        ids = ", ".join(
            x for x in (st["doi"] and f"doi:{st['doi']}", st["pmid"] and f"PMID {st['pmid']}") if x
        )
        where = f" (in {st['blend']})" if st["blend"] else ""
        kind = DESIGN_SHORT.get(st["design"], st["design"])
        tag = "; not graded: not a human study" if st["mechanistic"] else ""
        for f in st["findings"]:
            by_outcome[f["label"] or f["outcome"]].append(
                f"    {f['effect']:<10} {kind}, {st['short']}{where} - {ids}{tag}"
            )
    grades = {
        e["outcome"]: f"{e['grade']} ({e['direction']})"
        for e in data.get("evidence", ())
        if e["basis"] == "strain" and e["grade"]
    }
    labels = {f["label"] or f["outcome"]: f["outcome"] for st in studies for f in st["findings"]}
    n = len({st["study_id"] for st in studies})
    lines = [*lines_, f"Studies held for this strain ({n}), by outcome:"]
    for outcome in sorted(by_outcome):
        grade = grades.get(labels.get(outcome, ""))
        lines.append(f"  {outcome}" + (f" - grade for this strain alone: {grade}" if grade else ""))
        lines.extend(by_outcome[outcome])
    if any(st["blend"] for st in studies):
        lines.append(
            "Studies marked 'in ...' gave the strain inside a blend: they show what the blend did, "
            "not what this strain does alone."
        )
    if others:
        lines.append(f"{others} further studies of other strains of this species do not transfer.")
    return lines


@click.command()
@click.argument("text")
@format_option("text for people, json for programs.")
@reference_option
@debug_option
def lookup(text: str, fmt: str, reference: str | None, debug: bool) -> None:
    """Show how one strain name reads and the studies the reference holds for it.

    \b
    Examples:
      strainscore lookup "Lactobacillus rhamnosus GG"
      strainscore lookup "BB-12®" --format json

    The match says how exact the name is: strain, species, genus or unknown. Only a strain match
    has evidence; studies of other strains of the same species never carry over.

    Exit codes: 0 looked up (whatever the match); 2 no text or an unusable reference folder.
    """
    from strainscore.errors import UsageError
    from strainscore.names import split_strains

    def _go() -> dict[str, Any]:
        if not text.strip():
            raise UsageError("give the strain name to look up, e.g. 'L. rhamnosus GG'")
        return describe(text, reference)

    data: dict[str, Any] = run(_go, debug=debug)
    if len(split_strains(text)) > 1:
        click.echo(
            "strainscore: note: this text lists several strains; lookup reads it as one name. "
            'To check each, use: strainscore check --text "..."',
            err=True,
        )
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from strainscore.text.clean import terminal_safe

        click.echo(terminal_safe(render_text(data)))
