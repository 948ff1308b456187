"""Judging the evidence: grading, blends, species, dose and claims."""

from strainscore.evidence.assess import assess_line, species_evidence
from strainscore.evidence.grading import direction_of, grade_body
from strainscore.evidence.product import assess_product, check_claim, claim_outcomes

__all__ = [
    "assess_line",
    "assess_product",
    "check_claim",
    "claim_outcomes",
    "direction_of",
    "grade_body",
    "species_evidence",
]
