"""The evidence atlas as a static, offline site: one self-contained page per strain, blend,
outcome and study, and an index (``strainscore reference site -o site/``).

Pages share the reports' CSS, their Content-Security-Policy (no script, nothing loaded from
outside) and their autoescaped templates; links are relative, to sibling pages, or built from
checked DOIs and PMIDs only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from strainscore.formats import html_format
from strainscore.formats._safe import doi_url, pubmed_url
from strainscore.formats.plain import evidence_sentence
from strainscore.output import write_folder
from strainscore.text.slug import slug
from strainscore.workflows.atlas import Atlas, BlendPage, StrainPage


def _plain(atlas: Atlas) -> Any:
    def plain(page: StrainPage | BlendPage) -> str:
        graded = [(atlas.outcome_label(e.outcome), e.grade, e.direction) for e in page.evidence]
        graded = [g for g in graded if g[1]]
        return evidence_sentence(graded, "No graded trial in people is recorded for it.")

    return plain


def fill_site(atlas: Atlas, folder: Path) -> int:
    """Write every page into `folder` (already there and empty); returns the number of pages."""
    env = html_format.environment()
    blend_names = {b.file: b.name for b in atlas.blends}
    common: dict[str, Any] = {
        "atlas": atlas,
        "ref": atlas.reference,
        "plain": _plain(atlas),
        "blend_names": blend_names,
        "outcome_file": lambda o: f"outcome-{slug(o)}.html",
        "doi_url": doi_url,
        "pubmed_url": pubmed_url,
    }
    env = env.overlay()  # its own filters; the reports' environment is left as it is
    env.filters = {**env.filters, "study_file": atlas.study_file}
    pages: list[tuple[str, str, Any]] = [("index.html", "atlas/index.html", None)]
    pages += [(p.file, "atlas/strain.html", p) for p in atlas.strains]
    pages += [(p.file, "atlas/blend.html", p) for p in atlas.blends]
    pages += [(p.file, "atlas/outcome.html", p) for p in atlas.outcomes]
    pages += [(p.file, "atlas/study.html", p) for p in atlas.studies]
    for name, template, page in pages:
        html = env.get_template(template).render(page=page, **common)
        target = folder / name
        if target.parent != folder:  # names are built from slugs; this only guards the rule
            raise ValueError(f"unsafe file name {name!r}")
        target.write_text(html, encoding="utf-8")
    return len(pages)


def write_site(atlas: Atlas, output: Path, *, force: bool = False) -> int:
    """Write the atlas into `output`, whole or not at all; returns the number of pages."""
    count: list[int] = []
    write_folder(output, lambda tmp: count.append(fill_site(atlas, tmp)), force=force)
    return count[0]
