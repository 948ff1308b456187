"""Frozen values that cross the seams between reading, resolving, grading and formatting.

The pipeline is: label file -> ``LabelSheet`` (``LabelLine`` + ``InputIssue``) -> ``Resolution`` per
line -> ``StrainReport`` (with ``OutcomeEvidence``) -> ``ProductReport`` -> ``Report``.
Nothing here imports pandas: these types are cheap to build and to test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol, TypeVar

from strainscore.verdict import Studied, verdict_of, verdict_text
from strainscore.vocab import GRADE_ORDER, GRADED, Basis, Direction, Grade, MatchLevel

__all__ = ["GRADED", "GRADE_ORDER", "Basis", "Direction", "Grade", "MatchLevel"]  # from vocab

Severity = Literal["error", "warning", "notice"]
DoseStatus = Literal["meets", "below", "unknown"]
# Version of the dict Report.to_dict() returns (the JSON contract, docs/json-format.md).
SCHEMA_VERSION = "2.0"


class Parts(Protocol):
    """How a record's ``to_dict`` turns the records it holds into JSON values.

    The ``to_dict`` methods below are the one home of the JSON contract (keys, order, values).
    ``PLAIN`` gives plain data; the compact writer (formats/json_format.py) passes its own
    ``Parts`` to the same methods, to encode a record shared by many lines once and to write a
    long list item by item, so it has no key order of its own to keep."""

    def one(self, value: Any) -> Any:
        """A record, a tuple of records or None, which many lines may share."""

    def keys(self, record: Any, data: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        """``data(record)``'s keys, to spread here (``**``): a record shared by many lines."""

    def each(self, records: Sequence[Any]) -> Any:
        """A long list of records, each ``to_dict(parts)`` in turn."""


def to_data(value: Any) -> Any:
    """A record, a tuple of records or None as plain JSON data."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return [v.to_dict() for v in value]
    return value.to_dict()


class _Plain:
    def one(self, value: Any) -> Any:
        return to_data(value)

    def keys(self, record: Any, data: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        return data(record)

    def each(self, records: Sequence[Any]) -> Any:
        return [r.to_dict() for r in records]


PLAIN: Parts = _Plain()


@dataclass(frozen=True)
class InputIssue:
    """One problem found in a user's label file, located the way a spreadsheet user looks for it."""

    code: str
    message: str
    severity: Severity = "error"
    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # physical row: the header row is the row it stands on (row 1 usually)
    column: str | None = None  # column letter, e.g. "B"
    header: str | None = None  # the header text the user wrote for that column
    value: str | None = None

    @property
    def location(self) -> str:
        parts = [p for p in (self.file, self.sheet and f"sheet {self.sheet!r}") if p]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            col = self.column + (f" ({self.header})" if self.header else "")
            parts.append(f"column {col}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "value": self.value,
        }


@dataclass(frozen=True)
class Amount:
    """A viable count as read from a label: parsed value, unit and caveats."""

    text: str
    value: float | None = None  # in `unit`; None when not parseable
    unit: Literal["cfu", "mg", "g", "afu", "spores", "unknown"] | None = None
    at_manufacture: bool = False

    @property
    def cfu(self) -> float | None:
        return self.value if self.unit == "cfu" else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "at_manufacture": self.at_manufacture,
        }


@dataclass(frozen=True)
class LabelLine:
    """One strain as listed for one product (a cell naming several strains gives several lines)."""

    row: int  # physical row in the sheet
    product: str
    strain_text: str  # this strain's text, as written (after splitting a multi-strain cell)
    brand: str = ""
    cell_text: str = ""  # the whole cell the strain came from
    cfu_per_serving: Amount | None = None
    servings_per_day: float | None = None
    claims: tuple[str, ...] = ()
    sheet: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # user columns we keep for the annotated sheet


@dataclass(frozen=True)
class LabelSheet:
    """What was read from one label file: the usable lines and every problem found."""

    source: str  # file name as the user gave it ("-" for stdin, "<text>" for --text)
    lines: tuple[LabelLine, ...]
    issues: tuple[InputIssue, ...] = ()
    sheet: str | None = None
    notices: tuple[str, ...] = ()
    # (field, the user's header for it), so outputs can keep the user's header names.
    columns: tuple[tuple[str, str], ...] = ()
    # (product, brand, sheet row) of rows left out for an error, so the product's verdict says so.
    left_out: tuple[tuple[str, str, int], ...] = ()


_Frozen = TypeVar("_Frozen")


def filled(cls: type[_Frozen], fields: dict[str, Any]) -> _Frozen:
    """An instance of the frozen dataclass `cls` from a value for every one of its fields, set
    straight into its ``__dict__``. A frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__`` (2 us for Resolution's 14, on a path run once per label text). Every
    field must be given: no default is filled in (tests hold it to the ``__init__`` it skips)."""
    obj: _Frozen = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


