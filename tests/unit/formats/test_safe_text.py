"""Formula neutralisation and the only links a report may hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strainscore.formats._safe import (
    FORMULA_STARTS,
    XLSX_MAX_CELL,
    cell_text,
    doi_url,
    neutralise,
    pubmed_url,
)


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x.invalid")', '\'=HYPERLINK("http://x.invalid")'),
        ("+calm", "'+calm"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\0x", "'\0x"),
        ("L. rhamnosus GG", "L. rhamnosus GG"),
        ("1 + 1 = 2", "1 + 1 = 2"),
        ("", ""),
    ],
)
def test_neutralise(text: str, safe: str) -> None:
    assert neutralise(text) == safe


@given(st.text())
def test_neutralised_text_never_starts_a_formula_and_keeps_the_text(text: str) -> None:
    safe = neutralise(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert safe in (text, "'" + text)


@given(st.text())
def test_cell_text_is_always_writable(text: str) -> None:
    safe = cell_text(text)
    assert len(safe) <= XLSX_MAX_CELL
    assert not safe.startswith(FORMULA_STARTS)
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in safe)


def test_cell_text_cuts_over_long_text() -> None:
    assert cell_text("x" * 40_000).endswith("…")


@pytest.mark.parametrize(
    ("doi", "url"),
    [
        ("10.1016/j.ebiom.2017.09.013", "https://doi.org/10.1016/j.ebiom.2017.09.013"),
        ("10.1002/(SICI)1097-4636#x?y", "https://doi.org/10.1002/(SICI)1097-4636%23x%3Fy"),
        ("javascript:alert(1)", None),
        ("10.1/x", None),
        ('10.1016/x"onmouseover="alert(1)', None),
        ("10.1016/a b", None),
        ("https://doi.org/10.1016/x", None),
        ("", None),
    ],
)
def test_doi_url_only_for_a_well_formed_doi(doi: str, url: str | None) -> None:
    assert doi_url(doi) == url


@pytest.mark.parametrize(
    ("pmid", "url"),
    [
        ("28943228", "https://pubmed.ncbi.nlm.nih.gov/28943228/"),
        ("028943228", None),
        ("2894x", None),
        ("1234567890", None),
        ("", None),
    ],
)
def test_pubmed_url_only_for_a_well_formed_pmid(pmid: str, url: str | None) -> None:
    assert pubmed_url(pmid) == url
