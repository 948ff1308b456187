"""The HTML report: self-contained, escaped, structured, and saying what the evidence is."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest
from html_audit import audit
from report_fixtures import PINNED

from strainscore.formats import render
from strainscore.formats.html_format import (
    CSP,
    INDEXES,
    environment,
    fill_folder,
    source_name,
    when_text,
)
from strainscore.models import Report

PAGE_NAME = re.compile(r"^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*\.html$")


def html_of(report: Report) -> str:
    return render(report, "html").decode("utf-8")


def one_product(report: Report, i: int = 0) -> Report:
    return dataclasses.replace(report, products=(report.products[i],))


def test_environment_escapes_everything_and_refuses_unknown_names() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing }}").render()


@pytest.mark.parametrize("which", ["golden_report", "hostile_report"])
def test_pages_are_self_contained_and_well_structured(which: str, request, tmp_path) -> None:
    report: Report = request.getfixturevalue(which)
    pages = {"all.html": html_of(report), "one.html": html_of(one_product(report))}
    fill_folder(report, tmp_path)
    pages |= {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    for name, html in pages.items():
        a = audit(html)
        assert a.problems == [], name
        assert a.csp == CSP and "default-src 'none'" in CSP and "script-src" not in CSP, name
        assert a.lang == "en", name
        for href in a.hrefs:
            if href.endswith(".html") or ".html#" in href:
                assert (tmp_path / href.split("#")[0]).is_file() or name in ("all.html", "one.html")


def test_user_text_is_escaped_everywhere(hostile_report: Report, tmp_path) -> None:
    fill_folder(hostile_report, tmp_path)
    for html in [html_of(hostile_report), *(p.read_text("utf-8") for p in tmp_path.iterdir())]:
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "<i>mood" not in html and "onerror=alert(1)>" not in html.replace("&gt;", "")
    page = html_of(hostile_report)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    # the index links the hostile product by its slug, never by its text
    index = (tmp_path / "index.html").read_text("utf-8")
    assert re.search(r'href="001-img-src-x-onerror-alert-1-[a-z0-9-]+\.html"', index)


def test_folder_has_index_sort_orders_and_one_safe_page_per_product(
    hostile_report: Report, tmp_path: Path
) -> None:
    fill_folder(hostile_report, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    pages = [n for n in names if n not in INDEXES]
    assert set(INDEXES) <= set(names)
    assert len(pages) == len(hostile_report.products) == len(set(pages))
    assert all(PAGE_NAME.match(n) for n in pages), pages
    # "A+B" and "A B" share a slug; the number keeps their pages apart
    assert any(n.endswith("-a-b-brand.html") for n in pages)
    assert sum(n.endswith("-a-b-brand.html") for n in pages) == 2
    index = (tmp_path / "index.html").read_text("utf-8")
    for n in pages:
        assert f'href="{n}"' in index
        assert 'href="index.html"' in (tmp_path / n).read_text("utf-8")
    by_name = (tmp_path / "index-by-name.html").read_text("utf-8")
    assert by_name.index(">A B<") < by_name.index(">A+B<") < by_name.index("Ünïcødé")
    assert 'aria-current="page"' in by_name and 'aria-sort="ascending"' in by_name


def test_product_page_in_a_folder_points_to_problems_not_tied_to_it(
    hostile_report: Report, tmp_path: Path
) -> None:
    fill_folder(hostile_report, tmp_path)
    first = next(p for p in sorted(tmp_path.iterdir()) if p.name.startswith("001-"))
    html = first.read_text("utf-8")
    assert "counted at manufacture" in html  # row 2 belongs to this product
    assert "1 more problem on rows that are in no product of this report" in html
    assert 'href="index.html#problems"' in html


def test_single_product_page_lists_every_problem(hostile_report: Report) -> None:
    html = html_of(one_product(hostile_report))
    assert "2 problems found in labels.xlsx" in html  # the file name only, never its folders
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "odd" not in html  # the folders of ../<b>odd</b>/labels.xlsx are not shown


def test_summary_says_what_a_consumer_needs(golden_report: Report) -> None:
    html = html_of(one_product(golden_report, 1))  # Mum Mood: HN001, 6 billion CFU a day
    short = html.split("Strain by strain")[0]
    assert "1 of 1 listed strain has strain-level evidence in people." in short
    assert (
        "Graded evidence for: Depression: likely helps, in pregnant women (certainty: moderate); "
        "Anxiety: unclear: studies disagree (certainty: moderate)" in short
    )
    first = re.search(r'<ul class="headline">\s*<li>(.*?)</li>', short)
    assert first, short  # plain words first, in the verdict ladder's words
    assert first.group(1).startswith("Likely helps with Depression (in pregnant women)")
    assert "unclear: studies disagree on Anxiety" in first.group(1)
    assert "Daily count on the label: 6 billion CFU." in short
    assert "The daily count reaches the studied dose for: Depression, Anxiety." in short
    assert 'role="img"' in short and "<title" in short  # the chart has a name
    assert "Label claims supported by graded evidence: 1 of 1 (1 supported)." in short


def test_verdicts_lead_and_certainty_never_looks_like_a_score(golden_report: Report) -> None:
    html = html_of(one_product(golden_report, 1))
    verdict = re.search(
        r'<strong class="verdict d-conflicting">(.*?)</strong> (<span.*?</span>)', html
    )
    assert verdict and verdict.group(1).endswith("</svg>unclear: studies disagree")
    assert verdict.group(2) == '<span class="badge certainty">certainty: moderate</span>'
    assert "likely helps, in pregnant women" in html
    assert "1 trial, 423 pregnant women" in html
    # No blocks, bars or stars: nothing that reads as "3 out of 4".
    assert "blk-" not in html and "■" not in html and "★" not in html
    assert "no effect found" in html  # a null result is shown


def test_ungraded_evidence_is_marked_not_graded(golden_report: Report) -> None:
    html = html_of(golden_report)
    assert "only as part of a blend" in html  # Rosell-175 alone: component
    assert "which this product does not hold whole" in html
    assert "other strains of this species were studied for" in html  # one line, not a grid
    assert "they do not transfer to this one" in html
    assert "animal or lab work only" in html
    assert html.count('class="badge ng"') >= 3


def test_resolution_is_explained(golden_report: Report) -> None:
    html = html_of(golden_report)
    assert "(by old name)" in html  # Lactobacillus rhamnosus HN001
    assert "(by alias)" in html  # Rosell-175
    assert "spelling corrected" in html  # Lactobacilus acidophilus
    assert "not recognised" in html  # Bacterium mysterium


def test_citations_link_only_to_doi_and_pubmed(golden_report: Report) -> None:
    html = html_of(golden_report)
    links = set(re.findall(r'href="(https?://[^"]+)"', html))
    assert links, "studies should be linked"
    assert all(
        re.match(r"https://(doi\.org/10\.|pubmed\.ncbi\.nlm\.nih\.gov/\d+/$)", u) for u in links
    ), links
    assert "https://doi.org/10.1016/j.ebiom.2017.09.013" in links
    assert "https://pubmed.ncbi.nlm.nih.gov/28943228/" in links
    assert "pillser.com" not in html  # source_url from the data is never a link


def test_reference_context_and_provenance_are_shown(golden_report: Report) -> None:
    html = html_of(golden_report)
    assert golden_report.reference.sha256 in html
    assert "version golden-1 of 2026-11-24" in html
    assert "labels.csv" in html and "2026-01-01 00:00 UTC" in html
    assert "Reviews pooling many strains" in html
    assert "it is not medical advice" in html


def test_a_report_cites_its_studies_even_when_its_reference_is_gone(golden_report: Report) -> None:
    gone = dataclasses.replace(
        golden_report,
        reference=dataclasses.replace(golden_report.reference, path="/nonexistent/ref"),
    )
    html = html_of(gone)
    assert "doi.org/10.1016/j.ebiom.2017.09.013" in html
    assert "study details unavailable" not in html


def test_a_report_that_carries_no_studies_shows_study_ids(golden_report: Report) -> None:
    bare = dataclasses.replace(golden_report, studies=(), outcome_labels=())
    html = html_of(bare)
    assert "slykerman2017" in html and "doi.org" not in html
    assert "study details unavailable" in html


def test_a_report_with_no_product_still_renders(golden_report: Report, tmp_path: Path) -> None:
    empty = dataclasses.replace(golden_report, products=())
    html = html_of(empty)
    assert "No product could be checked" in html
    assert audit(html).problems == []
    fill_folder(empty, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(INDEXES)


def test_print_css_keeps_rows_whole_and_page_size_free() -> None:
    html = html_of_blank()
    assert "@page { size: auto;" in html
    assert "break-inside: avoid" in html and "thead { display: table-header-group; }" in html


def test_print_lists_only_the_studies_its_printed_lines_cite(golden_report: Report) -> None:
    """Species, not-graded and context lines print their outcomes with a count of studies, not
    the citations (they are not evidence for the product); a study only they cite is left out
    of the printed list (it stays on screen). Graded evidence keeps its citations."""
    html = html_of(golden_report)
    items = dict(re.findall(r'<li id="ref-([^"]+)"( class="noprint")?>', html))
    screen_only = {sid for sid, hidden in items.items() if hidden}
    lines = [e for p in golden_report.products for s in p.strains for e in s.evidence]
    graded = {sid for e in lines if e.grade and e.basis != "species" for sid in e.study_ids}
    assert screen_only and graded
    assert screen_only == set(items) - graded
    assert re.search(r'<span class="print-inline">\d+ stud(y|ies)</span>', html)


def html_of_blank() -> str:
    env = environment()
    return env.get_template("_style.html").render()


@pytest.mark.parametrize(
    ("iso", "shown"),
    [(PINNED, "2026-01-01 00:00 UTC"), ("2026-05-01T12:30:00", "2026-05-01 12:30"), ("", "")],
)
def test_when_text(iso: str, shown: str) -> None:
    assert when_text(iso) == shown


@pytest.mark.parametrize(
    ("source", "name"),
    [("/home/ann/clients/labels.xlsx", "labels.xlsx"), ("C:\\Users\\x\\a.csv", "a.csv"),
     ("<text>", "a pasted ingredient list"), ("-", "standard input")],
)  # fmt: skip
def test_source_name_drops_folders(source: str, name: str) -> None:
    assert source_name(source) == name
