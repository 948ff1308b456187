"""Each reviewer rule, on a broken copy of the small fixture reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from refkit import base_tables, study, write_reference
from strainscore.errors import ReferenceDataError
from strainscore.reference import check_reference, load_reference

Tables = dict[str, list[dict[str, str]]]


def test_fixture_passes(small_ref_dir: Path) -> None:
    assert check_reference(small_ref_dir) == []


def test_shipped_reference_passes() -> None:
    assert check_reference() == []


def _set(table: str, i: int, **values: str) -> Callable[[Tables], None]:
    def change(t: Tables) -> None:
        t[table][i].update(values)

    return change


def _append(table: str, row: dict[str, str]) -> Callable[[Tables], None]:
    return lambda t: t[table].append(row)


def _trial_without_arms(t: Tables) -> None:
    t["studies.csv"].append(study("orphan2020"))
    t["findings.csv"].append({**t["findings.csv"][0], "study_id": "orphan2020"})


def _secondary_in_review(t: Tables) -> None:
    t["studies.csv"].append({**study("alpha2021"), "parent_study": "alpha2020"})
    t["interventions.csv"].append({**t["interventions.csv"][0], "study_id": "alpha2021"})
    t["findings.csv"].append({**t["findings.csv"][0], "study_id": "alpha2021"})
    t["review_trials.csv"][0]["study_id"] = "alpha2021"


BROKEN: dict[str, tuple[Callable[[Tables], None], str, str]] = {
    # name: (change, expected location prefix, expected message fragment)
    "duplicate-strain-id": (
        _set("strains.csv", 1, strain_id="texemplaris-t1"),
        "strains.csv:3: strain_id",
        "unique",
    ),
    "bad-doi": (_set("studies.csv", 0, doi="doi:10.5555/x"), "studies.csv:2: doi", "10\\."),
    "bad-pmid": (_set("studies.csv", 0, pmid="PMID123"), "studies.csv:2: pmid", "must be empty"),
    "no-identifier": (
        _set("studies.csv", 0, doi="", pmid=""),
        "studies.csv:2: doi",
        "DOI or a PMID",
    ),
    "year-range": (_set("studies.csv", 0, year="1850"), "studies.csv:2: year", "1900"),
    "n-not-integer": (_set("studies.csv", 0, n="12.5"), "studies.csv:2: n", "whole number"),
    "n-zero": (_set("studies.csv", 0, n="0"), "studies.csv:2: n", "from 1"),
    "design-vocab": (_set("studies.csv", 0, design="trial"), "studies.csv:2: design", "one of"),
    "effect-vocab": (
        _set("findings.csv", 0, effect="positive"),
        "findings.csv:2: effect",
        "one of",
    ),
    "missing-source-url": (
        _set("studies.csv", 0, source_url=""),
        "studies.csv:2: source_url",
        "must not be empty",
    ),
    "bad-checked-on": (
        _set("studies.csv", 0, checked_on="24/11/2026"),
        "studies.csv:2: checked_on",
        "YYYY-MM-DD",
    ),
    "human-without-age": (_set("studies.csv", 0, age_group=""), "studies.csv:2: age_group", "need"),
    "same-doi-twice": (
        _append("studies.csv", study("copy2020", doi="10.5555/alpha2020")),
        "studies.csv:7: doi",
        "duplicate study",
    ),
    "same-pmid-twice": (
        lambda t: (t["studies.csv"][0].update(pmid="123"), t["studies.csv"][1].update(pmid="123")),
        "studies.csv:3: pmid",
        "duplicate study",
    ),
    "unknown-strain-in-intervention": (
        _set("interventions.csv", 0, strain_id="nobody-x1"),
        "interventions.csv:2: strain_id",
        "unknown strain_id",
    ),
    "unknown-study-in-finding": (
        _set("findings.csv", 0, study_id="nostudy2020"),
        "findings.csv:2: study_id",
        "unknown study",
    ),
    "unknown-outcome": (
        _set("findings.csv", 0, outcome="happiness"),
        "findings.csv:2: outcome",
        "not in outcomes",
    ),
    "finding-for-missing-arm": (
        _set("findings.csv", 0, arm="B"),
        "findings.csv:2: arm",
        "no arm B",
    ),
    "name-points-at-two-strains": (
        _append(
            "names.csv",
            {
                "name": "tx 1",
                "kind": "alias",
                "strain_id": "texemplaris-t2",
                "current_name": "",
                "source": "https://example.org",
            },
        ),
        "names.csv:5: name",
        "already points at 'texemplaris-t1'",
    ),
    "name-with-no-target": (
        _set("names.csv", 1, strain_id=""),
        "names.csv:3: strain_id",
        "exactly one",
    ),
    "name-to-unknown-species": (
        _set("names.csv", 0, current_name="Nobody nowhere"),
        "names.csv:2: current_name",
        "not in",
    ),
    "strain-of-unknown-species": (
        _set("strains.csv", 0, species="ghostus"),
        "strains.csv:2: species",
        "not in species.csv",
    ),
    "same-designation-twice": (
        _set("strains.csv", 1, designation="t-1"),
        "strains.csv:3: designation",
        "same species",
    ),
    "blend-without-name": (
        _set("interventions.csv", 3, blend_name=""),
        "interventions.csv:5: blend_name",
        "differs",
    ),
    "study-without-findings": (
        _append("studies.csv", study("lonely2020")),
        "studies.csv:7: study_id",
        "no findings",
    ),
    "trial-findings-without-arms": (
        _trial_without_arms,
        "findings.csv:8: study_id",
        "no interventions.csv row, so it would appear in no report",
    ),
    "context-study-with-arms": (
        _set("context_studies.csv", 0, study_id="alpha2020"),
        "context_studies.csv:2: study_id",
        "has intervention rows",
    ),
    "review-lists-a-secondary-report": (
        _secondary_in_review,
        "review_trials.csv:2: study_id",
        "is a secondary report of 'alpha2020'",
    ),
    "claim-phrase-unknown-outcome": (
        _set("claim_phrases.csv", 0, outcomes="mood;nosuch"),
        "claim_phrases.csv:2: outcomes",
        "'nosuch' not in outcomes.csv",
    ),
    "claim-phrase-twice": (
        _set("claim_phrases.csv", 1, phrase="Supports Mood", language="en"),
        "claim_phrases.csv:3: phrase",
        "given twice",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_rule_catches_its_mistake(case: str, tmp_path: Path) -> None:
    change, where, fragment = BROKEN[case]
    tables = base_tables()
    change(tables)
    folder = write_reference(tmp_path / "ref", tables)
    problems = [str(p) for p in check_reference(folder)]
    hits = [p for p in problems if p.startswith(where)]
    assert hits, f"no problem at {where}; got {problems}"
    assert any(fragment in p for p in hits), hits


def test_unknown_column(small_ref_dir: Path) -> None:
    path = small_ref_dir / "outcomes.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0] + ",extra"] + [ln + ",x" for ln in lines[1:]]) + "\n")
    assert "outcomes.csv:1: extra: unknown column (not in the data dictionary)" in [
        str(p) for p in check_reference(small_ref_dir)
    ]


def test_all_problems_come_back_at_once(tmp_path: Path) -> None:
    tables = base_tables()
    tables["studies.csv"][0]["doi"] = "nope"
    tables["findings.csv"][0]["effect"] = "great"
    tables["strains.csv"][0]["species"] = "ghostus"
    problems = check_reference(write_reference(tmp_path / "ref", tables))
    files = {p.file for p in problems}
    assert {"studies.csv", "findings.csv", "strains.csv"} <= files


def test_missing_file_and_version(tmp_path: Path) -> None:
    folder = write_reference(tmp_path / "ref")
    (folder / "names.csv").unlink()
    (folder / "datapackage.json").write_text("{}")
    messages = [str(p) for p in check_reference(folder)]
    assert any(m.startswith("names.csv: file is missing") for m in messages)
    assert any("datapackage.json" in m and "version" in m for m in messages)


@pytest.mark.parametrize("damage", ["missing", "unreadable"])
def test_a_missing_or_unreadable_file_is_reported_once(tmp_path: Path, damage: str) -> None:
    folder = write_reference(tmp_path / "ref")
    if damage == "missing":
        (folder / "names.csv").unlink()
    else:
        (folder / "names.csv").write_bytes(b"\xff\xfe\x00bad")
    problems = [p for p in check_reference(folder) if p.file == "names.csv"]
    assert len(problems) == 1, problems
    assert problems[0].message.startswith(
        "file is missing from" if damage == "missing" else "cannot be read as UTF-8 CSV"
    )
    with pytest.raises(ReferenceDataError) as raised:
        load_reference(folder)
    assert str(raised.value).count("names.csv") == 1


def test_a_header_that_lost_a_name_is_a_problem_not_a_crash(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = write_reference(tmp_path / "ref")
    path = folder / "outcomes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0].removesuffix(",description"), *lines[1:]]) + "\n")
    (problem,) = check_reference(folder)
    assert str(problem) == (
        "outcomes.csv: cannot be read as UTF-8 CSV: the rows have more fields than the header"
    )
    assert problem.code == "unreadable-file"
    result = run_cli("reference", "check", str(folder), expect=2)
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_load_refuses_a_broken_reference(tmp_path: Path) -> None:
    tables = base_tables()
    tables["studies.csv"][0]["doi"] = "nope"
    folder = write_reference(tmp_path / "ref", tables)
    with pytest.raises(ReferenceDataError, match=r"studies\.csv:2: doi"):
        load_reference(folder)


def test_hash_and_version_are_reported(small_ref_dir: Path) -> None:
    ref = load_reference(small_ref_dir)
    assert ref.info.version == "9.9.9"
    assert len(ref.info.sha256) == 64
    other = write_reference(small_ref_dir.parent / "copy")
    assert load_reference(other).info.sha256 == ref.info.sha256


def test_cli_reference_check(run_cli, tmp_path: Path) -> None:
    run_cli("reference", "check")
    tables = base_tables()
    tables["studies.csv"][1]["pmid"] = "x1"
    folder = write_reference(tmp_path / "ref", tables)
    result = run_cli("reference", "check", str(folder), expect=2)
    assert "studies.csv:3: pmid:" in result.stdout
    assert "1 problem(s)" in result.stderr


def test_names_in_other_scripts_are_told_apart(tmp_path: Path) -> None:
    """Two Japanese trade names have no Latin letters to compare; they are compared as written,
    so two different ones are no clash, and the same one for two strains is."""
    tables = base_tables()

    def name(text: str, strain: str) -> dict[str, str]:
        return {
            "name": text,
            "kind": "trade-name",
            "strain_id": strain,
            "current_name": "",
            "source": "https://example.org",
        }

    tables["names.csv"] += [
        name("ラブレ菌", "texemplaris-t1"),
        name("乳酸菌ヘルベ", "texemplaris-t2"),
    ]
    assert not check_reference(write_reference(tmp_path / "a", tables))
    tables["names.csv"].append(name("ラブレ菌", "texemplaris-t2"))
    problems = [str(p) for p in check_reference(write_reference(tmp_path / "b", tables))]
    assert any("'ラブレ菌' already points at 'texemplaris-t1'" in p for p in problems)
