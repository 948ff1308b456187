"""The label schema's rules: pandera on a big sheet, the same rules in Python on a small one."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.labels.rows.cells import MAX_NAME_CHARS
from strainscore.labels.rows.schema import SMALL_SHEET, failures, failures_of, plain_failures

TEXTS = st.sampled_from(
    ["", " ", "\t", "L. GG", "x" * MAX_NAME_CHARS, "y" * (MAX_NAME_CHARS + 1), " " * 600, "é"]
)


@st.composite
def sheets(draw: st.DrawFn) -> dict[str, list[object]]:
    n = draw(st.integers(min_value=1, max_value=12))
    texts = st.lists(TEXTS, min_size=n, max_size=n)
    flags = st.lists(st.booleans(), min_size=n, max_size=n)
    return {
        "product": draw(texts),
        "strain": draw(texts),
        "brand": draw(texts),
        "cfu_ok": draw(flags),
        "servings_ok": draw(flags),
    }


@settings(deadline=None, max_examples=150)
@given(sheets())
def test_the_rules_in_python_give_what_pandera_gives(columns: dict[str, list[object]]) -> None:
    """The same triples; pandera's order follows its grouping of failure cases (the reader
    sorts the issues by row and column, so only a cell failing twice could tell)."""
    assert sorted(plain_failures(columns)) == sorted(failures(pd.DataFrame(columns)))


def test_a_small_sheet_is_judged_in_python_and_a_big_one_by_pandera() -> None:
    row = {"product": "", "strain": "L. GG", "brand": "", "cfu_ok": False, "servings_ok": True}
    small = {k: [v] * SMALL_SHEET for k, v in row.items()}
    big = {k: [v] * (SMALL_SHEET + 1) for k, v in row.items()}
    assert failures_of(small) == plain_failures(small)
    assert failures_of(big) == failures(pd.DataFrame(big))
    assert sorted(failures_of(big)) == sorted(plain_failures(big))
    assert (0, "product", "missing-value") in failures_of(small)
    assert (0, "cfu_ok", "invalid-cfu") in failures_of(big)
