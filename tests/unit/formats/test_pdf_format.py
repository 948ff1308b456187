"""PDF output through the optional WeasyPrint extra: a real PDF, and advice when it is missing."""

from __future__ import annotations

import importlib
import os
import re
import zlib
from pathlib import Path

import pytest

from strainscore.errors import UsageError
from strainscore.formats import FORMATS, format_for, pdf_format
from strainscore.models import Report
from strainscore.workflows.check import check_label


def _have_weasyprint() -> bool:
    try:
        importlib.import_module("weasyprint")
    except (ImportError, OSError):
        return False
    return True


def _pages(pdf: bytes) -> int:
    """Page objects in the PDF, looking inside compressed object streams too."""
    text = pdf
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text += zlib.decompress(raw)
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", text))


@pytest.fixture
def need_weasyprint() -> None:
    if _have_weasyprint():
        return
    if os.environ.get("CI"):
        pytest.fail('CI must install the pdf extra: pip install -e ".[test,pdf]"')
    pytest.skip('WeasyPrint is not installed (pip install "strainscore[pdf]")')


def test_a_pdf_suffix_picks_the_pdf_format() -> None:
    assert format_for(None, "report.pdf") is FORMATS["pdf"]
    assert FORMATS["pdf"].binary


def test_a_product_renders_as_a_real_pdf_of_at_most_two_pages(
    golden_report: Report, need_weasyprint: None
) -> None:
    from dataclasses import replace

    one = replace(golden_report, products=golden_report.products[:1])
    pdf = pdf_format.render(one)
    assert pdf.startswith(b"%PDF-")
    assert 1 <= _pages(pdf) <= 2


HANDOUTS = Path(__file__).parents[2] / "data" / "handouts"


@pytest.mark.parametrize(("csv", "most"), [("one-product.csv", 2), ("five-products.csv", 6)])
def test_the_handouts_print_within_issue_19s_page_budget(
    csv: str, most: int, need_weasyprint: None
) -> None:
    """Against the shipped reference: one product on at most 2 pages, five on at most 6."""
    pdf = pdf_format.render(check_label(HANDOUTS / csv))
    assert 1 <= _pages(pdf) <= most


def test_a_missing_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(UsageError) as err:
        pdf_format.weasyprint()
    assert 'pip install "strainscore[pdf]"' in str(err.value)
    assert "libpango-1.0-0" in str(err.value)


def test_missing_pango_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(UsageError, match="apt-get install"):
        pdf_format.weasyprint()


def test_the_pdf_loads_nothing_from_outside() -> None:
    with pytest.raises(ValueError, match="load nothing"):
        pdf_format._refuse("https://x.invalid/a.png")
