"""pandera schemas for the reference tables, one class per CSV file.

Every column is read as text and checked as text, so that one bad cell never hides the checks on the
rest of its column; numbers are converted after validation. The vocabularies here are the single
source for the docs (docs/reference-data.md) and for datapackage.json (kept in step by a test).
"""

from __future__ import annotations

import datetime as _dt
import re

import pandera.pandas as pa

from strainscore.reference.vocab import (
    AGE_GROUPS,
    CLAIM_LANGUAGES,
    CLINICAL_DESIGNS,
    DESIGNS,
    EFFECTS,
    LABEL_WORD_KINDS,
    LANGUAGE_RE,
    MECHANISTIC_DESIGNS,
    NAME_KINDS,
    ORGANISM_KINDS,
    OUTCOME_CATEGORIES,
    POOLED_DESIGNS,
)

__all__ = [
    "AGE_GROUPS",
    "CLAIM_LANGUAGES",
    "CLINICAL_DESIGNS",
    "DESIGNS",
    "EFFECTS",
    "LABEL_WORD_KINDS",
    "MECHANISTIC_DESIGNS",
    "NAME_KINDS",
    "OPTIONAL_TABLES",
    "ORGANISM_KINDS",
    "OUTCOME_CATEGORIES",
    "POOLED_DESIGNS",
    "TABLES",
]

DOI_RE = r"^10\.\d{4,9}/\S+$"
PMID_RE = r"^[1-9]\d{0,8}$"
ID_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_LIST_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:; ?[a-z0-9]+(?:-[a-z0-9]+)*)*$"  # "a2019; b2020"
URL_RE = r"^https?://\S+$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?(?:[eE][+]?\d+)?$")


def _blank_or(pattern: str) -> pa.Check:
    compiled = re.compile(pattern)
    return pa.Check(
        lambda v: v == "" or bool(compiled.match(v)),
        element_wise=True,
        error=f"must be empty or match {pattern}",
    )


def _required() -> pa.Check:
    return pa.Check(lambda v: v.strip() != "", element_wise=True, error="must not be empty")


def _one_of(values: tuple[str, ...], *, blank: bool = False) -> pa.Check:
    allowed = set(values) | ({""} if blank else set())
    return pa.Check(
        lambda v: v in allowed,
        element_wise=True,
        error="must be one of: " + ", ".join(values) + (" (or empty)" if blank else ""),
    )


def _number_in(lo: float, hi: float, *, integer: bool = False) -> pa.Check:
    def ok(v: str) -> bool:
        if v == "":
            return True
        if not NUMBER_RE.match(v):
            return False
        x = float(v)
        return lo <= x <= hi and (not integer or x.is_integer())

    kind = "a whole number" if integer else "a number"
    return pa.Check(ok, element_wise=True, error=f"must be empty or {kind} from {lo:g} to {hi:g}")


def _year() -> pa.Check:
    this_year = _dt.date.today().year
    return pa.Check(
        lambda v: v.isdigit() and 1900 <= int(v) <= this_year,
        element_wise=True,
        error=f"must be a year from 1900 to {this_year}",
    )


def _iso_date() -> pa.Check:
    def ok(v: str) -> bool:
        try:
            _dt.date.fromisoformat(v)
        except ValueError:
            return False
        return bool(re.match(DATE_RE, v))

    return pa.Check(ok, element_wise=True, error="must be a date written YYYY-MM-DD")


def _col(*checks: pa.Check, unique: bool = False, required: bool = True) -> pa.Column:
    return pa.Column(str, checks=list(checks), unique=unique, nullable=False, required=required)


def _matches(pattern: str) -> pa.Check:
    compiled = re.compile(pattern)
    return pa.Check(
        lambda v: bool(compiled.match(v)), element_wise=True, error=f"must match {pattern}"
    )


def _table(columns: dict[str, pa.Column], name: str) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, strict=True, ordered=False, name=name)


STRAINS = _table(
    {
        "strain_id": _col(_matches(ID_RE), unique=True),
        "genus": _col(_required()),
        "species": _col(_required()),
        "subspecies": _col(),
        "designation": _col(_required()),
        "source_url": _col(_blank_or(URL_RE)),
        "notes": _col(),
    },
    "strains",
)

SPECIES = _table(
    {
        "current_name": _col(_required(), unique=True),
        "genus": _col(_required()),
        "species": _col(_required()),
        "subspecies": _col(),
        "kind": _col(_one_of(ORGANISM_KINDS)),
        "source": _col(_required()),
    },
    "species",
)

NAMES = _table(
    {
        "name": _col(_required()),
        "kind": _col(_one_of(NAME_KINDS)),
        "strain_id": _col(_blank_or(ID_RE)),
        "current_name": _col(),
        "source": _col(_required()),
    },
    "names",
)

