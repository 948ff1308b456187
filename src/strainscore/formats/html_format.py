"""HTML reports people print and hand on: one self-contained page per product, and an index.

Pages carry their CSS and SVG inline and a Content-Security-Policy that forbids scripts and any
outside load, so a page opens offline, can be e-mailed, and runs nothing even if a label held
markup. Every template is autoescaped; links are built here from checked DOIs and PMIDs only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from strainscore import __version__
from strainscore.errors import UsageError
from strainscore.formats import _badges, words
from strainscore.formats._chart import svg as chart_svg
from strainscore.formats._index import index_rows
from strainscore.formats._outcomes import outcome_table
from strainscore.formats._strain import strain_sections
from strainscore.formats._studies import Sources, sources_for
from strainscore.formats._view import ProductView, index_order, product_views
from strainscore.formats.words import DIRECTION_WORDS, DOSE_WORDS, count_text
from strainscore.models import Report
from strainscore.resources import templates_dir
from strainscore.verdict import verdict_of

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
# The most products one HTML (or PDF) file holds; a bigger batch is written as a folder
# (index + one page per product). 2,000 products on one page were 57 MB and took Chromium 94 s.
ONE_PAGE_MAX = 200
# index file name -> (order key, words for the link); index.html lists products as in the file.
INDEXES = {
    "index.html": ("file", "as in the file"),
    "index-by-name.html": ("name", "by product name"),
    "index-by-evidence.html": ("evidence", "best evidence first (what was found, then certainty)"),
}


@lru_cache(maxsize=4)
def environment(folder: str | None = None) -> jinja2.Environment:
    """The jinja2 environment: every template autoescaped, undefined names an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder or str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # shipped templates do not change while a report is written
    )
    env.globals.update(
        b=_badges,  # verdict, certainty, dose and study-link pieces (formats/_badges.py)
        words=words,
        direction_words=DIRECTION_WORDS,
        dose_words=DOSE_WORDS,
        cfu_text=words.cfu_text,
        certainty_text=words.certainty_text,
        verdict_of=verdict_of,
        claim_status_words=words.CLAIM_STATUS_WORDS,
        claim_counts_text=words.claim_counts_text,
        chart_svg=chart_svg,
        index_rows=index_rows,  # the products table's rows (formats/_index.py)
        outcome_table=outcome_table,  # "Best evidence per outcome" (formats/_outcomes.py)
        strain_sections=strain_sections,  # "Strain by strain" (formats/_strain.py)
        csp=CSP,
        version=__version__,
        indexes=INDEXES,
    )
    env.filters["when"] = when_text
    env.filters["count"] = count_text
    env.filters["source_name"] = source_name
    return env


def source_name(source: str) -> str:
    """The input's file name without its folders (a report is handed on; paths stay home)."""
    if source == "<text>":
        return "a pasted ingredient list"
    if source == "-":
        return "standard input"
    return re.split(r"[\\/]", source)[-1] or source


def when_text(iso: str) -> str:
    """'2026-11-24T01:48:59+00:00' -> '2026-11-24 01:48 UTC' (the text as given if not a date)."""
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
        return t.strftime("%Y-%m-%d %H:%M UTC")
    return t.strftime("%Y-%m-%d %H:%M")


def refuse_one_file(products: int, fmt: str = "html") -> None:
    """Over ONE_PAGE_MAX products one file is refused (exit 2): a folder is asked for."""
    if products > ONE_PAGE_MAX:
        raise UsageError(
            f"{products:,} products are too many for one {fmt.upper()} file (at most "
            f"{ONE_PAGE_MAX:,}: a bigger page is slow to open and print); write a folder "
            "instead, e.g. -o reports/",
            code="too-many-for-one-page",
        )


def _page(template: str, report: Report, src: Sources, **context: Any) -> bytes:
    env = environment()
    about = _about(env, report, src)
    html = env.get_template(template).render(report=report, src=src, about=about, **context)
    return html.encode("utf-8")


_ABOUT: dict[int, tuple[Report, Markup]] = {}


def _about(env: jinja2.Environment, report: Report, src: Sources) -> Markup:
    """The section "How to read this report" (_about.html), the same on every page of a report:
    rendered once per report (its trailing newline left to the page's line)."""
    hit = _ABOUT.get(id(report))
    if hit is None or hit[0] is not report:
        module = env.get_template("_about.html").make_module(
            {"report": report, "src": src, "lv": 2}
        )
        _ABOUT.clear()  # one report at a time is all a run formats
        hit = _ABOUT[id(report)] = (report, module.__html__().removesuffix("\n"))
    return hit[1]


def render(report: Report) -> bytes:
    """One page: the product's own page for one product, or every product on one page."""
    src = sources_for(report)
    views = product_views(report, src)
    cited = {c.study_id: c for v in views for c in v.cited}  # once for the page
    ordered = sorted(cited.values(), key=lambda c: (c.short.lower(), c.study_id))
    printed = frozenset().union(*(v.printed for v in views))
    return _page(
        "report.html", report, src, views=views, index_link=None, cited=ordered, printed=printed
    )


def fill_folder(report: Report, folder: Path) -> None:
    """Write index.html (with two more sort orders) and one page per product into `folder`.

    Product pages are independent: a big batch is rendered on the machine's cores (see
    ``_pages``); the index pages are rendered once, here."""
    src = sources_for(report)
    views = product_views(report, src)
    _pages(report, src, views, folder)
    for name, (key, _) in INDEXES.items():
        ordered = index_order(views, key)
        page = _page("index.html", report, src, views=ordered, current=name)
        _write(folder, name, page)


def _product_pages(
    report: Report, src: Sources, views: Sequence[ProductView], folder: Path
) -> None:
    environment().get_template("report.html")  # compiled before any fork, shared by all
    for view in views:
        page = _page(
            "report.html", report, src, views=(view,), index_link="index.html", cited=(),
            printed=view.printed,
        )  # fmt: skip
        _write(folder, view.file_name, page)


def _pages(report: Report, src: Sources, views: Sequence[ProductView], folder: Path) -> None:
    """Every product page; in parallel processes when there are enough of them (parallel.py)."""
    from strainscore.formats._parallel import in_parts

    in_parts(lambda part: _product_pages(report, src, part, folder), views)


def _write(folder: Path, name: str, data: bytes) -> None:
    target = folder / name
    if target.parent != folder:  # names are built from slugs; this only guards the rule
        raise ValueError(f"unsafe file name {name!r}")
    target.write_bytes(data)
