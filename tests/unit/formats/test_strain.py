"""A label line's section of a report page, made in Python: laid out, and escaped."""

from __future__ import annotations

from markupsafe import Markup

from strainscore.formats._strain import strain_sections
from strainscore.formats._studies import Citation, Sources
from strainscore.models import (
    Amount,
    LabelLine,
    OutcomeEvidence,
    Resolution,
    StrainReport,
)
from strainscore.verdict import Studied

EVIL = '<script>alert("x")</script>&'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;"
SRC = Sources({"s1": Citation("s1", "Ann 2020")}, {"mood": "Mood"}, True)


def _line(**changes: object) -> LabelLine:
    fields: dict[str, object] = {
        "row": 7,
        "product": "P",
        "strain_text": EVIL,
        "cell_text": f"{EVIL}, more",
        "sheet": EVIL,
        "cfu_per_serving": Amount(EVIL, 2e9, "cfu"),
    }
    return LabelLine(**(fields | changes))  # type: ignore[arg-type]


def _strain(line: LabelLine, evidence: tuple[OutcomeEvidence, ...] = ()) -> StrainReport:
    res = Resolution(
        EVIL,
        "strain",
        name=EVIL,
        strain=EVIL,
        strain_id="x",
        via=("old-name",),
        corrected=True,
        suggestions=(EVIL, "B"),
        notes=(EVIL,),
    )
    return StrainReport(line, res, evidence, notes=(EVIL,))


def test_every_label_field_of_a_line_is_escaped() -> None:
    html = strain_sections((_strain(_line()),), 3, 'p1-"', "p1-", SRC, "labels.xlsx")
    assert isinstance(html, Markup)
    assert "<script" not in html and '"p1-"' not in html
    # the text (heading, "on the label"), its cell, sheet, count, name, strain, suggestion, notes
    assert html.count(ESCAPED) == 10
    assert f'<h3 id="p1-&#34;s1">1. <span class="label-text">{ESCAPED}</span></h3>' in html
    assert "(row 7, sheet <span" in html and "(2 billion CFU)" in html
    assert "(by old name)" in html and "the spelling on the label was corrected" in html


def test_a_pasted_list_names_no_row_and_no_cell() -> None:
    html = strain_sections((_strain(_line()),), 3, "p1-", "p1-", SRC, "<text>")
    assert '<dd class="again"><span class="label-text again">' in html
    assert "row 7" not in html and "from the cell" not in html


def test_lines_are_numbered_and_their_evidence_tabled() -> None:
    graded = OutcomeEvidence("mood", "strain", ("s1",), "low", "supports", studied=Studied(1))
    species = OutcomeEvidence("mood", "species", ("s1", "s2"))
    lines = (
        _strain(_line(strain_text="A", cell_text="A"), (graded, species)),
        _strain(_line(strain_text="B", cell_text="B")),
    )
    html = strain_sections(lines, 3, "p2-", "", SRC, "labels.xlsx")
    assert html.count('<section class="strain">') == 2 and html.endswith("</section>\n")
    assert 'id="p2-s1">1. ' in html and 'id="p2-s2">2. ' in html
    assert html.count("<table") == 1  # B has no evidence: a sentence instead
    assert '<a href="#ref-s1">Ann 2020</a>' in html
    assert "studied for Mood (" in html and "2 studies</span>)" in html
    assert "No study of this strain in people is recorded in the reference." in html
