"""A product's table of best evidence per outcome, made in Python: laid out, and escaped."""

from __future__ import annotations

from markupsafe import Markup

from strainscore.formats._outcomes import outcome_table
from strainscore.formats._view import OutcomeRow
from strainscore.models import DoseCheck, OutcomeSummary
from strainscore.verdict import Studied

EVIL = '<script>alert("x")</script>&'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;"


def test_outcome_table_escapes_the_label_lines_it_names() -> None:
    graded = OutcomeSummary("mood", "low", "supports", "strain", (EVIL, "B"), Studied(1))
    ungraded = OutcomeSummary("sleep", None, None, "mechanistic", (EVIL,))
    rows = (
        OutcomeRow(EVIL, graded, (DoseCheck("below"),)),
        OutcomeRow("Sleep", ungraded, ()),
    )
    html = outcome_table(rows)
    assert isinstance(html, Markup) and "<script" not in html
    assert f'<td data-label="From">{ESCAPED}; B</td>' in html
    assert f'<th scope="row">{ESCAPED}</th>' in html
    assert '<span class="dose-below">' in html
    assert '<tr class="ng">' in html and "animal or lab work only" in html
    assert html.startswith('<table class="outcomes cards">') and html.endswith("</table>")
