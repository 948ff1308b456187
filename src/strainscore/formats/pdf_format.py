"""PDF: the HTML report laid out for print (its print CSS) by WeasyPrint, an optional extra.

``pip install "strainscore[pdf]"`` adds WeasyPrint; it needs Pango from the system (on Debian:
``apt-get install libpango-1.0-0 libpangoft2-1.0-0``). Without it, asking for a PDF stops with
that advice (exit 2) before anything is checked or written. WeasyPrint is given no base URL and
a URL fetcher that refuses everything: the page is self-contained, and nothing is fetched.
"""

from __future__ import annotations

import importlib
from typing import Any, NoReturn

from strainscore.errors import UsageError
from strainscore.formats import html_format
from strainscore.models import Report

INSTALL = 'pip install "strainscore[pdf]"'
SYSTEM = "apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0"


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"strainscore PDFs load nothing from outside the page ({url[:40]})")


def weasyprint() -> Any:
    """The weasyprint module, or a UsageError that says how to install it."""
    try:
        return importlib.import_module("weasyprint")
    except ImportError as exc:
        raise UsageError(
            f"PDF output needs the optional extra: {INSTALL} "
            f"(WeasyPrint also needs Pango: {SYSTEM}); {exc}",
            code="pdf-extra-missing",
        ) from None
    except OSError as exc:  # the module is there but Pango could not be loaded
        raise UsageError(
            f"PDF output: WeasyPrint cannot load Pango ({exc}); install it: {SYSTEM}",
            code="pdf-extra-missing",
        ) from None


def render(report: Report) -> bytes:
    """The one-page HTML report printed to PDF bytes (A4 unless the page asks otherwise)."""
    wp = weasyprint()
    page = html_format.render(report).decode("utf-8")
    doc = wp.HTML(string=page, url_fetcher=_refuse).render()
    data: bytes = doc.write_pdf()
    return data
