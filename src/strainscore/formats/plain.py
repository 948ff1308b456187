"""The one or two plain sentences that open each product, built from its graded evidence.

Shared by the HTML page and the text output. The words stay modest: "may help" only where
trials found a benefit, "weak" below moderate certainty, and a claim is "not supported" when
the trials of these strains found no benefit for what it speaks of.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from strainscore.models import ProductReport

STRONG = ("high", "moderate")
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
    graded = [(label(o.outcome), o.grade, o.direction) for o in p.outcomes if o.grade]
    return evidence_sentence(
        graded, "No trial in people of these strains is recorded in the reference."
    )


def evidence_sentence(graded: Sequence[tuple[str, str | None, str | None]], none_text: str) -> str:
    """'Trials suggest it may help with A; trials found no effect on B.' from (label, grade,
    direction) of each graded outcome; `none_text` when there is none."""
    if not graded:
        return none_text
    helps = [n for n, g, d in graded if d == "supports" and g in STRONG]
    weak = [n for n, g, d in graded if d == "supports" and g not in STRONG]
    none = [n for n, _, d in graded if d == "no-effect"]
    split = [n for n, _, d in graded if d == "conflicting"]
    harm = [n for n, _, d in graded if d == "harm-signal"]
    parts = []
    if helps:
        parts.append(f"trials suggest it may help with {_list(helps)}")
    if weak:
        parts.append(f"weak evidence hints at help with {_list(weak)}")
    if none:
        parts.append(f"trials found no effect on {_list(none)}")
    if split:
        parts.append(f"trials disagree on {_list(split)}")
    if harm:
        parts.append(f"a trial reported possible harm for {_list(harm)}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _claims_sentence(p: ProductReport, label: Callable[[str], str]) -> str:
    if not p.claims:
        return ""
    unsupported = [
        c.claim for c in p.claims if not any(d == "supports" for _, _, _, d in c.supported_by)
    ]
    if not unsupported:
        return "Each claim on its label has a trial of these strains that found a benefit."
    quoted = _list([f"“{c}”" for c in unsupported])
    word = "claim" if len(unsupported) == 1 else "claims"
    verb = "is" if len(unsupported) == 1 else "are"
    return f"Its {word} {quoted} {verb} not supported by the trials of these strains."
