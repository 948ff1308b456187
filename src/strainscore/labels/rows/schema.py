"""The pandera schema for a label sheet, and its failures as (row, field, code) triples."""

from __future__ import annotations

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
