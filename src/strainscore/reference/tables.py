"""The one description of each reference table: its file, its columns in file order, each
column's rules, and the columns that identify a row.

Everything else is derived from here: the pandera schemas (``schemas.py``), the loader's empty
tables and its reading of cells into typed values (``loader.py``), the keys and shown columns
of ``reference diff`` (``workflows/reference_diff.py``) and the header the test kit writes
(``tests/refkit.py``). Tests hold ``datapackage.json``, ``docs/reference-data.md`` and the row
dataclasses of ``model.py`` to it. Importable without pandas or pandera.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from strainscore.reference.vocab import (
    AGE_GROUPS,
    CLAIM_LANGUAGES,
    DESIGNS,
    EFFECTS,
    LABEL_WORD_KINDS,
    LANGUAGE_RE,
    NAME_KINDS,
    ORGANISM_KINDS,
    OUTCOME_CATEGORIES,
)

DOI_RE = r"^10\.\d{4,9}/\S+$"
PMID_RE = r"^[1-9]\d{0,8}$"
ID_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_LIST_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:; ?[a-z0-9]+(?:-[a-z0-9]+)*)*$"  # "a2019; b2020"
URL_RE = r"^https?://\S+$"
ARM_RE = r"^[A-Z]$"

RuleKind = Literal["filled", "match", "blank-or-match", "one-of", "number", "year", "date"]


# A checked table as text: its column names, then its rows in the same order. The loader builds
# typed rows from it and the compiled cache (compiled.py) keeps it, so a cached load needs no
# dict a row.
Grid = tuple[tuple[str, ...], list[list[str]]]


@dataclass(frozen=True)
class Rule:
    """One check on a cell's text; each is one column rule of ``reference check``, with its
    own message (see schemas.py)."""

    kind: RuleKind
    pattern: str = ""  # match, blank-or-match
    values: tuple[str, ...] = ()  # one-of
    blank: bool = False  # one-of: an empty cell is allowed too
    low: float = 0.0  # number
    high: float = 0.0
    integer: bool = False


FILLED = Rule("filled")
YEAR = Rule("year")  # from 1900 to this year
DATE = Rule("date")  # YYYY-MM-DD


def match(pattern: str) -> Rule:
    return Rule("match", pattern=pattern)


def blank_or(pattern: str) -> Rule:
    return Rule("blank-or-match", pattern=pattern)


def one_of(values: tuple[str, ...], *, blank: bool = False) -> Rule:
    return Rule("one-of", values=values, blank=blank)


def number(low: float, high: float, *, integer: bool = False) -> Rule:
    return Rule("number", low=low, high=high, integer=integer)


@dataclass(frozen=True)
class Column:
    name: str
    rules: tuple[Rule, ...] = ()
    unique: bool = False
    in_every_file: bool = True  # False: added later; a file without it reads it as empty
    split: bool = False  # a ';'-separated list, read as a tuple of its parts
    trim: bool = False  # surrounding spaces are dropped when read

    @property
    def required(self) -> bool:
        """True when the cell may not be empty."""
        return any(
            r.kind in ("filled", "match", "year", "date") or (r.kind == "one-of" and not r.blank)
            for r in self.rules
        )

    @property
    def dtype(self) -> Literal["string", "integer", "number", "date"]:
        """The Table Schema type of the column (what the loader converts the text to)."""
        for r in self.rules:
            if r.kind == "year" or (r.kind == "number" and r.integer):
                return "integer"
            if r.kind == "number":
                return "number"
            if r.kind == "date":
                return "date"
        return "string"

    @property
    def vocabulary(self) -> tuple[str, ...]:
        return next((r.values for r in self.rules if r.kind == "one-of"), ())

    @property
    def pattern(self) -> str:
        return next((r.pattern for r in self.rules if r.pattern), "")


def col(name: str, *rules: Rule, unique: bool = False, **options: bool) -> Column:
    return Column(name, rules, unique=unique, **options)


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[Column, ...]  # in file order
    key: tuple[str, ...]  # the columns that identify a row (reference diff; primaryKey)
    shown: tuple[str, ...] = ()  # the columns a diff line shows for a row added or removed
    optional: bool = False  # a folder may lack the file: it reads as empty and is not hashed

    @property
    def name(self) -> str:
        return self.file.removesuffix(".csv")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def header(self) -> str:
        """The header line of the file."""
        return ",".join(self.names)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


OUTCOMES = Table(
    "outcomes.csv",
    (
        col("outcome", match(ID_RE), unique=True),
        col("label", FILLED),
        col("category", one_of(OUTCOME_CATEGORIES)),
        col("phrases", split=True),
        col("description"),
    ),
    key=("outcome",),
    shown=("label", "category"),
)
SPECIES = Table(
    "species.csv",
    (
        col("current_name", FILLED, unique=True),
        col("genus", FILLED),
        col("species", FILLED),
        col("subspecies"),
        col("kind", one_of(ORGANISM_KINDS)),
        col("source", FILLED),
    ),
    key=("current_name",),
    shown=("kind",),
)
STRAINS = Table(
    "strains.csv",
    (
        col("strain_id", match(ID_RE), unique=True),
        col("genus", FILLED),
        col("species", FILLED),
        col("subspecies"),
        col("designation", FILLED),
        col("source_url", blank_or(URL_RE)),
        col("notes"),
    ),
    key=("strain_id",),
    shown=("genus", "species", "subspecies", "designation"),
)
NAMES = Table(
    "names.csv",
    (
        col("name", FILLED),
        col("kind", one_of(NAME_KINDS)),
        col("strain_id", blank_or(ID_RE)),
        col("current_name"),
        col("source", FILLED),
    ),
    # A name may be listed twice for one target (two sources), so the target is in the key.
    key=("name", "strain_id", "current_name"),
    shown=("kind",),
)
STUDIES = Table(
    "studies.csv",
    (
        col("study_id", match(ID_RE), unique=True),
        col("first_author", FILLED),
        col("year", YEAR),
        col("title", FILLED),
        col("journal", FILLED),
        col("doi", blank_or(DOI_RE)),
        col("pmid", blank_or(PMID_RE)),
        col("design", one_of(DESIGNS)),
        col("population", FILLED),
        col("age_group", one_of(AGE_GROUPS, blank=True)),
        col("n", number(1, 10_000_000, integer=True)),
        col("duration_weeks", number(0, 520)),
        col("daily_dose_cfu", number(1e3, 1e14)),
        col("source_url", FILLED, blank_or(URL_RE)),
        col("checked_on", DATE),
        col("notes"),
        # Added in reference 0.2: older folders without the column read it as empty.
        col("parent_study", blank_or(ID_RE), in_every_file=False),
    ),
    key=("study_id",),
    shown=("first_author", "year", "design", "age_group", "n", "doi", "pmid"),
)
INTERVENTIONS = Table(
    "interventions.csv",
    (
        col("study_id", match(ID_RE)),
        col("arm", match(ARM_RE)),
        col("strain_id", match(ID_RE)),
        col("blend_name"),
        col("daily_dose_cfu", number(1e3, 1e14)),
    ),
    key=("study_id", "arm", "strain_id"),
    shown=("blend_name", "daily_dose_cfu"),
)
FINDINGS = Table(
    "findings.csv",
    (
        col("study_id", match(ID_RE)),
        col("arm", match(ARM_RE)),
        col("outcome", match(ID_RE)),
        col("effect", one_of(EFFECTS)),
        col("instrument"),
        col("note"),
    ),
    key=("study_id", "arm", "outcome"),
    shown=("effect", "instrument"),
)
FORMULATIONS = Table(
    "formulations.csv",
    (
        col("formulation_id", match(ID_RE), unique=True),
        col("name", FILLED),
        col("aliases", split=True),
        col("strain_ids", match(ID_LIST_RE), split=True),
        col("version"),
        col("source_url", FILLED, blank_or(URL_RE)),
        col("checked_on", DATE),
        col("notes"),
    ),
    key=("formulation_id",),
    shown=("name", "strain_ids", "version"),
    optional=True,
)
SEARCHES = Table(
    "searches.csv",
    (
        col("search_id", match(ID_RE), unique=True),
        col("strain_id", blank_or(ID_RE)),
        col("blend_name", trim=True),
        # a search for neither one strain nor one blend: a review's included-study table, a topic,
        # a strain the tables do not hold (added in 1.1.0; a file without it reads it as empty)
        col("topic", trim=True, in_every_file=False),
        col("searched_on", DATE),
        col("where", FILLED),
        col("query", FILLED),
        col("records_seen", number(0, 1_000_000, integer=True)),
        col("included", blank_or(ID_LIST_RE), split=True),
        col("excluded"),
        col("notes"),
    ),
    key=("search_id",),
    shown=("strain_id", "blend_name", "topic", "searched_on", "where", "included"),
    optional=True,
)
REVIEW_TRIALS = Table(
    "review_trials.csv",
    (col("review_id", match(ID_RE)), col("study_id", match(ID_RE))),
    key=("review_id", "study_id"),
    optional=True,
)
LABEL_WORDS = Table(
    "label_words.csv",
    (
        col("word", FILLED, trim=True),
        col("language", match(LANGUAGE_RE)),
        col("kind", one_of(LABEL_WORD_KINDS)),
        col("means", trim=True),
        col("species"),
        col("source", FILLED),
    ),
    key=("word", "language", "kind"),
    shown=("means", "species"),
    optional=True,
)
CLAIM_PHRASES = Table(
    "claim_phrases.csv",
    (
        col("phrase", FILLED),
        col("language", one_of(CLAIM_LANGUAGES)),
        col("outcomes", match(ID_LIST_RE), split=True),
        col("group", blank_or(ID_RE)),
    ),
    key=("language", "phrase"),
    shown=("outcomes", "group"),
    optional=True,
)
CONTEXT_STUDIES = Table(
    "context_studies.csv",
    (col("study_id", match(ID_RE), unique=True), col("reason", FILLED)),
    key=("study_id",),
    shown=("reason",),
    optional=True,
)

# The order tables are checked, hashed and diffed in.
TABLES: tuple[Table, ...] = (
    OUTCOMES,
    SPECIES,
    STRAINS,
    NAMES,
    STUDIES,
    INTERVENTIONS,
    FINDINGS,
    FORMULATIONS,
    SEARCHES,
    REVIEW_TRIALS,
    LABEL_WORDS,
    CLAIM_PHRASES,
    CONTEXT_STUDIES,
)
BY_FILE: dict[str, Table] = {t.file: t for t in TABLES}
FILES: tuple[str, ...] = tuple(BY_FILE)
