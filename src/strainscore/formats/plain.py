"""The one or two plain sentences that open each product, built from its graded evidence.

Shared by the HTML page and the text output. The words are the verdict ladder's
(strainscore.verdict), so they agree with every verdict in the report, and a claim is "not
supported" unless its status is supported (the claim statuses, models.ClaimCheck).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from strainscore.models import OutcomeSummary, ProductReport
from strainscore.verdict import AGE_GROUP_WORDS, LADDER, verdict_of

# How each verdict joins the outcomes it speaks of ("likely helps with sleep").
_PREPOSITION = {
    "likely helps": "with",
    "may help": "with",
    "unclear: studies disagree": "on",
    "probably no effect": "on",
    "no effect found in small studies": "on",
    "possible harm": "for",
}
MAX_NAMED = 4  # outcomes named in one clause; the rest are counted


def _list(names: list[str]) -> str:
    if len(names) > MAX_NAMED:
        rest = len(names) - (MAX_NAMED - 1)
        names = [*names[: MAX_NAMED - 1], f"{rest} more"]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def plain_summary(p: ProductReport, label: Callable[[str], str]) -> str:
    """One or two sentences a client can read first; `label` gives an outcome's words."""
    first = _evidence_sentence(p, label)
    second = _claims_sentence(p, label)
    return f"{first} {second}".strip()


def _evidence_sentence(p: ProductReport, label: Callable[[str], str]) -> str:
    if p.strains and all(s.resolution.match != "strain" for s in p.strains):
        return (
            "The label names species only, not strains, so no trial of these exact strains "
            "can be looked up; studies of other strains do not transfer."
        )
    graded = [(_named(label(o.outcome), o), o.grade, o.direction) for o in p.outcomes if o.grade]
    return evidence_sentence(
        graded, "No trial in people of these strains is recorded in the reference."
    )


def evidence_sentence(graded: Sequence[tuple[str, str | None, str | None]], none_text: str) -> str:
    """'Likely helps with A; probably no effect on B.' from (label, grade, direction) of each
    graded outcome, in the verdict ladder's words and order (strainscore.verdict);
    `none_text` when there is none."""
    if not graded:
        return none_text
    by_verdict: dict[str, list[str]] = {}
    for name, grade, direction in graded:
        by_verdict.setdefault(verdict_of(direction, grade), []).append(name)
    parts = [
        f"{verdict} {_PREPOSITION.get(verdict, 'for')} {_list(by_verdict[verdict])}"
        for verdict, _, _ in LADDER
        if verdict in by_verdict
    ]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _named(name: str, o: OutcomeSummary) -> str:
    """The outcome's words, naming the one special population every study was in."""
    special = o.studied.special if o.studied else None
    return f"{name} (in {AGE_GROUP_WORDS[special][1]})" if special else name


def _claims_sentence(p: ProductReport, label: Callable[[str], str]) -> str:
    if not p.claims:
        return ""
    unsupported = [c.claim for c in p.claims if not c.backed]
    if not unsupported:
        return "Each claim on its label is supported by graded evidence for these strains."
    quoted = _list([f"“{c}”" for c in unsupported])
    word = "claim" if len(unsupported) == 1 else "claims"
    verb = "is" if len(unsupported) == 1 else "are"
    return f"Its {word} {quoted} {verb} not supported by the trials of these strains."
