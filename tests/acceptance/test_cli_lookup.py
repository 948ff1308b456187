"""``strainscore lookup``: exit codes, JSON keys, the words a consumer reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from strainscore.cli import main


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, ["lookup", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_text_output_for_a_strain() -> None:
    r = _run("Lactobacillus rhamnosus GG")
    assert r.exit_code == 0, r.stderr
    assert "Match: strain - Lacticaseibacillus rhamnosus GG" in r.stdout
    assert "pre-2020 name" in r.stdout
    assert "Studies held for this strain" in r.stdout
    assert "doi:" in r.stdout
    assert "Match levels:" in r.stdout and "not medical advice" in r.stdout


def test_text_output_for_a_species_says_nothing_transfers() -> None:
    r = _run("Lactobacillus rhamnosus")
    assert r.exit_code == 0
    assert "Match: species - Lacticaseibacillus rhamnosus" in r.stdout
    assert "studies exist for other strains of this species; they do not transfer" in r.stdout
    assert "Studies held for this strain" not in r.stdout


def test_text_output_for_unknown() -> None:
    r = _run("Lactobacilllllus rhamnosus")
    assert r.exit_code == 0
    assert "Match: unknown" in r.stdout
    assert "Did you mean: Lacticaseibacillus rhamnosus" in r.stdout


def test_json_keys() -> None:
    r = _run("L. helveticus Rosell-52", "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    for k in ("label_text", "match", "corrected", "via", "resolved", "suggestions", "studies"):
        assert k in data
    assert set(data["resolved"]) == {
        "name",
        "genus",
        "species",
        "subspecies",
        "strain",
        "strain_id",
    }
    assert data["match"] == "strain" and data["resolved"]["strain_id"] == "lhelveticus-r0052"
    assert data["studies"] and all("findings" in s and "doi" in s for s in data["studies"])
    blends = {s["blend"] for s in data["studies"]}
    assert any(b for b in blends)  # R0052 was studied in blends with R0175


def test_json_grades_the_strain_alone_when_grading_is_built() -> None:
    pytest.importorskip("strainscore.evidence")
    data = json.loads(_run("L. gasseri CP2305", "-f", "json").stdout)
    strain_bodies = [e for e in data["evidence"] if e["basis"] == "strain"]
    assert strain_bodies and all(e["grade"] for e in strain_bodies)
    assert all(e["verdict"] for e in strain_bodies)
    text = _run("L. gasseri CP2305").stdout
    assert "for this strain alone: " in text and "(certainty: " in text
    # a species line is never graded
    assert json.loads(_run("L. gasseri", "-f", "json").stdout)["evidence"] == []


def test_json_for_unknown_has_nulls() -> None:
    data = json.loads(_run("Inulin", "-f", "json").stdout)
    assert data["match"] == "unknown"
    assert all(v is None for v in data["resolved"].values())
    assert data["studies"] == []


def test_json_species_counts_other_strain_studies() -> None:
    data = json.loads(_run("L. plantarum", "-f", "json").stdout)
    assert data["match"] == "species"
    assert data["studies"] == []
    assert data["other_strain_studies"] >= 1


def test_blank_text_is_a_usage_error() -> None:
    r = _run("   ")
    assert r.exit_code == 2
    assert "strainscore: error:" in r.stderr


def test_missing_argument_is_a_usage_error() -> None:
    r = CliRunner().invoke(main, ["lookup"])
    assert r.exit_code == 2


def test_bad_reference_folder(tmp_path: Path) -> None:
    r = _run("LGG", "--reference", str(tmp_path / "missing"))
    assert r.exit_code == 2
    assert "reference" in r.stderr


def test_several_strains_get_a_hint() -> None:
    r = _run("L. rhamnosus GG, B. lactis BB-12")
    assert r.exit_code == 0
    assert "several strains" in r.stderr


@pytest.mark.parametrize("text", ["BB-12®", "Lаctobacillus rhamnosus GG", "L. rhamnosus HNOO1"])
def test_corrected_is_shown(text: str) -> None:
    data = json.loads(_run(text, "-f", "json").stdout)
    assert data["match"] == "strain"
    if text != "BB-12®":
        assert data["corrected"] is True
        assert "Corrected: yes" in _run(text).stdout


def test_help() -> None:
    r = CliRunner().invoke(main, ["lookup", "--help"])
    assert r.exit_code == 0
    assert "strain, species, genus or unknown" in r.stdout


def test_lookup_text_carries_the_grade_legend(run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("lookup", "Lacticaseibacillus rhamnosus HN001").stdout
    assert "Certainty (GRADE-inspired, computed)" in out
    assert "not a score of the product" in out
    assert "not medical advice" in out


def test_searched_strain_without_studies_says_when(small_ref_dir: Path) -> None:
    r = _run("Testibacillus exemplaris T3", "--reference", str(small_ref_dir))
    assert r.exit_code == 0, r.stderr
    assert (
        "no studies of it: searched on 2026-11-30 (1 search logged): no human trials found"
        in r.stdout
    )
    data = json.loads(
        _run("Testibacillus exemplaris T3", "--reference", str(small_ref_dir), "-f", "json").stdout
    )
    assert data["search"] == {
        "last_searched": "2026-11-30",
        "searches": 1,
        "status": "searched on 2026-11-30 (1 search logged): no human trials found",
    }


def test_unsearched_animal_only_strain_says_not_yet_reviewed(small_ref_dir: Path) -> None:
    r = _run("Testibacillus exemplaris T2", "--reference", str(small_ref_dir))
    # T2 has animal work and a blend study in people: the blend is human evidence, so the
    # search line is the last-search one, and it has none.
    assert "Last literature search" not in r.stdout
    r1 = _run("Testibacillus exemplaris T1", "--reference", str(small_ref_dir))
    assert "Last literature search logged for this strain: 2026-11-30." in r1.stdout


def test_a_formulation_name_lists_its_strains(small_ref_dir: Path) -> None:
    r = _run("DuoMax", "--reference", str(small_ref_dir))
    assert "'DuoMax' is the name of a formulation, Duo Blend" in r.stdout
    assert "Testibacillus exemplaris T2 + Testibacillus secundus S9" in r.stdout
    data = json.loads(_run("DuoMax", "--reference", str(small_ref_dir), "-f", "json").stdout)
    assert [f["name"] for f in data["formulations"]] == ["Duo Blend"]
