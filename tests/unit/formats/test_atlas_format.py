"""The evidence atlas: every strain, blend, outcome and study gets a page; links resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strainscore.formats.atlas_format import fill_site
from strainscore.models import GRADE_ORDER
from strainscore.reference import load_reference
from strainscore.workflows.atlas import Atlas, build_atlas, rank_key


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return build_atlas(load_reference())


@pytest.fixture(scope="module")
def site(atlas: Atlas, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    fill_site(atlas, folder)
    return folder


def test_every_strain_outcome_and_study_has_a_page(atlas: Atlas, site: Path) -> None:
    ref = atlas.reference
    names = {p.name for p in site.iterdir()}
    assert len(atlas.strains) == len(ref.strains) and len(atlas.studies) == len(ref.studies)
    assert len(atlas.outcomes) == len(ref.outcomes)
    wanted = {"index.html"} | {p.file for p in (*atlas.strains, *atlas.blends)}
    wanted |= {p.file for p in (*atlas.outcomes, *atlas.studies)}
    assert names == wanted  # one file per page, no name used twice
    assert len(wanted) == 1 + len(atlas.strains) + len(atlas.blends) + 34 + len(ref.studies)


def test_every_link_resolves_to_a_page_or_a_checked_identifier(site: Path) -> None:
    names = {p.name for p in site.iterdir()}
    for page in site.iterdir():
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "Content-Security-Policy" in html
        for href in re.findall(r'href="([^"#]+)', html):
            ok = href in names or href.startswith(
                ("https://doi.org/10.", "https://pubmed.ncbi.nlm.nih.gov/")
            )
            assert ok, (page.name, href)


def test_outcome_pages_rank_by_grade_then_direction(atlas: Atlas) -> None:
    ranked = [p for p in atlas.outcomes if len(p.ranked) > 2]
    assert ranked
    for p in ranked:
        keys = [rank_key(r.evidence) for r in p.ranked]
        assert keys == sorted(keys), p.outcome
        assert all(r.evidence.grade in GRADE_ORDER for r in p.ranked)


def test_a_strain_page_holds_its_studies_doses_and_search_log(atlas: Atlas, site: Path) -> None:
    page = next(p for p in atlas.strains if p.strain.strain_id == "lrhamnosus-hn001")
    html = (site / page.file).read_text(encoding="utf-8")
    assert "Search log" in html and page.searches and page.searches[0].query[:20] in html
    assert "Who was studied" in html and "Daily dose" in html
    assert page.blends and all(f'href="{f}"' in html for f in page.blends)
    assert all(e.basis != "formulation" for e in page.evidence)  # a blend's grade stays its own


def test_a_blend_page_grades_the_blend_once(atlas: Atlas) -> None:
    graded = [b for b in atlas.blends if b.evidence]
    assert graded
    for b in graded:
        outcomes = [e.outcome for e in b.evidence]
        assert len(outcomes) == len(set(outcomes)) and all(e.grade for e in b.evidence)
