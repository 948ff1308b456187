"""Making text safe to hand to spreadsheets and links safe to put in a report.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
some also after a tab, carriage return or NUL), even from a CSV file. Every string strainscore
writes to CSV or XLSX goes through :func:`neutralise`, which puts an apostrophe in front of such
a text (OWASP ASVS 5.0 V1.2.10), so the reader sees what the label said and nothing runs.

Links in reports are built here from identifiers whose form is checked first; a URL read from
data or from the user's file is never used as a link.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
QUOTE = "'"

# XML 1.0 cannot carry these; openpyxl raises on them, so they are replaced.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_MAX_CELL = 32_767

DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s\"'<>\\]+$")
PMID_RE = re.compile(r"^[1-9]\d{0,8}$")


def neutralise(text: str) -> str:
    """`text` with an apostrophe in front when a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS):
        return QUOTE + text
    return text


def cell_text(text: str) -> str:
    """`text` ready for an XLSX cell: neutralised, no characters XML forbids, within Excel's
    32,767-character limit."""
    safe = neutralise(_XML_ILLEGAL.sub("\ufffd", text))
    if len(safe) > XLSX_MAX_CELL:
        safe = safe[: XLSX_MAX_CELL - 1] + "…"
    return safe


def doi_url(doi: str) -> str | None:
    """``https://doi.org/<doi>`` for a well-formed DOI, else None."""
    doi = doi.strip()
    if not DOI_RE.match(doi):
        return None
    # Keep the DOI readable but make the characters that are special in a URL path literal.
    escaped = doi.replace("%", "%25").replace("#", "%23").replace("?", "%3F")
    return f"https://doi.org/{escaped}"


def pubmed_url(pmid: str) -> str | None:
    """``https://pubmed.ncbi.nlm.nih.gov/<pmid>/`` for a well-formed PMID, else None."""
    pmid = pmid.strip()
    if not PMID_RE.match(pmid):
        return None
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
