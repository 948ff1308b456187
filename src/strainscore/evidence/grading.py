"""GRADE-inspired grading of a body of evidence (one subject x one outcome), from recorded facts.

The method is documented in docs/grading.md; every step here has a sentence there. Inputs are the
studies and their effects; nothing is hand-entered, so equal facts always give equal grades.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strainscore.models import GRADE_ORDER, Direction, Grade
from strainscore.reference.model import Study

RANDOMISED = frozenset(("rct", "crossover-rct"))
# A controlled trial not stated to be randomised (or quasi-randomised) starts low, like these.
NON_RANDOMISED = frozenset(("non-randomised", "open-label", "observational"))
IMPRECISION_N = 400  # total participants below which a body of evidence is imprecise
AGREEMENT = 0.75  # share of studies that must agree for a consistent direction
# What a population a user names is indirect to: evidence from these age groups.
# One entry per reference.vocab.POPULATIONS: what each is indirect to.
# Pregnancy is its own population both ways: evidence in pregnant women is indirect to adults
# in general, and evidence in adults who are not pregnant is indirect to pregnancy.
INDIRECT = {
    "adult": {"infant", "child", "pregnant"},
    "older-adult": {"infant", "child", "pregnant"},
    "pregnant": {"infant", "child", "adult", "older-adult"},
    "child": {"infant", "adult", "older-adult", "pregnant"},
    "infant": {"child", "adult", "older-adult", "pregnant"},
}


@dataclass(frozen=True)
class Graded:
    grade: Grade
    direction: Direction
    reasons: tuple[str, ...]


def direction_of(effects: Sequence[str]) -> Direction:
    """supports / no-effect / conflicting / harm-signal from per-study effects.

    Any harm is a harm signal. Otherwise a direction needs >= 75% agreement, counting a
    'mixed' study as half benefit and half no effect.
    """
    if "harm" in effects:
        return "harm-signal"
    total = len(effects)
    benefit = sum(1.0 if e == "benefit" else 0.5 if e == "mixed" else 0.0 for e in effects)
    null = sum(1.0 if e == "no-effect" else 0.5 if e == "mixed" else 0.0 for e in effects)
    if total and benefit / total >= AGREEMENT:
        return "supports"
    if total and null / total >= AGREEMENT:
        return "no-effect"
    return "conflicting"


def grade_body(items: Sequence[tuple[Study, str]], *, population: str | None = None) -> Graded:
    """Grade human studies (study, effect) of one subject for one outcome.

    Start high when any study is randomised (or a review of randomised trials of this subject),
    low otherwise; rate down one level for each of: risk of bias, a single study, imprecision,
    inconsistency, indirectness. Never below very-low.
    """
    if not items:
        raise ValueError("grade_body needs at least one study")
    studies = [s for s, _ in items]
    effects = [e for _, e in items]
    designs = [s.design for s in studies]
    pooled = [s for s in studies if s.pooled]
    primary = [s for s in studies if not s.pooled]
    reasons: list[str] = []

    randomised = any(d in RANDOMISED for d in designs) or bool(pooled)
    level = 0 if randomised else 2
    reasons.append(
        "starts high: randomised evidence"
        if randomised
        else "starts low: no randomised study (open-label or observational only)"
    )

    weak = sum(1 for d in designs if d in NON_RANDOMISED)
    if randomised and weak * 2 >= len(designs):
        level += 1
        reasons.append(f"risk of bias: {weak} of {len(designs)} studies open-label or uncontrolled")

    if len(studies) == 1 and not pooled:
        level += 1
        reasons.append("a single study, not replicated")

    # A review's pooled n already includes its trials: count the larger of the two totals.
    primary_n = sum(s.n or 0 for s in primary)
    pooled_n = max((s.n or 0 for s in pooled), default=0)
    total_n = max(primary_n, pooled_n)
    unknown_n = [s.short for s in studies if s.n is None]
    if total_n < IMPRECISION_N:
        level += 1
        note = f" (n not recorded for {', '.join(unknown_n)})" if unknown_n else ""
        reasons.append(f"imprecision: {total_n} participants in all, under {IMPRECISION_N}{note}")

    direction = direction_of(effects)
    if direction in ("conflicting", "harm-signal") and len(studies) > 1:
        level += 1
        reasons.append("inconsistency: the studies disagree")
    elif direction == "conflicting":
        reasons.append("mixed result within the study")

    if population:
        indirect_groups = INDIRECT.get(population, set())
        groups = {s.age_group for s in studies}
        if groups and groups <= indirect_groups:
            level += 1
            reasons.append(
                f"indirectness: studied in {', '.join(sorted(groups))}, not {population}"
            )

    grade = GRADE_ORDER[min(level, len(GRADE_ORDER) - 1)]
    return Graded(grade, direction, tuple(reasons))
