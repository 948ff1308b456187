"""The rows of the products table, made in Python: laid out, escaped, made once per product."""

from __future__ import annotations

import dataclasses

from markupsafe import Markup
from report_fixtures import EVIL_PRODUCT

from strainscore.formats._index import index_rows
from strainscore.formats._studies import sources_for
from strainscore.formats._view import OutcomeRow, product_views
from strainscore.models import DoseCheck, OutcomeSummary, Report


def test_rows_escape_what_the_label_says_and_link_by_file_name(hostile_report: Report) -> None:
    views = product_views(hostile_report, sources_for(hostile_report))
    pages, sections = index_rows(views, True), index_rows(views, False)
    assert isinstance(pages, Markup)
    for html in (pages, sections):
        assert html.count("<tr>") == len(views)
        assert "<img" not in html and "<i>mood" not in html and "<script" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;</a>" in html
        assert "not supported: " in html and "&lt;i&gt;mood&lt;/i&gt;" in html
    first = views[0]
    assert f'<a href="{first.file_name}">' in pages and f'<a href="#{first.anchor}">' in sections
    assert index_rows(views, True) == pages  # the three index pages share each row
    assert EVIL_PRODUCT not in pages


def test_a_row_names_three_graded_outcomes_and_counts_the_rest(hostile_report: Report) -> None:
    view = product_views(hostile_report, sources_for(hostile_report))[0]
    rows = tuple(
        OutcomeRow(f"Outcome {i}", OutcomeSummary(f"o{i}", "low", "supports", "strain", ("A",)), (
            DoseCheck("below" if i == 0 else "meets"),
        ))
        for i in range(5)
    )  # fmt: skip
    html = index_rows((dataclasses.replace(view, rows=rows),), True)
    assert html.count("<li>") == 4 and "<li>and 2 more outcomes</li>" in html
    assert "<li>Outcome 0: " in html and "Outcome 3" not in html
    assert html.count("dose below studied") == 1
    none = index_rows((dataclasses.replace(view, rows=()),), True)
    assert '<td data-label="Best graded evidence"><span class="empty">none</span></td>' in none
