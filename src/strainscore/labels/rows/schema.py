"""The pandera schema for a label sheet, and its failures as (row, field, code) triples.

``failures_of`` runs the schema on a sheet's columns; a sheet of up to ``SMALL_SHEET`` rows (a
bottle or two, typed in by hand) is judged by the same rules written out in Python
(``plain_failures``), because a first pandera validation costs a tenth of a second, a sixth of
a one-bottle check. A property test holds the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from strainscore.labels.rows.cells import MAX_NAME_CHARS


class LabelSchema(pa.DataFrameModel):
    """One row per strain per product, as text; amounts are parsed before this runs
    (a value that fails type coercion would hide the other checks on its column)."""

    product: Series[str]
    strain: Series[str]
    brand: Series[str]
    cfu_ok: Series[bool]
    servings_ok: Series[bool]

    @pa.check("product", "strain", error="missing-value")
    def _present(cls, series: pd.Series[str]) -> pd.Series[bool]:
        return series.str.strip() != ""

    @pa.check("product", "strain", "brand", error="cell-too-long")
    def _short(cls, series: pd.Series[str]) -> pd.Series[bool]:
        return series.str.len() <= MAX_NAME_CHARS

    @pa.check("cfu_ok", error="invalid-cfu")
    def _cfu(cls, ok: pd.Series[bool]) -> pd.Series[bool]:
        return ok

    @pa.check("servings_ok", error="invalid-servings")
    def _servings(cls, ok: pd.Series[bool]) -> pd.Series[bool]:
        return ok

    class Config:
        strict = False


def failures(df: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(row index, field, code) for every failing cell, all at once (lazy validation)."""
    try:
        LabelSchema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        return [
            (int(r["index"]), str(r["column"]), str(r["check"]))
            for r in fc.to_dict("records")
            if r["index"] is not None and not pd.isna(r["index"])
        ]
    return []


SMALL_SHEET = 200
# The schema's checks in the order pandera runs them: (column, check, failing when).
_TEXT_CHECKS = (
    ("product", "missing-value"),
    ("product", "cell-too-long"),
    ("strain", "missing-value"),
    ("strain", "cell-too-long"),
    ("brand", "cell-too-long"),
)


def failures_of(columns: Mapping[str, Sequence[Any]]) -> list[tuple[int, str, str]]:
    """``failures`` of the frame these columns make (product, strain, brand: text; cfu_ok,
    servings_ok: bools); a small sheet is judged without building the frame."""
    if len(columns["product"]) <= SMALL_SHEET:
        return plain_failures(columns)
    return failures(pd.DataFrame(dict(columns)))


def plain_failures(columns: Mapping[str, Sequence[Any]]) -> list[tuple[int, str, str]]:
    """LabelSchema's rules in Python: the same (row index, field, code) triples, by column and
    check, then row (pandera's order follows how it groups failure cases; the reader sorts the
    issues by row and column, so only a cell failing two checks, all white space and over
    MAX_NAME_CHARS long, has them in this fixed order)."""
    out: list[tuple[int, str, str]] = []
    for column, code in _TEXT_CHECKS:
        for i, text in enumerate(columns[column]):
            bad = text.strip() == "" if code == "missing-value" else len(text) > MAX_NAME_CHARS
            if bad:
                out.append((i, column, code))
    for column, code in (("cfu_ok", "invalid-cfu"), ("servings_ok", "invalid-servings")):
        out.extend((i, column, code) for i, ok in enumerate(columns[column]) if not ok)
    return out