@dataclass(frozen=True)
class Resolution:
    """How one label text resolved to a name and, when possible, to a strain in the reference."""

    label_text: str
    match: MatchLevel
    name: str | None = None  # "Genus species" or "Genus species subsp. x"
    genus: str | None = None
    species: str | None = None
    subspecies: str | None = None
    strain: str | None = None  # canonical designation
    strain_id: str | None = None
    via: tuple[str, ...] = ()  # e.g. ("old-name", "deposit", "corrected-spelling")
    corrected: bool = False
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    designation_text: str | None = None  # designation as seen on the label, even if unknown
    amount_text: str | None = None  # an amount written into the same cell

    def to_dict(self) -> dict[str, Any]:
        return {**self.name_dict(), "notes": list(self.notes)}

    def name_dict(self) -> dict[str, Any]:
        """Every key but "notes" (a strain line adds its own notes to the resolution's)."""
        return {
            "label_text": self.label_text,
            "match": self.match,
            "corrected": self.corrected,
            "via": list(self.via),
            "resolved": {
                "name": self.name,
                "genus": self.genus,
                "species": self.species,
                "subspecies": self.subspecies,
                "strain": self.strain,
                "strain_id": self.strain_id,
            },
            "designation_text": self.designation_text,
            "amount_text": self.amount_text,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class DoseCheck:
    status: DoseStatus
    product_daily_cfu: float | None = None
    studied_daily_cfu: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.product_daily_cfu and self.studied_daily_cfu:
            return self.product_daily_cfu / self.studied_daily_cfu
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "product_daily_cfu": self.product_daily_cfu,
            "studied_daily_cfu": self.studied_daily_cfu,
            "ratio": self.ratio,
            "note": self.note,
        }


@dataclass(frozen=True)
class OutcomeEvidence:
    """The body of evidence for one strain (or studied blend) and one outcome."""

    outcome: str
    basis: Basis
    study_ids: tuple[str, ...]
    grade: Grade | None = None  # None unless basis is strain or formulation
    direction: Direction | None = None
    reasons: tuple[str, ...] = ()
    dose: DoseCheck | None = None
    blend: str | None = None  # the studied formulation's name, for formulation/component
    studied: Studied | None = None  # who was studied (graded bases only)

    @property
    def verdict(self) -> str:
        """The ladder's words (strainscore.verdict): direction and certainty read together."""
        return verdict_of(self.direction, self.grade, self.basis)

    @property
    def verdict_text(self) -> str:
        """The verdict, naming a special population when every study is in it."""
        return verdict_text(self.verdict, self.studied)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "studied": self.studied.to_dict() if self.studied else None,
            "grade": self.grade,
            "direction": self.direction,
            "basis": self.basis,
            "blend": self.blend,
            "study_ids": list(self.study_ids),
            "reasons": list(self.reasons),
            "dose": self.dose.to_dict() if self.dose else None,
        }


@dataclass(frozen=True)
class StrainReport:
    line: LabelLine
    resolution: Resolution
    evidence: tuple[OutcomeEvidence, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def has_strain_evidence(self) -> bool:
        return any(e.basis in GRADED for e in self.evidence)

    def to_dict(self, parts: Parts = PLAIN) -> dict[str, Any]:
        # The resolution, amount and evidence are shared by the lines that have the same ones.
        r = self.resolution
        return {
            **parts.keys(r, Resolution.name_dict),
            "notes": [*r.notes, *self.notes],
            "row": self.line.row,
            "cfu_per_serving": parts.one(self.line.cfu_per_serving),
            "evidence": parts.one(self.evidence),
        }


# What a claim's evidence says, best first (docs/grading.md, "Claims"):
ClaimStatus = Literal[
    "supported", "unclear", "contradicted", "indirect-only", "no-evidence", "no-outcome"
]
CLAIM_STATUSES: tuple[ClaimStatus, ...] = (
    "supported",
    "unclear",
    "contradicted",
    "indirect-only",
    "no-evidence",
    "no-outcome",
)


@dataclass(frozen=True)
class ClaimCheck:
    claim: str  # as written on the label
    outcomes: tuple[str, ...]  # outcome ids the claim maps to ((): not understood)
    supported_by: tuple[tuple[str, str, Grade | None, Direction | None], ...] = ()
    # ^ (strain or blend label, outcome, grade, direction) for each graded body of evidence,
    # whatever it found: a null body is evidence against the claim, listed here too
    note: str = ""
    status: ClaimStatus = "no-evidence"

    @property
    def backed(self) -> bool:
        """Only a supported claim is backed; a contradicted or unclear one never is."""
        return self.status == "supported"

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "status": self.status,
            "outcomes": list(self.outcomes),
            "evidence": [
                {
                    "strain": s,
                    "outcome": o,
                    "verdict": verdict_of(d, g),
                    "grade": g,
                    "direction": d,
                }
                for s, o, g, d in self.supported_by
            ],
            "note": self.note,
        }