STUDIES = _table(
    {
        "study_id": _col(_matches(ID_RE), unique=True),
        "first_author": _col(_required()),
        "year": _col(_year()),
        "title": _col(_required()),
        "journal": _col(_required()),
        "doi": _col(_blank_or(DOI_RE)),
        "pmid": _col(_blank_or(PMID_RE)),
        "design": _col(_one_of(DESIGNS)),
        "population": _col(_required()),
        "age_group": _col(_one_of(AGE_GROUPS, blank=True)),
        "n": _col(_number_in(1, 10_000_000, integer=True)),
        "duration_weeks": _col(_number_in(0, 520)),
        "daily_dose_cfu": _col(_number_in(1e3, 1e14)),
        "source_url": _col(_required(), _blank_or(URL_RE)),
        "checked_on": _col(_iso_date()),
        "notes": _col(),
        # Added in reference 0.2: older folders without the column read it as empty.
        "parent_study": _col(_blank_or(ID_RE), required=False),
    },
    "studies",
)

INTERVENTIONS = _table(
    {
        "study_id": _col(_matches(ID_RE)),
        "arm": _col(_matches(r"^[A-Z]$")),
        "strain_id": _col(_matches(ID_RE)),
        "blend_name": _col(),
        "daily_dose_cfu": _col(_number_in(1e3, 1e14)),
    },
    "interventions",
)

FINDINGS = _table(
    {
        "study_id": _col(_matches(ID_RE)),
        "arm": _col(_matches(r"^[A-Z]$")),
        "outcome": _col(_matches(ID_RE)),
        "effect": _col(_one_of(EFFECTS)),
        "instrument": _col(),
        "note": _col(),
    },
    "findings",
)

OUTCOMES = _table(
    {
        "outcome": _col(_matches(ID_RE), unique=True),
        "label": _col(_required()),
        "category": _col(_one_of(OUTCOME_CATEGORIES)),
        "phrases": _col(),
        "description": _col(),
    },
    "outcomes",
)

SEARCHES = _table(
    {
        "search_id": _col(_matches(ID_RE), unique=True),
        "strain_id": _col(_blank_or(ID_RE)),
        "blend_name": _col(),
        "searched_on": _col(_iso_date()),
        "where": _col(_required()),
        "query": _col(_required()),
        "records_seen": _col(_number_in(0, 1_000_000, integer=True)),
        "included": _col(_blank_or(ID_LIST_RE)),
        "excluded": _col(),
        "notes": _col(),
    },
    "searches",
)

FORMULATIONS = _table(
    {
        "formulation_id": _col(_matches(ID_RE), unique=True),
        "name": _col(_required()),
        "aliases": _col(),
        "strain_ids": _col(_matches(ID_LIST_RE)),
        "version": _col(),
        "source_url": _col(_required(), _blank_or(URL_RE)),
        "checked_on": _col(_iso_date()),
        "notes": _col(),
    },
    "formulations",
)

REVIEW_TRIALS = _table(
    {
        "review_id": _col(_matches(ID_RE)),
        "study_id": _col(_matches(ID_RE)),
    },
    "review_trials",
)

LABEL_WORDS = _table(
    {
        "word": _col(_required()),
        "language": _col(_matches(LANGUAGE_RE)),
        "kind": _col(_one_of(LABEL_WORD_KINDS)),
        "means": _col(),
        "species": _col(),
        "source": _col(_required()),
    },
    "label_words",
)

CLAIM_PHRASES = _table(
    {
        "phrase": _col(_required()),
        "language": _col(_one_of(CLAIM_LANGUAGES)),
        "outcomes": _col(_matches(ID_LIST_RE)),
        "group": _col(_blank_or(ID_RE)),
    },
    "claim_phrases",
)

CONTEXT_STUDIES = _table(
    {
        "study_id": _col(_matches(ID_RE), unique=True),
        "reason": _col(_required()),
    },
    "context_studies",
)

# file name -> schema; the order is the order tables are checked and hashed in.
TABLES: dict[str, pa.DataFrameSchema] = {
    "outcomes.csv": OUTCOMES,
    "species.csv": SPECIES,
    "strains.csv": STRAINS,
    "names.csv": NAMES,
    "studies.csv": STUDIES,
    "interventions.csv": INTERVENTIONS,
    "findings.csv": FINDINGS,
    "formulations.csv": FORMULATIONS,
    "searches.csv": SEARCHES,
    "review_trials.csv": REVIEW_TRIALS,
    "label_words.csv": LABEL_WORDS,
    "claim_phrases.csv": CLAIM_PHRASES,
    "context_studies.csv": CONTEXT_STUDIES,
}
# Tables a folder may lack (added in reference 0.2): a missing one reads as empty and is not
# hashed, so an older folder keeps its hash.
OPTIONAL_TABLES = frozenset(
    (
        "formulations.csv",
        "searches.csv",
        "review_trials.csv",
        "label_words.csv",
        "claim_phrases.csv",
        "context_studies.csv",
    )
)
