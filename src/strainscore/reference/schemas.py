"""pandera schemas for the reference tables, made from their description (tables.py).

Every column is read as text and checked as text, so that one bad cell never hides the checks on the
rest of its column; numbers are converted after validation. Each rule of the description becomes
one check here, whose error text is the problem's message. The vocabularies (vocab.py, re-exported
here) are the single source for the docs (docs/reference-data.md) and for datapackage.json (kept
in step by a test).
"""

from __future__ import annotations

import datetime as _dt
import re

import pandera.pandas as pa

from strainscore.reference.tables import TABLES as DESCRIBED
from strainscore.reference.tables import Rule, Table
from strainscore.reference.vocab import (
    AGE_GROUPS,
    CLAIM_LANGUAGES,
    CLINICAL_DESIGNS,
    DESIGNS,
    EFFECTS,
    LABEL_WORD_KINDS,
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


def _matches(pattern: str) -> pa.Check:
    compiled = re.compile(pattern)
    return pa.Check(
        lambda v: bool(compiled.match(v)), element_wise=True, error=f"must match {pattern}"
    )


def _check(rule: Rule) -> pa.Check:
    """The pandera check of one rule of the table description (its error is the message)."""
    if rule.kind == "filled":
        return _required()
    if rule.kind == "match":
        return _matches(rule.pattern)
    if rule.kind == "blank-or-match":
        return _blank_or(rule.pattern)
    if rule.kind == "one-of":
        return _one_of(rule.values, blank=rule.blank)
    if rule.kind == "number":
        return _number_in(rule.low, rule.high, integer=rule.integer)
    return _year() if rule.kind == "year" else _iso_date()


def schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of a table: every column text, none nullable, no other column."""
    columns = {
        c.name: pa.Column(
            str,
            checks=[_check(r) for r in c.rules],
            unique=c.unique,
            nullable=False,
            required=c.in_every_file,
        )
        for c in table.columns
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=False, name=table.name)


# file name -> schema; the order is the order tables are checked and hashed in.
TABLES: dict[str, pa.DataFrameSchema] = {t.file: schema(t) for t in DESCRIBED}
# Tables a folder may lack (added in reference 0.2): a missing one reads as empty and is not
# hashed, so an older folder keeps its hash.
OPTIONAL_TABLES = frozenset(t.file for t in DESCRIBED if t.optional)
