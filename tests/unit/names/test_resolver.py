"""Targeted behaviour of the resolver: how it says what it matched, and what it refuses to do."""

from __future__ import annotations

import pytest

import strainscore.names as names
from strainscore.models import ReferenceInfo
from strainscore.names import resolve, resolve_many
from strainscore.names.resolver import Resolver
from strainscore.reference import Reference
from strainscore.reference.model import NameEntry, Species, Strain


def test_old_name_says_so(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacillus rhamnosus GG")
    assert res.match == "strain" and res.strain_id == "lrhamnosus-gg"
    assert res.via == ("old-name",)
    assert any("pre-2020 name Lactobacillus rhamnosus" in n for n in res.notes)
    assert not res.corrected


def test_current_name(resolver: Resolver) -> None:
    res = resolver.resolve("Lacticaseibacillus rhamnosus GG")
    assert res.via == ("current-name",)
    assert res.notes == ()


def test_abbreviation_names_both_genera(resolver: Resolver) -> None:
    res = resolver.resolve("L. rhamnosus")
    assert res.match == "species" and res.name == "Lacticaseibacillus rhamnosus"
    assert res.via == ("abbreviation",)
    assert any("Lacticaseibacillus or Lactobacillus" in n for n in res.notes)


def test_abbreviation_of_a_former_name(resolver: Resolver) -> None:
    res = resolver.resolve("B. lactis BB-12")
    assert res.via[:2] == ("abbreviation", "old-name")
    assert res.subspecies == "lactis"


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("L. rhamnosus ATCC 53103", "deposit"),
        ("L. reuteri Protectis", "trade-name"),
        ("L. rhamnosus LGG", "alias"),
        ("Lactobacillus acidophilus Rosell-52", "reidentified"),
        ("BB-12", "designation-only"),
    ],
)
def test_via_names_the_step(resolver: Resolver, text: str, step: str) -> None:
    res = resolver.resolve(text)
    assert res.match == "strain"
    assert step in res.via


def test_species_only_is_never_a_strain(resolver: Resolver) -> None:
    for text in ("Lactobacillus rhamnosus", "Saccharomyces boulardii", "Bifidobacterium infantis"):
        res = resolver.resolve(text)
        assert res.match == "species"
        assert res.strain is None and res.strain_id is None
        assert any("no strain designation" in n for n in res.notes)


def test_unheld_designation_is_kept_as_written(resolver: Resolver) -> None:
    res = resolver.resolve("L. rhamnosus HN002")
    assert res.match == "species" and res.designation_text == "HN002"
    assert any("'HN002' is not in the reference" in n for n in res.notes)


@pytest.mark.parametrize(
    "text", ["L. rhamnosus HN002", "HN002", "L. rhamnosus HN01", "L. rhamnosus HN0001"]
)
def test_designations_are_never_fuzzy(resolver: Resolver, text: str) -> None:
    assert resolver.resolve(text).strain_id is None


def test_confusable_characters_are_flagged(resolver: Resolver) -> None:
    res = resolver.resolve("L. rhamnosus HNOO1")
    assert res.strain == "HN001" and res.corrected
    assert "corrected-characters" in res.via
    assert any("'HNOO1' read as 'HN001'" in n for n in res.notes)


