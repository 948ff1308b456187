"""Every bad-input case gives a clear answer: the right code, a useful message, no traceback."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from label_cases import load_make_cases, manifest

from strainscore.errors import EXIT_BAD_INPUT, InputFileError, all_codes
from strainscore.labels import read_label

CASES = manifest()


def _options(text: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for part in filter(None, text.split(";")):
        key, value = part.split("=", 1)
        out[key] = int(value) if key == "max_rows" else value
    return out


def test_manifest_and_generator_agree() -> None:
    built = set(load_make_cases().BUILDERS) | {"missing.csv"}
    listed = [c["case"] for c in CASES]
    assert len(listed) == len(set(listed))
    assert set(listed) == built
    assert len(listed) >= 40
    codes = {c.code for c in all_codes()}
    assert {c["code"] for c in CASES if c["code"]} <= codes


@pytest.mark.parametrize("row", CASES, ids=[c["case"] for c in CASES])
def test_case(row: dict[str, str], bad_inputs: dict[str, Path]) -> None:
    path = bad_inputs[row["case"]]
    if row["case"] == "unreadable.csv" and os.access(path, os.R_OK):
        pytest.skip("running as a user who can read a mode-000 file (root)")
    options = _options(row["options"])
    if row["exit_code"] == str(EXIT_BAD_INPUT):
        with pytest.raises(InputFileError) as info:
            read_label(path, **options)  # type: ignore[arg-type]
        err = info.value
        assert err.code == row["code"], err.message
        assert row["message"] in err.message
        assert str(path) in err.message or row["case"] == "missing.csv"
        assert err.message.endswith((".", ")")), err.message
        return
    sheet = read_label(path, **options)  # type: ignore[arg-type]
    assert len(sheet.lines) == int(row["lines"]), sheet.issues
    if row["code"]:
        matching = [i for i in sheet.issues if i.code == row["code"]]
        assert matching, sheet.issues
        assert any(row["message"] in i.message for i in matching), matching
        for i in matching:
            assert i.file == str(path)
            assert i.row is not None or i.severity == "notice", i  # notices are about the file
    else:
        assert not [i for i in sheet.issues if i.severity == "error"], sheet.issues
        assert row["message"] in " | ".join(sheet.notices), sheet.notices


def test_input_files_are_not_changed(bad_inputs: dict[str, Path]) -> None:
    before = {
        name: (p.stat().st_mtime_ns, p.read_bytes())
        for name, p in bad_inputs.items()
        if p.is_file() and os.access(p, os.R_OK)
    }
    for name in before:
        with contextlib.suppress(InputFileError):
            read_label(bad_inputs[name])
    for name, (mtime, data) in before.items():
        p = bad_inputs[name]
        assert (p.stat().st_mtime_ns, p.read_bytes()) == (mtime, data), name
    assert sorted(p.name for p in next(iter(bad_inputs.values())).parent.iterdir()) == sorted(
        p.name for name, p in bad_inputs.items() if name != "missing.csv"
    )


def test_blank_product_cells_continue_the_product_above(bad_inputs: dict[str, Path]) -> None:
    sheet = read_label(bad_inputs["product_on_first_row_only.csv"])
    assert [(ln.row, ln.product) for ln in sheet.lines] == [
        (2, "Calm Gut"),
        (3, "Calm Gut"),
        (4, "Focus"),
    ]
    assert any("(3)" in n for n in sheet.notices), sheet.notices


def test_ambiguous_blank_product_is_refused_at_its_row(bad_inputs: dict[str, Path]) -> None:
    sheet = read_label(bad_inputs["product_blank_after_blank_row.csv"])
    (problem,) = [i for i in sheet.issues if i.code == "product-ambiguous"]
    assert (problem.row, problem.column, problem.severity) == (4, "A", "error")
    assert not [i for i in sheet.issues if i.code == "missing-value"]  # reported once


def test_species_and_strain_columns_are_joined(bad_inputs: dict[str, Path]) -> None:
    sheet = read_label(bad_inputs["species_and_strain_columns.csv"])
    assert [ln.strain_text for ln in sheet.lines] == [
        "Lacticaseibacillus rhamnosus GG",
        "Bifidobacterium lactis BB-12",
    ]


def test_escape_sequences_leave_nothing_behind(bad_inputs: dict[str, Path]) -> None:
    sheet = read_label(bad_inputs["escapes_in_cells.csv"])
    assert sheet.lines[0].product == "P"
    assert sheet.lines[0].strain_text == "L. rhamnosus GG"


def test_impossible_counts_never_reach_a_dose(bad_inputs: dict[str, Path]) -> None:
    for name in ("negative_cfu.csv", "near_float_limit_cfu.csv", "huge_number_cfu.xlsx"):
        sheet = read_label(bad_inputs[name])
        assert all(ln.product != "P" for ln in sheet.lines), name
        bad = [i for i in sheet.issues if i.code == "invalid-cfu"]
        assert [i.row for i in bad] == [2], name


def test_a_count_with_its_superscript_lost_is_an_error_naming_its_cell(tmp_path: Path) -> None:
    """'109 CFU' would be read as 109 CFU, far below every studied dose: the row is left out with
    the cell named and how to write the count."""
    path = tmp_path / "lost.csv"
    path.write_text("product,strain,cfu_per_serving\nP,L. rhamnosus GG,109 CFU\n", encoding="utf-8")
    sheet = read_label(path)
    assert sheet.lines == ()
    (bad,) = [i for i in sheet.issues if i.code == "invalid-cfu"]
    assert (bad.row, bad.column) == (2, "C")
    assert "superscript was lost" in bad.message and "10^9" in bad.message
