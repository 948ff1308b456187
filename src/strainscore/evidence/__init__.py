"""Judging the evidence: grading, blends, species, dose and claims."""

from strainscore.evidence.assessor import (
    Assessor,
    assess_line,
    assessor_for,
    claim_outcomes,
    species_evidence,
)
from strainscore.evidence.grading import direction_of, grade_body
from strainscore.evidence.product import assess_product, check_claim

__all__ = [
    "Assessor",
    "assess_line",
    "assess_product",
    "assessor_for",
    "check_claim",
    "claim_outcomes",
    "direction_of",
    "grade_body",
    "species_evidence",
]
