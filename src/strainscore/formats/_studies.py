"""Study details (title, journal, DOI, PMID, design, n) and outcome names for a report.

A ``Report`` carries the studies it cites (``Report.studies``) and the names of the outcomes, so
what a report shows never depends on the filesystem. A report that carries none (built by hand)
shows the study ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strainscore.formats._safe import doi_url, pubmed_url
from strainscore.formats.words import DESIGN_SHORT, DESIGN_WORDS
from strainscore.models import Report


@dataclass(frozen=True)
class Citation:
    """One study as a report cites it. Links are built from checked identifiers only."""

    study_id: str
    short: str  # "Slykerman 2017", or the id when the study is not known
    title: str = ""
    journal: str = ""
    design: str = ""  # plain words
    design_short: str = ""  # "RCT", "animal"
    n: int | None = None
    population: str = ""
    doi: str = ""
    pmid: str = ""
    doi_url: str | None = None
    pubmed_url: str | None = None

    @property
    def design_n(self) -> str:
        """'randomised controlled trial, n=423'."""
        return _with_n(self.design, self.n)

    @property
    def short_design_n(self) -> str:
        """'RCT, n=423'."""
        return _with_n(self.design_short, self.n)


def _with_n(design: str, n: int | None) -> str:
    parts = [design] if design else []
    if n is not None:
        parts.append(f"n={n:,}")
    return ", ".join(parts)


@dataclass
class Sources:
    """What a report cites, looked up in the reference it was made with."""

    citations: dict[str, Citation] = field(default_factory=dict)
    outcome_labels: dict[str, str] = field(default_factory=dict)
    found: bool = False  # False: the report carries no studies; ids are shown instead

    def cite(self, study_id: str) -> Citation:
        return self.citations.get(study_id) or Citation(study_id, study_id)

    def outcome(self, outcome: str) -> str:
        return self.outcome_labels.get(outcome) or outcome.replace("-", " ").capitalize()


def sources_for(report: Report) -> Sources:
    """Citations and outcome names from what `report` carries; ids only when it carries none."""
    citations = {
        s.study_id: Citation(
            study_id=s.study_id,
            short=s.short,
            title=s.title,
            journal=s.journal,
            design=DESIGN_WORDS.get(s.design, s.design),
            design_short=DESIGN_SHORT.get(s.design, s.design),
            n=s.n,
            population=s.population,
            doi=s.doi,
            pmid=s.pmid,
            doi_url=doi_url(s.doi),
            pubmed_url=pubmed_url(s.pmid),
        )
        for s in report.studies
    }
    return Sources(citations, dict(report.outcome_labels), bool(report.studies))
