"""The registry of reference problems: each kind has a stable code and a title. Every problem
``reference check`` finds is made with its kind's code (``RefProblem`` refuses a code that is not
here), and ``reference check --format json`` gives it, so a script can act on a kind of problem
without parsing the wording (which may improve). docs/error-codes.md lists them all (a test
checks both ways)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemKind:
    code: str
    title: str


REFERENCE_PROBLEMS: tuple[ProblemKind, ...] = (
    # The folder and its files.
    ProblemKind("not-a-folder", "the reference is not a folder"),
    ProblemKind("missing-file", "a table or datapackage.json is missing"),
    ProblemKind("unreadable-file", "a table is not UTF-8 CSV"),
    ProblemKind("invalid-package", "datapackage.json is not valid JSON"),
    ProblemKind("package-field-missing", "datapackage.json lacks version or created"),
    # The rules of a column (reference/tables.py).
    ProblemKind("column-rule", "a value breaks its column's rule (type, range, vocabulary)"),
    ProblemKind("missing-column", "a required column is missing"),
    ProblemKind("unknown-column", "a column not in the data dictionary"),
    ProblemKind("not-unique", "a value that must be unique is repeated"),
    # Rules across rows and tables (reference/checks.py).
    ProblemKind("species-name", "current_name does not match genus and species"),
    ProblemKind("unknown-species", "a species not in species.csv"),
    ProblemKind("repeated-row", "a row that repeats an earlier row of its table cell for cell"),
    ProblemKind("duplicate-strain", "two strains of one species share a designation"),
    ProblemKind("name-target", "a name needs exactly one target"),
    ProblemKind("unknown-strain", "a strain_id not in strains.csv"),
    ProblemKind("name-conflict", "one name points at two places"),
    ProblemKind("missing-identifier", "a study needs a DOI or a PMID"),
    ProblemKind("duplicate-study", "the same DOI or PMID twice"),
    ProblemKind("missing-age-group", "a human study without age_group"),
    ProblemKind("unknown-study", "a study_id not in studies.csv"),
    ProblemKind("duplicate-arm-strain", "a strain listed twice in one arm"),
    ProblemKind("blend-name-differs", "an arm's rows disagree on blend_name"),
    ProblemKind("blend-name-missing", "a multi-strain arm without blend_name"),
    ProblemKind("unknown-outcome", "an outcome not in outcomes.csv"),
    ProblemKind("unknown-arm", "a finding for an arm the study does not have"),
    ProblemKind("duplicate-finding", "an outcome given twice for one arm"),
    ProblemKind("no-findings", "a study with no findings"),
    ProblemKind("formulation-size", "a formulation needs two or more strains"),
    ProblemKind("formulation-repeat", "a strain listed twice in a formulation"),
    ProblemKind("parent-self", "a study names itself as its parent"),
    ProblemKind("parent-secondary", "a parent study that is itself a secondary report"),
    ProblemKind("parent-review", "a review linked as a trial's report"),
    ProblemKind("not-a-review", "review_trials names a study that is no review"),
    ProblemKind("review-of-review", "review_trials lists a review as a trial"),
    ProblemKind("duplicate-review-trial", "a trial listed twice for one review"),
    ProblemKind(
        "finding-without-arm",
        "findings of a trial with no intervention rows (it would appear in no report)",
    ),
    ProblemKind("context-with-arms", "context_studies lists a study that has intervention rows"),
    ProblemKind(
        "review-trial-secondary",
        "review_trials names a secondary report, not the trial's main paper",
    ),
    ProblemKind("duplicate-claim-phrase", "a claim phrase given twice for one language"),
    ProblemKind("search-target", "a search names a strain_id or a blend_name, not both or neither"),
    ProblemKind("duplicate-label-word", "a label word listed twice for one language and kind"),
    ProblemKind("label-word-meaning", "a label word without the meaning its kind needs"),
    ProblemKind("scale-factor", "a scale word whose meaning is not a power of ten"),
    ProblemKind(
        "and-inside-word",
        "an 'and' word in Japanese, Chinese or Korean script that is part of another label word, "
        "so splitting a cell on it would cut that word",
    ),
    ProblemKind(
        "label-word-species",
        "a species word that names no species, or another kind of word that names one",
    ),
    # Warnings: reported, but the reference still loads.
    ProblemKind("mirror-source", "warning: source_url is not a primary page"),
    ProblemKind("not-searched", "warning: a strain with no search logged"),
)
CODES = frozenset(k.code for k in REFERENCE_PROBLEMS)
