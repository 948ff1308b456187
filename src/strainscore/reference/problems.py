"""The registry of reference problems: each kind has a stable code, a title and the pattern of
its message. ``reference check --format json`` gives the code with every problem, so a script can
act on a kind of problem without parsing the wording (which may improve)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemKind:
    code: str
    title: str
    pattern: str  # a regular expression matched at the start of the message


REFERENCE_PROBLEMS: tuple[ProblemKind, ...] = (
    ProblemKind("not-a-folder", "the reference is not a folder", r"is not a folder"),
    ProblemKind("missing-file", "a table or datapackage.json is missing", r"file is missing"),
    ProblemKind("unreadable-file", "a table is not UTF-8 CSV", r"cannot be read as UTF-8 CSV"),
    ProblemKind("invalid-package", "datapackage.json is not valid JSON", r"is not valid JSON"),
    ProblemKind(
        "package-field-missing", "datapackage.json lacks version or created", r"must be set"
    ),
    ProblemKind("column-rule", "a value breaks its column's rule (type, range, vocabulary)", r"$^"),
    ProblemKind("missing-column", "a required column is missing", r"required column is missing"),
    ProblemKind("unknown-column", "a column not in the data dictionary", r"unknown column"),
    ProblemKind("not-unique", "a value that must be unique is repeated", r"must be unique"),
    ProblemKind(
        "bad-form", "a value without the expected form", r"does not have the expected form"
    ),
    ProblemKind("species-name", "current_name does not match genus and species", r"should read"),
    ProblemKind("unknown-species", "a species not in species.csv", r".* is not in species\.csv"),
    ProblemKind(
        "duplicate-strain",
        "two strains of one species share a designation",
        r"same species and designation",
    ),
    ProblemKind(
        "name-target",
        "a name needs exactly one target",
        r"give exactly one of strain_id or current_name",
    ),
    ProblemKind("unknown-strain", "a strain_id not in strains.csv", r"unknown strain_id"),
    ProblemKind("name-conflict", "one name points at two places", r".* already points at"),
    ProblemKind("missing-identifier", "a study needs a DOI or a PMID", r"a study needs a DOI"),
    ProblemKind("duplicate-study", "the same DOI or PMID twice", r"same (doi|pmid) as line"),
    ProblemKind("missing-age-group", "a human study without age_group", r"human studies need"),
    ProblemKind("unknown-study", "a study_id not in studies.csv", r"unknown study"),
    ProblemKind("duplicate-arm-strain", "a strain listed twice in one arm", r"listed twice in arm"),
    ProblemKind(
        "blend-name-differs", "an arm's rows disagree on blend_name", r"differs within arm"
    ),
    ProblemKind(
        "blend-name-missing",
        "a multi-strain arm without blend_name",
        r"a multi-strain arm needs one",
    ),
    ProblemKind("unknown-outcome", "an outcome not in outcomes.csv", r".* not in outcomes\.csv"),
    ProblemKind(
        "unknown-arm", "a finding for an arm the study does not have", r"study .* has no arm"
    ),
    ProblemKind(
        "duplicate-finding", "an outcome given twice for one arm", r"outcome given twice for arm"
    ),
    ProblemKind("no-findings", "a study with no findings", r"study has no findings"),
    ProblemKind(
        "formulation-size",
        "a formulation needs two or more strains",
        r"a formulation has two or more strains",
    ),
    ProblemKind(
        "formulation-repeat", "a strain listed twice in a formulation", r"a strain listed twice"
    ),
    ProblemKind("parent-self", "a study names itself as its parent", r"names the study itself"),
    ProblemKind(
        "parent-secondary",
        "a parent study that is itself a secondary report",
        r".* is itself a secondary report",
    ),
    ProblemKind("parent-review", "a review linked as a trial's report", r"links a trial's reports"),
    ProblemKind(
        "not-a-review",
        "review_trials names a study that is no review",
        r".* is not a review or meta-analysis",
    ),
    ProblemKind(
        "review-of-review", "review_trials lists a review as a trial", r".* is itself a review"
    ),
    ProblemKind("duplicate-review-trial", "a trial listed twice for one review", r"listed twice"),
    ProblemKind(
        "finding-without-arm",
        "findings of a trial with no intervention rows (it would appear in no report)",
        r".* has findings but no interventions\.csv row",
    ),
    ProblemKind(
        "context-with-arms",
        "context_studies lists a study that has intervention rows",
        r".* has intervention rows",
    ),
    ProblemKind(
        "review-trial-secondary",
        "review_trials names a secondary report, not the trial's main paper",
        r".* is a secondary report of",
    ),
    ProblemKind(
        "duplicate-claim-phrase", "a claim phrase given twice for one language", r"phrase given"
    ),
    ProblemKind(
        "mirror-source", "warning: source_url is not a primary page", r"not a primary source"
    ),
    ProblemKind("not-searched", "warning: a strain with no search logged", r"no search logged"),
)
_COMPILED = tuple((re.compile(k.pattern), k.code) for k in REFERENCE_PROBLEMS)
UNREGISTERED = "unregistered"


def code_for(message: str, default: str = UNREGISTERED) -> str:
    """The code of the problem kind whose pattern `message` starts with (else `default`)."""
    for pattern, code in _COMPILED:
        if pattern.match(message):
            return code
    return default