@dataclass(frozen=True)
class OutcomeSummary:
    outcome: str
    grade: Grade | None
    direction: Direction | None
    basis: Basis
    strains: tuple[str, ...]  # label texts (or blend name) that carry this best grade
    studied: Studied | None = None

    @property
    def verdict(self) -> str:
        return verdict_of(self.direction, self.grade, self.basis)

    @property
    def verdict_text(self) -> str:
        return verdict_text(self.verdict, self.studied)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "studied": self.studied.to_dict() if self.studied else None,
            "grade": self.grade,
            "direction": self.direction,
            "basis": self.basis,
            "strains": list(self.strains),
        }


@dataclass(frozen=True)
class ProductReport:
    product: str
    brand: str
    strains: tuple[StrainReport, ...]
    daily_cfu: float | None = None
    outcomes: tuple[OutcomeSummary, ...] = ()
    claims: tuple[ClaimCheck, ...] = ()
    notes: tuple[str, ...] = ()
    # (sheet, row) of this product's rows left out for input problems: their problems are the
    # product's, so its index row and its page count them (not in the JSON; notes say so).
    left_out_rows: tuple[tuple[str | None, int], ...] = ()

    @property
    def strains_with_evidence(self) -> int:
        return sum(1 for s in self.strains if s.has_strain_evidence)

    @property
    def claims_without_evidence(self) -> tuple[str, ...]:
        """Claims not backed by graded evidence that supports them (contradicted ones too)."""
        return tuple(c.claim for c in self.claims if not c.backed)

    @property
    def claim_counts(self) -> dict[str, int]:
        """How many claims have each status, every status named (0 when none)."""
        return {st: sum(1 for c in self.claims if c.status == st) for st in CLAIM_STATUSES}

    JSON_OMITS: ClassVar[frozenset[str]] = frozenset({"left_out_rows"})  # the notes say so

    def to_dict(self, parts: Parts = PLAIN) -> dict[str, Any]:
        return {
            "product": self.product,
            "brand": self.brand,
            "daily_cfu": self.daily_cfu,
            "strains_listed": len(self.strains),
            "strains_with_evidence": self.strains_with_evidence,
            "strains": parts.each(self.strains),
            "outcomes": [o.to_dict() for o in self.outcomes],
            "claims": [c.to_dict() for c in self.claims],
            "claim_counts": self.claim_counts,
            "claims_without_evidence": list(self.claims_without_evidence),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class CitedStudy:
    """One study a report cites, as the reference it was made with records it."""

    study_id: str
    short: str  # "Slykerman 2017"
    title: str = ""
    journal: str = ""
    design: str = ""  # the reference's design code ("rct"); formats put it in words
    n: int | None = None
    population: str = ""
    doi: str = ""
    pmid: str = ""


@dataclass(frozen=True)
class ReferenceInfo:
    version: str
    date: str
    sha256: str
    path: str

    JSON_OMITS: ClassVar[frozenset[str]] = frozenset({"path"})  # a report names no machine path

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "date": self.date, "sha256": self.sha256}


@dataclass(frozen=True)
class Report:
    """Everything one check produced; every output format is made from this."""

    source: str
    products: tuple[ProductReport, ...]
    reference: ReferenceInfo
    issues: tuple[InputIssue, ...] = ()
    sheet: str | None = None
    created: str = ""  # ISO date-time, set by the caller so tests can pin it
    context: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    # ^ (outcome, study_ids) of pooled meta-analyses shown as context for outcomes in this report
    notices: tuple[str, ...] = ()  # how the input was read (sheet chosen, encoding used)
    # What the report cites, carried so no format needs the reference again (not in the JSON):
    studies: tuple[CitedStudy, ...] = ()  # every study the report names
    outcome_labels: tuple[tuple[str, str], ...] = ()  # (outcome id, its name) per outcome
    columns: tuple[tuple[str, str], ...] = ()  # (field, the user's header), as LabelSheet has it
    population: str | None = None  # --population: who the user says will take the products

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.issues)

    # Carried so that no format needs the reference again; the JSON names study ids only.
    JSON_OMITS: ClassVar[frozenset[str]] = frozenset({"studies", "outcome_labels", "columns"})

    def to_dict(self, parts: Parts = PLAIN) -> dict[str, Any]:
        from strainscore import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "strainscore_version": __version__,
            "source": self.source,
            "sheet": self.sheet,
            "created": self.created,
            "reference": self.reference.to_dict(),
            "population": self.population,
            "products": parts.each(self.products),
            "context": [{"outcome": o, "study_ids": list(s)} for o, s in self.context],
            "notices": list(self.notices),
            "issues": [i.to_dict() for i in self.issues],
        }
