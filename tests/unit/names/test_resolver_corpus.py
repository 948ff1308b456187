"""The label-string corpus: real ways labels write strains, with the answer the rules require.

Each row of tests/data/label_strings.csv was written by hand from the shipped reference tables;
see docs/match-levels.md for the rules.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from strainscore.names.resolver import Resolver

CORPUS = Path(__file__).resolve().parents[2] / "data" / "label_strings.csv"


def _rows() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


def test_corpus_is_large_and_varied() -> None:
    assert len(ROWS) >= 250
    assert len({r["case"] for r in ROWS}) >= 20
    assert len({r["text"] for r in ROWS}) == len(ROWS), "duplicate label strings"
    for match in ("strain", "species", "genus", "unknown"):
        assert any(r["match"] == match for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['case']}:{r['text']!r}" for r in ROWS])
def test_corpus_row(resolver: Resolver, row: dict[str, str]) -> None:
    res = resolver.resolve_strict(row["text"])
    got = (res.match, res.name or "", res.strain or "", res.amount_text or "")
    want = (row["match"], row["name"], row["strain"], row["amount"])
    assert got == want, f"notes: {res.notes}; via: {res.via}"
    if res.match == "strain":
        assert res.strain_id
    if row["case"] in ("typo-genus", "typo-species"):
        assert res.corrected and "corrected-spelling" in res.via
    if row["case"] == "ocr-digit":
        assert res.corrected and "corrected-characters" in res.via
    if row["case"] == "homoglyph" and res.match != "unknown":
        assert res.corrected and "homoglyph" in res.via
    if row["case"] in ("species-only", "must-stay-species", "unknown-designation", "conflict"):
        assert res.strain is None and res.strain_id is None
    if row["case"] in ("current-name", "species-only", "yeast", "deposit", "trade-name", "alias"):
        assert not res.corrected