def test_spelling_correction_is_flagged(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacilus rhamnosus")
    assert res.corrected and "corrected-spelling" in res.via
    assert any("'Lactobacilus' read as 'Lactobacillus'" in n for n in res.notes)


@pytest.mark.parametrize(
    "text",
    [
        "Lactobacillus sakei",  # a real species one letter from casei: not corrected
        "Latilactobacillus sakei",  # a real genus two letters from Ligilactobacillus
        "Lactobacillus jensenii",
        "Bifidobacterium brevis",  # 'breve' is two edits away in a six-letter word
    ],
)
def test_no_correction_towards_another_real_name(resolver: Resolver, text: str) -> None:
    res = resolver.resolve(text)
    assert not res.corrected
    # The species itself when the taxonomy has it (sakei, jensenii), never the near one.
    assert res.match in ("genus", "unknown") or res.name in (
        "Latilactobacillus sakei",
        "Lactobacillus jensenii",
    )


def test_short_words_are_not_corrected(resolver: Resolver) -> None:
    # "lactus" (6) is one edit from "lactis" and allowed; "casi" (4) is never corrected.
    assert resolver.resolve("L. casi").match == "unknown"


def test_homoglyphs_are_mapped_and_flagged(resolver: Resolver) -> None:
    res = resolver.resolve("L\u0430ctobacillus rhamnosus GG")  # Cyrillic a
    assert res.strain_id == "lrhamnosus-gg"
    assert res.corrected and "homoglyph" in res.via
    assert res.label_text == "L\u0430ctobacillus rhamnosus GG"


def test_conflicting_species_is_flagged_not_accepted(resolver: Resolver) -> None:
    res = resolver.resolve("Bifidobacterium longum BB-12")
    assert res.match == "species" and res.name == "Bifidobacterium longum"
    assert res.suggestions == ("Bifidobacterium animalis subsp. lactis BB-12",)
    assert any("held in the reference for Bifidobacterium animalis" in n for n in res.notes)


def test_reidentified_strain(resolver: Resolver) -> None:
    res = resolver.resolve("L. casei Shirota")
    assert res.strain_id == "lparacasei-shirota" and "reidentified" in res.via
    assert any("sold as Lacticaseibacillus casei" in n for n in res.notes)


def test_subspecies_once_sold_as(resolver: Resolver) -> None:
    res = resolver.resolve("B. infantis 35624")
    assert res.strain_id == "blongum-35624" and res.subspecies == "longum"
    assert "reidentified" in res.via


def test_deposit_in_parentheses_resolves(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacillus rhamnosus (ATCC 53103)")
    assert res.strain_id == "lrhamnosus-gg" and "deposit" in res.via
    assert res.designation_text == "ATCC 53103"


def test_deposit_in_parentheses_contradicting(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacillus rhamnosus HN001 (ATCC 53103)")
    assert res.match == "species"
    assert set(res.suggestions) == {
        "Lacticaseibacillus rhamnosus HN001",
        "Lacticaseibacillus rhamnosus GG",
    }


def test_amount_is_not_part_of_the_designation(resolver: Resolver) -> None:
    res = resolver.resolve("L. rhamnosus GG 10 billion CFU")
    assert res.strain == "GG" and res.designation_text == "GG"
    assert res.amount_text == "10 billion CFU"


def test_unknown_has_suggestions(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacilllllus rhamnosus")
    assert res.match == "unknown"
    assert "Lacticaseibacillus rhamnosus" in res.suggestions


def test_too_short_alone(resolver: Resolver) -> None:
    res = resolver.resolve("GG")
    assert res.match == "unknown"
    assert res.suggestions == ("Lacticaseibacillus rhamnosus GG",)
    assert res.designation_text == "GG"


def test_genus_of_the_2020_split(resolver: Resolver) -> None:
    res = resolver.resolve("Lactobacillus")
    assert res.match == "genus" and res.name == "Lactobacillus"
    assert any("before 2020" in n for n in res.notes)


def test_empty_and_odd_inputs(resolver: Resolver) -> None:
    for text in ("", "   ", "()", "®", "10 billion CFU", "(((", "L.", "."):
        res = resolver.resolve(text)
        assert res.match == "unknown" and res.label_text == text


def test_non_string_does_not_raise(resolver: Resolver) -> None:
    assert resolver.resolve(None).match == "unknown"  # type: ignore[arg-type]
    assert resolver.resolve(12.5).match == "unknown"  # type: ignore[arg-type]


def test_to_dict_round(resolver: Resolver) -> None:
    d = resolver.resolve("BB-12®").to_dict()
    assert d["resolved"]["strain_id"] == "banimalis-bb12"
    assert d["via"] == ["designation-only"]


def test_public_resolve_uses_shipped_reference() -> None:
    assert resolve("LGG").strain_id == "lrhamnosus-gg"


def test_resolve_many_resolves_each_distinct_text_once(
    monkeypatch: pytest.MonkeyPatch, reference: Reference
) -> None:
    calls: list[str] = []
    original = Resolver.resolve

    def counting(self: Resolver, text: str) -> object:
        calls.append(text)
        return original(self, text)

    monkeypatch.setattr(Resolver, "resolve", counting)
    texts = ["LGG", "BB-12", "LGG", "L. rhamnosus", "BB-12", "LGG"]
    out = resolve_many(texts, reference)
    assert sorted(calls) == sorted(set(texts))
    assert set(out) == set(texts)
    assert out["LGG"].strain_id == "lrhamnosus-gg"


def test_resolver_is_built_once_per_reference(reference: Reference) -> None:
    a = names._resolver(reference)
    b = names._resolver(reference)
    assert a is b


def _tiny_reference() -> Reference:
    """Lactococcus lactis and an old name 'Lactobacillus lactis': 'L. lactis' is ambiguous."""
    info = ReferenceInfo("test", "2026-01-01", "0" * 64, "")
    species = {
        "Lactococcus lactis": Species(
            "Lactococcus lactis", "Lactococcus", "lactis", "", "bacterium"
        ),
        "Lactobacillus delbrueckii subsp. lactis": Species(
            "Lactobacillus delbrueckii subsp. lactis",
            "Lactobacillus",
            "delbrueckii",
            "lactis",
            "bacterium",
        ),
    }
    strains = {"llactis-w19": Strain("llactis-w19", "Lactococcus", "lactis", "", "W19")}
    names_ = (
        NameEntry(
            "Lactobacillus lactis", "old-name", "", "Lactobacillus delbrueckii subsp. lactis", "x"
        ),
    )
    return Reference(info, strains, species, names_, {}, {}, (), {})


def test_ambiguous_abbreviation_is_not_guessed() -> None:
    r = Resolver(_tiny_reference())
    res = r.resolve("L. lactis")
    assert res.match == "unknown"
    assert set(res.suggestions) == {
        "Lactococcus lactis",
        "Lactobacillus delbrueckii subsp. lactis",
    }
    assert any("write the genus in full" in n for n in res.notes)


def test_ambiguous_abbreviation_decided_by_designation() -> None:
    res = Resolver(_tiny_reference()).resolve("L. lactis W19")
    assert res.match == "strain" and res.strain_id == "llactis-w19"
    assert res.via[0] == "abbreviation"


def test_full_genus_is_not_ambiguous() -> None:
    res = Resolver(_tiny_reference()).resolve("Lactobacillus lactis")
    assert res.match == "species" and res.name == "Lactobacillus delbrueckii subsp. lactis"
    assert res.via == ("old-name",)


def test_a_name_in_another_script_is_not_matched_by_every_such_text() -> None:
    """A trade name of no Latin letters ('乳酸菌ヘルベ') has no matching key: it must not catch
    every label line that is all Chinese or Korean (they all reduce to the same empty key)."""
    import dataclasses

    ref = _tiny_reference()
    cjk = NameEntry("乳酸菌ヘルベ", "trade-name", "llactis-w19", "", "x")
    r = Resolver(dataclasses.replace(ref, names=(*ref.names, cjk)))
    for text in ("粪肠球菌", "바실루스리케니포르미스균", "蜡样芽孢杆菌"):
        assert r.resolve(text).strain_id is None
    assert r.resolve("Lactococcus lactis W19").strain_id == "llactis-w19"


def test_the_suggestion_index_is_built_only_when_a_line_needs_it(reference: Reference) -> None:
    """A bottle whose strains are all held never pays for the letter-pair index."""
    fresh = Resolver(reference)
    assert fresh.resolve("Lactobacillus rhamnosus GG").strain_id == "lrhamnosus-gg"
    assert "suggester" not in vars(fresh)
    genus_only = fresh.resolve("Lactobacillus zzz")
    assert genus_only.match == "genus" and "suggester" in vars(fresh)


@pytest.mark.parametrize(
    "text", ["Lactobacillus rhamnosus Gorbach-Goldin", "L. rhamnosus Gorbach Goldin"]
)
def test_gg_spelled_out_as_its_discoverers_is_gg(resolver: Resolver, text: str) -> None:
    """GG stands for Gorbach and Goldin, and a journal writes the strain so (names.csv)."""
    assert resolver.resolve(text).strain_id == "lrhamnosus-gg"
