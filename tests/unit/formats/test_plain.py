"""The plain sentences that open each product."""

from __future__ import annotations

from strainscore.formats.plain import plain_summary
from strainscore.models import Report


def _label(outcome: str) -> str:
    return outcome.replace("-", " ").capitalize()


def test_each_product_opens_with_plain_words(golden_report: Report) -> None:
    texts = [plain_summary(p, _label) for p in golden_report.products]
    assert all(t and t[0].isupper() and t.endswith(".") for t in texts)
    assert all("strain-level" not in t for t in texts)  # no jargon first


def test_species_only_product_says_so_in_one_sentence(golden_report: Report) -> None:
    from dataclasses import replace

    p = golden_report.products[0]
    species = tuple(
        replace(s, resolution=replace(s.resolution, match="species")) for s in p.strains
    )
    text = plain_summary(replace(p, strains=species, claims=()), _label)
    assert text.startswith("The label names species only")
    assert text.count(".") == 1


def test_a_claim_without_a_benefit_is_not_supported(golden_report: Report) -> None:
    from dataclasses import replace

    from strainscore.models import ClaimCheck

    p = golden_report.products[0]
    claim = ClaimCheck("improves mood", ("mood",), (("x", "mood", "moderate", "no-effect"),))
    text = plain_summary(replace(p, claims=(claim,)), _label)
    assert "Its claim “improves mood” is not supported by the trials of these strains." in text
