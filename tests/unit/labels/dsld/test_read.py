"""Reading DSLD label records: strain rows, blend counts, claims, and located errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dsldkit import ingredient, quantity, write
from strainscore.errors import InputFileError
from strainscore.labels import read_label
from strainscore.labels.dsld import read_dsld, read_dsld_bytes
from strainscore.labels.dsld.read import record_problems


def _lines(sheet: Any) -> list[tuple[str, str, float | None]]:
    return [
        (ln.strain_text, ln.cfu_per_serving.text if ln.cfu_per_serving else "", ln.row)
        for ln in sheet.lines
    ]


def test_the_example_reads_bacteria_and_yeast_rows_only(tmp_path: Path, record: Any) -> None:
    sheet = read_label(write(tmp_path / "label.json", record))
    texts = [ln.strain_text for ln in sheet.lines]
    assert texts == [
        "Lactobacillus helveticus (R0052)",
        "Bifidobacterium longum R0175",
        "Lactobacillus rhamnosus GG (LGG)",
        "Saccharomyces boulardii (CNCM I-745)",
    ]
    assert all(ln.product == "Example Mood and Gut Probiotic (DSLD 999001)" for ln in sheet.lines)
    assert {ln.brand for ln in sheet.lines} == {"Example Brand"}
    assert any("2 ingredient row(s) that are not bacteria or yeast" in n for n in sheet.notices)


def test_a_blend_without_strain_counts_shares_the_blend_count(tmp_path: Path, record: Any) -> None:
    sheet = read_label(write(tmp_path / "label.json", record))
    helveticus, longum = sheet.lines[0], sheet.lines[1]
    assert helveticus.row == longum.row  # one sheet row naming two strains: a product total
    assert helveticus.cfu_per_serving is not None
    assert helveticus.cfu_per_serving.cfu == 3e9  # from the blend's notes, not its 150 mg


def test_nested_strains_with_their_own_counts_get_their_own_rows(
    tmp_path: Path, record: Any
) -> None:
    blend = record["ingredientRows"][0]
    blend["nestedRows"][0]["notes"] = "1 billion CFU"
    blend["nestedRows"][1]["quantity"] = quantity(2, "Billion CFU")
    sheet = read_label(write(tmp_path / "label.json", record))
    a, b = sheet.lines[0], sheet.lines[1]
    assert a.row != b.row
    assert (
        a.cfu_per_serving and a.cfu_per_serving.cfu,
        b.cfu_per_serving and b.cfu_per_serving.cfu,
    ) == (1e9, 2e9)


def test_a_weight_alone_is_kept_and_reported_as_not_a_count(tmp_path: Path, record: Any) -> None:
    record["ingredientRows"] = [
        ingredient("Lactobacillus rhamnosus GG", quantity=quantity(50, "mg"))
    ]
    sheet = read_label(write(tmp_path / "label.json", record))
    assert sheet.lines[0].cfu_per_serving is not None
    assert sheet.lines[0].cfu_per_serving.unit == "mg"
    (warning,) = [i for i in sheet.issues if i.code == "non-cfu-unit"]
    assert warning.sheet == "label 999001" and warning.row == 1
    assert "ingredientRows[0]" in warning.message


def test_claims_come_from_claim_statements_whole(tmp_path: Path, record: Any) -> None:
    sheet = read_label(write(tmp_path / "label.json", record))
    claims = sheet.lines[0].claims
    assert "Additionally, this product supports a healthy immune system" in claims
    assert "Supports a calm mood and helps maintain digestive comfort" in claims
    assert not any("pregnant" in c or "Food and Drug" in c for c in claims)


def test_servings_per_day_are_the_fewest_directed(tmp_path: Path, record: Any) -> None:
    record["servingSizes"][0].update(minDailyServings=1, maxDailyServings=2)
    sheet = read_label(write(tmp_path / "label.json", record))
    assert {ln.servings_per_day for ln in sheet.lines} == {1.0}


def test_a_list_of_records_and_the_api_envelope_are_read(record: Any) -> None:
    import json

    other = dict(record, id=999002, fullName="Second")
    sheet = read_dsld_bytes(json.dumps([record, other]).encode(), "two.json")
    assert {ln.product for ln in sheet.lines} == {
        "Example Mood and Gut Probiotic (DSLD 999001)",
        "Second (DSLD 999002)",
    }
    wrapped = read_dsld_bytes(json.dumps({"data": record}).encode(), "one.json")
    assert len(wrapped.lines) == 4


def test_a_folder_reads_every_record_and_reports_a_bad_one(tmp_path: Path, record: Any) -> None:
    folder = tmp_path / "bulk"
    folder.mkdir()
    write(folder / "999001.json", record)
    write(folder / "999002.json", dict(record, id=999002, ingredientRows="none"))
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    sheet = read_label(folder)
    assert {ln.product for ln in sheet.lines} == {"Example Mood and Gut Probiotic (DSLD 999001)"}
    codes = sorted(i.code for i in sheet.issues if i.severity == "error")
    assert codes == ["bad-dsld-field", "not-dsld-record"]
    bad = next(i for i in sheet.issues if i.code == "bad-dsld-field")
    assert bad.file is not None and bad.file.endswith("999002.json")
    assert bad.sheet == "label 999002"
    assert "'ingredientRows' must be a list, not text" in bad.message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "not valid JSON (line 1, column 2"),
        (b'{"name": "a recipe", "steps": []}', "not a DSLD label record"),
        (b'{"hits": [{"_id": "1"}], "stats": {}}', "DSLD search result"),
        (b'"just text"', "not a DSLD label record"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_foreign_json_is_a_located_error(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "label.json"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as exc:
        read_label(path)
    assert words in exc.value.message
    assert str(path) in exc.value.message


def test_field_problems_name_their_path(record: Any) -> None:
    record["ingredientRows"][0]["nestedRows"][1]["quantity"] = [{"quantity": "ten", "unit": "CFU"}]
    record["fullName"] = 7
    problems = record_problems(record)
    assert "'fullName' must be text, not a number" in problems
    assert (
        "'ingredientRows[0].nestedRows[1].quantity[0].quantity' must be a number, not text"
        in problems
    )


def test_a_label_with_no_microbes_is_said_not_dropped(tmp_path: Path, record: Any) -> None:
    plain = dict(record, id=999003, ingredientRows=[ingredient("Vitamin C", "vitamin")])
    folder = tmp_path / "bulk"
    folder.mkdir()
    write(folder / "a.json", record)
    write(folder / "b.json", plain)
    sheet = read_dsld(folder)
    (warning,) = [i for i in sheet.issues if i.code == "no-microbe-rows"]
    assert warning.sheet == "label 999003" and warning.severity == "warning"
    with pytest.raises(InputFileError, match="lists no bacteria or yeast"):
        read_label(write(tmp_path / "only.json", plain))


def test_a_genus_name_makes_a_strain_row_whatever_the_category(tmp_path: Path, record: Any) -> None:
    record["ingredientRows"] = [ingredient("Saccharomyces boulardii CNCM I-745", "botanical")]
    sheet = read_label(write(tmp_path / "label.json", record))
    assert [ln.strain_text for ln in sheet.lines] == ["Saccharomyces boulardii CNCM I-745"]


def test_the_input_file_is_not_changed(tmp_path: Path, record: Any) -> None:
    path = write(tmp_path / "label.json", record)
    before = path.read_bytes()
    read_label(path)
    assert path.read_bytes() == before
