"""Reading one data row: its cells as clean text, its count and servings, its formula cells.

A ``RowReader`` collects the issues for the sheet as rows are read; an error marks the row bad.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from strainscore.labels.problems import issue
from strainscore.labels.rows.cells import (
    cell_text,
    column_letter,
    parse_servings,
    split_claims,
)
from strainscore.labels.rows.cfu import not_a_count, parse_amount
from strainscore.labels.table.find import Header, RawSheet
from strainscore.models import Amount, InputIssue, Severity
from strainscore.names.split import split_strains
from strainscore.text.clean import strip_invisible

TEXT_FIELDS = ("product", "strain", "brand", "claims")
FIELD_NAMES = {
    "product": "product",
    "strain": "strain",
    "brand": "brand",
    "cfu_per_serving": "CFU per serving",
    "servings_per_day": "servings per day",
    "claims": "claims",
    "species": "species",
}
T = TypeVar("T")
_PLAIN_NUMBER = re.compile(r"^\s*\d[\d.,' ]*\s*$")


class PerValue(Generic[T]):
    """`parse(value)` once per distinct cell value (1, 1.0 and "1" are kept apart)."""

    def __init__(self, parse: Callable[[Any], T]) -> None:
        self._parse = parse
        self._done: dict[tuple[type, Any], T] = {}

    def __call__(self, value: Any) -> T:
        key = (type(value), value)
        try:
            return self._done[key]
        except KeyError:
            parsed = self._done[key] = self._parse(value)
            return parsed


@dataclass
class Row:
    excel_row: int
    cells: list[Any]
    texts: dict[str, str]
    amount: Amount | None = None
    cfu_problem: str | None = None  # why the CFU cell is not a count, when it says why
    servings: float | bool | None = None


class RowReader:
    def __init__(self, source: str, raw: RawSheet, header: Header) -> None:
        self.source, self.raw, self.header = source, raw, header
        self.col = {f: cols[0] for f, cols in header.fields.items()}
        self.field_at = {c: f for f, c in self.col.items()}
        self.formulas: dict[int, list[tuple[int, str, str]]] = {}
        for (r, c), (code, text) in sorted(raw.formula_cells.items()):
            self.formulas.setdefault(r, []).append((c, code, text))
        self.issues: list[InputIssue] = []
        self.bad: set[int] = set()  # excel rows left out
        self.flagged: set[tuple[int, str]] = set()  # (excel row, field) already reported
        # Labels repeat the same names, counts, servings and claims: each distinct cell value
        # is cleaned and parsed once.
        self._amount = PerValue(parse_amount)
        self._not_a_count = PerValue(not_a_count)
        self._clean = PerValue(lambda v: strip_invisible(cell_text(v)))
        self._servings = PerValue(parse_servings)
        self.split = PerValue(split_strains)
        self.claims = PerValue(split_claims)
        self._percent: frozenset[int] | None = None

    def add(
        self,
        code: str,
        detail: str,
        excel_row: int,
        c: int | None,
        *,
        value: str | None = None,
        severity: Severity = "error",
        advice: str | None = None,
    ) -> None:
        headers = self.header.headers
        self.issues.append(
            issue(
                code,
                detail,
                source=self.source,
                severity=severity,
                sheet=self.raw.name,
                row=excel_row,
                column=column_letter(c) if c is not None else None,
                header=(headers[c] or None) if c is not None and c < len(headers) else None,
                value=value or None,
                advice=advice,
            )
        )
        if severity == "error":
            self.bad.add(excel_row)

    def read_row(self, r: int, cells: list[Any]) -> Row:
        excel_row = r + 1
        texts = {}
        for f in TEXT_FIELDS:
            text, removed = self._clean(self.get(cells, f))
            if removed:
                self.add(
                    "control-characters",
                    f"invisible control characters ({removed}) were removed from the "
                    f"{FIELD_NAMES[f]} cell",
                    excel_row,
                    self.col[f],
                    value=text[:80],
                    severity="warning",
                )
            texts[f] = text
        if "species" in self.col:
            texts["strain"] = self._with_species(cells, texts["strain"])
        row = Row(excel_row, cells, texts)
        self._check_shape(row, r)
        if "cfu_per_serving" in self.col:
            self._read_amount(row, r)
        row.servings = self._servings(self.get(cells, "servings_per_day"))
        return row

    def _with_species(self, cells: list[Any], strain: str) -> str:
        """'Lactobacillus rhamnosus' + 'GG' -> 'Lactobacillus rhamnosus GG' (a strain cell that
        already starts with the species is kept as it is)."""
        species = self._clean(self.get(cells, "species"))[0]
        if not species or strain.casefold().startswith(species.casefold()):
            return strain or species
        return f"{species} {strain}" if strain else species

    def _percent_rows(self, c: int) -> frozenset[int]:
        if self._percent is None:  # one scan of the sheet, only once a number is seen
            self._percent = self.raw.percent_rows(c)
        return self._percent

    def get(self, cells: list[Any], f: str) -> Any:
        c = self.col.get(f)
        return cells[c] if c is not None and c < len(cells) else None

    def _check_shape(self, row: Row, r: int) -> None:
        width = len(self.header.headers)
        if self.raw.ragged_is_error and len(row.cells) > width:
            extra = [cell_text(v) for v in row.cells[width:]]
            if any(extra):
                self.add(
                    "ragged-row",
                    f"this row has {len(row.cells)} fields but the header has {width}, so its "
                    "values may be in the wrong columns; it was not checked",
                    row.excel_row,
                    width,
                    value=" | ".join(extra)[:120],
                )
        for c, code, text in self.formulas.get(r, ()):
            f = self.field_at.get(c)
            if code == "formula-no-value":
                detail = f"the formula {text} has no saved value (it was never calculated)"
            else:
                detail = f"the formula shows the error {text}"
            if f is not None:
                self.flagged.add((row.excel_row, f))
                detail += "; this row was not checked"
            self.add(
                code, detail, row.excel_row, c, value=text, severity="error" if f else "warning"
            )

    def _read_amount(self, row: Row, r: int) -> None:
        raw = self.get(row.cells, "cfu_per_serving")
        c = self.col["cfu_per_serving"]
        problem = self._not_a_count(raw)
        if problem is None and isinstance(raw, int | float) and r in self._percent_rows(c):
            problem = "is formatted as a percentage, not a count"
        if problem is not None:
            row.cfu_problem = problem
            numeric = isinstance(raw, int | float) and not isinstance(raw, bool)
            shown = f"{raw * 100:g}%" if numeric else cell_text(raw)
            row.amount = Amount(shown, None, "unknown")
            return
        amount = self._amount(raw)
        scale = self.header.scale
        if (
            amount
            and amount.value is not None
            and scale != 1.0
            and (isinstance(raw, int | float) or _PLAIN_NUMBER.match(amount.text))
        ):
            amount = Amount(amount.text, amount.value * scale, amount.unit, amount.at_manufacture)
        if amount and amount.value is not None and amount.unit == "cfu" and amount.value < 1:
            row.cfu_problem = "is below 1, so it is not a count (a percentage or a share?)"
            amount = Amount(amount.text, None, "unknown", amount.at_manufacture)
        row.amount = amount
