"""The verdict, dose, study-link and citation pieces made in Python: words, and escaped."""

from __future__ import annotations

from markupsafe import Markup

from strainscore.formats import _badges as b
from strainscore.formats._studies import Citation, Sources
from strainscore.formats.words import DIRECTION_WORDS, DOSE_WORDS
from strainscore.models import DoseCheck
from strainscore.verdict import Studied

EVIL = '<script>alert("x")</script>&'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;"


def test_evidence_says_the_verdict_and_certainty_in_words() -> None:
    html = b.evidence("moderate", "supports", "strain", DIRECTION_WORDS, None, Studied(2))
    assert isinstance(html, Markup)
    assert html.startswith('<strong class="verdict d-supports"><svg')
    assert '<use href="#dir-supports"/>' in html
    assert '<span class="badge certainty">certainty: moderate</span>' in html
    assert '<span class="studied">2 trials' in html
    assert b.evidence(None, None, "species") == '<span class="badge ng">not graded</span>'


def test_every_value_is_escaped() -> None:
    assert ESCAPED in b.evidence("low", "no-effect", "strain", DIRECTION_WORDS, EVIL)
    assert ESCAPED in b.dose(DoseCheck("below", note=EVIL), DOSE_WORDS)
    cite = Citation("s<1>", EVIL, title=EVIL, journal=EVIL, design="rct", population=EVIL)
    src = Sources({"s<1>": cite}, {}, True)
    links = b.cite_links(["s<1>"], src, 'p1-"')
    listed = b.citations([cite], '"p1-', frozenset(), False)
    for html in (links, listed):
        assert "<script" not in html and ESCAPED in html
        assert "s&lt;1&gt;" in html and '-"' not in html.replace('ref-s&lt;1&gt;"', "")
    assert listed.count(ESCAPED) == 4  # short, title, journal, population
    assert 'class="noprint"' in listed and "study details unavailable" in listed


def test_cite_links_inline_and_as_a_list() -> None:
    src = Sources({"a": Citation("a", "Ann 2020", design_short="RCT", n=1200)}, {}, True)
    assert b.cite_links(["a", "b"], src, "p2-", inline=True) == (
        '<a href="#p2-ref-a">Ann 2020</a>, <a href="#p2-ref-b">b</a>'
    )
    assert b.cite_links(["a"], src, "") == (
        '<ul class="cites"><li><a href="#ref-a">Ann 2020</a>'
        ' <span class="design">(RCT, n=1,200)</span></li></ul>'
    )


def test_context_lists_each_outcome_with_its_studies_linked_and_counted() -> None:
    ann, bob = Citation("a", "Ann 2020"), Citation("b", "Bob 2021")
    src = Sources({"a": ann, "b": bob}, {}, True)
    html = b.context_items([(EVIL, (ann, bob)), ("Sleep", (ann,))], src, "p3-")
    assert html == (
        f'<li>{ESCAPED}: <span class="noprint"><a href="#p3-ref-a">Ann 2020</a>, '
        '<a href="#p3-ref-b">Bob 2021</a></span><span class="print-inline">2 studies</span></li>\n'
        '<li>Sleep: <span class="noprint"><a href="#p3-ref-a">Ann 2020</a></span>'
        '<span class="print-inline">1 study</span></li>\n'
    )


def test_links_made_once_per_tuple_of_ids_still_take_each_pages_prefix() -> None:
    src = Sources({"a": Citation("a", "Ann 2020", design_short="RCT")}, {}, True)
    ids = ("a", "b")
    for prefix in ("p1-", "p22-", ""):
        assert b.cite_links(ids, src, prefix, inline=True) == (
            f'<a href="#{prefix}ref-a">Ann 2020</a>, <a href="#{prefix}ref-b">b</a>'
        )
        assert b.cite_links(ids, src, prefix) == (
            f'<ul class="cites"><li><a href="#{prefix}ref-a">Ann 2020</a> <span class="design">'
            f'(RCT)</span></li><li><a href="#{prefix}ref-b">b</a></li></ul>'
        )
    assert b.cite_links((), src, "p1-", inline=True) == ""
    assert b.cite_links((), src, "p1-") == '<ul class="cites"></ul>'
    other = Sources({"a": Citation("a", "Other 1999")}, {}, True)  # another report's sources
    assert "Other 1999" in b.cite_links(ids, other, "p1-", inline=True)
